package fr.bilan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

/**
 * What each failure of the mail server means for a message (RFC 5321 §4.2.1): 5xx for good, 4xx for
 * now, no reply at all (the server down) for now and stop the run; the relay's refusal of the
 * platform's own credentials is the platform's settings, never the message's fault.
 */
class MailFailureTest {

    private static final String TO = "camille@example.org";

    /** As JavaMailSenderImpl reports a message the server refused: the exception per message. */
    private static MailException refused(Exception cause) {
        return new MailSendException(Map.of(new Object(), cause));
    }

    private static MailException recipientRefused(int code) throws Exception {
        return refused(new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(new InternetAddress(TO),
                "RCPT TO:<" + TO + ">", code, code + " refused")));
    }

    static Stream<Arguments> failures() throws Exception {
        return Stream.of(
                Arguments.of("550 at RCPT: no such mailbox", recipientRefused(550), true, false, 550),
                Arguments.of("553 at RCPT: mailbox name not allowed", recipientRefused(553), true, false, 553),
                Arguments.of("554 after DATA: rejected as spam", refused(new SMTPSendFailedException("DATA", 554,
                        "554 rejected", null, null, null, null)), true, false, 554),
                Arguments.of("552 after DATA: too big", refused(new SMTPSendFailedException("DATA", 552,
                        "552 too big", null, null, null, null)), true, false, 552),
                Arguments.of("451 at RCPT: greylisted", recipientRefused(451), false, false, 451),
                Arguments.of("452 at RCPT: mailbox full", recipientRefused(452), false, false, 452),
                Arguments.of("421 after DATA: the server closes", refused(new SMTPSendFailedException("DATA", 421,
                        "421 closing", null, null, null, null)), false, true, 421),
                Arguments.of("550 at MAIL FROM: the relay refuses the platform's sender", refused(new SMTPSenderFailedException(
                        new InternetAddress("ne-pas-repondre@bilan.example"), "MAIL FROM", 550, "550 not allowed")),
                        true, false, 550),
                Arguments.of("530 at MAIL FROM: authentication required", refused(new SMTPSenderFailedException(
                        new InternetAddress("ne-pas-repondre@bilan.example"), "MAIL FROM", 530, "530 auth required")),
                        false, true, 530),
                Arguments.of("535: the platform's credentials refused", new MailAuthenticationException("535 invalid"),
                        false, true, 0),
                Arguments.of("connection refused", new MailSendException("Mail server connection failed",
                        new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"))),
                        false, true, 0),
                Arguments.of("read timed out", refused(new MessagingException("Exception reading response",
                        new SocketTimeoutException("Read timed out"))), false, true, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailureIsForGoodOnlyWhenTheServerRefusesTheMessageWithA5xx(String name, MailException failure,
            boolean permanent, boolean relayDown, int code) {
        MailFailure meaning = MailFailure.of(failure);

        assertThat(meaning.permanent()).isEqualTo(permanent);
        assertThat(meaning.relayDown()).isEqualTo(relayDown);
        assertThat(meaning.replyCode()).isEqualTo(code);
    }
}

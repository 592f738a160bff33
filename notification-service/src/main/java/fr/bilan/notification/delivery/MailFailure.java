package fr.bilan.notification.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;

/**
 * What a failure to hand a message to the mail server means for it. An SMTP reply code 5xx refuses
 * this message for good (RFC 5321 §4.2.1); a 4xx, a refused or lost connection, a timeout are for
 * now. Replies about the relay's own access (530, 534, 535, 538: authentication) are the platform's
 * settings, not the message: for now, until an operator fixes them.
 *
 * @param permanent  the message is refused for good
 * @param relayDown  the mail server cannot be talked to at all: the run stops, later messages would fail alike
 * @param replyCode  the SMTP reply code, 0 when none came back
 * @param detail     what happened, for the log (may name an address: never recorded with the message)
 */
record MailFailure(boolean permanent, boolean relayDown, int replyCode, String detail) {

    private static final Set<Integer> RELAY_ACCESS = Set.of(530, 534, 535, 538);

    static MailFailure of(MailException failure) {
        if (failure instanceof MailAuthenticationException) {
            return new MailFailure(false, true, 0, "the mail server refused the platform's credentials: " + failure.getMessage());
        }
        int code = replyCode(failure);
        if (code >= 500 && code < 600 && !RELAY_ACCESS.contains(code)) {
            return new MailFailure(true, false, code, failure.getMessage());
        }
        if (code >= 400 && code < 600) {
            // 421 closes the connection: the server is going away, everything after would fail alike
            return new MailFailure(false, code == 421 || RELAY_ACCESS.contains(code), code, failure.getMessage());
        }
        return new MailFailure(false, true, 0, failure.getMessage());
    }

    /** The first SMTP reply code among the causes, 0 when none (the connection itself failed). */
    private static int replyCode(MailException failure) {
        Deque<Throwable> toSee = new ArrayDeque<>();
        toSee.add(failure);
        if (failure instanceof MailSendException send) {
            toSee.addAll(List.of(send.getMessageExceptions()));
        }
        Set<Throwable> seen = new HashSet<>();
        while (!toSee.isEmpty()) {
            Throwable next = toSee.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (next instanceof SMTPSenderFailedException sender) {
                return sender.getReturnCode();
            }
            if (next instanceof SMTPSendFailedException send) {
                return send.getReturnCode();
            }
            List<Throwable> causes = new ArrayList<>();
            causes.add(next.getCause());
            if (next instanceof MessagingException messaging) {
                causes.add(messaging.getNextException());
            }
            causes.stream().filter(cause -> cause != null).forEach(toSee::add);
        }
        return 0;
    }
}

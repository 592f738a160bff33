package fr.bilan.notification.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.bilan.support.testing.GrpcServiceTestSupport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server for the tests (GreenMail, in process, on a fixed loopback port), which can be
 * stopped and started again on the same port (the relay down, then back), and made to answer a
 * recipient with a reply of the test's choosing (a 550 for good, a 451 for now), as a real relay does
 * at {@code RCPT TO}. What arrived is read as received.
 */
final class TestMailServer {

    final int port = GrpcServiceTestSupport.freePort();
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private GreenMail server;

    void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)) {
            @Override
            protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
                return super.createServices(config, new Replying(managers, replies));
            }
        };
        server.start();
    }

    void stop() {
        server.stop();
    }

    /** From now on, {@code RCPT TO:<address>} is answered {@code reply} (e.g. {@code 550 5.1.1 Unknown user}). */
    void reply(String address, String reply) {
        replies.put(address, reply);
    }

    void acceptAll() {
        replies.clear();
    }

    /** The messages received for {@code address}, in the order they arrived. */
    List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> sentTo(message, address)).toList();
    }

    List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(to -> ((InternetAddress) to).getAddress().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GreenMail's managers, with an SMTP manager answering the replies set for some recipients. */
    private static final class Replying extends Managers {

        private final Managers managers;
        private final SmtpManager smtp;

        Replying(Managers managers, Map<String, String> replies) {
            this.managers = managers;
            this.smtp = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress address) {
                    return replies.get(address.getEmail());
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }

        @Override
        public UserManager getUserManager() {
            return managers.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
            return managers.getImapHostManager();
        }
    }
}

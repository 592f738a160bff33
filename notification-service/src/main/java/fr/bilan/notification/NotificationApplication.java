package fr.bilan.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Tells people what they need to know, by e-mail, on time: convocations to sessions and their
 * changes, reminders, the agreement awaiting signature, the synthèse ready to download, and the staff's
 * daily digests; records each message without its body.
 */
@SpringBootApplication
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }
}

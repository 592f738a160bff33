package fr.bilan.notification.recipient;

import java.util.Objects;

/** How a message reaches its recipient now, or why it cannot. */
public sealed interface Reach {

    /**
     * @param email        where it goes
     * @param greetingName how the reader is greeted (given and family names), empty when unknown
     */
    record Address(String email, String greetingName) implements Reach {

        public Address {
            Objects.requireNonNull(email);
            Objects.requireNonNull(greetingName);
        }
    }

    /** @param reason why not, in French, as the centre reads it (never the address itself) */
    record Nowhere(String reason) implements Reach {

        public Nowhere {
            Objects.requireNonNull(reason);
        }
    }
}

package fr.bilan.notification.recipient;

import java.util.Objects;

/** How a message reaches its recipient now, or why it cannot. */
public sealed interface Reach {

    /**
     * @param email           where it goes
     * @param greetingName    how the reader is greeted (given and family names), empty when unknown
     * @param beneficiaryName the beneficiary a message to their consultant is about, as it names them;
     *                        {@code null} for any other message
     */
    record Address(String email, String greetingName, String beneficiaryName) implements Reach {

        public Address {
            Objects.requireNonNull(email);
            Objects.requireNonNull(greetingName);
        }

        public Address(String email, String greetingName) {
            this(email, greetingName, null);
        }

        /** The same address, for a message about the beneficiary named {@code name}. */
        public Address about(String name) {
            return new Address(email, greetingName, name);
        }
    }

    /** @param reason why not, in French, as the centre reads it (never the address itself) */
    record Nowhere(String reason) implements Reach {

        public Nowhere {
            Objects.requireNonNull(reason);
        }
    }
}

package fr.bilan.notification.message;

import java.util.Objects;

/** Whom a message is for: an id resolved to an address only when it is sent. */
public sealed interface Recipient {

    /** The id that orders this person's messages: one person's are sent in the order they were due. */
    String id();

    /** A beneficiary, reached through beneficiary-service. */
    record Beneficiary(String beneficiaryId) implements Recipient {

        public Beneficiary {
            Objects.requireNonNull(beneficiaryId);
        }

        @Override
        public String id() {
            return "beneficiary:" + beneficiaryId;
        }
    }

    /**
     * The contact a funder's yearly survey is sent to, at the address only its fact carries: nothing of
     * the contact is kept, the record names the survey (and through it the funder) only.
     */
    record FunderContact(String surveyId) implements Recipient {

        public FunderContact {
            Objects.requireNonNull(surveyId);
        }

        @Override
        public String id() {
            return "funder-survey:" + surveyId;
        }
    }

    /** A staff member (identity provider subject), reached through the identity provider. */
    record Staff(String accountId) implements Recipient {

        public Staff {
            Objects.requireNonNull(accountId);
        }

        @Override
        public String id() {
            return "account:" + accountId;
        }
    }
}

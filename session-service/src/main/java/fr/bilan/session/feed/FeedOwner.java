package fr.bilan.session.feed;

import java.util.Set;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.support.security.Caller;

/**
 * Whose sessions a feed shows, by their login's subject: a consultant's (the sessions they lead) or
 * a beneficiary's (the sessions of their bilans).
 */
record FeedOwner(Kind kind, String subject) {

    enum Kind {
        CONSULTANT("consultant"),
        BENEFICIARY("beneficiary");

        /** The realm role the owner's login holds, as the access record names it. */
        private final String realmRole;

        Kind(String realmRole) {
            this.realmRole = realmRole;
        }
    }

    /** The caller's own feed; the contract lets only consultants and beneficiaries ask for one. */
    static FeedOwner of(Caller caller) {
        return new FeedOwner(caller.hasRole(Role.CONSULTANT) ? Kind.CONSULTANT : Kind.BENEFICIARY, caller.subject());
    }

    /** Who reads through the feed's URL, for the access record: the owner, who gave it to their calendar. */
    Caller asCaller() {
        return new Caller(subject, Set.of(kind.realmRole), Set.of());
    }
}

package fr.bilan.support.identity;

import java.util.Optional;

/**
 * The logins of the identity provider, as it knows them now: whether a subject is a consultant of a
 * centre, whether a login may be linked to a beneficiary.
 */
public interface AccountDirectory {

    /**
     * The login {@code subject} names; empty when the identity provider has none.
     *
     * @throws DirectoryUnavailable when the identity provider cannot be asked now
     */
    Optional<Account> find(String subject);
}

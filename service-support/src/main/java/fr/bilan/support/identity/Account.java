package fr.bilan.support.identity;

import java.util.Set;

import fr.bilan.proto.auth.AccessRules;
import fr.bilan.proto.auth.v1.Role;

/**
 * A login of the identity provider as the platform needs to know it: its subject (what tokens name
 * as {@code sub}), its realm roles and the centres it belongs to (the groups under {@code /centres},
 * the {@code centres} claim of its tokens), and how to write to its holder (notification-service's
 * messages to staff).
 *
 * @param email      its e-mail address, {@code null} when the provider has none
 * @param givenName  its first name, {@code null} when the provider has none
 * @param familyName its last name, {@code null} when the provider has none
 */
public record Account(String subject, Set<String> roles, Set<String> centres, String email, String givenName,
        String familyName) {

    /** The roles of people who work for the platform's centres or the network, and of its services. */
    public static final Set<String> STAFF_ROLES = Set.of(AccessRules.realmRole(Role.CONSULTANT),
            AccessRules.realmRole(Role.CENTRE_MANAGER), AccessRules.realmRole(Role.NETWORK_ADMIN),
            AccessRules.realmRole(Role.AUDITOR), AccessRules.realmRole(Role.PLATFORM_SERVICE));

    public Account {
        roles = Set.copyOf(roles);
        centres = Set.copyOf(centres);
    }

    /** A login whose address and names do not matter to the caller. */
    public Account(String subject, Set<String> roles, Set<String> centres) {
        this(subject, roles, centres, null, null, null);
    }

    public boolean hasRole(Role role) {
        return roles.contains(AccessRules.realmRole(role));
    }

    /** Whether the login holds any staff role. */
    public boolean isStaff() {
        return roles.stream().anyMatch(STAFF_ROLES::contains);
    }
}

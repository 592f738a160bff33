package fr.bilan.notification.recipient;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.notification.message.Notification;
import fr.bilan.notification.message.NotificationKind;
import fr.bilan.notification.message.Recipient;
import fr.bilan.notification.message.Subject;
import fr.bilan.support.identity.Account;
import fr.bilan.support.identity.AccountDirectory;
import fr.bilan.support.identity.DirectoryUnavailable;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Whom a message goes to, looked up when it is sent: a beneficiary through beneficiary-service, a member
 * of staff through the identity provider. A person without a usable address is {@link Reach.Nowhere},
 * with the reason the centre reads; a look-up that cannot be made now is {@link ContactsUnavailable}.
 */
public class Recipients {

    static final String BENEFICIARY_UNKNOWN = "Le bénéficiaire est inconnu ou ses données personnelles ont été "
            + "effacées : il n'y a aucune adresse à laquelle lui écrire.";
    static final String BENEFICIARY_WITHOUT_EMAIL = "Le bénéficiaire n'a pas d'adresse e-mail enregistrée : "
            + "ajoutez-la à sa fiche pour qu'il reçoive les prochains messages.";
    static final String ACCOUNT_UNKNOWN = "Ce compte n'existe plus chez le fournisseur d'identité : il n'y a aucune "
            + "adresse à laquelle écrire.";
    static final String ACCOUNT_WITHOUT_EMAIL = "Ce compte n'a pas d'adresse e-mail chez le fournisseur d'identité : "
            + "ajoutez-la pour qu'il reçoive les prochains messages.";
    static final String NOT_THEIR_CONSULTANT = "Ce consultant n'accompagne plus ce bénéficiaire : le message ne lui "
            + "est pas envoyé. Prévenez le consultant qui le suit désormais de l'entretien de suivi à planifier.";
    static final String FUNDER_CONTACT_NOT_KEPT = "L'adresse du contact du financeur n'est conservée nulle part : "
            + "le message part avec l'enquête, à la prochaine transmission de quality-service.";
    static final String INVALID_EMAIL = "L'adresse e-mail enregistrée n'est pas une adresse valide : corrigez-la pour "
            + "que les prochains messages partent.";

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final BeneficiaryContacts beneficiaries;
    private final AccountDirectory accounts;

    public Recipients(BeneficiaryContacts beneficiaries, AccountDirectory accounts) {
        this.beneficiaries = beneficiaries;
        this.accounts = accounts;
    }

    /**
     * Where {@code message} goes now, and, for a message telling a consultant about a beneficiary (a follow-up
     * accepted), the beneficiary's name as beneficiary-service says it now: read for that purpose (their
     * access register records it) and told only to a consultant who looks after them.
     *
     * @throws ContactsUnavailable when it cannot be said now
     */
    public Reach reach(Notification message) {
        if (!(message.subject() instanceof Subject.FollowUp followUp)
                || !(message.recipient() instanceof Recipient.Staff consultant)) {
            return reach(message.recipient(), message.kind());
        }
        Optional<BeneficiaryContact> about = beneficiaries.find(followUp.beneficiaryId(), purpose(message.kind()));
        if (about.isEmpty()) {
            return new Reach.Nowhere(BENEFICIARY_UNKNOWN);
        }
        if (!about.get().consultantIds().contains(consultant.accountId())) {
            return new Reach.Nowhere(NOT_THEIR_CONSULTANT);
        }
        Reach reach = reach(consultant, message.kind());
        return reach instanceof Reach.Address to
                ? to.about(fullName(about.get().givenName(), about.get().familyName()))
                : reach;
    }

    /**
     * Where a message of {@code kind} to {@code recipient} goes now.
     *
     * @throws ContactsUnavailable when it cannot be said now
     */
    public Reach reach(Recipient recipient, NotificationKind kind) {
        if (recipient instanceof Recipient.Beneficiary beneficiary) {
            return beneficiaries.find(beneficiary.beneficiaryId(), purpose(kind))
                    .map(contact -> address(contact.email(), contact.givenName(), contact.familyName(), BENEFICIARY_WITHOUT_EMAIL))
                    .orElseGet(() -> new Reach.Nowhere(BENEFICIARY_UNKNOWN));
        }
        if (recipient instanceof Recipient.FunderContact) {
            // its address came with its fact and went with the message: a message left behind has none
            return new Reach.Nowhere(FUNDER_CONTACT_NOT_KEPT);
        }
        Recipient.Staff staff = (Recipient.Staff) recipient;
        return account(staff.accountId())
                .map(account -> address(account.email(), account.givenName(), account.familyName(), ACCOUNT_WITHOUT_EMAIL))
                .orElseGet(() -> new Reach.Nowhere(ACCOUNT_UNKNOWN));
    }

    /**
     * A member of staff's name as a message names them (a session's consultant), empty when the identity
     * provider has none or cannot say now: the message goes without it rather than wait.
     */
    public Optional<String> staffName(String accountId) {
        try {
            return accounts.find(accountId).map(account -> fullName(account.givenName(), account.familyName()))
                    .filter(name -> !name.isEmpty());
        } catch (DirectoryUnavailable e) {
            log.warn("A consultant's name is left out of a message: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Why beneficiary-service is asked, as the beneficiary's access register records it: {@code session-reminder}. */
    static String purpose(NotificationKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Optional<Account> account(String accountId) {
        try {
            return accounts.find(accountId);
        } catch (DirectoryUnavailable e) {
            throw new ContactsUnavailable(e.unreachable(), e.getMessage(), e);
        }
    }

    private static Reach address(String email, String givenName, String familyName, String withoutEmail) {
        if (email == null || email.isBlank()) {
            return new Reach.Nowhere(withoutEmail);
        }
        if (!usableAddress(email)) {
            return new Reach.Nowhere(INVALID_EMAIL);
        }
        return new Reach.Address(email.strip(), fullName(givenName, familyName));
    }

    /** Whether the mail server can be handed {@code email}: one address (RFC 822, strictly), nothing more. */
    public static boolean usableAddress(String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        try {
            InternetAddress address = new InternetAddress(email.strip(), true);
            address.validate();
            // a display name or a group would write to someone else than the bare address says
            return address.getAddress().equals(email.strip()) && address.getPersonal() == null;
        } catch (AddressException e) {
            return false;
        }
    }

    private static String fullName(String givenName, String familyName) {
        return Stream.of(givenName, familyName).filter(part -> part != null && !part.isBlank()).map(String::strip)
                .collect(Collectors.joining(" "));
    }
}

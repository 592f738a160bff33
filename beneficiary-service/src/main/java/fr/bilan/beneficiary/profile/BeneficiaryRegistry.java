package fr.bilan.beneficiary.profile;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.account.AccountRules;
import fr.bilan.support.identity.AccountDirectory;
import fr.bilan.support.resources.Etags;

/**
 * Every change to a beneficiary's record, one operation each: the login linked to it and the
 * consultants assigned checked against what the identity provider says of them now
 * ({@link AccountRules}), then written. The caller's right to make the change is checked before
 * (the gRPC edge, with {@link BeneficiaryAccess}).
 */
@Component
public class BeneficiaryRegistry {

    private final BeneficiaryRepository repository;
    private final AccountDirectory accounts;
    private final Clock clock;

    BeneficiaryRegistry(BeneficiaryRepository repository, AccountDirectory accounts, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Registers the beneficiary of a validated {@code profile}, with the consultants assigned to them;
     * a retry (same {@code requestKey}) finds the first record.
     */
    public Beneficiary create(BeneficiaryProfile profile, List<String> consultantIds, String requestKey) {
        checkLinkable(profile.accountId());
        return repository.create(profile, consultantIds, requestKey, clock.instant());
    }

    /**
     * Changes the fields {@code update} names, over the version {@code etag} names (the one read
     * when empty): a stale etag is refused even if the stored version would still accept the change.
     */
    public Beneficiary update(Beneficiary current, String etag, ProfileUpdate update) {
        BeneficiaryProfile changed = update.applyTo(current.profile());
        boolean relinked = !changed.accountId().equals(current.profile().accountId());
        if (relinked) {
            checkLinkable(changed.accountId());
        }
        long expected = Etags.expectedVersion(etag, current.version());
        return repository.update(current.id(), expected, changed, relinked, clock.instant());
    }

    /**
     * Assigns the consultant to the beneficiary ({@code true}), who must be a consultant of their
     * centre unless already assigned, or unassigns them ({@code false}).
     */
    public Beneficiary assign(Beneficiary beneficiary, String consultantId, boolean assigned) {
        if (assigned && !beneficiary.consultantIds().contains(consultantId)) {
            AccountRules.checkAssignable(consultantId, beneficiary.profile().centreId(), accounts.find(consultantId));
        }
        return repository.assign(beneficiary.id(), consultantId, assigned, clock.instant());
    }

    /** A login to link to a beneficiary, as the identity provider knows it now; none to unlink. */
    private void checkLinkable(String accountId) {
        if (!accountId.isEmpty()) {
            AccountRules.checkLinkable(accountId, accounts.find(accountId));
        }
    }
}

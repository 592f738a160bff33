package fr.bilan.beneficiary.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.bilan.beneficiary.Evidence;
import fr.bilan.beneficiary.EvidenceMethod;
import fr.bilan.beneficiary.France;
import fr.bilan.beneficiary.Violations;
import fr.bilan.beneficiary.funding.AgreementState;
import fr.bilan.beneficiary.funding.Funding;
import fr.bilan.support.refusal.AlreadyExists;
import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * The life of a tripartite agreement (R6313-8), in plain Java: a draft is written, sent to the
 * employee, who has 10 days from receiving it to sign; silence means refusal, so at 00:00 in Paris
 * on day 11 a sent agreement has lapsed. The employee signs first, then employer and centre in any
 * order, each once; with the three signatures it is in force. Each method returns the agreement as
 * it will be, or refuses saying why in French ({@link RuleRefusal}, {@link Forbidden}, or
 * {@link fr.bilan.support.refusal.InvalidFields} naming the fields); none writes anything.
 */
public final class AgreementLifecycle {

    /** Days the employee has, from receiving the draft, to sign it. */
    public static final int EMPLOYEE_DAYS = 10;
    public static final String LAPSED_REASON =
            "Le délai de 10 jours est dépassé : le silence de la personne vaut refus (R6313-8).";
    private static final Map<AgreementParty, String> PARTIES = Map.of(
            AgreementParty.EMPLOYEE, "La personne salariée",
            AgreementParty.EMPLOYER_PARTY, "L'employeur",
            AgreementParty.PROVIDER, "Le centre");

    private AgreementLifecycle() {
    }

    /** 00:00 in Paris the day after the deadline: from then on, silence has meant refusal. */
    public static Instant lapseTime(LocalDate employeeDeadline) {
        return France.startOf(employeeDeadline.plusDays(1));
    }

    /** Whether the agreement waits for a signature whose time is over, lapsed or not recorded so yet. */
    public static boolean isOverdue(Agreement agreement, Instant now) {
        return agreement.state() == AgreementState.SENT
                && agreement.lapseTime().map(lapse -> !now.isBefore(lapse)).orElse(false);
    }

    /**
     * The agreement as it stands at {@code now}: one still sent after its deadline has lapsed at
     * its lapse time, exactly as it reads once the lapse is recorded.
     */
    public static Agreement asOf(Agreement agreement, Instant now) {
        if (!isOverdue(agreement, now)) {
            return agreement;
        }
        Instant lapse = agreement.lapseTime().orElseThrow();
        return agreement.ended(AgreementState.LAPSED, null, lapse, lapse);
    }

    /**
     * The agreement once destroyed, three years after the end of the action it paid for (L6362-6;
     * retention-service's clock decides when): a stub that keeps what names it and where it stood
     * (id, funding, beneficiary, centre, state, creation, end and last change times), and nothing
     * of what it said nor of who signed: no mention, employer party, dates of reception or
     * deadline, signature or refusal. Its state is the one it had come to ({@link #asOf}): a lapse
     * not recorded yet is kept as a lapse. Destroying again changes nothing.
     */
    public static Agreement destroyed(Agreement agreement, Instant now) {
        if (agreement.destroyTime() != null) {
            return agreement;
        }
        Agreement current = asOf(agreement, now);
        return new Agreement(current.id(), current.fundingId(), current.beneficiaryId(), current.centreId(), null,
                current.state(), null, null, null, List.of(), null, current.endTime(), current.createTime(),
                current.updateTime(), now, current.version());
    }

    /** Refuses what needs the agreement once it is destroyed, saying when and why. */
    public static void checkKept(Agreement agreement) {
        if (agreement.destroyTime() != null) {
            throw refused("La convention tripartite de ce financement a été détruite le "
                    + France.date(LocalDate.ofInstant(agreement.destroyTime(), France.ZONE)) + " : la loi la fait "
                    + "conserver trois ans après la fin de l'action, pour les contrôles (Code du travail, art. "
                    + "L6362-6), puis détruire.");
        }
    }

    /**
     * The mentions of a new draft, for a funding that needs an agreement and is not cancelled; its
     * price is the funding's.
     */
    public static AgreementMentions draft(Funding funding, AgreementMentions requested) {
        if (!funding.details().needsAgreement()) {
            throw refused("Seuls le plan de développement des compétences et le congé de reclassement demandent une "
                    + "convention tripartite (R6313-8) : ce financement n'en a pas besoin.");
        }
        checkNotCancelled(funding);
        return requested.checkDraft(funding.priceCents());
    }

    /** New mentions for a draft; a sent agreement no longer changes. */
    public static Agreement update(Agreement agreement, Funding funding, AgreementMentions changed, Instant now) {
        checkKept(agreement);
        checkNotCancelled(funding);
        if (agreement.state() != AgreementState.DRAFT) {
            throw refused("Seul un projet de convention peut être modifié : celle-ci a déjà été transmise à la "
                    + "personne salariée.");
        }
        return agreement.withMentions(changed.checkDraft(funding.priceCents()), now);
    }

    /**
     * Records that the employee received the complete draft on {@code receiveDate} (today in Paris
     * when {@code null}): the 10 days start.
     */
    public static Agreement send(Agreement agreement, Funding funding, LocalDate receiveDate, Instant now) {
        checkKept(agreement);
        checkNotCancelled(funding);
        if (agreement.state() != AgreementState.DRAFT) {
            throw refused("La convention a déjà été transmise à la personne salariée"
                    + (agreement.receiveDate() == null ? "." : " (reçue le " + France.date(agreement.receiveDate()) + ")."));
        }
        LocalDate today = LocalDate.ofInstant(now, France.ZONE);
        LocalDate received = receiveDate == null ? today : receiveDate;
        Violations violations = new Violations();
        agreement.mentions().checkComplete(violations);
        if (received.isAfter(today)) {
            violations.add("receive_date", "La date de réception ne peut pas être dans le futur.");
        } else if (received.isBefore(today.minusDays(EMPLOYEE_DAYS))) {
            violations.add("receive_date", "La date de réception remonte à plus de " + EMPLOYEE_DAYS + " jours : le "
                    + "délai de signature serait déjà écoulé. Transmettez de nouveau la convention.");
        }
        violations.throwIfAny();
        return agreement.sent(received, received.plusDays(EMPLOYEE_DAYS), now);
    }

    /**
     * Adds a party's signature: the employee's first and within the 10 days, then employer and
     * centre, each once; the third makes the agreement in force.
     *
     * @param byTheEmployee whether the employee records it themself (only they may sign in the app)
     */
    public static Agreement sign(Agreement agreement, Funding funding, Signature signature, boolean byTheEmployee,
            Instant now) {
        checkKept(agreement);
        Violations violations = new Violations();
        if (signature.party() == null) {
            violations.add("signature.party", "Indiquez qui signe : la personne salariée, l'employeur ou le centre.");
        }
        checkEvidence("signature.", signature, byTheEmployee, violations);
        if (byTheEmployee && signature.party() != AgreementParty.EMPLOYEE) {
            throw new Forbidden("Vous ne signez la convention que pour vous-même ; l'employeur et le centre signent de "
                    + "leur côté.");
        }
        checkNotCancelled(funding);
        Agreement current = asOf(agreement, now);
        checkAwaitingSignatures(current);
        if (signature.party() == AgreementParty.EMPLOYEE) {
            if (current.state() != AgreementState.SENT) {
                throw refused("La personne salariée a déjà signé la convention.");
            }
            return current.signed(signature, AgreementState.SIGNED_BY_EMPLOYEE, now);
        }
        if (current.state() == AgreementState.SENT) {
            throw refused("La personne salariée signe la convention en premier ; l'employeur et le centre signent "
                    + "ensuite.");
        }
        if (current.signatureOf(signature.party()).isPresent()) {
            throw refused(PARTIES.get(signature.party()) + " a déjà signé la convention.");
        }
        boolean all = current.signatures().size() + 1 == PARTIES.size();
        return current.signed(signature, all ? AgreementState.IN_FORCE : AgreementState.SIGNED_BY_EMPLOYEE, now);
    }

    /**
     * Records the employee's refusal, within the 10 days and before they signed. Refusing is never
     * a fault.
     *
     * @param refusal the refusal, its party the employee
     */
    public static Agreement refuse(Agreement agreement, Signature refusal, boolean byTheEmployee, Instant now) {
        checkKept(agreement);
        Violations violations = new Violations();
        checkEvidence("", refusal, byTheEmployee, violations);
        Agreement current = asOf(agreement, now);
        if (current.state() == AgreementState.SIGNED_BY_EMPLOYEE || current.state() == AgreementState.IN_FORCE) {
            throw refused("La personne salariée a déjà signé la convention : elle ne peut plus la refuser.");
        }
        checkAwaitingSignatures(current);
        return current.ended(AgreementState.REFUSED, refusal, now, now);
    }

    /** No agreement has this id (or none the caller may know of). */
    public static NotFound notFound(String id) {
        return new NotFound("Aucune convention n'a l'identifiant « " + id + " ».");
    }

    /** The funding has its agreement already ({@code existing}, when still there): one per funding. */
    public static AlreadyExists oneAgreementPerFunding(Optional<String> existing) {
        return new AlreadyExists("Ce financement a déjà sa convention tripartite"
                + existing.map(id -> " (« " + id + " »)").orElse("") + " : une seule convention par financement.");
    }

    /** The agreement is no longer the version a change was made from. */
    public static Conflict modifiedMeanwhile() {
        return new Conflict("Cette convention a été modifiée entre-temps par quelqu'un d'autre : relisez-la, puis "
                + "refaites votre action.");
    }

    private static void checkAwaitingSignatures(Agreement current) {
        switch (current.state()) {
            case LAPSED:
                throw refused(LAPSED_REASON);
            case REFUSED:
                throw refused("La personne salariée a refusé la convention.");
            case DRAFT:
                throw refused("La convention n'a pas encore été transmise à la personne salariée.");
            case IN_FORCE:
                throw refused("La convention est déjà signée par les trois parties.");
            default:
                // SENT or SIGNED_BY_EMPLOYEE: the caller decides
        }
    }

    private static void checkEvidence(String prefix, Signature signature, boolean byTheEmployee,
            Violations violations) {
        EvidenceMethod method = signature.method();
        if (method == null) {
            violations.add(prefix + "method", "Indiquez comment elle a été donnée : formulaire signé, signature "
                    + "électronique ou dans l'application.");
        }
        Evidence.checkFingerprint(prefix + "evidence_sha256", method, signature.evidenceSha256(), violations);
        violations.throwIfAny();
        if (method == EvidenceMethod.IN_APP && !byTheEmployee) {
            throw refused("Seule la personne salariée peut répondre « dans l'application », elle-même : enregistrez "
                    + "sinon son formulaire signé ou sa signature électronique.");
        }
    }

    private static void checkNotCancelled(Funding funding) {
        if (funding.isCancelled()) {
            throw refused("Le financement de cette convention a été annulé : elle ne peut plus être rédigée, "
                    + "transmise ni signée.");
        }
    }

    private static RuleRefusal refused(String reason) {
        return new RuleRefusal(reason);
    }
}

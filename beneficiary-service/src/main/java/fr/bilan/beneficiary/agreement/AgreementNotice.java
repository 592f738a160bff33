package fr.bilan.beneficiary.agreement;

import java.time.Instant;
import java.util.Optional;

import fr.bilan.beneficiary.funding.AgreementState;

/**
 * What notification-service is told of an agreement, by where it stands: awaiting the employee's
 * signature once they received the draft (the message with its deadline, then a reminder), settled
 * once they signed, refused or let it lapse, or once its funding was cancelled (no reminder any
 * more: it can be signed no more). A draft tells nothing; the
 * employer's and the centre's signatures change nothing for the employee. Each notice is told once
 * per agreement, so its event id is derived from both: a redelivery is the same fact.
 */
public enum AgreementNotice {
    AWAITING_SIGNATURE("awaiting"),
    SETTLED("settled");

    private final String suffix;

    AgreementNotice(String suffix) {
        this.suffix = suffix;
    }

    /** The notice an agreement in {@code state} calls for; empty for a draft. */
    public static Optional<AgreementNotice> of(AgreementState state) {
        return switch (state) {
            case DRAFT -> Optional.empty();
            case SENT -> Optional.of(AWAITING_SIGNATURE);
            case SIGNED_BY_EMPLOYEE, IN_FORCE, REFUSED, LAPSED -> Optional.of(SETTLED);
        };
    }

    /**
     * The notice an agreement in {@code state} calls for when its funding was cancelled at
     * {@code fundingCancelTime} (empty: it was not) while it awaited the employee's signature.
     */
    public static Optional<AgreementNotice> of(AgreementState state, Optional<Instant> fundingCancelTime) {
        return state == AgreementState.SENT && fundingCancelTime.isPresent() ? Optional.of(SETTLED) : of(state);
    }

    /** Whether going from {@code before} to {@code after} calls for a notice not told yet. */
    public static boolean isNew(AgreementState before, AgreementState after) {
        return of(after).isPresent() && !of(after).equals(of(before));
    }

    /**
     * When the fact told happened: the employee received the draft (the send recorded), or answered
     * (their signature, their refusal), or the 10 days ran out (the lapse time), or the funding was
     * cancelled ({@code fundingCancelTime}); whatever the employer and the centre did since. A
     * destroyed agreement, which keeps no signature, answers its last change.
     */
    public Instant occurTime(Agreement agreement, Optional<Instant> fundingCancelTime) {
        if (this == AWAITING_SIGNATURE) {
            return agreement.updateTime();
        }
        return agreement.signatureOf(AgreementParty.EMPLOYEE).map(Signature::time)
                .or(() -> Optional.ofNullable(agreement.endTime())).or(() -> fundingCancelTime)
                .orElse(agreement.updateTime());
    }

    /**
     * The idempotency key of this notice of agreement {@code agreementId}: {@code agreement/<id>/<notice>},
     * 55 characters at most for an id made here (a UUID), within the 64 an event id may have.
     */
    public String eventId(String agreementId) {
        return "agreement/" + agreementId + "/" + suffix;
    }
}

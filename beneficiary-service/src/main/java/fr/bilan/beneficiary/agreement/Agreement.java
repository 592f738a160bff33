package fr.bilan.beneficiary.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.bilan.beneficiary.funding.AgreementState;
import fr.bilan.beneficiary.funding.EmployerParty;
import fr.bilan.support.audit.AccessedData;

/**
 * A tripartite agreement as stored. Changes make a new value ({@link AgreementLifecycle} decides
 * which are allowed); the repository writes it only over the version it was made from.
 *
 * @param receiveDate           {@code null} until sent
 * @param employeeDeadlineDate  the last day the employee may sign; {@code null} until sent
 * @param signatures            in the order they were recorded
 * @param refusal               the employee's refusal, {@code null} unless refused
 * @param endTime               when it was refused, or when it lapsed; {@code null} otherwise
 * @param destroyTime           when it was destroyed, three years after the end of the action
 *                              ({@link AgreementLifecycle#destroyed}); {@code null} before. Destroyed, it
 *                              has no employer, mentions, dates of reception or deadline, signatures
 *                              nor refusal
 */
public record Agreement(String id, String fundingId, String beneficiaryId, String centreId, EmployerParty employer,
        AgreementState state, AgreementMentions mentions, LocalDate receiveDate, LocalDate employeeDeadlineDate,
        List<Signature> signatures, Signature refusal, Instant endTime, Instant createTime, Instant updateTime,
        Instant destroyTime, long version) {

    public Agreement {
        signatures = List.copyOf(signatures);
    }

    public String etag() {
        return Long.toString(version);
    }

    /** This agreement, for the access log. */
    public AccessedData accessed() {
        return AccessedData.of("agreements", id, beneficiaryId, centreId);
    }

    /** When silence turns into refusal: at 00:00 in Paris the day after the deadline ("day 11"). */
    public Optional<Instant> lapseTime() {
        return Optional.ofNullable(employeeDeadlineDate).map(AgreementLifecycle::lapseTime);
    }

    Optional<Signature> signatureOf(AgreementParty party) {
        return signatures.stream().filter(signature -> signature.party() == party).findFirst();
    }

    Agreement withMentions(AgreementMentions changed, Instant now) {
        return next(state, changed, receiveDate, employeeDeadlineDate, signatures, refusal, endTime, now);
    }

    Agreement sent(LocalDate received, LocalDate deadline, Instant now) {
        return next(AgreementState.SENT, mentions, received, deadline, signatures, refusal, endTime, now);
    }

    Agreement signed(Signature signature, AgreementState after, Instant now) {
        List<Signature> all = new ArrayList<>(signatures);
        all.add(signature);
        return next(after, mentions, receiveDate, employeeDeadlineDate, all, refusal, endTime, now);
    }

    Agreement ended(AgreementState after, Signature refusedBy, Instant end, Instant now) {
        return next(after, mentions, receiveDate, employeeDeadlineDate, signatures, refusedBy, end, now);
    }

    private Agreement next(AgreementState nextState, AgreementMentions nextMentions, LocalDate received,
            LocalDate deadline, List<Signature> nextSignatures, Signature nextRefusal, Instant end, Instant now) {
        return new Agreement(id, fundingId, beneficiaryId, centreId, employer, nextState, nextMentions, received, deadline,
                nextSignatures, nextRefusal, end, createTime, now, destroyTime, version);
    }
}

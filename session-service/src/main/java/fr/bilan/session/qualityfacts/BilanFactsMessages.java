package fr.bilan.session.qualityfacts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import fr.bilan.proto.quality.internal.v1.BilanOutcome;
import fr.bilan.proto.quality.internal.v1.FactPhase;
import fr.bilan.proto.quality.internal.v1.FunderRef;
import fr.bilan.proto.quality.internal.v1.PhaseHours;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsRequest;
import fr.bilan.proto.quality.v1.FunderKind;
import fr.bilan.session.assessment.BilanFacts;
import fr.bilan.session.assessment.FundingTerms;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/**
 * A bilan's facts as quality-service's intake reads them: ids, the outcome, the centre's days (the start,
 * the end, the agreement's signature), the hand-over's time, the hours of each phase, the follow-up's due
 * date and session, the funding's kind and its funder.
 */
final class BilanFactsMessages {

    private BilanFactsMessages() {
    }

    /** The request telling {@code facts} as of {@code revision}, the days in the centre's {@code zone}. */
    static RecordBilanFactsRequest request(BilanFacts facts, long revision, ZoneId zone) {
        var message = fr.bilan.proto.quality.internal.v1.BilanFacts.newBuilder()
                .setAssessmentId(facts.assessmentId()).setBeneficiaryId(facts.beneficiaryId())
                .setCentreId(facts.centreId()).setConsultantId(facts.consultantId())
                .setOutcome(BilanOutcome.valueOf(facts.outcome()));
        if (facts.startTime() != null) {
            message.setStartDate(day(facts.startTime(), zone));
        }
        if (facts.endTime() != null) {
            message.setEndDate(day(facts.endTime(), zone));
        }
        if (facts.synthesisHandoverTime() != null) {
            message.setSynthesisHandoverTime(ProtoTime.of(facts.synthesisHandoverTime()));
        }
        if (facts.followUpDueDate() != null) {
            message.setFollowUpDueDate(ProtoDates.of(facts.followUpDueDate()));
        }
        FundingTerms terms = facts.fundingTerms();
        if (terms != null) {
            message.setFundingKind(terms.kind());
            if (terms.agreementSignTime() != null) {
                message.setAgreementSignDate(day(terms.agreementSignTime(), zone));
            }
            if (terms.funder() != null) {
                message.setFunder(FunderRef.newBuilder()
                        .setKind(FunderKind.valueOf("FUNDER_" + terms.funder().kind().name()))
                        .setName(terms.funder().name()).setSiret(terms.funder().siret()));
            }
        }
        if (facts.followUpSessionTime() != null) {
            message.setFollowUpSessionTime(ProtoTime.of(facts.followUpSessionTime()));
        }
        facts.phases().forEach(phase -> message.addPhases(PhaseHours.newBuilder()
                .setPhase(FactPhase.valueOf(phase.phase().name()))
                .setPlannedMinutes(Math.toIntExact(phase.plannedMinutes()))
                .setDeliveredMinutes(Math.toIntExact(phase.deliveredMinutes()))
                .setSessionsPlanned(phase.sessionsPlanned()).setSessionsAttended(phase.sessionsAttended())
                .setSessionsMissed(phase.sessionsMissed())));
        return RecordBilanFactsRequest.newBuilder().setFacts(message).setRevision(revision).build();
    }

    private static com.google.type.Date day(Instant time, ZoneId zone) {
        return ProtoDates.of(LocalDate.ofInstant(time, zone));
    }
}

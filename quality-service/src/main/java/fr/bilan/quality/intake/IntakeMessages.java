package fr.bilan.quality.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.bilan.proto.quality.internal.v1.BilanFacts;
import fr.bilan.proto.quality.internal.v1.RecordBilanFactsRequest;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.FunderKind;
import fr.bilan.quality.bilan.FunderRef;
import fr.bilan.quality.bilan.Outcome;
import fr.bilan.quality.bilan.Phase;
import fr.bilan.quality.bilan.PhaseHours;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/**
 * The facts session-service tells, as quality-service keeps them; what cannot be kept is refused field by
 * field, as JSON spells them: the ids, the outcome, a revision below 1 (the first version of a bilan is 1), a
 * phase not named or named twice, negative hours or sessions, a date that does not exist.
 */
final class IntakeMessages {

    /** A company's or an administration's name: room for the longest legal names. */
    private static final int FUNDER_NAME_MAX = 200;

    private IntakeMessages() {
    }

    /** The record the request tells; INVALID_ARGUMENT naming every field it cannot take. */
    static BilanRecord toRecord(RecordBilanFactsRequest request) {
        FieldViolations violations = new FieldViolations();
        if (!request.hasFacts()) {
            violations.add("facts", "Ce champ est obligatoire.");
        }
        BilanFacts facts = request.getFacts();
        violations.requireText("facts.assessmentId", facts.getAssessmentId(), Lookups.MAX_ID_LENGTH);
        violations.requireText("facts.beneficiaryId", facts.getBeneficiaryId(), Lookups.MAX_ID_LENGTH);
        violations.requireText("facts.centreId", facts.getCentreId(), Lookups.MAX_ID_LENGTH);
        if (facts.getConsultantId().length() > Lookups.MAX_ID_LENGTH) {
            violations.add("facts.consultantId", "Ce champ ne doit pas dépasser " + Lookups.MAX_ID_LENGTH + " caractères.");
        }
        Outcome outcome = switch (facts.getOutcome()) {
            case IN_PROGRESS -> Outcome.IN_PROGRESS;
            case COMPLETED -> Outcome.COMPLETED;
            case WITHDRAWN -> Outcome.WITHDRAWN;
            case ABANDONED -> Outcome.ABANDONED;
            case INTERRUPTED -> Outcome.INTERRUPTED;
            case BILAN_OUTCOME_UNSPECIFIED, UNRECOGNIZED -> {
                violations.add("facts.outcome", "Indiquez où en est le bilan.");
                yield null;
            }
        };
        List<PhaseHours> phases = phases(facts, violations);
        LocalDate start = ProtoDates.day(facts.getStartDate(), "facts.startDate", violations);
        LocalDate end = ProtoDates.day(facts.getEndDate(), "facts.endDate", violations);
        LocalDate due = ProtoDates.day(facts.getFollowUpDueDate(), "facts.followUpDueDate", violations);
        LocalDate agreement = ProtoDates.day(facts.getAgreementSignDate(), "facts.agreementSignDate", violations);
        Optional<Instant> handover = ProtoTime.toInstant("facts.synthesisHandoverTime", facts.hasSynthesisHandoverTime()
                ? Optional.of(facts.getSynthesisHandoverTime()) : Optional.empty(), violations);
        if (facts.getFundingKind().length() > Lookups.MAX_ID_LENGTH) {
            violations.add("facts.fundingKind", "Ce champ ne doit pas dépasser " + Lookups.MAX_ID_LENGTH + " caractères.");
        }
        FunderRef funder = facts.hasFunder() ? funder(facts.getFunder(), violations) : null;
        Optional<Instant> followUpSession = ProtoTime.toInstant("facts.followUpSessionTime",
                facts.hasFollowUpSessionTime() ? Optional.of(facts.getFollowUpSessionTime()) : Optional.empty(),
                violations);
        if (request.getRevision() < 1) {
            violations.add("revision", "La révision d'un bilan commence à 1.");
        }
        violations.throwIfAny();
        return new BilanRecord(facts.getAssessmentId(), facts.getBeneficiaryId(), facts.getCentreId(),
                facts.getConsultantId(), outcome, start, end, handover.orElse(null), phases, due, facts.getFundingKind(),
                agreement, funder, followUpSession.orElse(null), request.getRevision());
    }

    private static FunderRef funder(fr.bilan.proto.quality.internal.v1.FunderRef told, FieldViolations violations) {
        FunderKind kind = switch (told.getKind()) {
            case FUNDER_EMPLOYER -> FunderKind.EMPLOYER;
            case FUNDER_OPCO -> FunderKind.OPCO;
            case FUNDER_FRANCE_TRAVAIL -> FunderKind.FRANCE_TRAVAIL;
            case FUNDER_APEC -> FunderKind.APEC;
            case FUNDER_CAP_EMPLOI -> FunderKind.CAP_EMPLOI;
            case FUNDER_PUBLIC_ADMINISTRATION -> FunderKind.PUBLIC_ADMINISTRATION;
            case FUNDER_CAISSE_DES_DEPOTS -> FunderKind.CAISSE_DES_DEPOTS;
            case FUNDER_REGION -> FunderKind.REGION;
            case FUNDER_OTHER -> FunderKind.OTHER;
            case FUNDER_KIND_UNSPECIFIED, UNRECOGNIZED -> {
                violations.add("facts.funder.kind", "Indiquez le type de financeur.");
                yield null;
            }
        };
        violations.requireText("facts.funder.name", told.getName(), FUNDER_NAME_MAX);
        if (!told.getSiret().isEmpty() && !told.getSiret().matches("\\d{14}")) {
            violations.add("facts.funder.siret", "Un SIRET compte 14 chiffres.");
        }
        return kind == null || told.getName().isBlank() || told.getName().length() > FUNDER_NAME_MAX ? null
                : new FunderRef(kind, told.getName(), told.getSiret());
    }

    private static List<PhaseHours> phases(BilanFacts facts, FieldViolations violations) {
        List<PhaseHours> phases = new ArrayList<>();
        for (int i = 0; i < facts.getPhasesCount(); i++) {
            var hours = facts.getPhases(i);
            String field = "facts.phases[" + i + "].";
            Phase phase = switch (hours.getPhase()) {
                case PRELIMINARY -> Phase.PRELIMINARY;
                case INVESTIGATION -> Phase.INVESTIGATION;
                case CONCLUSION -> Phase.CONCLUSION;
                case FOLLOW_UP -> Phase.FOLLOW_UP;
                case FACT_PHASE_UNSPECIFIED, UNRECOGNIZED -> null;
            };
            if (phase == null) {
                violations.add(field + "phase", "Indiquez la phase.");
            } else if (phases.stream().anyMatch(told -> told.phase() == phase)) {
                violations.add(field + "phase", "Cette phase est déjà indiquée : une ligne par phase.");
            }
            // every count checked, not only up to the first negative one
            boolean counted = notNegative(violations, field + "plannedMinutes", hours.getPlannedMinutes())
                    & notNegative(violations, field + "deliveredMinutes", hours.getDeliveredMinutes())
                    & notNegative(violations, field + "sessionsPlanned", hours.getSessionsPlanned())
                    & notNegative(violations, field + "sessionsAttended", hours.getSessionsAttended())
                    & notNegative(violations, field + "sessionsMissed", hours.getSessionsMissed());
            if (phase != null && counted) {
                phases.add(new PhaseHours(phase, hours.getPlannedMinutes(), hours.getDeliveredMinutes(),
                        hours.getSessionsPlanned(), hours.getSessionsAttended(), hours.getSessionsMissed()));
            }
        }
        return phases;
    }

    private static boolean notNegative(FieldViolations violations, String field, int value) {
        if (value < 0) {
            violations.add(field, "Ce nombre ne peut pas être négatif.");
            return false;
        }
        return true;
    }
}

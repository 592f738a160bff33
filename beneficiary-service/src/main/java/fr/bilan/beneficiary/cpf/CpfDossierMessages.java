package fr.bilan.beneficiary.cpf;

import java.time.Duration;
import java.time.LocalDate;

import fr.bilan.beneficiary.ContractEnums;
import fr.bilan.proto.beneficiary.internal.v1.RecordBilanProgressRequest;
import fr.bilan.proto.beneficiary.v1.CpfDeadlineAction;
import fr.bilan.proto.beneficiary.v1.CpfDeadlineOwner;
import fr.bilan.proto.beneficiary.v1.CpfDossierState;
import fr.bilan.proto.beneficiary.v1.CpfEntryProposal;
import fr.bilan.proto.beneficiary.v1.CpfExitProposal;
import fr.bilan.proto.beneficiary.v1.CpfPartialReason;
import fr.bilan.proto.beneficiary.v1.CpfStepSource;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/** CPF dossiers between the domain and the contracts (public and internal). */
public final class CpfDossierMessages {

    private CpfDossierMessages() {
    }

    /** The dossier as the contract shows it, its deadlines as of the centre's {@code today}. */
    public static fr.bilan.proto.beneficiary.v1.CpfDossier toProto(CpfDossier dossier, CpfCentre centre, LocalDate today) {
        var proto = fr.bilan.proto.beneficiary.v1.CpfDossier.newBuilder()
                .setId(dossier.id())
                .setBeneficiaryId(dossier.beneficiaryId())
                .setCentreId(dossier.centreId())
                .setDossierNumber(dossier.dossierNumber())
                .setState(ContractEnums.toContract(CpfDossierState.class, dossier.state()))
                .setAmountCents(dossier.amountCents())
                .setEtag(dossier.etag());
        dossier.history().forEach(step -> proto.addHistory(toProto(step)));
        dossier.nextDeadline(centre).ifPresent(deadline -> proto.setNextDeadline(toProto(deadline, today)));
        dossier.deadlines(centre).forEach(deadline -> proto.addDeadlines(toProto(deadline, today)));
        if (dossier.proposedStartDate() != null) {
            proto.setProposedStartDate(ProtoDates.of(dossier.proposedStartDate()));
        }
        if (dossier.plannedHours() != null) {
            proto.setPlannedHours(toProto(dossier.plannedHours()));
        }
        if (dossier.entryProposal() != null) {
            proto.setEntryProposal(CpfEntryProposal.newBuilder()
                    .setEntryDate(ProtoDates.of(dossier.entryProposal().entryDate())));
        }
        ExitProposal exit = dossier.exitProposal();
        if (exit != null) {
            var proposal = CpfExitProposal.newBuilder().setExitDate(ProtoDates.of(exit.exitDate()))
                    .setDelivered(toProto(exit.delivered())).setPlanned(toProto(exit.planned()))
                    .setCompletionPercent(exit.completionPercent()).setSummary(exit.summary());
            if (exit.partialReason() != null) {
                proposal.setPartialReason(ContractEnums.toContract(CpfPartialReason.class, exit.partialReason()));
            }
            proto.setExitProposal(proposal);
        }
        return proto.build();
    }

    public static fr.bilan.proto.beneficiary.v1.CpfDeadline toProto(CpfDeadline deadline, LocalDate today) {
        return fr.bilan.proto.beneficiary.v1.CpfDeadline.newBuilder()
                .setAction(ContractEnums.toContract(CpfDeadlineAction.class, deadline.action()))
                .setOwner(ContractEnums.toContract(CpfDeadlineOwner.class, deadline.owner()))
                .setDueDate(ProtoDates.of(deadline.dueDate()))
                .setOverdue(deadline.overdue(today))
                .setLabel(deadline.label())
                .build();
    }

    private static fr.bilan.proto.beneficiary.v1.CpfStep toProto(CpfStep step) {
        var proto = fr.bilan.proto.beneficiary.v1.CpfStep.newBuilder()
                .setState(ContractEnums.toContract(CpfDossierState.class, step.state()))
                .setDate(ProtoDates.of(step.date()))
                .setRecordTime(ProtoTime.of(step.recordTime()))
                .setRecordedBy(step.recordedBy())
                .setSource(ContractEnums.toContract(CpfStepSource.class, step.source()))
                .setLate(step.late())
                .setWorkingDaysLate(step.workingDaysLate());
        if (step.dueDate() != null) {
            proto.setDueDate(ProtoDates.of(step.dueDate()));
        }
        return proto.build();
    }

    private static com.google.protobuf.Duration toProto(Duration duration) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(duration.getSeconds()).build();
    }

    /** The step a request reports; {@code INVALID_ARGUMENT} naming the field for a date that does not exist. */
    public static CpfStepInput toInput(fr.bilan.proto.beneficiary.v1.CpfStepInput step) {
        FieldViolations violations = new FieldViolations();
        LocalDate date = ProtoDates.day(step.getDate(), "step.date", violations);
        LocalDate start = ProtoDates.day(step.getProposedStartDate(), "step.proposed_start_date", violations);
        violations.throwIfAny();
        Duration planned = step.hasPlannedHours()
                ? Duration.ofSeconds(step.getPlannedHours().getSeconds(), step.getPlannedHours().getNanos()) : null;
        return new CpfStepInput(ContractEnums.toDomain(CpfState.class, step.getState()), date, start, planned,
                step.getDossierNumber());
    }

    /** What the bilan tells; {@code INVALID_ARGUMENT} naming each field missing or malformed. */
    public static BilanProgress toProgress(RecordBilanProgressRequest request) {
        FieldViolations violations = new FieldViolations();
        BilanProgress progress = null;
        switch (request.getProgressCase()) {
            case STARTED -> {
                LocalDate first = ProtoDates.day(request.getStarted().getFirstSessionDate(), "started.first_session_date",
                        violations);
                if (first == null) {
                    violations.add("started.first_session_date", "Indiquez le jour de la première séance suivie.");
                }
                progress = new BilanProgress.Started(first);
            }
            case ENDED -> {
                var ended = request.getEnded();
                LocalDate end = ProtoDates.day(ended.getEndDate(), "ended.end_date", violations);
                if (end == null) {
                    violations.add("ended.end_date", "Indiquez le jour de fin de l'action.");
                }
                BilanOutcome outcome = ContractEnums.toDomain(BilanOutcome.class, ended.getOutcome());
                if (outcome == null) {
                    violations.add("ended.outcome", "Indiquez comment l'action s'est terminée.");
                }
                Duration delivered = Duration.ofSeconds(ended.getDelivered().getSeconds(), ended.getDelivered().getNanos());
                if (!ended.hasDelivered() || delivered.isNegative()) {
                    violations.add("ended.delivered", "Indiquez les heures d'accompagnement réalisées (positives).");
                }
                if (ended.getAbsences() < 0) {
                    violations.add("ended.absences", "Le nombre de séances manquées ne peut pas être négatif.");
                }
                progress = new BilanProgress.Ended(end, outcome, delivered, ended.getAbsences());
            }
            default -> violations.add("progress", "Indiquez ce qui est arrivé au bilan : started ou ended.");
        }
        violations.throwIfAny();
        return progress;
    }
}

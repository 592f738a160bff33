package fr.bilan.quality.register;

import java.time.LocalDate;
import java.util.Objects;

import fr.bilan.proto.quality.v1.AcknowledgeComplaintRequest;
import fr.bilan.proto.quality.v1.AnswerComplaintRequest;
import fr.bilan.proto.quality.v1.DropOutCount;
import fr.bilan.proto.quality.v1.ListDropOutsResponse;
import fr.bilan.proto.quality.v1.RecordComplaintRequest;
import fr.bilan.proto.quality.v1.RecordImprovementActionRequest;
import fr.bilan.proto.quality.v1.UpdateImprovementActionRequest;
import fr.bilan.quality.register.complaint.ComplainantKind;
import fr.bilan.quality.register.complaint.Complaint;
import fr.bilan.quality.register.complaint.ComplaintChannel;
import fr.bilan.quality.register.complaint.ComplaintTopic;
import fr.bilan.quality.register.complaint.NewComplaint;
import fr.bilan.quality.register.dropout.DropOut;
import fr.bilan.quality.register.dropout.DropOutReason;
import fr.bilan.quality.register.dropout.DropOutReport;
import fr.bilan.quality.register.improvement.ImprovementAction;
import fr.bilan.quality.register.improvement.ImprovementChange;
import fr.bilan.quality.register.improvement.ImprovementOrigin;
import fr.bilan.quality.register.improvement.ImprovementStatus;
import fr.bilan.quality.register.improvement.NewImprovementAction;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/**
 * The register's contract and its domain, both ways. Enums map by constant name (the domain's are named
 * as the contract's; {@code *_UNSPECIFIED} is "not given", {@code null}, which the rules refuse where
 * required). A date that is not a day of the calendar is refused here, naming its field as the JSON
 * spells it.
 */
final class RegisterMessages {

    private RegisterMessages() {
    }

    static NewComplaint toNewComplaint(RecordComplaintRequest request) {
        var complaint = request.getComplaint();
        FieldViolations violations = new FieldViolations();
        LocalDate received = ProtoDates.day(complaint.getReceivedDate(), "complaint.receivedDate", violations);
        violations.throwIfAny();
        return new NewComplaint(request.getCentreId(), toDomain(ComplainantKind.class, complaint.getComplainant()),
                toDomain(ComplaintChannel.class, complaint.getChannel()), toDomain(ComplaintTopic.class, complaint.getTopic()),
                complaint.getSummary(), complaint.getAssessmentId(), received);
    }

    static LocalDate acknowledgedDate(AcknowledgeComplaintRequest request) {
        return day(request.getAcknowledgedDate(), "acknowledgedDate");
    }

    static LocalDate answeredDate(AnswerComplaintRequest request) {
        return day(request.getAnsweredDate(), "answeredDate");
    }

    static NewImprovementAction toNewAction(RecordImprovementActionRequest request) {
        var action = request.getAction();
        return new NewImprovementAction(request.getCentreId(), action.getTitle(),
                toDomain(ImprovementOrigin.class, action.getOrigin()), action.getOriginId(), action.getOwner(),
                day(action.getDueDate(), "action.dueDate"));
    }

    static ImprovementChange toChange(UpdateImprovementActionRequest request) {
        FieldViolations violations = new FieldViolations();
        LocalDate due = ProtoDates.day(request.getDueDate(), "dueDate", violations);
        LocalDate done = ProtoDates.day(request.getDoneDate(), "doneDate", violations);
        violations.throwIfAny();
        return new ImprovementChange(toDomain(ImprovementStatus.class, request.getStatus()), request.getOwner(), due, done);
    }

    static fr.bilan.proto.quality.v1.Complaint toProto(Complaint complaint) {
        var answer = fr.bilan.proto.quality.v1.Complaint.newBuilder().setId(complaint.id())
                .setCentreId(complaint.centreId())
                .setComplainant(toContract(fr.bilan.proto.quality.v1.ComplainantKind.class, complaint.complainant()))
                .setChannel(toContract(fr.bilan.proto.quality.v1.ComplaintChannel.class, complaint.channel()))
                .setTopic(toContract(fr.bilan.proto.quality.v1.ComplaintTopic.class, complaint.topic()))
                .setSummary(complaint.summary()).setAssessmentId(Objects.requireNonNullElse(complaint.assessmentId(), ""))
                .setReceivedDate(ProtoDates.of(complaint.receivedDate())).setAnswerSummary(complaint.answerSummary())
                .setDaysToAcknowledge(complaint.daysToAcknowledge().orElse(0L).intValue())
                .setDaysToAnswer(complaint.daysToAnswer().orElse(0L).intValue())
                .setCreateTime(ProtoTime.of(complaint.createTime()));
        if (complaint.acknowledgedDate() != null) {
            answer.setAcknowledgedDate(ProtoDates.of(complaint.acknowledgedDate()));
        }
        if (complaint.answeredDate() != null) {
            answer.setAnsweredDate(ProtoDates.of(complaint.answeredDate()));
        }
        return answer.build();
    }

    static fr.bilan.proto.quality.v1.ImprovementAction toProto(ImprovementAction action) {
        var answer = fr.bilan.proto.quality.v1.ImprovementAction.newBuilder().setId(action.id())
                .setCentreId(action.centreId()).setTitle(action.title())
                .setOrigin(toContract(fr.bilan.proto.quality.v1.ImprovementOrigin.class, action.origin()))
                .setOriginId(action.originId()).setOwner(action.owner())
                .setStatus(toContract(fr.bilan.proto.quality.v1.ImprovementStatus.class, action.status()))
                .setDueDate(ProtoDates.of(action.dueDate())).setCreateTime(ProtoTime.of(action.createTime()));
        if (action.doneDate() != null) {
            answer.setDoneDate(ProtoDates.of(action.doneDate()));
        }
        return answer.build();
    }

    static ListDropOutsResponse toProto(DropOutReport report) {
        var answer = ListDropOutsResponse.newBuilder();
        for (DropOut dropOut : report.dropOuts()) {
            answer.addDropOuts(fr.bilan.proto.quality.v1.DropOut.newBuilder().setPseudonym(dropOut.pseudonym())
                    .setReason(toContract(fr.bilan.proto.quality.v1.DropOutReason.class, dropOut.reason()))
                    .setEndDate(ProtoDates.of(dropOut.endDate())).setDeliveredMinutes(dropOut.deliveredMinutes())
                    .setPlannedMinutes(dropOut.plannedMinutes())
                    .setLastPhase(dropOut.lastPhase().map(Enum::name).orElse("")));
        }
        for (DropOutReason reason : DropOutReason.values()) {
            answer.addCounts(DropOutCount.newBuilder()
                    .setReason(toContract(fr.bilan.proto.quality.v1.DropOutReason.class, reason))
                    .setCount(report.counts().get(reason)));
        }
        return answer.build();
    }

    private static LocalDate day(com.google.type.Date date, String field) {
        FieldViolations violations = new FieldViolations();
        LocalDate day = ProtoDates.day(date, field, violations);
        violations.throwIfAny();
        return day;
    }

    private static <D extends Enum<D>> D toDomain(Class<D> domain, Enum<?> contract) {
        if (contract.name().equals("UNRECOGNIZED") || contract.name().endsWith("_UNSPECIFIED")) {
            return null;
        }
        return Enum.valueOf(domain, contract.name());
    }

    private static <P extends Enum<P>> P toContract(Class<P> contract, Enum<?> value) {
        return Enum.valueOf(contract, value.name());
    }
}

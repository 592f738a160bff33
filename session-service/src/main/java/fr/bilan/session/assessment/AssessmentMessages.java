package fr.bilan.session.assessment;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import fr.bilan.proto.session.v1.AttendanceLine;
import fr.bilan.proto.session.v1.AttendanceReport;
import fr.bilan.proto.session.v1.ConsultantAssignment;
import fr.bilan.proto.session.v1.HourSummary;
import fr.bilan.proto.session.v1.PersonalWorkLine;
import fr.bilan.proto.session.v1.PhaseHours;
import fr.bilan.proto.session.v1.ProposedSession;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.session.calendar.HourBudget;
import fr.bilan.session.calendar.Phase;
import fr.bilan.session.calendar.Slot;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;

/** Bilans, sessions and hours as the contract shows them. */
public final class AssessmentMessages {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private AssessmentMessages() {
    }

    static fr.bilan.proto.session.v1.Assessment toProto(Assessment a) {
        var message = fr.bilan.proto.session.v1.Assessment.newBuilder()
                .setId(a.id())
                .setBeneficiaryId(a.beneficiaryId())
                .setCentreId(a.centreId())
                .setConsultantId(a.consultantId())
                .setFundingId(a.fundingId() == null ? "" : a.fundingId())
                .setState(toProto(a.state()))
                .setStateReason(a.stateReason() == null ? "" : a.stateReason())
                .setCreateTime(ProtoTime.of(a.createTime()))
                .setEtag(Long.toString(a.version()));
        if (a.format() != null) {
            message.setFormat(fr.bilan.proto.session.v1.DeliveryFormat.valueOf(a.format().name()));
        }
        if (a.evidenceDestroyTime() == null) {
            message.setHours(toProto(a.hours()));
            a.personalWork().forEach(work -> message.addPersonalWork(toProto(work)));
        } else {
            // a stub: no hours to count, and none shown as if none were held
            message.setEvidenceDestroyTime(ProtoTime.of(a.evidenceDestroyTime()));
        }
        a.assignments().forEach(assignment -> {
            var line = ConsultantAssignment.newBuilder().setConsultantId(assignment.consultantId())
                    .setStartTime(ProtoTime.of(assignment.startTime())).setAssignedBy(assignment.assignedBy());
            if (assignment.endTime() != null) {
                line.setEndTime(ProtoTime.of(assignment.endTime()));
            }
            message.addAssignments(line);
        });
        if (a.synthesisHandoverTime() != null) {
            message.setSynthesisHandoverTime(ProtoTime.of(a.synthesisHandoverTime()));
        }
        if (a.actionEndTime() != null) {
            message.setActionEndTime(ProtoTime.of(a.actionEndTime()));
        }
        if (a.followUpDueDate() != null) {
            // the offer is for a day: its start in Paris, where the law counts days
            message.setFollowUpDueTime(ProtoTime.of(a.followUpDueDate().atStartOfDay(
                    PARIS).toInstant()));
        }
        return message.build();
    }

    public static Session toProto(Assessment assessment, ScheduledSession s) {
        var message = Session.newBuilder()
                .setId(s.id())
                .setAssessmentId(assessment.id())
                .setPhase(toProto(s.phase()))
                .setStartTime(ProtoTime.of(s.slot().start()))
                .setDuration(duration(s.slot().duration()))
                .setConsultantId(s.consultantId())
                .setStatus(fr.bilan.proto.session.v1.SessionStatus.valueOf(s.status().name()))
                .setCancelReason(s.cancelReason() == null ? "" : s.cancelReason());
        if (s.place().isRemote()) {
            message.setVideoLink(s.place().videoLink());
        } else {
            message.setRoomId(s.place().roomId());
        }
        s.signatures().forEach(signature -> message.addSignatures(toProto(signature)));
        return message.build();
    }

    static ProposedSession toProto(Phase phase, Slot slot) {
        return ProposedSession.newBuilder().setPhase(toProto(phase)).setStartTime(ProtoTime.of(slot.start()))
                .setDuration(duration(slot.duration())).build();
    }

    /**
     * Hours and attendance only: no place, no link, no reason, nothing said; the beneficiary's
     * personal work apart, with what it is ({@link PersonalWork#NOT_ACCOMPANIMENT}), and who
     * recorded it left out. Refused once they are destroyed ({@link EvidenceDestroyed}).
     */
    static AttendanceReport report(Assessment a) {
        List<ScheduledSession> sessions = a.keptSessions();
        var report = AttendanceReport.newBuilder().setAssessmentId(a.id()).setCentreId(a.centreId())
                .setState(toProto(a.state())).setHours(toProto(a.hours()));
        sessions.forEach(s -> {
            var line = AttendanceLine.newBuilder().setPhase(toProto(s.phase())).setStartTime(ProtoTime.of(s.slot().start()))
                    .setDuration(duration(s.slot().duration()))
                    .setStatus(fr.bilan.proto.session.v1.SessionStatus.valueOf(s.status().name()));
            s.signatures().forEach(signature -> line.addSignatures(toProto(signature)));
            report.addSessions(line);
        });
        a.personalWork().forEach(work -> report.addPersonalWork(PersonalWorkLine.newBuilder()
                .setPhase(toProto(work.phase())).setKind(toProto(work.kind())).setDate(ProtoDates.of(work.day()))
                .setDuration(duration(work.duration()))));
        return report.setPersonalWorkNote(PersonalWork.NOT_ACCOMPANIMENT).build();
    }

    static HourSummary toProto(HourBudget budget) {
        var summary = HourSummary.newBuilder().setUsed(duration(budget.used())).setRemaining(duration(budget.remaining()))
                .setFloor(duration(HourBudget.FLOOR)).setCap(duration(HourBudget.CAP))
                .setDelivered(duration(budget.delivered())).setMissingToFloor(duration(budget.missingToFloor()))
                .setPersonalWork(duration(budget.personalWork()));
        for (Phase phase : Phase.values()) {
            HourBudget.PhaseHours hours = budget.of(phase);
            summary.addPhases(PhaseHours.newBuilder().setPhase(toProto(phase)).setPlanned(duration(hours.planned()))
                    .setAttended(duration(hours.attended())).setPersonalWork(duration(hours.personalWork())));
        }
        return summary.build();
    }

    static fr.bilan.proto.session.v1.PersonalWork toProto(PersonalWork work) {
        return fr.bilan.proto.session.v1.PersonalWork.newBuilder().setId(work.id()).setPhase(toProto(work.phase()))
                .setKind(toProto(work.kind())).setDate(ProtoDates.of(work.day())).setDuration(duration(work.duration()))
                .setRecordedBy(work.recordedBy()).setRecordTime(ProtoTime.of(work.recordTime())).build();
    }

    static fr.bilan.proto.session.v1.PersonalWorkKind toProto(PersonalWorkKind kind) {
        return fr.bilan.proto.session.v1.PersonalWorkKind.valueOf(kind.name());
    }

    /** The domain kind of a contract kind; empty for none given. */
    static Optional<PersonalWorkKind> kind(fr.bilan.proto.session.v1.PersonalWorkKind kind) {
        return switch (kind) {
            case PERSONAL_WORK_KIND_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
            default -> Optional.of(PersonalWorkKind.valueOf(kind.name()));
        };
    }

    static fr.bilan.proto.session.v1.AttendanceSignature toProto(AttendanceSignature signature) {
        return fr.bilan.proto.session.v1.AttendanceSignature.newBuilder()
                .setSigner(signature.signer() == Signer.BENEFICIARY ? fr.bilan.proto.session.v1.Signer.BENEFICIARY_SIGNER
                        : fr.bilan.proto.session.v1.Signer.CONSULTANT_SIGNER)
                .setSignTime(ProtoTime.of(signature.time()))
                .setMethod(fr.bilan.proto.session.v1.SignatureMethod.valueOf(signature.method()))
                .build();
    }

    static fr.bilan.proto.session.v1.AssessmentState toProto(AssessmentState state) {
        return fr.bilan.proto.session.v1.AssessmentState.valueOf(state.name());
    }

    static fr.bilan.proto.session.v1.Phase toProto(Phase phase) {
        return phase == Phase.INTAKE ? fr.bilan.proto.session.v1.Phase.INTAKE
                : fr.bilan.proto.session.v1.Phase.valueOf(phase.name() + "_PHASE");
    }

    /** The domain phase of a contract phase; empty for none given. */
    static Optional<Phase> phase(fr.bilan.proto.session.v1.Phase phase) {
        return switch (phase) {
            case PHASE_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
            case INTAKE -> Optional.of(Phase.INTAKE);
            default -> Optional.of(Phase.valueOf(phase.name().substring(0, phase.name().length() - "_PHASE".length())));
        };
    }

    /** Whose signature a request says it is; empty for the caller's own. */
    static Optional<Signer> signer(fr.bilan.proto.session.v1.Signer signer) {
        return switch (signer) {
            case BENEFICIARY_SIGNER -> Optional.of(Signer.BENEFICIARY);
            case CONSULTANT_SIGNER -> Optional.of(Signer.CONSULTANT);
            default -> Optional.empty();
        };
    }

    /** How a request says the sheet is signed; empty for none given. */
    static Optional<SignatureMethod> method(fr.bilan.proto.session.v1.SignatureMethod method) {
        return switch (method) {
            case SIGNATURE_METHOD_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
            default -> Optional.of(SignatureMethod.valueOf(method.name()));
        };
    }

    private static com.google.protobuf.Duration duration(Duration duration) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(duration.toSeconds()).build();
    }
}

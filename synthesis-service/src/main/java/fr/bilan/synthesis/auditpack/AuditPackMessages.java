package fr.bilan.synthesis.auditpack;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.google.type.Date;

import fr.bilan.proto.synthesis.internal.v1.AuditPack;
import fr.bilan.proto.synthesis.internal.v1.AuditPackBilan;
import fr.bilan.proto.synthesis.internal.v1.AuditPackComplaint;
import fr.bilan.proto.synthesis.internal.v1.AuditPackFollowUp;
import fr.bilan.proto.synthesis.internal.v1.AuditPackPhase;
import fr.bilan.proto.synthesis.internal.v1.AuditPackSurvey;
import fr.bilan.proto.synthesis.internal.v1.AuditPackTotals;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import fr.bilan.synthesis.rendering.AuditPackPrint;

/**
 * The audit pack quality-service sends, as the document prints it; what cannot print (a date that is
 * no day, an unknown zone, a missing period) is {@code INVALID_ARGUMENT} naming the field, since the
 * sender made it.
 */
public final class AuditPackMessages {

    private AuditPackMessages() {
    }

    public static AuditPackPrint toPrint(AuditPack pack) {
        FieldViolations violations = new FieldViolations();
        violations.requireText("pack.centre_id", pack.getCentreId(), Lookups.MAX_ID_LENGTH);
        LocalDate start = required(pack.getStartDate(), "pack.start_date", violations);
        LocalDate end = required(pack.getEndDate(), "pack.end_date", violations);
        if (start != null && end != null && end.isBefore(start)) {
            violations.add("pack.end_date", "La fin de la période ne peut pas précéder son début.");
        }
        ZoneId zone = zone(pack.getTimeZone(), violations);
        if (!pack.hasGenerateTime()) {
            violations.add("pack.generate_time", "Indiquez quand le dossier a été établi.");
        }
        List<AuditPackPrint.Bilan> bilans = new ArrayList<>(pack.getBilansCount());
        for (int i = 0; i < pack.getBilansCount(); i++) {
            bilans.add(bilan(pack.getBilans(i), "pack.bilans[" + i + "].", violations));
        }
        violations.throwIfAny();
        return new AuditPackPrint(pack.getCentreId(), start, end, ProtoTime.toInstant(pack.getGenerateTime()), zone,
                bilans, totals(pack.getTotals()));
    }

    private static AuditPackPrint.Bilan bilan(AuditPackBilan bilan, String at, FieldViolations violations) {
        violations.requireText(at + "pseudonym", bilan.getPseudonym(), Lookups.MAX_ID_LENGTH);
        List<AuditPackPrint.Survey> surveys = new ArrayList<>();
        for (int i = 0; i < bilan.getSurveysCount(); i++) {
            surveys.add(survey(bilan.getSurveys(i), at + "surveys[" + i + "].", violations));
        }
        List<AuditPackPrint.Complaint> complaints = new ArrayList<>();
        for (int i = 0; i < bilan.getComplaintsCount(); i++) {
            AuditPackComplaint complaint = bilan.getComplaints(i);
            String here = at + "complaints[" + i + "].";
            complaints.add(new AuditPackPrint.Complaint(day(complaint.getReceivedDate(), here + "received_date", violations),
                    day(complaint.getAcknowledgedDate(), here + "acknowledged_date", violations),
                    day(complaint.getAnsweredDate(), here + "answered_date", violations)));
        }
        return new AuditPackPrint.Bilan(bilan.getPseudonym(),
                day(bilan.getAgreementSignDate(), at + "agreement_sign_date", violations),
                day(bilan.getStartDate(), at + "start_date", violations), day(bilan.getEndDate(), at + "end_date", violations),
                bilan.getOutcome(), bilan.getDropOutReason(), bilan.getPhasesList().stream().map(AuditPackMessages::phase).toList(),
                day(bilan.getSynthesisHandoverDate(), at + "synthesis_handover_date", violations), surveys,
                bilan.hasFollowUp() ? followUp(bilan.getFollowUp(), at + "follow_up.", violations) : null, complaints);
    }

    private static AuditPackPrint.Phase phase(AuditPackPhase phase) {
        return new AuditPackPrint.Phase(phase.getPhase(), phase.getPlannedMinutes(), phase.getDeliveredMinutes(),
                phase.getSessionsPlanned(), phase.getSessionsAttended(), phase.getSessionsMissed());
    }

    private static AuditPackPrint.Survey survey(AuditPackSurvey survey, String at, FieldViolations violations) {
        List<LocalDate> reminders = new ArrayList<>();
        for (int i = 0; i < survey.getReminderDatesCount(); i++) {
            reminders.add(required(survey.getReminderDates(i), at + "reminder_dates[" + i + "]", violations));
        }
        return new AuditPackPrint.Survey(survey.getKind(), survey.getState(), day(survey.getSentDate(), at + "sent_date", violations),
                reminders, day(survey.getAnswerDate(), at + "answer_date", violations),
                day(survey.getExpireDate(), at + "expire_date", violations));
    }

    private static AuditPackPrint.FollowUp followUp(AuditPackFollowUp followUp, String at, FieldViolations violations) {
        return new AuditPackPrint.FollowUp(followUp.getState(), day(followUp.getDueDate(), at + "due_date", violations),
                day(followUp.getOfferDate(), at + "offer_date", violations),
                day(followUp.getAnswerDate(), at + "answer_date", violations),
                day(followUp.getHeldDate(), at + "held_date", violations), followUp.getSituation());
    }

    private static AuditPackPrint.Totals totals(AuditPackTotals totals) {
        return new AuditPackPrint.Totals(totals.getBilans(), totals.getInProgress(), totals.getCompleted(),
                totals.getDropOuts(), totals.getPlannedMinutes(), totals.getDeliveredMinutes(),
                totals.getSessionsAttended(), totals.getSessionsMissed(), totals.getAgreementsSigned(),
                totals.getSynthesesHandedOver(), totals.getEndOfBilanSurveysSent(),
                totals.getEndOfBilanSurveysAnswered(), totals.getFollowUpSurveysSent(),
                totals.getFollowUpSurveysAnswered(), totals.getFollowUpsHeld(), totals.getComplaints(),
                totals.getComplaintsAnswered());
    }

    private static LocalDate day(Date date, String field, FieldViolations violations) {
        return ProtoDates.day(date, field, violations);
    }

    private static LocalDate required(Date date, String field, FieldViolations violations) {
        LocalDate day = ProtoDates.day(date, field, violations);
        if (day == null && date.getYear() == 0 && date.getMonth() == 0 && date.getDay() == 0) {
            violations.add(field, "Ce champ est obligatoire.");
        }
        return day;
    }

    private static ZoneId zone(String zone, FieldViolations violations) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            violations.add("pack.time_zone", "Indiquez le fuseau horaire du centre (par exemple Europe/Paris).");
            return null;
        }
    }
}

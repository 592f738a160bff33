package fr.bilan.quality.results;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.client.MongoDatabase;

import fr.bilan.quality.bilan.BilanRecordRepository;

/**
 * A cohort written straight into the collections in the shared shapes (COMMON-23: {@code bilanRecords},
 * {@code surveys}, {@code followUps}), as the packages that own them write them.
 */
final class CohortDocuments {

    private final MongoDatabase database;

    CohortDocuments(MongoDatabase database) {
        this.database = database;
    }

    /** A bilan of {@code centreId} in {@code outcome}, ended on {@code end} (null: under way); its id. */
    String bilan(String centreId, String outcome, LocalDate end) {
        String id = "bilan-" + UUID.randomUUID();
        database.getCollection(BilanRecordRepository.COLLECTION).insertOne(new Document("_id", id)
                .append("beneficiaryId", "beneficiary-" + id).append("centreId", centreId)
                .append("consultantId", "consultant-1").append("outcome", outcome)
                .append("startDate", BilanRecordRepository.day(end == null ? LocalDate.of(2019, 1, 2) : end.minusMonths(3)))
                .append("endDate", BilanRecordRepository.day(end)).append("synthesisHandoverTime", null)
                .append("followUpDueDate", end == null ? null : BilanRecordRepository.day(end.plusMonths(6)))
                .append("fundingKind", "CPF").append("agreementSignDate", null).append("revision", 3L)
                .append("phases", List.of(new Document("phase", "PRELIMINARY").append("plannedMinutes", 240)
                        .append("deliveredMinutes", 240).append("sessionsPlanned", 2).append("sessionsAttended", 2)
                        .append("sessionsMissed", 0))));
        return id;
    }

    /** A survey of a bilan ({@code kind} END_OF_BILAN or FOLLOW_UP) in {@code state}, scored {@code satisfied}. */
    void survey(String assessmentId, String centreId, LocalDate end, String kind, String state, Boolean satisfied) {
        boolean sent = !state.equals("PLANNED") && !state.equals("NOT_SENT");
        Date sentTime = sent ? BilanRecordRepository.day(end.plusDays(1)) : null;
        database.getCollection(CohortRepository.SURVEYS).insertOne(new Document("_id", "survey-" + UUID.randomUUID())
                .append("assessmentId", assessmentId).append("centreId", centreId).append("kind", kind)
                .append("state", state).append("questionnaireVersion", 1).append("sentTime", sentTime)
                .append("reminderTimes", List.of())
                .append("answerTime", state.equals("ANSWERED") ? BilanRecordRepository.day(end.plusDays(3)) : null)
                .append("expireTime", sent ? BilanRecordRepository.day(end.plusDays(22)) : null)
                .append("satisfied", satisfied).append("endDate", BilanRecordRepository.day(end)));
    }

    /**
     * A funder's yearly survey of {@code centreId} about {@code year} in {@code state}: no bilan, no end date,
     * as the survey package writes it; no bilan's cohort holds it.
     */
    void funderSurvey(String centreId, int year, String state, Boolean satisfied) {
        Date sentTime = BilanRecordRepository.day(LocalDate.of(year + 1, 1, 15));
        database.getCollection(CohortRepository.SURVEYS).insertOne(new Document("_id", "survey-" + UUID.randomUUID())
                .append("assessmentId", null).append("funderId", "funder-" + UUID.randomUUID()).append("year", year)
                .append("centreId", centreId).append("kind", "FUNDER_YEARLY").append("state", state)
                .append("questionnaireVersion", "reseau-2026-1").append("sentTime", sentTime)
                .append("reminderTimes", List.of())
                .append("answerTime", state.equals("ANSWERED") ? BilanRecordRepository.day(LocalDate.of(year + 1, 1, 20)) : null)
                .append("expireTime", BilanRecordRepository.day(LocalDate.of(year + 1, 2, 5)))
                .append("satisfied", satisfied).append("endDate", null));
    }

    /** The follow-up of a bilan in {@code state}, with the situation recorded (or null). */
    void followUp(String assessmentId, String centreId, LocalDate end, String state, String situation) {
        database.getCollection(CohortRepository.FOLLOW_UPS).insertOne(new Document("_id", assessmentId)
                .append("centreId", centreId).append("state", state)
                .append("dueDate", BilanRecordRepository.day(end.plusMonths(6)))
                .append("offerTime", BilanRecordRepository.day(end.plusMonths(6))).append("answerChannel", "LINK")
                .append("answerTime", BilanRecordRepository.day(end.plusMonths(6).plusDays(2)))
                .append("heldDate", state.equals("HELD") ? BilanRecordRepository.day(end.plusMonths(6).plusDays(10)) : null)
                .append("situation", situation).append("actionPlanStarted", state.equals("HELD"))
                .append("endDate", BilanRecordRepository.day(end)));
    }
}

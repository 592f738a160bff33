package fr.bilan.quality.auditpack;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import fr.bilan.quality.auditpack.AuditPack.ComplaintDates;
import fr.bilan.quality.auditpack.AuditPack.FollowUpDates;
import fr.bilan.quality.auditpack.AuditPack.SurveyDates;

/**
 * What the audit pack reads of the surveys, follow-ups and complaints of a centre's bilans, by assessment
 * id: dates and states only, days in the centre's {@code zone}. Read-only: their owners write them.
 */
public interface AuditEvidence {

    /** The surveys of each bilan that has any, "à chaud" first. */
    Map<String, List<SurveyDates>> surveys(String centreId, Collection<String> assessmentIds, ZoneId zone);

    /** The follow-up of each bilan that has one. */
    Map<String, FollowUpDates> followUps(String centreId, Collection<String> assessmentIds, ZoneId zone);

    /** The complaints concerning each bilan that has any, the earliest received first. */
    Map<String, List<ComplaintDates>> complaints(String centreId, Collection<String> assessmentIds);
}

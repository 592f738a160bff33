package fr.bilan.quality.auditpack;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;

import fr.bilan.quality.auditpack.AuditPack.ComplaintDates;
import fr.bilan.quality.auditpack.AuditPack.FollowUpDates;
import fr.bilan.quality.auditpack.AuditPack.Line;
import fr.bilan.quality.auditpack.AuditPack.SurveyDates;
import fr.bilan.quality.auditpack.AuditPack.Totals;
import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.bilan.PhaseHours;
import fr.bilan.quality.bilan.Pseudonym;
import fr.bilan.support.centre.Centres;

/**
 * Assembles a centre's audit pack on demand from what quality-service holds (the bilans' facts, their
 * surveys, follow-ups and complaints), read-only, days counted in the centre's zone. The lines go in the
 * order the bilans started (the never-started by their end), then by pseudonym: an order that says
 * nothing of the ids.
 */
@Service
public class AuditPacks {

    private static final Comparator<Line> ORDER = Comparator
            .comparing((Line line) -> Objects.requireNonNullElse(line.startDate(), line.endDate()),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Line::pseudonym);

    private final BilanRecords records;
    private final AuditEvidence evidence;
    private final Centres centres;
    private final Clock clock;

    public AuditPacks(BilanRecords records, AuditEvidence evidence, Centres centres, Clock clock) {
        this.records = records;
        this.evidence = evidence;
        this.centres = centres;
        this.clock = clock;
    }

    /**
     * The pack of {@code centreId} for the days from {@code start}'s to before {@code end}'s.
     *
     * @throws fr.bilan.support.refusal.InvalidFields on {@code end_time} for a period of no day, reversed, or
     *                                                 longer than three years
     */
    public AuditPack assemble(String centreId, Instant start, Instant end) {
        ZoneId zone = centres.of(centreId).zoneId();
        AuditPeriod period = AuditPeriod.of(start, end, zone);
        List<BilanRecord> bilans = records.underWay(centreId, period.firstDay(), period.endDay());
        List<String> ids = bilans.stream().map(BilanRecord::assessmentId).toList();
        Map<String, List<SurveyDates>> surveys = evidence.surveys(centreId, ids, zone);
        Map<String, FollowUpDates> followUps = evidence.followUps(centreId, ids, zone);
        Map<String, List<ComplaintDates>> complaints = evidence.complaints(centreId, ids);
        List<Line> lines = bilans.stream().map(bilan -> new Line(Pseudonym.of(centreId, bilan.assessmentId()),
                bilan.agreementSignDate(), bilan.startDate(), bilan.endDate(), bilan.outcome(),
                bilan.phases().stream().sorted(Comparator.comparing(PhaseHours::phase)).toList(),
                bilan.synthesisHandoverTime() == null ? null : LocalDate.ofInstant(bilan.synthesisHandoverTime(), zone),
                surveys.getOrDefault(bilan.assessmentId(), List.of()), followUps.get(bilan.assessmentId()),
                complaints.getOrDefault(bilan.assessmentId(), List.of()))).sorted(ORDER).toList();
        return new AuditPack(centreId, period, clock.instant(), zone, lines, Totals.of(lines));
    }
}

package fr.bilan.support.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.google.protobuf.Timestamp;

import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.paging.PageTokens;
import fr.bilan.support.time.ProtoTime;

/**
 * One page of access records, newest first: a beneficiary's (over an optional period), or a
 * centre's over a period of at most {@value #MAX_PERIOD_DAYS} days. Pages follow (time, id)
 * descending, so a page token is the last record seen, bound to the filters as asked.
 *
 * @param beneficiaryId the beneficiary whose data was accessed, empty when listing a centre
 * @param centreId      the centre, empty when listing a beneficiary
 * @param start         from this time (inclusive); always present for a centre
 * @param end           until this time (exclusive); for a centre, now when not asked
 */
public record AccessRecordQuery(String beneficiaryId, String centreId, Optional<Instant> start,
        Optional<Instant> end, int pageSize, Optional<Position> after, PageTokens tokens) {

    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_PERIOD_DAYS = 366;
    private static final int MAX_ID_LENGTH = 64;

    /** Where a page ended, in sort order. */
    public record Position(Instant time, String id) {
    }

    /**
     * Checks a request field by field ({@code INVALID_ARGUMENT} with French descriptions, named as
     * in the contracts): exactly one of beneficiary and centre, valid times, a period that ends
     * after it starts, and for a centre a start and at most {@value #MAX_PERIOD_DAYS} days.
     */
    public static AccessRecordQuery of(String beneficiaryId, String centreId, Optional<Timestamp> startTime,
            Optional<Timestamp> endTime, int pageSize, String pageToken, Instant now) {
        FieldViolations violations = new FieldViolations();
        Optional<Instant> start = ProtoTime.toInstant("start_time", startTime, violations);
        Optional<Instant> end = ProtoTime.toInstant("end_time", endTime, violations);
        boolean byCentre = beneficiaryId.isEmpty() && !centreId.isEmpty();
        if (beneficiaryId.isEmpty() == centreId.isEmpty()) {
            String description = !centreId.isEmpty() ? "Indiquez soit un bénéficiaire, soit un centre, pas les deux."
                    : "Indiquez un bénéficiaire ou un centre.";
            violations.add("beneficiary_id", description).add("centre_id", description);
        }
        if (beneficiaryId.length() > MAX_ID_LENGTH) {
            violations.add("beneficiary_id", "Ce champ ne doit pas dépasser " + MAX_ID_LENGTH + " caractères.");
        }
        if (centreId.length() > MAX_ID_LENGTH) {
            violations.add("centre_id", "Ce champ ne doit pas dépasser " + MAX_ID_LENGTH + " caractères.");
        }
        if (byCentre && startTime.isEmpty()) {
            violations.add("start_time", "Indiquez le début de la période : il est obligatoire pour les accès d'un centre.");
        }
        Optional<Instant> until = byCentre ? end.or(() -> Optional.of(now)) : end;
        // an invalid time was named already: no period to check
        boolean validTimes = start.isPresent() == startTime.isPresent() && end.isPresent() == endTime.isPresent();
        if (validTimes && start.isPresent() && until.isPresent()) {
            checkPeriod(start.get(), until.get(), byCentre, end.isPresent() ? "end_time" : "start_time", violations);
        }
        int size = PageTokens.pageSize(pageSize, MAX_PAGE_SIZE, violations);
        violations.throwIfAny();
        PageTokens tokens = PageTokens.boundTo(beneficiaryId, centreId, start.map(Instant::toString).orElse(""),
                end.map(Instant::toString).orElse(""));
        Optional<Position> after = tokens.positionOf(pageToken, 2).map(keys -> new Position(PageTokens.instantOf(keys.get(0)),
                keys.get(1)));
        return new AccessRecordQuery(beneficiaryId, centreId, start, until, size, after, tokens);
    }

    public boolean byCentre() {
        return !centreId.isEmpty();
    }

    /** The token of the page that follows {@code last}. */
    String tokenAfter(Position last) {
        return tokens.after(Long.toString(last.time().toEpochMilli()), last.id());
    }

    private static void checkPeriod(Instant start, Instant end, boolean byCentre, String field,
            FieldViolations violations) {
        if (!end.isAfter(start)) {
            violations.add(field, "La fin de la période doit être après son début.");
        } else if (byCentre && Duration.between(start, end).compareTo(Duration.ofDays(MAX_PERIOD_DAYS)) > 0) {
            violations.add(field, "La période ne peut pas dépasser " + MAX_PERIOD_DAYS + " jours : découpez-la.");
        }
    }
}

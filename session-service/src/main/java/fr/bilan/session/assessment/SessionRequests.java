package fr.bilan.session.assessment;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

import fr.bilan.session.calendar.CentreProperties;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.time.ProtoTime;

/** What a request says about a session's time and place, checked field by field (French messages). */
final class SessionRequests {

    private static final int MAX_LINK_LENGTH = 500;
    private static final Duration LONGEST = Duration.ofHours(8);
    private static final Period FURTHEST_AHEAD = Period.ofYears(2);

    private SessionRequests() {
    }

    static Instant start(boolean present, com.google.protobuf.Timestamp start, String field, Instant now,
            FieldViolations violations) {
        if (!present) {
            violations.add(field, "Indiquez le début de la séance.");
            return null;
        }
        return withinReach(field, ProtoTime.toInstant(field, Optional.of(start), violations), now, violations)
                .orElse(null);
    }

    /** Where a search for slots starts: the time asked, now when it is absent or past. */
    static Instant after(boolean present, com.google.protobuf.Timestamp time, String field, Instant now,
            FieldViolations violations) {
        if (!present) {
            return now;
        }
        Instant after = withinReach(field, ProtoTime.toInstant(field, Optional.of(time), violations), now, violations)
                .orElse(now);
        return after.isBefore(now) ? now : after;
    }

    /**
     * A session is booked, and slots looked for, at most {@link #FURTHEST_AHEAD} ahead: a bilan runs
     * over months, a time further is a mistake, and the times computed from it (ends, proposals)
     * must stay within what an answer can carry.
     */
    private static Optional<Instant> withinReach(String field, Optional<Instant> time, Instant now,
            FieldViolations violations) {
        if (time.isPresent() && time.get().isAfter(now.atOffset(ZoneOffset.UTC).plus(FURTHEST_AHEAD).toInstant())) {
            violations.add(field, "Cette date est trop lointaine : les séances se planifient au plus "
                    + FURTHEST_AHEAD.getYears() + " ans à l'avance.");
            return Optional.empty();
        }
        return time;
    }

    static Duration duration(boolean present, com.google.protobuf.Duration duration, String field,
            FieldViolations violations) {
        if (!present) {
            violations.add(field, "Indiquez la durée de la séance.");
            return null;
        }
        Duration length = Duration.ofSeconds(duration.getSeconds(), duration.getNanos());
        if (length.isNegative() || length.isZero() || length.compareTo(LONGEST) > 0 || length.toSecondsPart() != 0
                || length.getNano() != 0) {
            violations.add(field, "Une séance dure un nombre entier de minutes, au plus 8 heures.");
            return null;
        }
        return length;
    }

    /** A room of the bilan's centre, or an https video link; null (with a violation) when neither is right. */
    /** The length of a piece of personal work: whole minutes, from 15 minutes to 40 hours. */
    static Duration personalWorkDuration(boolean present, com.google.protobuf.Duration duration, String field,
            FieldViolations violations) {
        Duration length = Duration.ofSeconds(duration.getSeconds(), duration.getNanos());
        if (!present || length.compareTo(PersonalWork.MIN_DURATION) < 0
                || length.compareTo(PersonalWork.MAX_DURATION) > 0 || length.toSecondsPart() != 0
                || length.getNano() != 0) {
            violations.add(field, "Indiquez la durée du travail personnel en minutes entières, de 15 minutes à "
                    + "40 heures.");
            return null;
        }
        return length;
    }

    static Place place(String roomId, String videoLink, String centreId, CentreProperties centres, String prefix,
            FieldViolations violations) {
        if (!roomId.isEmpty()) {
            if (roomId.length() > Lookups.MAX_ID_LENGTH || !centres.hasRoom(centreId, roomId)) {
                violations.add(prefix + "room_id", "Cette salle n'est pas une salle du centre.");
                return null;
            }
            return Place.room(roomId);
        }
        if (!videoLink.isEmpty()) {
            if (videoLink.length() > MAX_LINK_LENGTH || !isHttps(videoLink)) {
                violations.add(prefix + "video_link", "Le lien de visioconférence doit être une adresse https:// d'au "
                        + "plus " + MAX_LINK_LENGTH + " caractères.");
                return null;
            }
            return Place.video(videoLink);
        }
        violations.add(prefix + "room_id", "Indiquez la salle du centre, ou le lien de visioconférence.");
        return null;
    }

    private static boolean isHttps(String link) {
        try {
            URI uri = new URI(link);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

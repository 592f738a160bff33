package fr.bilan.session.assessment;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import fr.bilan.session.calendar.CentreProperties;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.time.ProtoTime;

/** What a request says about a session's time and place, checked field by field (French messages). */
final class SessionRequests {

    private static final int MAX_LINK_LENGTH = 500;
    private static final Duration LONGEST = Duration.ofHours(8);

    private SessionRequests() {
    }

    static Instant start(boolean present, com.google.protobuf.Timestamp start, String field, FieldViolations violations) {
        if (!present) {
            violations.add(field, "Indiquez le début de la séance.");
            return null;
        }
        return ProtoTime.toInstant(field, Optional.of(start), violations).orElse(null);
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

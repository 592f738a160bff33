package fr.bilan.session.calendar;

import java.time.ZoneId;

/**
 * Where a centre is, for its clock: every session is set and checked in the centre's local time,
 * daylight-saving changes included (metropolitan France has them, the overseas departments do not).
 */
public enum CentreZone {
    METROPOLITAN_FRANCE("Europe/Paris"),
    REUNION("Indian/Reunion"),
    GUADELOUPE("America/Guadeloupe"),
    MARTINIQUE("America/Martinique"),
    GUYANE("America/Cayenne"),
    MAYOTTE("Indian/Mayotte");

    private final ZoneId zone;

    CentreZone(String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }
}

package fr.bilan.session.calendar;

import java.time.ZoneId;

/**
 * Where a centre is, for its clock: every session is set and checked in the centre's local time,
 * daylight-saving changes included (metropolitan France has them, the overseas departments do not).
 */
public enum CentreZone {
    METROPOLITAN_FRANCE("Europe/Paris", "France métropolitaine"),
    REUNION("Indian/Reunion", "La Réunion"),
    GUADELOUPE("America/Guadeloupe", "Guadeloupe"),
    MARTINIQUE("America/Martinique", "Martinique"),
    GUYANE("America/Cayenne", "Guyane"),
    MAYOTTE("Indian/Mayotte", "Mayotte");

    private final ZoneId zone;
    private final String label;

    CentreZone(String zone, String label) {
        this.zone = ZoneId.of(zone);
        this.label = label;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Where it is, in French, for a person reading the centre's time. */
    public String label() {
        return label;
    }
}

package fr.bilan.session.calendar;

import java.time.Duration;

/** Durations as a French reader writes them: « 3 h », « 3 h 30 », « 0 h 45 ». */
public final class FrenchDurations {

    private FrenchDurations() {
    }

    public static String format(Duration duration) {
        long minutes = duration.toMinutes();
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? hours + " h" : hours + " h " + String.format("%02d", rest);
    }
}

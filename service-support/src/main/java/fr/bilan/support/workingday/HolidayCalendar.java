package fr.bilan.support.workingday;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public holidays (jours fériés) a centre keeps, computed for any year rather than listed by
 * hand: the eleven national days of the Code du travail (L3133-1), whose movable ones follow Easter;
 * in Alsace-Moselle Good Friday and Saint Stephen's day besides (L3134-13); in each overseas
 * department the commemoration of the abolition of slavery on its own date (loi 83-550, décret
 * 83-1003), and in Guadeloupe and Martinique the Fête Victor Schoelcher on 21 July. Dates and names
 * are those of the government's official calendar (calendrier.api.gouv.fr), checked year by year in
 * the tests. A centre chooses its calendar ({@code bilan.centres.*.holidays}); by default its zone's.
 */
public enum HolidayCalendar {
    METROPOLE(List.of()),
    ALSACE_MOSELLE(List.of(Local.GOOD_FRIDAY, Local.SAINT_STEPHEN)),
    GUADELOUPE(List.of(Local.abolition(5, 27), Local.VICTOR_SCHOELCHER)),
    MARTINIQUE(List.of(Local.abolition(5, 22), Local.VICTOR_SCHOELCHER)),
    GUYANE(List.of(Local.abolition(6, 10))),
    REUNION(List.of(Local.abolition(12, 20))),
    MAYOTTE(List.of(Local.abolition(4, 27)));

    private final List<Local> localDays;
    private final Map<Integer, List<Holiday>> byYear = new ConcurrentHashMap<>();

    HolidayCalendar(List<Local> localDays) {
        this.localDays = localDays;
    }

    /** A public holiday: its date and its French name, as the official calendar spells it. */
    public record Holiday(LocalDate date, String name) {
    }

    /** The holidays of {@code year}, in date order. */
    public List<Holiday> holidays(int year) {
        return byYear.computeIfAbsent(year, this::compute);
    }

    /** Whether {@code date} is a public holiday here. */
    public boolean isHoliday(LocalDate date) {
        for (Holiday holiday : holidays(date.getYear())) {
            if (holiday.date().equals(date)) {
                return true;
            }
        }
        return false;
    }

    /** The calendar of a centre's zone ({@code CentreSettings.ZONES}): metropolitan France keeps the national days. */
    public static HolidayCalendar ofZone(String zone) {
        return "METROPOLITAN_FRANCE".equals(zone) ? METROPOLE : valueOf(zone);
    }

    private List<Holiday> compute(int year) {
        LocalDate easter = easterSunday(year);
        List<Holiday> days = new ArrayList<>(List.of(
                new Holiday(LocalDate.of(year, 1, 1), "Jour de l'an"),
                new Holiday(easter.plusDays(1), "Lundi de Pâques"),
                new Holiday(LocalDate.of(year, 5, 1), "Fête du travail"),
                new Holiday(LocalDate.of(year, 5, 8), "Victoire des alliés"),
                new Holiday(easter.plusDays(39), "Ascension"),
                new Holiday(easter.plusDays(50), "Lundi de Pentecôte"),
                new Holiday(LocalDate.of(year, 7, 14), "Fête Nationale"),
                new Holiday(LocalDate.of(year, 8, 15), "Assomption"),
                new Holiday(LocalDate.of(year, 11, 1), "Toussaint"),
                new Holiday(LocalDate.of(year, 11, 11), "Armistice"),
                new Holiday(LocalDate.of(year, 12, 25), "Noël")));
        localDays.forEach(local -> days.add(local.in(year, easter)));
        days.sort((a, b) -> a.date().compareTo(b.date()));
        return Collections.unmodifiableList(days);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** A day kept in one place only: fixed, or counted from Easter. */
    private record Local(MonthDay fixed, int daysFromEaster, String name) {

        static final Local GOOD_FRIDAY = new Local(null, -2, "Vendredi Saint");
        static final Local SAINT_STEPHEN = new Local(MonthDay.of(12, 26), 0, "Saint Étienne");
        /**
         * 21 July, Victor Schoelcher's birthday: listed for Guadeloupe and Martinique by the official
         * calendar and kept there; first set for Guadeloupe by the governor's arrêté of 8 June 1914 (the
         * government's answer to question écrite AN n° 61289 of 1992 deems it superseded by loi 83-550).
         */
        static final Local VICTOR_SCHOELCHER = new Local(MonthDay.of(7, 21), 0, "Fête Victor Schoelcher");

        static Local abolition(int month, int day) {
            return new Local(MonthDay.of(month, day), 0, "Abolition de l'esclavage");
        }

        Holiday in(int year, LocalDate easter) {
            return new Holiday(fixed == null ? easter.plusDays(daysFromEaster) : fixed.atYear(year), name);
        }
    }
}

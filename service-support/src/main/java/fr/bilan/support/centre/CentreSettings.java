package fr.bilan.support.centre;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.bilan.support.workingday.HolidayCalendar;
import fr.bilan.support.workingday.WorkingDays;

/**
 * One centre's settings, the one schema of {@code bilan.centres.defaults} and
 * {@code bilan.centres.overrides.<centre id>} for every service that reads them: session-service
 * applies the rules and shows them with the identity, synthesis-service prints the identity.
 * {@code null} where an override keeps the default.
 *
 * @param zone               the centre's clock: one of {@link #ZONES}
 * @param openingHours       per day of the week, ranges such as {@code 09:00-12:30}, local time; a day not listed is closed
 * @param maxSessionsPerWeek sessions of one bilan in one week (Monday to Sunday), at most
 * @param minDaysBetween     calendar days from one session of a bilan to the next, at least
 * @param rooms              the rooms on-site sessions may take; empty: any name
 * @param providerSiret      the SIRET of the organisation whose consultants run the bilans (R6313-5); empty: not checked
 * @param address            postal address, several lines allowed
 * @param declarationNumber  numéro de déclaration d'activité, 11 digits (spaces allowed)
 * @param logo               where synthesis-service reads the logo ({@code classpath:…} or {@code file:…})
 * @param holidays           the public holidays kept (a {@link HolidayCalendar} name, such as {@code ALSACE_MOSELLE});
 *                           empty: the zone's
 * @param hourlyPriceCents   the centre's price of an hour of accompaniment, in euro cents, against which a CPF
 *                           amount is checked; 0: not checked
 */
public record CentreSettings(String zone, Map<DayOfWeek, List<String>> openingHours, Duration minSessionLength,
        Duration maxSessionLength, Integer maxSessionsPerWeek, Integer minDaysBetween, Set<String> rooms,
        String providerSiret, String name, String address, String declarationNumber, String logo, String holidays,
        Long hourlyPriceCents) {

    /** The zones a centre may be in (session-service's CentreZone). */
    public static final List<String> ZONES = List.of("METROPOLITAN_FRANCE", "REUNION", "GUADELOUPE", "MARTINIQUE",
            "GUYANE", "MAYOTTE");

    /** The holiday calendars a centre may keep. */
    static final List<String> HOLIDAY_CALENDARS = java.util.Arrays.stream(HolidayCalendar.values()).map(Enum::name).toList();

    /** The clock of each zone of {@link #ZONES} (session-service's CentreZone spells the same). */
    static final Map<String, ZoneId> CLOCKS = Map.of("METROPOLITAN_FRANCE", ZoneId.of("Europe/Paris"),
            "REUNION", ZoneId.of("Indian/Reunion"), "GUADELOUPE", ZoneId.of("America/Guadeloupe"),
            "MARTINIQUE", ZoneId.of("America/Martinique"), "GUYANE", ZoneId.of("America/Cayenne"),
            "MAYOTTE", ZoneId.of("Indian/Mayotte"));

    /** What applies where nothing is configured: a metropolitan centre open on weekdays, no identity. */
    public static final CentreSettings BUILT_IN = new CentreSettings("METROPOLITAN_FRANCE", weekdays(),
            Duration.ofMinutes(30), Duration.ofHours(3), 2, 1, Set.of(), "", "", "", "", "", "", 0L);

    private static Map<DayOfWeek, List<String>> weekdays() {
        Map<DayOfWeek, List<String>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            hours.put(day, List.of("09:00-12:30", "13:30-18:30"));
        }
        hours.put(DayOfWeek.FRIDAY, List.of("09:00-12:30", "13:30-18:00"));
        return Map.copyOf(hours);
    }

    /** The centre's clock, in which its times are told. */
    public ZoneId zoneId() {
        return CLOCKS.get(zone);
    }

    /** The public holidays the centre keeps: as set, or its zone's. */
    public HolidayCalendar holidayCalendar() {
        return holidays == null || holidays.isBlank() ? HolidayCalendar.ofZone(zone) : HolidayCalendar.valueOf(holidays.strip());
    }

    /** The centre's working days (jours ouvrés), its holidays excepted. */
    public WorkingDays workingDays() {
        return new WorkingDays(holidayCalendar());
    }

    /** These settings where given, {@code base}'s elsewhere. */
    public CentreSettings over(CentreSettings base) {
        return new CentreSettings(pick(base, CentreSettings::zone), pick(base, CentreSettings::openingHours),
                pick(base, CentreSettings::minSessionLength), pick(base, CentreSettings::maxSessionLength),
                pick(base, CentreSettings::maxSessionsPerWeek), pick(base, CentreSettings::minDaysBetween),
                pick(base, CentreSettings::rooms), pick(base, CentreSettings::providerSiret), pick(base, CentreSettings::name),
                pick(base, CentreSettings::address), pick(base, CentreSettings::declarationNumber),
                pick(base, CentreSettings::logo), pick(base, CentreSettings::holidays),
                pick(base, CentreSettings::hourlyPriceCents));
    }

    private <T> T pick(CentreSettings base, Function<CentreSettings, T> setting) {
        return Optional.ofNullable(setting.apply(this)).orElseGet(() -> setting.apply(base));
    }

    /**
     * What is wrong with these settings of a whole centre (every setting given), each naming its key
     * under {@code prefix}; empty when none.
     */
    List<String> problems(String prefix) {
        List<String> problems = new ArrayList<>();
        if (!ZONES.contains(zone)) {
            problems.add(prefix + "zone is " + zone + ", not one of " + String.join(", ", ZONES));
        }
        openingHours.forEach((day, ranges) -> ranges.forEach(range -> {
            if (!wellFormed(range)) {
                problems.add(prefix + "opening-hours." + day + " has " + range + ": a range reads 09:00-12:30");
            }
        }));
        if (minSessionLength.isNegative() || minSessionLength.isZero() || minSessionLength.compareTo(maxSessionLength) > 0) {
            problems.add(prefix + "min-session-length (" + minSessionLength + ") must be positive and at most "
                    + "max-session-length (" + maxSessionLength + ")");
        }
        if (maxSessionsPerWeek < 1 || minDaysBetween < 0) {
            problems.add(prefix + "max-sessions-per-week must be 1 or more and min-days-between 0 or more");
        }
        if (holidays != null && !holidays.isBlank() && !HOLIDAY_CALENDARS.contains(holidays.strip())) {
            problems.add(prefix + "holidays is " + holidays + ", not one of " + String.join(", ", HOLIDAY_CALENDARS)
                    + " (or empty: the zone's)");
        }
        if (hourlyPriceCents < 0) {
            problems.add(prefix + "hourly-price-cents (" + hourlyPriceCents + ") must be 0 (not checked) or more");
        }
        try {
            DeclarationNumbers.normalised(declarationNumber);
        } catch (IllegalArgumentException e) {
            problems.add(prefix + "declaration-number: " + e.getMessage().replace("bilan.centres: ", ""));
        }
        // the identity a document prints is whole or absent: a part of it is a mistake, not a choice (a
        // logo alone is checked where it is read: synthesis-service refuses an unreadable one)
        List<String> missing = new ArrayList<>();
        List<String> given = new ArrayList<>();
        (blank(name) ? missing : given).add("name");
        (blank(address) ? missing : given).add("address");
        (blank(declarationNumber) ? missing : given).add("declaration-number");
        if (!given.isEmpty() && !missing.isEmpty()) {
            problems.add(prefix.substring(0, prefix.length() - 1) + ": the identity is incomplete: " + String.join(", ", given) + " set but "
                    + String.join(", ", missing) + " missing (a document prints name, address and declaration number)");
        }
        return problems;
    }

    /** A stable text of every setting, for the fingerprint: the same settings give the same text. */
    String canonical() {
        String hours = new java.util.TreeMap<>(openingHours).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
        return String.join("|", zone, hours, minSessionLength.toString(), maxSessionLength.toString(),
                maxSessionsPerWeek.toString(), minDaysBetween.toString(), new TreeSet<>(rooms).toString(),
                providerSiret.strip(), name.strip(), address.strip().replaceAll("\\R", "\n"),
                DeclarationNumbers.normalised(declarationNumber), logo.strip(), holidayCalendar().name(),
                hourlyPriceCents.toString());
    }

    private static boolean wellFormed(String range) {
        String[] bounds = range.split("-");
        if (bounds.length != 2) {
            return false;
        }
        try {
            return LocalTime.parse(bounds[0].strip()).isBefore(LocalTime.parse(bounds[1].strip()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package fr.bilan.session.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import fr.bilan.support.centre.Centres;

/**
 * {@code bilan.centres.*}, as service-support binds it for every service that reads it
 * ({@link Centres}, one schema): the rules every centre follows ({@code defaults}), and what differs
 * for some of them ({@code overrides.<centre id>}: only the settings given replace the defaults).
 * Opening hours read {@code "09:00-12:30"}, in the centre's zone. The identity settings (name,
 * address, declaration number, logo) are the ones synthesis-service prints on documents, read here
 * to show them.
 */
public record CentreProperties(Settings defaults, Map<String, Settings> overrides) {

    /**
     * One centre's settings; {@code null} where an override keeps the default.
     *
     * @param providerSiret     the SIRET of the organisation whose consultants run the centre's bilans (R6313-5)
     * @param address           postal address, several lines allowed
     * @param declarationNumber numéro de déclaration d'activité, 11 digits (spaces allowed)
     * @param logo              where synthesis-service reads the logo it prints ({@code classpath:…} or {@code file:…})
     */
    public record Settings(CentreZone zone, Map<DayOfWeek, List<String>> openingHours, Duration minSessionLength,
            Duration maxSessionLength, Integer maxSessionsPerWeek, Integer minDaysBetween, Set<String> rooms,
            String providerSiret, String name, String address, String declarationNumber, String logo) {
    }

    public CentreProperties {
        if (defaults == null || defaults.zone() == null || defaults.openingHours() == null
                || defaults.minSessionLength() == null || defaults.maxSessionLength() == null
                || defaults.maxSessionsPerWeek() == null || defaults.minDaysBetween() == null) {
            throw new IllegalArgumentException("bilan.centres.defaults must set zone, opening-hours, min-session-length, "
                    + "max-session-length, max-sessions-per-week and min-days-between");
        }
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        // a mistake in any centre's settings stops the start, not its first booking
        rules(defaults, null);
        identity(defaults, null);
        for (Settings own : overrides.values()) {
            rules(defaults, own);
            identity(defaults, own);
        }
    }

    /** The settings as bound once for every service; their zone names one of {@link CentreZone}. */
    public static CentreProperties from(Centres centres) {
        Map<String, Settings> overrides = new HashMap<>();
        centres.overrides().forEach((centreId, own) -> overrides.put(centreId, settings(own)));
        return new CentreProperties(settings(centres.defaults()), overrides);
    }

    private static Settings settings(fr.bilan.support.centre.CentreSettings bound) {
        return new Settings(bound.zone() == null ? null : CentreZone.valueOf(bound.zone()), bound.openingHours(),
                bound.minSessionLength(), bound.maxSessionLength(), bound.maxSessionsPerWeek(), bound.minDaysBetween(),
                bound.rooms(), bound.providerSiret(), bound.name(), bound.address(), bound.declarationNumber(),
                bound.logo());
    }

    /** The rules of {@code centreId}: its overrides over the defaults. */
    public CentreRules rules(String centreId) {
        return rules(defaults, overrides.get(centreId));
    }

    /** All the settings of {@code centreId}: its overrides over the defaults. */
    public CentreSettings settings(String centreId) {
        Settings own = overrides.get(centreId);
        Set<String> rooms = pick(defaults, own, Settings::rooms);
        return new CentreSettings(centreId, rules(defaults, own), rooms == null ? List.of() : List.copyOf(rooms),
                identity(defaults, own));
    }

    /** The SIRET of the provider the centre's consultants work for; empty when not configured. */
    public Optional<String> providerSiret(String centreId) {
        return Optional.ofNullable(pick(defaults, overrides.get(centreId), Settings::providerSiret))
                .filter(siret -> !siret.isBlank());
    }

    private static CentreRules rules(Settings defaults, Settings own) {
        return new CentreRules(pick(defaults, own, Settings::zone),
                openingHours(pick(defaults, own, Settings::openingHours)),
                pick(defaults, own, Settings::minSessionLength), pick(defaults, own, Settings::maxSessionLength),
                pick(defaults, own, Settings::maxSessionsPerWeek), pick(defaults, own, Settings::minDaysBetween));
    }

    private static CentreIdentity identity(Settings defaults, Settings own) {
        return CentreIdentity.configured(pick(defaults, own, Settings::name), pick(defaults, own, Settings::address),
                pick(defaults, own, Settings::declarationNumber), pick(defaults, own, Settings::logo));
    }

    /**
     * Whether {@code roomId} is a room of the centre; any room is, for a centre whose rooms are not
     * configured.
     */
    public boolean hasRoom(String centreId, String roomId) {
        Set<String> rooms = pick(defaults, overrides.get(centreId), Settings::rooms);
        return rooms == null || rooms.isEmpty() || rooms.contains(roomId);
    }

    private static <T> T pick(Settings defaults, Settings own, Function<Settings, T> setting) {
        return Optional.ofNullable(own).map(setting).orElseGet(() -> setting.apply(defaults));
    }

    private static Map<DayOfWeek, List<OpeningHours>> openingHours(Map<DayOfWeek, List<String>> configured) {
        Map<DayOfWeek, List<OpeningHours>> hours = new EnumMap<>(DayOfWeek.class);
        configured.forEach((day, ranges) -> hours.put(day, ranges.stream().map(CentreProperties::range).toList()));
        return hours;
    }

    private static OpeningHours range(String text) {
        String[] bounds = text.split("-");
        if (bounds.length != 2) {
            throw new IllegalArgumentException("opening hours read 09:00-12:30, not " + text);
        }
        return new OpeningHours(LocalTime.parse(bounds[0].strip()), LocalTime.parse(bounds[1].strip()));
    }
}

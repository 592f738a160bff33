package fr.bilan.support.centre;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

import fr.bilan.support.hash.Sha256;

/**
 * {@code bilan.centres.*}, bound once with one schema ({@link CentreSettings}) by every service that
 * reads a centre's settings: {@code defaults} for every centre (over {@link CentreSettings#BUILT_IN};
 * a day of the opening hours given replaces that day only), {@code overrides.<centre id>} for what
 * differs (only the settings given replace the defaults). Unknown keys and incomplete or malformed
 * settings stop the start, with a message naming each key. Every service computes the same
 * {@link #fingerprint()} from the same settings: compared across services, it shows they agree.
 */
@ConfigurationProperties(prefix = "bilan.centres", ignoreUnknownFields = false)
public record Centres(CentreSettings defaults, Map<String, CentreSettings> overrides) {

    public Centres {
        defaults = defaults == null ? CentreSettings.BUILT_IN : withBuiltIn(defaults);
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        List<String> problems = new ArrayList<>(defaults.problems("bilan.centres.defaults."));
        for (var override : new TreeMap<>(overrides).entrySet()) {
            if (override.getValue() == null) {
                continue;
            }
            problems.addAll(override.getValue().over(defaults).problems("bilan.centres.overrides." + override.getKey() + "."));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("bilan.centres: the centres' settings are refused: " + String.join("; ", problems));
        }
    }

    /** The defaults given over the built-in ones, the opening hours day by day. */
    private static CentreSettings withBuiltIn(CentreSettings given) {
        CentreSettings merged = given.over(CentreSettings.BUILT_IN);
        if (given.openingHours() == null) {
            return merged;
        }
        var hours = new EnumMap<>(CentreSettings.BUILT_IN.openingHours());
        hours.putAll(given.openingHours());
        return new CentreSettings(merged.zone(), Map.copyOf(hours), merged.minSessionLength(), merged.maxSessionLength(),
                merged.maxSessionsPerWeek(), merged.minDaysBetween(), merged.rooms(), merged.providerSiret(), merged.name(),
                merged.address(), merged.declarationNumber(), merged.logo(), merged.holidays(),
                merged.hourlyPriceCents());
    }

    /** Every setting of {@code centreId}: its overrides over the defaults. */
    public CentreSettings of(String centreId) {
        CentreSettings own = overrides.get(centreId);
        return own == null ? defaults : own.over(defaults);
    }

    /**
     * The SHA-256 of every centre's settings (the defaults, and each overridden centre in full), in
     * hexadecimal: two services with the same settings have the same fingerprint, whatever the order
     * or spelling they were given in.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder("defaults:").append(defaults.canonical());
        new TreeMap<>(overrides).keySet().forEach(centreId -> text.append('\n').append(centreId).append(':')
                .append(of(centreId).canonical()));
        return Sha256.hex(text.toString());
    }
}

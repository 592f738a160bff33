package fr.bilan.synthesis.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import fr.bilan.support.centre.Centres;
import fr.bilan.support.centre.DeclarationNumbers;

/**
 * The identity legal documents print for each centre, from {@code bilan.centres.*} as service-support
 * binds it for every service that reads it ({@link Centres}, one schema, session-service's too):
 * {@code defaults} for every centre, {@code overrides.<centre id>} for what differs (only the
 * settings given replace the defaults).
 */
public record CentreIdentityProperties(Settings defaults, Map<String, Settings> overrides) {

    /** A logo larger than this is a configuration mistake (it would weigh on every page). */
    static final int MAX_LOGO_BYTES = 1024 * 1024;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    /**
     * One centre's identity; {@code null} where an override keeps the default.
     *
     * @param address postal address, several lines allowed
     * @param declarationNumber numéro de déclaration d'activité, 11 digits (spaces allowed)
     * @param logo a Spring resource location ({@code classpath:…} or {@code file:…}) of a PNG or JPEG
     */
    public record Settings(String name, String address, String declarationNumber, String logo) {
    }

    /** The identity part of the settings bound once for every service. */
    public static CentreIdentityProperties from(Centres centres) {
        Map<String, Settings> overrides = new HashMap<>();
        centres.overrides().forEach((centreId, own) -> overrides.put(centreId,
                new Settings(own.name(), own.address(), own.declarationNumber(), own.logo())));
        var defaults = centres.defaults();
        return new CentreIdentityProperties(new Settings(defaults.name(), defaults.address(), defaults.declarationNumber(),
                defaults.logo()), overrides);
    }

    public CentreIdentityProperties {
        defaults = defaults == null ? new Settings(null, null, null, null) : defaults;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    /**
     * The identities, logos read once; a malformed declaration number or an unreadable logo, in the
     * defaults or any override, stops the start rather than a consultant's first print.
     */
    public CentreIdentities identities(ResourceLoader resources) {
        Map<String, byte[]> logos = new HashMap<>();
        Function<Settings, CentreIdentity> resolve = own -> {
            String logo = blankToNull(pick(own, Settings::logo));
            return new CentreIdentity(blankToNull(pick(own, Settings::name)), blankToNull(pick(own, Settings::address)),
                    blankToNull(DeclarationNumbers.normalised(pick(own, Settings::declarationNumber))),
                    logo == null ? null : logos.computeIfAbsent(logo, location -> logo(resources, location)));
        };
        CentreIdentity fallback = resolve.apply(null);
        Map<String, CentreIdentity> centres = new HashMap<>();
        overrides.forEach((centreId, own) -> centres.put(centreId, resolve.apply(own)));
        return centreId -> centres.getOrDefault(centreId, fallback);
    }

    private String pick(Settings own, Function<Settings, String> setting) {
        return Optional.ofNullable(own).map(setting).orElseGet(() -> setting.apply(defaults));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static byte[] logo(ResourceLoader resources, String location) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalArgumentException("bilan.centres: no logo at " + location);
        }
        byte[] bytes;
        try (InputStream in = resource.getInputStream()) {
            bytes = in.readNBytes(MAX_LOGO_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("bilan.centres: cannot read the logo at " + location, e);
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new IllegalArgumentException("bilan.centres: the logo at " + location + " exceeds 1 MiB");
        }
        if (!startsWith(bytes, PNG) && !startsWith(bytes, JPEG)) {
            throw new IllegalArgumentException("bilan.centres: the logo at " + location + " is neither PNG nor JPEG");
        }
        return bytes;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}

package fr.bilan.retention.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The rules file names enum constants in kebab case: {@code ACTION_END} is {@code action-end}. */
final class KebabNames {

    private KebabNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of that kebab name; empty for any other name. */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> of(constant).equals(name)).findFirst();
    }

    /** All kebab names of the type, for error messages. */
    static String all(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(KebabNames::of).toList().toString();
    }
}

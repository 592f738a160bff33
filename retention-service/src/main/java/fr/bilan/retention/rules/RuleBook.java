package fr.bilan.retention.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import fr.bilan.support.hash.Sha256;

/**
 * The retention rules, read from a YAML file (see {@code retention-rules.yaml}) and checked as a
 * whole when the service starts: a file with a mistake stops the start with a message naming the
 * regime and rule at fault, rather than destroying documents on a wrong date.
 */
public final class RuleBook {

    public static final String DEFAULT_RESOURCE = "retention-rules.yaml";
    /** The kinds of document retention keeps: each rule set must cover all. */
    public static final Set<DocumentKind> KINDS = Collections.unmodifiableSet(EnumSet.allOf(DocumentKind.class));

    private final List<Regime> regimes;

    private RuleBook(List<Regime> regimes) {
        this.regimes = List.copyOf(regimes);
    }

    /** The rules of {@code retention-rules.yaml} on the class path. */
    public static RuleBook fromClasspath() {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is not on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and checks a rules file; {@link InvalidRulesException} names what is wrong. */
    public static RuleBook read(InputStream yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        List<Regime> regimes = new ArrayList<>();
        for (Object regime : YamlFields.of(root, "the rules file").list("regimes")) {
            regimes.add(regime(YamlFields.of(regime, "a regime")));
        }
        checkPeriods(regimes);
        return new RuleBook(regimes);
    }

    /** The regimes, oldest first. */
    public List<Regime> regimes() {
        return regimes;
    }

    /**
     * Names what the rules mean: changes when a regime's dates or a rule's version change, so that
     * the decisions taken under other rules are taken again when a new rule book is deployed.
     */
    public String fingerprint() {
        return Sha256.hex(regimes.stream().map(regime -> regime.id() + regime.startedFrom() + regime.startedBefore()
                + regime.rules().stream().map(rule -> rule.id() + "@" + rule.version()).toList())
                .collect(Collectors.joining("|")));
    }

    /** The regime of the actions started that day (Paris calendar). */
    public Regime regimeFor(LocalDate actionStartDay) {
        return regimes.stream().filter(regime -> regime.covers(actionStartDay)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No regime covers actions started on " + actionStartDay));
    }

    private static Regime regime(YamlFields fields) {
        String id = fields.text("id");
        YamlFields regime = fields.named("regime " + id);
        List<RetentionRule> rules = new ArrayList<>();
        Set<String> ruleIds = new HashSet<>();
        for (Object rule : regime.list("rules")) {
            RetentionRule parsed = rule(YamlFields.of(rule, "a rule of regime " + id), id);
            if (!ruleIds.add(parsed.id())) {
                throw new InvalidRulesException("Regime " + id + " has two rules with id " + parsed.id());
            }
            rules.add(parsed);
        }
        EnumSet<DocumentKind> uncovered = EnumSet.copyOf(KINDS);
        rules.stream().filter(rule -> rule.condition() == RetentionCondition.ALWAYS)
                .forEach(rule -> uncovered.removeAll(rule.kinds()));
        if (!uncovered.isEmpty()) {
            throw new InvalidRulesException("Regime " + id + ": no rule with condition always covers "
                    + uncovered + "; every kind needs one, or its documents would have no date");
        }
        Regime parsed = new Regime(id, regime.text("label"), regime.text("source"),
                regime.optionalDate("actions-started-from"), regime.optionalDate("actions-started-before"), rules);
        if (parsed.startedFrom().isPresent() && parsed.startedBefore().isPresent()
                && !parsed.startedFrom().get().isBefore(parsed.startedBefore().get())) {
            throw new InvalidRulesException("Regime " + id + ": actions-started-from must come before actions-started-before");
        }
        return parsed;
    }

    private static RetentionRule rule(YamlFields fields, String regimeId) {
        String id = fields.text("id");
        YamlFields rule = fields.named("rule " + id + " of regime " + regimeId);
        int version = rule.integer("version");
        if (version < 1) {
            throw rule.invalid("version must be 1 or more, not " + version);
        }
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        for (Object kind : rule.list("kinds")) {
            kinds.add(KINDS.stream().filter(known -> known.name().equals(kind)).findFirst()
                    .orElseThrow(() -> rule.invalid("unknown document kind " + kind + "; known: "
                            + KINDS)));
        }
        String condition = rule.text("condition");
        String anchor = rule.text("anchor");
        return new RetentionRule(id, version, kinds,
                KebabNames.parse(RetentionCondition.class, condition).orElseThrow(() -> rule.invalid(
                        "unknown condition " + condition + "; known: " + KebabNames.all(RetentionCondition.class))),
                KebabNames.parse(RetentionAnchor.class, anchor).orElseThrow(() -> rule.invalid(
                        "unknown anchor " + anchor + "; known: " + KebabNames.all(RetentionAnchor.class))),
                period(rule), rule.text("source"), rule.text("label"));
    }

    private static Period period(YamlFields rule) {
        String text = rule.text("period");
        Period period;
        try {
            period = Period.parse(text);
        } catch (DateTimeParseException e) {
            throw rule.invalid("period " + text + " is not an ISO-8601 period such as P3Y");
        }
        if (period.isNegative()) {
            throw rule.invalid("period " + text + " is negative");
        }
        return period;
    }

    /**
     * Every action start day must fall under exactly one regime: the first open towards the past,
     * each next one starting the day the previous one stops, the last open towards the future.
     */
    private static void checkPeriods(List<Regime> regimes) {
        if (regimes.isEmpty()) {
            throw new InvalidRulesException("The rules file has no regime");
        }
        regimes.sort(Comparator.comparing(regime -> regime.startedFrom().orElse(LocalDate.MIN)));
        Regime first = regimes.get(0);
        if (first.startedFrom().isPresent()) {
            throw new InvalidRulesException("Gap between regimes: actions started before " + first.startedFrom().get()
                    + " fall under no regime; regime " + first.id() + ", the first, must omit actions-started-from");
        }
        for (int i = 1; i < regimes.size(); i++) {
            Regime previous = regimes.get(i - 1);
            Regime next = regimes.get(i);
            if (next.startedFrom().isEmpty() || previous.startedBefore().isEmpty()) {
                throw new InvalidRulesException("Regimes " + previous.id() + " and " + next.id()
                        + " overlap: only the first regime may omit actions-started-from, only the last actions-started-before");
            }
            LocalDate stop = previous.startedBefore().get();
            LocalDate start = next.startedFrom().get();
            if (stop.isAfter(start)) {
                throw new InvalidRulesException("Regimes " + previous.id() + " and " + next.id() + " overlap: actions started from "
                        + start + " and before " + stop + " fall under both");
            }
            if (stop.isBefore(start)) {
                throw new InvalidRulesException("Gap between regimes " + previous.id() + " and " + next.id() + ": actions started from "
                        + stop + " and before " + start + " fall under none");
            }
        }
        Regime last = regimes.get(regimes.size() - 1);
        if (last.startedBefore().isPresent()) {
            throw new InvalidRulesException("Gap after regime " + last.id() + ": actions started from " + last.startedBefore().get()
                    + " fall under no regime; the last regime must omit actions-started-before");
        }
    }

    /** A rules file that cannot be applied; the message names the regime and rule at fault. */
    public static final class InvalidRulesException extends IllegalStateException {

        InvalidRulesException(String message) {
            super(message);
        }
    }

    /** The fields of one YAML mapping, with errors naming where they are. */
    private record YamlFields(Map<?, ?> map, String where) {

        static YamlFields of(Object node, String where) {
            if (!(node instanceof Map<?, ?> map)) {
                throw new InvalidRulesException(where + " must be a mapping");
            }
            return new YamlFields(map, where);
        }

        YamlFields named(String where) {
            return new YamlFields(map, where);
        }

        InvalidRulesException invalid(String problem) {
            return new InvalidRulesException(Character.toUpperCase(where.charAt(0)) + where.substring(1) + ": " + problem);
        }

        String text(String key) {
            if (!(map.get(key) instanceof String text) || text.isBlank()) {
                throw invalid(key + " is missing or not a text");
            }
            return text;
        }

        int integer(String key) {
            if (!(map.get(key) instanceof Integer number)) {
                throw invalid(key + " is missing or not a whole number");
            }
            return number;
        }

        List<?> list(String key) {
            if (!(map.get(key) instanceof List<?> list) || list.isEmpty()) {
                throw invalid(key + " is missing or empty");
            }
            return list;
        }

        Optional<LocalDate> optionalDate(String key) {
            if (!map.containsKey(key)) {
                return Optional.empty();
            }
            // unquoted, YAML would read a day as a timestamp at midnight UTC
            if (map.get(key) instanceof String text) {
                try {
                    return Optional.of(LocalDate.parse(text));
                } catch (DateTimeParseException e) {
                    // refused below
                }
            }
            throw invalid(key + " must be a day written \"yyyy-MM-dd\", in quotes");
        }
    }
}

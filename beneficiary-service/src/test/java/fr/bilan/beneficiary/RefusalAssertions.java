package fr.bilan.beneficiary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.bilan.support.refusal.DomainRefusal;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.RuleRefusal;

/** What a domain rule that refuses says: the fields it names, or its reason; without gRPC. */
public final class RefusalAssertions {

    private RefusalAssertions() {
    }

    /** The fields an {@link InvalidFields} names, each with its description(s); fails if the call does not refuse so. */
    public static Map<String, String> violations(Runnable call) {
        return refused(InvalidFields.class, call).violations().stream().collect(Collectors.toMap(
                InvalidFields.Violation::field, InvalidFields.Violation::description,
                (first, second) -> first + " " + second));
    }

    /** Each field an {@link InvalidFields} names, as {@code field: description}, in order. */
    public static List<String> fieldErrors(InvalidFields refusal) {
        return refusal.violations().stream().map(violation -> violation.field() + ": " + violation.description())
                .toList();
    }

    /** The reason of a {@link RuleRefusal}; fails if the call does not refuse so. */
    public static String refusal(Runnable call) {
        return refused(RuleRefusal.class, call).frenchReason();
    }

    /** The refusal of kind {@code kind} the call ends with; fails if it ends otherwise. */
    public static <R extends DomainRefusal> R refused(Class<R> kind, Runnable call) {
        try {
            call.run();
        } catch (DomainRefusal refusal) {
            assertThat(refusal).as(refusal.frenchReason()).isInstanceOf(kind);
            return kind.cast(refusal);
        }
        throw new AssertionError("expected a " + kind.getSimpleName() + ", the call succeeded");
    }
}

package fr.bilan.quality.register.dropout;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A centre's drop-outs over a period, the latest first, and how many for each reason (every reason
 * named, in its order, 0 included).
 */
public record DropOutReport(List<DropOut> dropOuts, Map<DropOutReason, Integer> counts) {

    public DropOutReport {
        dropOuts = List.copyOf(dropOuts);
        counts = Map.copyOf(counts);
    }

    /** The report of {@code dropOuts}, counted by reason. */
    public static DropOutReport of(List<DropOut> dropOuts) {
        Map<DropOutReason, Integer> counts = new EnumMap<>(DropOutReason.class);
        for (DropOutReason reason : DropOutReason.values()) {
            counts.put(reason, 0);
        }
        dropOuts.forEach(dropOut -> counts.merge(dropOut.reason(), 1, Integer::sum));
        return new DropOutReport(dropOuts, counts);
    }
}

package fr.bilan.beneficiary.funding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The CPF co-payment (participation forfaitaire, L6323-4 and D6323-1 A; amount set by R6323-6) as
 * dated amounts: each applies from its day (Paris) until the next one's; before the first, none is
 * due. The decrees' amounts are built in ({@link #BUILT_IN}); an operator may add later ones ahead
 * of the next decree, never rewrite the decrees' own, so a settings mistake cannot change what a
 * funding already recorded was charged.
 *
 * @param amounts sorted by day, one per day
 */
public record CoPaymentSchedule(List<DatedAmount> amounts) {

    /** An amount in euro cents in force from {@code from} (Paris), until the next one's day. */
    public record DatedAmount(LocalDate from, long cents) {

        public DatedAmount {
            Objects.requireNonNull(from, "from");
            if (cents < 0) {
                throw new IllegalArgumentException("A CPF co-payment cannot be negative: " + cents + " from " + from);
            }
        }
    }

    /**
     * Décret 2024-394 (100 € from 2 May 2024), then the amount revalued each 1 January: 102,23 € in
     * 2025, 103,20 € in 2026.
     */
    public static final CoPaymentSchedule BUILT_IN = new CoPaymentSchedule(List.of(
            new DatedAmount(LocalDate.of(2024, 5, 2), 10_000),
            new DatedAmount(LocalDate.of(2025, 1, 1), 10_223),
            new DatedAmount(LocalDate.of(2026, 1, 1), 10_320)));

    public CoPaymentSchedule {
        amounts = List.copyOf(amounts);
        for (int i = 1; i < amounts.size(); i++) {
            if (!amounts.get(i - 1).from().isBefore(amounts.get(i).from())) {
                throw new IllegalArgumentException("CPF co-payments must be sorted by day, one per day: " + amounts);
            }
        }
    }

    /** The co-payment in force on {@code day}, in euro cents; 0 before the first amount. */
    public long amountOn(LocalDate day) {
        long cents = 0;
        for (DatedAmount amount : amounts) {
            if (amount.from().isAfter(day)) {
                break;
            }
            cents = amount.cents();
        }
        return cents;
    }

    /**
     * This table with the operator's amounts added. An amount on one of this table's days must be
     * the same (restating the whole table is allowed); any other must come after this table's last
     * day: the past is the decrees'. Refused with {@link IllegalArgumentException}, which stops the
     * service at start rather than charge a wrong amount.
     */
    public CoPaymentSchedule with(List<DatedAmount> added) {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        amounts.forEach(amount -> byDay.put(amount.from(), amount.cents()));
        LocalDate last = amounts.isEmpty() ? LocalDate.MIN : amounts.get(amounts.size() - 1).from();
        for (DatedAmount amount : added) {
            Long known = byDay.get(amount.from());
            if (known != null && known != amount.cents()) {
                throw new IllegalArgumentException("bilan.funding.cpf-co-payments: " + amount.cents()
                        + " cents from " + amount.from() + " contradicts " + (amount.from().isAfter(last)
                                ? "another amount given for that day" : "the decree's " + known + " cents"));
            }
            if (known == null && !amount.from().isAfter(last)) {
                throw new IllegalArgumentException("bilan.funding.cpf-co-payments: an amount may only be added "
                        + "after " + last + " (the decrees' amounts are built in), not from " + amount.from());
            }
            byDay.put(amount.from(), amount.cents());
        }
        List<DatedAmount> merged = new ArrayList<>();
        byDay.forEach((from, cents) -> merged.add(new DatedAmount(from, cents)));
        return new CoPaymentSchedule(merged);
    }
}

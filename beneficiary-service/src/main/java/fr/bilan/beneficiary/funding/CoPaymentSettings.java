package fr.bilan.beneficiary.funding;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * {@code bilan.funding.cpf-co-payments}: CPF co-payments an operator adds to the decrees' built-in
 * table ({@link CoPaymentSchedule#BUILT_IN}), for a new amount known before this service is
 * released with it. None by default.
 */
@ConfigurationProperties("bilan.funding")
public record CoPaymentSettings(@DefaultValue List<DatedCoPayment> cpfCoPayments) {

    /** An amount in euro cents in force from {@code from} (an ISO day, Paris). */
    public record DatedCoPayment(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, long cents) {
    }

    /**
     * The built-in table with these amounts; {@link IllegalArgumentException}, which stops the
     * service at start, for one that is incomplete or contradicts the decrees.
     */
    public CoPaymentSchedule schedule() {
        return CoPaymentSchedule.BUILT_IN.with(cpfCoPayments.stream().map(amount -> {
            if (amount.from() == null) {
                throw new IllegalArgumentException("bilan.funding.cpf-co-payments: each amount needs its day (from)");
            }
            return new CoPaymentSchedule.DatedAmount(amount.from(), amount.cents());
        }).toList());
    }
}

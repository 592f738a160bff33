package fr.bilan.beneficiary.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ErasureReceiptTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456789Z");

    private static ErasureReceipt receipt() {
        return ErasureReceipt.of("b1", NOW, ErasurePlan.of(true, Optional.of(NOW.minusSeconds(60)),
                Optional.of(NOW.minusNanos(1)), Duration.ofDays(365)), "subject/request-1");
    }

    @Test
    void theFirstAnswerAndEveryRetryAreEqualToTheMillisecondAsStored() {
        ErasureReceipt first = receipt();

        assertThat(first.eraseTime()).isEqualTo(Instant.parse("2026-11-23T10:15:30.123Z"));
        assertThat(first.items()).allSatisfy(item -> item.keepUntil()
                .ifPresent(until -> assertThat(until.getNano() % 1_000_000).isZero()));
        assertThat(ErasureReceipts.receiptOf(ErasureReceipts.document(first))).isEqualTo(first);
    }

    @Test
    void itAnswersTheRequestThatMadeItOnly() {
        assertThat(receipt().answered("subject/request-1")).isTrue();
        assertThat(receipt().answered("subject/request-2")).isFalse();
        assertThat(receipt().asValidation().validateOnly()).isTrue();
        assertThat(receipt().validateOnly()).isFalse();
    }
}

package fr.bilan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.grpc.Status;

class DeliveryFailuresTest {

    @Test
    void aRefusalOfTheEntryLetsTheRunGoOnAndNeedsSomeone() {
        for (Status.Code code : new Status.Code[] {Status.Code.INVALID_ARGUMENT, Status.Code.FAILED_PRECONDITION,
                Status.Code.OUT_OF_RANGE, Status.Code.NOT_FOUND, Status.Code.ALREADY_EXISTS}) {
            assertThat(DeliveryFailures.refusesTheEntry(code)).as(code.name()).isTrue();
            assertThat(DeliveryFailures.permanent(code)).as(code.name()).isTrue();
        }
    }

    @Test
    void theCallersOwnFaultsStopTheRunAndNeedSomeone() {
        for (Status.Code code : new Status.Code[] {Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED,
                Status.Code.UNIMPLEMENTED}) {
            assertThat(DeliveryFailures.refusesTheEntry(code)).as(code.name()).isFalse();
            assertThat(DeliveryFailures.permanent(code)).as(code.name()).isTrue();
        }
    }

    @Test
    void whatRetryingMayHealStopsTheRunQuietly() {
        for (Status.Code code : new Status.Code[] {Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
                Status.Code.RESOURCE_EXHAUSTED, Status.Code.INTERNAL}) {
            assertThat(DeliveryFailures.refusesTheEntry(code)).as(code.name()).isFalse();
            assertThat(DeliveryFailures.permanent(code)).as(code.name()).isFalse();
        }
    }
}

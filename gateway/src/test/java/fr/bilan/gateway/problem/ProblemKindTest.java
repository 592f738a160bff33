package fr.bilan.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.grpc.Status;

class ProblemKindTest {

    /** The mapping of google/rpc/code.proto, as Google's API design guide sets it. */
    @ParameterizedTest
    @CsvSource({
        "CANCELLED, 499", "UNKNOWN, 500", "INVALID_ARGUMENT, 400", "DEADLINE_EXCEEDED, 504", "NOT_FOUND, 404",
        "ALREADY_EXISTS, 409", "PERMISSION_DENIED, 403", "UNAUTHENTICATED, 401", "RESOURCE_EXHAUSTED, 429",
        "FAILED_PRECONDITION, 400", "ABORTED, 409", "OUT_OF_RANGE, 400", "UNIMPLEMENTED, 501", "INTERNAL, 500",
        "UNAVAILABLE, 503", "DATA_LOSS, 500"
    })
    void mapsEveryGrpcCodeToItsHttpStatus(Status.Code code, int httpStatus) {
        ProblemKind kind = ProblemKind.of(code);

        assertThat(kind.httpStatus()).isEqualTo(httpStatus);
        assertThat(kind.grpcCode()).isEqualTo(code);
        assertThat(kind.hidesDetail()).isEqualTo(httpStatus >= 500);
    }

    @ParameterizedTest
    @CsvSource({"NOT_FOUND, urn:bilan:problem:not-found", "FAILED_PRECONDITION, urn:bilan:problem:failed-precondition"})
    void hasStableTypes(ProblemKind kind, String type) {
        assertThat(kind.type()).isEqualTo(type);
    }

    @org.junit.jupiter.api.Test
    void coversEveryErrorCodeWithAFrenchTitle() {
        Arrays.stream(Status.Code.values()).filter(code -> code != Status.Code.OK)
                .forEach(code -> assertThat(ProblemKind.of(code).title()).isNotBlank());
        assertThat(ProblemKind.of(Status.Code.OK)).isEqualTo(ProblemKind.UNKNOWN);
    }
}

package fr.bilan.beneficiary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** What a call that fails says: the fields it names, or the reason it gives. */
public final class StatusAssertions {

    private StatusAssertions() {
    }

    /** The fields an {@code INVALID_ARGUMENT} names, each with its description(s); fails if the call does not. */
    public static Map<String, String> violations(Runnable call) {
        StatusRuntimeException failure = failure(call, Status.Code.INVALID_ARGUMENT);
        try {
            return StatusProto.fromThrowable(failure).getDetails(0).unpack(BadRequest.class).getFieldViolationsList()
                    .stream().collect(Collectors.toMap(BadRequest.FieldViolation::getField,
                            BadRequest.FieldViolation::getDescription, (first, second) -> first + " " + second));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("INVALID_ARGUMENT without field violations", e);
        }
    }

    /** The reason a call fails with {@code code}; fails if the call does not. */
    public static String reason(Status.Code code, Runnable call) {
        return failure(call, code).getStatus().getDescription();
    }

    /** The reason of a {@code FAILED_PRECONDITION}; fails if the call does not end so. */
    public static String refusal(Runnable call) {
        return reason(Status.Code.FAILED_PRECONDITION, call);
    }

    private static StatusRuntimeException failure(Runnable call, Status.Code code) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).as(e.getStatus().getDescription()).isEqualTo(code);
            return e;
        }
        throw new AssertionError("expected " + code + ", the call succeeded");
    }
}

package fr.bilan.support.testing;

import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * The details a gRPC failure carries: the field violations of an {@code INVALID_ARGUMENT}, as
 * {@code "field: description"}, or the first detail of a given type.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static List<String> of(Throwable e) {
        return details(e, BadRequest.class).stream()
                .flatMap(request -> request.getFieldViolationsList().stream())
                .map(v -> v.getField() + ": " + v.getDescription())
                .toList();
    }

    /** The first detail of {@code type} that {@code failure} carries; an {@link AssertionError} without one. */
    public static <T extends Message> T detail(Throwable failure, Class<T> type) {
        return details(failure, type).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + failure));
    }

    private static <T extends Message> List<T> details(Throwable failure, Class<T> type) {
        return StatusProto.fromThrowable(failure).getDetailsList().stream()
                .filter(detail -> detail.is(type))
                .map(detail -> {
                    try {
                        return detail.unpack(type);
                    } catch (InvalidProtocolBufferException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }

    /** The violations {@code call} fails with; an {@link AssertionError} if it does not fail with some. */
    public static List<String> of(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                return of(e);
            }
            throw new AssertionError("expected INVALID_ARGUMENT, got " + e.getStatus(), e);
        }
        throw new AssertionError("expected INVALID_ARGUMENT, the call succeeded");
    }

    /** The fields {@code call} fails on, without the descriptions. */
    public static List<String> fieldsOf(Runnable call) {
        return of(call).stream().map(violation -> violation.substring(0, violation.indexOf(':'))).toList();
    }
}

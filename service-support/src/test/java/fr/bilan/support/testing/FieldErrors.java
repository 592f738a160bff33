package fr.bilan.support.testing;

import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** The field violations an {@code INVALID_ARGUMENT} carries, as {@code "field: description"}. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static List<String> of(Throwable e) {
        return StatusProto.fromThrowable(e).getDetailsList().stream()
                .flatMap(detail -> {
                    try {
                        return detail.unpack(BadRequest.class).getFieldViolationsList().stream();
                    } catch (InvalidProtocolBufferException ex) {
                        throw new AssertionError(ex);
                    }
                })
                .map(v -> v.getField() + ": " + v.getDescription())
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

package fr.bilan.support.audit;

import fr.bilan.support.refusal.Forbidden;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Gives every gRPC call its {@link AccessCall}: the operation its access records name, and the
 * attempts it noted ({@link AccessLog#attempting}). A call that ends {@code PERMISSION_DENIED}
 * after noting an attempt leaves a {@code REFUSED} record: refusals reach the person's access log
 * too. The refusal is seen whether the service's exception is turned into a status before or after
 * this interceptor (the call's close, or the exception on its way out), and recorded once.
 */
public final class AccessCalls implements ServerInterceptor {

    private final AccessLog accessLog;

    public AccessCalls(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        AccessCall access = new AccessCall(AccessOperations.of(call.getMethodDescriptor().getFullMethodName()));
        ServerCall<Q, R> watched = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (status.getCode() == Status.Code.PERMISSION_DENIED) {
                    accessLog.recordRefusal(access);
                }
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener = Contexts.interceptCall(Context.current().withValue(AccessCall.KEY, access),
                watched, headers, next);
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onHalfClose() {
                try {
                    super.onHalfClose();
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() == Status.Code.PERMISSION_DENIED) {
                        accessLog.recordRefusal(access);
                    }
                    throw e;
                } catch (Forbidden e) {
                    // a domain refusal becomes PERMISSION_DENIED in the error handler, which may sit outside
                    accessLog.recordRefusal(access);
                    throw e;
                }
            }
        };
    }
}

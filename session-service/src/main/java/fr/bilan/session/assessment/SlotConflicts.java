package fr.bilan.session.assessment;

import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.stereotype.Component;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;

import fr.bilan.proto.session.v1.SlotConflict;
import fr.bilan.support.time.ProtoTime;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;

/**
 * The one refusal whose status carries more than its French reason: a slot taken is
 * {@code ALREADY_EXISTS} with the reason {@code SLOT_TAKEN} and the slot in the way
 * ({@link SlotConflict}). Runs before service-support's handler, which maps every other refusal.
 */
@Component
@Order(0)
class SlotConflicts implements GrpcExceptionHandler {

    @Override
    public StatusException handleException(Throwable exception) {
        if (!(exception instanceof SessionSlotTaken taken)) {
            return null;
        }
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Code.ALREADY_EXISTS_VALUE)
                .setMessage(taken.frenchReason())
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("SLOT_TAKEN").setDomain("session.bilan.fr")
                        .putMetadata("resource", taken.kind().name()).build()))
                .addDetails(Any.pack(SlotConflict.newBuilder().setResource(taken.kind().name())
                        .setStartTime(ProtoTime.of(taken.taken().start())).setEndTime(ProtoTime.of(taken.taken().end()))
                        .build()))
                .build();
        return StatusProto.toStatusException(status);
    }
}

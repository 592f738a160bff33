package fr.bilan.support.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import fr.bilan.proto.audit.v1.AccessRecord;
import fr.bilan.proto.beneficiary.internal.v1.AccessRegisterServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.RecordAccessesRequest;
import fr.bilan.proto.beneficiary.internal.v1.RecordAccessesResponse;
import fr.bilan.support.audit.AccessRegisterGrpcService;
import io.grpc.stub.StreamObserver;

/**
 * beneficiary-service's access register as another service's tests need it, served on that
 * service's own port behind its real token check: it checks what it receives as the real one does
 * ({@link AccessRegisterGrpcService#check}) and keeps each record once by id, in memory.
 */
@Component
public class TestAccessRegister extends AccessRegisterServiceGrpc.AccessRegisterServiceImplBase {

    private static final Map<String, AccessRecord> RECORDS = new ConcurrentHashMap<>();

    /** The records received for {@code beneficiaryId}, in no particular order. */
    public static List<AccessRecord> of(String beneficiaryId) {
        return RECORDS.values().stream().filter(record -> record.getBeneficiaryId().equals(beneficiaryId)).toList();
    }

    @Override
    public void recordAccesses(RecordAccessesRequest request, StreamObserver<RecordAccessesResponse> response) {
        AccessRegisterGrpcService.check(request.getRecordsList());
        int first = (int) request.getRecordsList().stream()
                .filter(record -> RECORDS.putIfAbsent(record.getId(), record) == null).count();
        response.onNext(RecordAccessesResponse.newBuilder().setFirstDeliveries(first).build());
        response.onCompleted();
    }
}

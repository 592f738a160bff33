package fr.bilan.support.audit;

import java.util.List;

import com.google.protobuf.util.Timestamps;

import fr.bilan.proto.audit.v1.AccessOutcome;
import fr.bilan.proto.audit.v1.AccessRecord;
import fr.bilan.proto.beneficiary.internal.v1.AccessRegisterServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.RecordAccessesRequest;
import fr.bilan.proto.beneficiary.internal.v1.RecordAccessesResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import io.grpc.stub.StreamObserver;

/**
 * The register's intake, in the service that keeps it (beneficiary-service): the records other
 * services hand over, each checked field by field, then taken in once by id.
 */
public class AccessRegisterGrpcService extends AccessRegisterServiceGrpc.AccessRegisterServiceImplBase {

    private final AccessLog accessLog;

    public AccessRegisterGrpcService(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public void recordAccesses(RecordAccessesRequest request, StreamObserver<RecordAccessesResponse> response) {
        check(request.getRecordsList());
        int first = accessLog.takeIn(request.getRecordsList());
        response.onNext(RecordAccessesResponse.newBuilder().setFirstDeliveries(first).build());
        response.onCompleted();
    }

    /** What the register takes: 1 to {@value AccessRecordOutbox#MAX_PER_CALL} whole records. */
    public static void check(List<AccessRecord> records) {
        FieldViolations violations = new FieldViolations();
        if (records.isEmpty() || records.size() > AccessRecordOutbox.MAX_PER_CALL) {
            violations.add("records", "Entre 1 et " + AccessRecordOutbox.MAX_PER_CALL + " enregistrements par appel.");
        }
        for (int i = 0; i < records.size(); i++) {
            AccessRecord record = records.get(i);
            String field = "records[" + i + "].";
            violations.requireText(field + "id", record.getId(), Lookups.MAX_ID_LENGTH)
                    .requireText(field + "actor", record.getActor(), Lookups.MAX_ID_LENGTH)
                    .requireText(field + "operation", record.getOperation(), 200)
                    .requireText(field + "resource", record.getResource(), 500)
                    .requireText(field + "beneficiary_id", record.getBeneficiaryId(), Lookups.MAX_ID_LENGTH)
                    .requireText(field + "centre_id", record.getCentreId(), Lookups.MAX_ID_LENGTH)
                    .requireText(field + "service", record.getService(), Lookups.MAX_ID_LENGTH);
            if (!record.hasAccessTime() || !Timestamps.isValid(record.getAccessTime())) {
                violations.add(field + "access_time", "Indiquez le moment de l'accès.");
            }
            if (record.getOutcome() != AccessOutcome.GRANTED && record.getOutcome() != AccessOutcome.REFUSED) {
                violations.add(field + "outcome", "Indiquez si l'accès a été accordé ou refusé.");
            }
        }
        violations.throwIfAny();
    }
}

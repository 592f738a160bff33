package fr.bilan.beneficiary.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.beneficiary.profile.Beneficiary;
import fr.bilan.beneficiary.profile.BeneficiaryAccess;
import fr.bilan.beneficiary.profile.BeneficiaryLookup;
import fr.bilan.proto.beneficiary.v1.ErasePersonalDataRequest;
import fr.bilan.proto.beneficiary.v1.ErasePersonalDataResponse;
import fr.bilan.proto.beneficiary.v1.ExportPersonalDataRequest;
import fr.bilan.proto.beneficiary.v1.ExportPersonalDataResponse;
import fr.bilan.proto.beneficiary.v1.ListAccessRecordsRequest;
import fr.bilan.proto.beneficiary.v1.ListAccessRecordsResponse;
import fr.bilan.proto.beneficiary.v1.PersonalDataServiceGrpc;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.audit.AccessRecordPage;
import fr.bilan.support.audit.AccessRecordQuery;
import fr.bilan.support.audit.AccessRecordReader;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of the beneficiary's rights over their personal data: who accessed it, a copy of
 * it, its erasure. Scopes each call: the beneficiary themself, or the staff of their centre the
 * RPC names.
 */
@GrpcService
class PersonalDataGrpcService extends PersonalDataServiceGrpc.PersonalDataServiceImplBase {

    private static final String ACCESS_RECORDS = "accessRecords";

    private final BeneficiaryLookup lookup;
    private final AccessRecordReader accessRecords;
    private final PersonalDataExporter exporter;
    private final PersonalDataErasure erasure;
    private final AccessLog accessLog;
    private final Clock clock;

    PersonalDataGrpcService(BeneficiaryLookup lookup, AccessRecordReader accessRecords, PersonalDataExporter exporter,
            PersonalDataErasure erasure, AccessLog accessLog, Clock clock) {
        this.lookup = lookup;
        this.accessRecords = accessRecords;
        this.exporter = exporter;
        this.erasure = erasure;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public void listAccessRecords(ListAccessRecordsRequest request, StreamObserver<ListAccessRecordsResponse> response) {
        Caller caller = Caller.current();
        AccessRecordQuery query = AccessRecordQuery.of(request.getBeneficiaryId(), request.getCentreId(),
                request.hasStartTime() ? Optional.of(request.getStartTime()) : Optional.empty(),
                request.hasEndTime() ? Optional.of(request.getEndTime()) : Optional.empty(),
                request.getPageSize(), request.getPageToken(), clock.instant());
        Optional<Beneficiary> beneficiary = Optional.empty();
        if (query.byCentre()) {
            BeneficiaryAccess.checkAccessRecordReader(caller, query.centreId());
        } else {
            // an erased beneficiary's accesses stay listed: they are kept for security
            beneficiary = Optional.of(lookup.requireRecord(query.beneficiaryId(), "beneficiary_id"));
            BeneficiaryAccess.checkOwnOrAccessRecordReader(caller, beneficiary.get());
        }
        AccessRecordPage page = accessRecords.list(query);
        // the listing is an access to each beneficiary's records it shows
        Map<String, AccessedData> listed = new LinkedHashMap<>();
        beneficiary.ifPresent(one -> listed.put(one.id(), one.accessed(ACCESS_RECORDS)));
        page.records().stream().filter(record -> !record.getBeneficiaryId().isEmpty()).forEach(record -> listed
                .computeIfAbsent(record.getBeneficiaryId(), id -> AccessedData.of("beneficiaries",
                        id + "/" + ACCESS_RECORDS, id, record.getCentreId())));
        accessLog.recordAll(caller, List.copyOf(listed.values()));
        response.onNext(ListAccessRecordsResponse.newBuilder().addAllAccessRecords(page.records())
                .setNextPageToken(page.nextPageToken()).build());
        response.onCompleted();
    }

    @Override
    public void exportPersonalData(ExportPersonalDataRequest request,
            StreamObserver<ExportPersonalDataResponse> response) {
        Caller caller = Caller.current();
        Beneficiary beneficiary = lookup.require(request.getBeneficiaryId(), "beneficiary_id");
        BeneficiaryAccess.checkOwnOrCentreManager(caller, beneficiary);
        // recorded first, so that the copy lists its own making
        accessLog.record(caller, beneficiary.accessed());
        response.onNext(ExportPersonalDataResponse.newBuilder().setExport(exporter.export(beneficiary)).build());
        response.onCompleted();
    }

    @Override
    public void erasePersonalData(ErasePersonalDataRequest request, StreamObserver<ErasePersonalDataResponse> response) {
        Caller caller = Caller.current();
        RequestKey.check(request.getRequestId());
        FieldViolations violations = new FieldViolations()
                .requireText("beneficiary_id", request.getBeneficiaryId(), Lookups.MAX_ID_LENGTH);
        // irreversible: it runs only on an explicit false, never on a field left out (or null in JSON)
        if (!request.hasValidateOnly()) {
            violations.add("validate_only", "Confirmez la demande : envoyez true pour voir ce que l'effacement ferait "
                    + "sans rien effacer, ou false pour effacer les données, définitivement.");
        }
        violations.throwIfAny();
        Beneficiary beneficiary = lookup.requireRecord(request.getBeneficiaryId(), "beneficiary_id");
        String requestKey = RequestKey.of(caller.subject(), request.getRequestId());
        Optional<ErasureReceipt> receipt = erasure.receiptOf(beneficiary);
        // the beneficiary's link to the record is gone once erased: their own request is known by its key
        if (receipt.filter(stored -> stored.answered(requestKey)).isEmpty()) {
            BeneficiaryAccess.checkOwnOrCentreManager(caller, beneficiary);
        }
        // recorded first, so that the access records kept are counted with this one
        accessLog.record(caller, beneficiary.accessed());
        ErasureReceipt answer = receipt.orElseGet(() -> erasure.erase(beneficiary, request.getValidateOnly(),
                requestKey));
        response.onNext(ErasePersonalDataResponse.newBuilder().setReport(PersonalDataMessages.toReport(answer))
                .build());
        response.onCompleted();
    }
}

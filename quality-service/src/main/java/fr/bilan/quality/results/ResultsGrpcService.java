package fr.bilan.quality.results;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.grpc.server.service.GrpcService;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.quality.v1.ExportResultsRequest;
import fr.bilan.proto.quality.v1.ExportResultsResponse;
import fr.bilan.proto.quality.v1.GetPublishedResultsPageRequest;
import fr.bilan.proto.quality.v1.GetPublishedResultsPageResponse;
import fr.bilan.proto.quality.v1.GetResultsRequest;
import fr.bilan.proto.quality.v1.GetResultsResponse;
import fr.bilan.proto.quality.v1.ListPublicationsRequest;
import fr.bilan.proto.quality.v1.ListPublicationsResponse;
import fr.bilan.proto.quality.v1.PublishResultsRequest;
import fr.bilan.proto.quality.v1.PublishResultsResponse;
import fr.bilan.proto.quality.v1.ResultsServiceGrpc;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoTime;
import io.grpc.stub.StreamObserver;

/**
 * ResultsService: the results of a centre or of the network, as JSON, CSV and published pages. Counts name
 * nobody, so reading them leaves no access record; the public page carries no personal data either.
 */
@GrpcService
class ResultsGrpcService extends ResultsServiceGrpc.ResultsServiceImplBase {

    private static final int MAX_ID_LENGTH = 64;

    private final ResultsOperations operations;

    ResultsGrpcService(ResultsOperations operations) {
        this.operations = operations;
    }

    @Override
    public void getResults(GetResultsRequest request, StreamObserver<GetResultsResponse> response) {
        Asked asked = asked(request.getCentreId(), request.hasStartTime(), request.getStartTime(),
                request.hasEndTime(), request.getEndTime(), new FieldViolations());
        Results results = operations.results(readers(Caller.current()), asked.centreId(), asked.period());
        reply(response, GetResultsResponse.newBuilder().setResults(ResultsMessages.results(results)).build());
    }

    @Override
    public void exportResults(ExportResultsRequest request, StreamObserver<ExportResultsResponse> response) {
        Asked asked = asked(request.getCentreId(), request.hasStartTime(), request.getStartTime(),
                request.hasEndTime(), request.getEndTime(), new FieldViolations());
        byte[] csv = operations.csv(readers(Caller.current()), asked.centreId(), asked.period());
        reply(response, ExportResultsResponse.newBuilder().setCsv(body(ResultsOperations.CSV_CONTENT_TYPE, csv)).build());
    }

    @Override
    public void publishResults(PublishResultsRequest request, StreamObserver<PublishResultsResponse> response) {
        FieldViolations violations = new FieldViolations().requireText("requestId", request.getRequestId(),
                MAX_ID_LENGTH);
        Asked asked = asked(request.getCentreId(), request.hasStartTime(), request.getStartTime(),
                request.hasEndTime(), request.getEndTime(), violations);
        Caller caller = Caller.current();
        Publication publication = operations.publish(publishers(caller), asked.centreId(), asked.period(),
                RequestKey.of(caller.subject(), request.getRequestId()));
        reply(response, PublishResultsResponse.newBuilder().setPublication(ResultsMessages.publication(publication))
                .build());
    }

    @Override
    public void listPublications(ListPublicationsRequest request, StreamObserver<ListPublicationsResponse> response) {
        FieldViolations violations = new FieldViolations();
        String centreId = centre(request.getCentreId(), violations);
        violations.throwIfAny();
        var answer = ListPublicationsResponse.newBuilder();
        operations.publications(readers(Caller.current()), centreId)
                .forEach(publication -> answer.addPublications(ResultsMessages.publication(publication)));
        reply(response, answer.build());
    }

    @Override
    public void getPublishedResultsPage(GetPublishedResultsPageRequest request,
            StreamObserver<GetPublishedResultsPageResponse> response) {
        byte[] page = operations.page(request.getPublicationId());
        reply(response, GetPublishedResultsPageResponse.newBuilder()
                .setPage(body(ResultsOperations.PAGE_CONTENT_TYPE, page)).build());
    }

    /** Who reads results: network administrators and auditors the network's and any centre's, managers their centres'. */
    private static Audience readers(Caller caller) {
        return new Audience(caller.hasRole(Role.NETWORK_ADMIN) || caller.hasRole(Role.AUDITOR),
                caller.hasRole(Role.CENTRE_MANAGER) ? caller.centres() : Set.of());
    }

    /** Who publishes, speaking for a centre: network administrators for any, managers for theirs; never an auditor. */
    private static Audience publishers(Caller caller) {
        return new Audience(caller.hasRole(Role.NETWORK_ADMIN),
                caller.hasRole(Role.CENTRE_MANAGER) ? caller.centres() : Set.of());
    }

    /** The centre asked for: empty for the network. */
    private static String centre(String centreId, FieldViolations violations) {
        if (!centreId.isEmpty()) {
            violations.requireText("centreId", centreId, MAX_ID_LENGTH);
        }
        return centreId;
    }

    /** A centre (empty: the network) and a period, as asked. */
    private record Asked(String centreId, Period period) {
    }

    /** The centre and the period asked for; throws every violation found, {@code violations}' with them. */
    private static Asked asked(String centreId, boolean hasStart, Timestamp start, boolean hasEnd, Timestamp end,
            FieldViolations violations) {
        centre(centreId, violations);
        Optional<Instant> from = ProtoTime.required("startTime", hasStart, start, "Indiquez le début de la période.",
                violations);
        Optional<Instant> to = ProtoTime.required("endTime", hasEnd, end, "Indiquez la fin de la période.", violations);
        violations.throwIfAny();
        return new Asked(centreId, Period.of(from.orElseThrow(), to.orElseThrow()));
    }

    private static HttpBody body(String contentType, byte[] data) {
        return HttpBody.newBuilder().setContentType(contentType).setData(ByteString.copyFrom(data)).build();
    }

    private static <T> void reply(StreamObserver<T> response, T answer) {
        response.onNext(answer);
        response.onCompleted();
    }
}

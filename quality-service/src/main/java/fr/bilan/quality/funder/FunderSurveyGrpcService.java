package fr.bilan.quality.funder;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.auth.v1.Role;
import fr.bilan.proto.quality.v1.FunderSurveyServiceGrpc;
import fr.bilan.proto.quality.v1.ListFundersRequest;
import fr.bilan.proto.quality.v1.ListFundersResponse;
import fr.bilan.proto.quality.v1.RecordFunderRequest;
import fr.bilan.proto.quality.v1.RecordFunderResponse;
import fr.bilan.proto.quality.v1.SendFunderSurveysRequest;
import fr.bilan.proto.quality.v1.SendFunderSurveysResponse;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.refusal.Forbidden;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/**
 * The gRPC edge of a centre's funders and their yearly survey: parses, lets the centre's managers only (the
 * {@code centres} claim of their token), calls one operation and maps the answer. Funders are companies and
 * public bodies, their contact a business one: no access record.
 */
@GrpcService
class FunderSurveyGrpcService extends FunderSurveyServiceGrpc.FunderSurveyServiceImplBase {

    private final CentreFunders funders;

    FunderSurveyGrpcService(CentreFunders funders) {
        this.funders = funders;
    }

    @Override
    public void listFunders(ListFundersRequest request, StreamObserver<ListFundersResponse> response) {
        manager(request.getCentreId());
        var answer = ListFundersResponse.newBuilder();
        funders.list(request.getCentreId(), request.getYear())
                .forEach(listed -> answer.addFunders(FunderMessages.toProto(listed.funder(), listed.survey())));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void recordFunder(RecordFunderRequest request, StreamObserver<RecordFunderResponse> response) {
        manager(request.getCentreId());
        if (!request.hasFunder()) {
            throw FieldViolations.of("funder", "Décrivez le financeur.");
        }
        Funder recorded = funders.record(request.getCentreId(), FunderMessages.toDraft(request));
        response.onNext(RecordFunderResponse.newBuilder().setFunder(FunderMessages.toProto(recorded, null)).build());
        response.onCompleted();
    }

    @Override
    public void sendFunderSurveys(SendFunderSurveysRequest request, StreamObserver<SendFunderSurveysResponse> response) {
        manager(request.getCentreId());
        CentreFunders.Sending sending = funders.send(request.getCentreId(), request.getYear());
        response.onNext(SendFunderSurveysResponse.newBuilder().setSentCount(sending.sent())
                .setWithoutContactCount(sending.withoutContact()).setAlreadyAskedCount(sending.alreadyAsked()).build());
        response.onCompleted();
    }

    /** Only the centre's managers know and ask its funders. */
    private static void manager(String centreId) {
        new FieldViolations().requireText("centreId", centreId, Lookups.MAX_ID_LENGTH).throwIfAny();
        if (!Caller.current().holdsIn(centreId, Role.CENTRE_MANAGER)) {
            throw new Forbidden("Seuls les responsables de ce centre consultent et interrogent ses financeurs.");
        }
    }
}

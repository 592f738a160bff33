package fr.bilan.retention;

import org.springframework.grpc.server.service.GrpcService;

import fr.bilan.proto.retention.internal.v1.RecordActionEndRequest;
import fr.bilan.proto.retention.internal.v1.RecordActionEndResponse;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeRequest;
import fr.bilan.proto.retention.internal.v1.RecordConsentChangeResponse;
import fr.bilan.proto.retention.internal.v1.RegisterDocumentRequest;
import fr.bilan.proto.retention.internal.v1.RegisterDocumentResponse;
import fr.bilan.proto.retention.internal.v1.RetentionServiceGrpc;
import fr.bilan.retention.action.ActionEndGrpcService;
import fr.bilan.retention.consent.ConsentChangeGrpcService;
import fr.bilan.retention.document.DocumentRegistrationGrpcService;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;

/**
 * {@code RetentionService} is one service of the contract whose three RPCs belong to three concepts:
 * each is served by its package's edge (consent, action, document); gRPC binds a service once, so
 * this wiring routes each RPC to its edge, and holds nothing else.
 */
@GrpcService
class RetentionServiceBinding implements BindableService {

    private final ConsentChangeGrpcService consents;
    private final ActionEndGrpcService actionEnds;
    private final DocumentRegistrationGrpcService documents;

    RetentionServiceBinding(ConsentChangeGrpcService consents, ActionEndGrpcService actionEnds,
            DocumentRegistrationGrpcService documents) {
        this.consents = consents;
        this.actionEnds = actionEnds;
        this.documents = documents;
    }

    @Override
    public ServerServiceDefinition bindService() {
        return RetentionServiceGrpc.bindService(new RetentionServiceGrpc.AsyncService() {

            @Override
            public void recordConsentChange(RecordConsentChangeRequest request,
                    StreamObserver<RecordConsentChangeResponse> response) {
                consents.recordConsentChange(request, response);
            }

            @Override
            public void recordActionEnd(RecordActionEndRequest request,
                    StreamObserver<RecordActionEndResponse> response) {
                actionEnds.recordActionEnd(request, response);
            }

            @Override
            public void registerDocument(RegisterDocumentRequest request,
                    StreamObserver<RegisterDocumentResponse> response) {
                documents.registerDocument(request, response);
            }
        });
    }
}

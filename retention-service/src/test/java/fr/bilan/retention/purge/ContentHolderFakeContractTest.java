package fr.bilan.retention.purge;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.support.testing.ContentHolderContract;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;

/**
 * The stand-ins of the purge tests keep the contract session-service and beneficiary-service keep
 * (their own tests run {@link ContentHolderContract} on them): what the purge tests show of those
 * holders holds of the real ones.
 */
class ContentHolderFakeContractTest {

    private static final ContentHolderFake BY_ASSESSMENT = new ContentHolderFake(ContentHolderFake.HeldBy.ASSESSMENT);
    private static final ContentHolderFake BY_FUNDING = new ContentHolderFake(ContentHolderFake.HeldBy.FUNDING);
    private static Server byAssessment;
    private static Server byFunding;
    private static ManagedChannel toAssessment;
    private static ManagedChannel toFunding;

    @BeforeAll
    static void start() throws IOException {
        byAssessment = ServerBuilder.forPort(0).addService(BY_ASSESSMENT).build().start();
        byFunding = ServerBuilder.forPort(0).addService(BY_FUNDING).build().start();
        toAssessment = ManagedChannelBuilder.forAddress("127.0.0.1", byAssessment.getPort()).usePlaintext().build();
        toFunding = ManagedChannelBuilder.forAddress("127.0.0.1", byFunding.getPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        toAssessment.shutdownNow();
        toFunding.shutdownNow();
        byAssessment.shutdownNow();
        byFunding.shutdownNow();
    }

    private static DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub on(ManagedChannel channel) {
        return DocumentHolderServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** session-service's stand-in: the process evidence of a bilan. */
    @Nested
    class SessionServiceStandIn extends ContentHolderContract {

        @Override
        protected DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub holder() {
            return on(toAssessment);
        }

        @Override
        protected EraseAssessmentContentRequest contentHeld() {
            String assessment = "bilan-" + UUID.randomUUID();
            BY_ASSESSMENT.held.add(assessment);
            return EraseAssessmentContentRequest.newBuilder().setAssessmentId(assessment).build();
        }

        @Override
        protected boolean stillHeld(EraseAssessmentContentRequest content) {
            return BY_ASSESSMENT.held.contains(content.getAssessmentId());
        }
    }

    /** beneficiary-service's stand-in: the agreement of the action's funding. */
    @Nested
    class BeneficiaryServiceStandIn extends ContentHolderContract {

        @Override
        protected DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub holder() {
            return on(toFunding);
        }

        @Override
        protected EraseAssessmentContentRequest contentHeld() {
            String funding = "funding-" + UUID.randomUUID();
            BY_FUNDING.held.add(funding);
            return EraseAssessmentContentRequest.newBuilder().setAssessmentId("bilan-" + UUID.randomUUID())
                    .setFundingId(funding).build();
        }

        @Override
        protected boolean stillHeld(EraseAssessmentContentRequest content) {
            return BY_FUNDING.held.contains(content.getFundingId());
        }
    }
}

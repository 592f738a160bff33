package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.retention.internal.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * What retention-service's purge counts on from a holder that keeps a bilan's content in its
 * database and stores no objects (session-service's process evidence, beneficiary-service's
 * tripartite agreements), whoever answers: the real holder, or the stand-in of retention-service's
 * tests. A stand-in passes the same tests. Such a holder erases once and then answers nothing
 * erased (the purge retries after a crash), erases nothing of what it does not hold, has no
 * object to delete, and no encryption key to destroy.
 */
public abstract class ContentHolderContract extends GrpcServiceTestSupport {

    /** The holder, called as the platform service. */
    protected abstract DocumentHolderServiceBlockingStub holder();

    /** Content the holder holds now, of a bilan whose action ended: the request the purge sends to erase it. */
    protected abstract EraseAssessmentContentRequest contentHeld() throws Exception;

    /** Whether what {@code content} names can still be read at the holder. */
    protected abstract boolean stillHeld(EraseAssessmentContentRequest content) throws Exception;

    @Test
    void erasesTheContentOnceThenAnswersThatNothingIsLeft() throws Exception {
        EraseAssessmentContentRequest content = contentHeld();
        assertThat(stillHeld(content)).as("held before the erasure").isTrue();

        EraseAssessmentContentResponse first = holder().eraseAssessmentContent(content);
        EraseAssessmentContentResponse again = holder().eraseAssessmentContent(content);

        assertThat(first.getErasedRecords()).isPositive();
        assertThat(stillHeld(content)).as("held after the erasure").isFalse();
        assertThat(again.getErasedRecords()).isZero();
        // no key of the bilan here: the field speaks of encryption keys only
        assertThat(first.getKeyDestroyed()).isFalse();
        assertThat(again.getKeyDestroyed()).isFalse();
    }

    @Test
    void aBilanItDoesNotHoldErasesNothing() throws Exception {
        EraseAssessmentContentRequest other = contentHeld();

        EraseAssessmentContentResponse unknown = holder().eraseAssessmentContent(EraseAssessmentContentRequest
                .newBuilder().setAssessmentId("bilan-" + UUID.randomUUID()).setFundingId("funding-" + UUID.randomUUID())
                .build());

        assertThat(unknown.getErasedRecords()).isZero();
        assertThat(stillHeld(other)).isTrue();
    }

    @Test
    void aRequestWithoutItsBilanIsRefusedNamingTheField() {
        var refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> holder().eraseAssessmentContent(EraseAssessmentContentRequest.getDefaultInstance()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(FieldErrors.of(refused)).singleElement().asString().startsWith("assessment_id: ");
    }

    @Test
    void hasNoStoredObjectToDelete() {
        var refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> holder().deleteDocuments(DeleteDocumentsRequest.newBuilder().setBucket("bilan-synthesis")
                        .addObjectKeys("assessments/" + UUID.randomUUID()).build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).contains("aucun objet");
    }
}

package fr.bilan.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.synthesis.v1.ListSynthesisRevisionsRequest;
import fr.bilan.proto.synthesis.v1.ListSynthesisRevisionsResponse;
import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.support.paging.PageTokens;
import fr.bilan.support.testing.FieldErrors;
import io.grpc.Status;

/** The revisions of a synthèse page like every list: the platform's default page size, its refusals. */
class RevisionPageSizeTest extends SynthesisServiceTestSupport {

    @Test
    void revisionsAskedWithoutAPageSizeComeByThePlatformsDefaultPage() {
        TestBilan bilan = newBilan(AssessmentState.INVESTIGATION);
        String etag = "";
        for (int i = 1; i <= PageTokens.DEFAULT_PAGE_SIZE + 1; i++) {
            etag = save(bilan, SynthesisContent.newBuilder().setCareerPath("Version " + i).build(), etag, List.of())
                    .getEtag();
        }

        ListSynthesisRevisionsResponse first = syntheses(bilan.consultantToken()).listSynthesisRevisions(
                ListSynthesisRevisionsRequest.newBuilder().setAssessmentId(bilan.id()).build());
        ListSynthesisRevisionsResponse rest = syntheses(bilan.consultantToken()).listSynthesisRevisions(
                ListSynthesisRevisionsRequest.newBuilder().setAssessmentId(bilan.id())
                        .setPageToken(first.getNextPageToken()).build());

        assertThat(first.getRevisionsCount()).isEqualTo(50);
        assertThat(first.getNextPageToken()).isNotEmpty();
        assertThat(rest.getRevisionsList()).extracting(revision -> revision.getContent().getCareerPath())
                .containsExactly("Version 1");
        assertThat(rest.getNextPageToken()).isEmpty();
    }

    @Test
    void aNegativePageSizeIsRefusedOnItsField() {
        TestBilan bilan = newBilan(AssessmentState.INVESTIGATION);

        var refused = refusal(() -> syntheses(bilan.consultantToken()).listSynthesisRevisions(
                ListSynthesisRevisionsRequest.newBuilder().setAssessmentId(bilan.id()).setPageSize(-1).build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(FieldErrors.of(refused)).containsExactly("page_size: La taille de page ne peut pas être négative.");
    }
}

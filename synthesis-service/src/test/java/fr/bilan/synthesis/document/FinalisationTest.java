package fr.bilan.synthesis.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.refusal.RuleRefusal;
import fr.bilan.synthesis.bilan.Beneficiary;
import fr.bilan.synthesis.bilan.Bilan;
import fr.bilan.synthesis.bilan.BilanCourse;
import fr.bilan.synthesis.bilan.BilanDirectory;
import fr.bilan.synthesis.bilan.BilanState;
import fr.bilan.synthesis.content.Contents;
import fr.bilan.synthesis.content.Section;
import fr.bilan.synthesis.content.Syntheses;
import fr.bilan.synthesis.content.Synthesis;
import fr.bilan.synthesis.content.SynthesisRepository;
import fr.bilan.synthesis.rendering.PdfRenderer;
import fr.bilan.synthesis.rendering.SynthesisPrint;
import fr.bilan.synthesis.storage.EncryptedDocuments;
import fr.bilan.synthesis.storage.StoredObject;

/**
 * Render → seal → upload → record, and the compensation when the record is refused: the stores and
 * the other services stand in as mocks, so what is checked is the order and what each step is given.
 */
class FinalisationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T23:30:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Object keys name a bilan by a UUID, as session-service makes them. */
    private static final String ID = "0b8f3a6e-5c1d-4e2f-9a7b-3c4d5e6f7a8b";
    private static final Bilan BILAN = new Bilan(ID, "beneficiary-1", "centre-lyon", "consultant-1",
            BilanState.CONCLUSION, Map.of(), null);
    private static final byte[] PDF = "%PDF-1.7".getBytes();

    private final SynthesisRepository repository = mock(SynthesisRepository.class);
    private final BilanDirectory directory = mock(BilanDirectory.class);
    private final PdfRenderer renderer = mock(PdfRenderer.class);
    private final EncryptedDocuments documents = mock(EncryptedDocuments.class);
    private final Finalisation finalisation = new Finalisation(new Syntheses(repository, documents,
            Clock.fixed(NOW, ZoneOffset.UTC)), repository, directory, renderer, documents, PARIS,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Synthesis draft = Synthesis.empty(BILAN).write("", Contents.full(), EnumSet.allOf(Section.class),
            NOW);

    @BeforeEach
    void services() {
        when(directory.beneficiary("beneficiary-1")).thenReturn(new Beneficiary("beneficiary-1", "account-1", "Élodie",
                "Marchand"));
        when(directory.course(BILAN, PARIS)).thenReturn(BilanCourse.UNKNOWN);
        when(renderer.renderSynthesis(any())).thenReturn(PDF);
        when(documents.put(eq(ID), anyString(), eq(PDF))).thenAnswer(call -> new StoredObject(call.getArgument(1), "ab12", 8, 36));
    }

    @Test
    void theRenderedPdfIsStoredThenRecordedInTheWriteThatMakesTheSynthesisFinal() {
        when(repository.find(ID)).thenReturn(Optional.of(draft));
        when(repository.makeFinal(eq(draft), any())).thenAnswer(call -> call.getArgument(1));

        Synthesis done = finalisation.finalise(BILAN, "1", "Léo Martin");

        ArgumentCaptor<SynthesisPrint> print = ArgumentCaptor.forClass(SynthesisPrint.class);
        verify(renderer).renderSynthesis(print.capture());
        assertThat(print.getValue().beneficiaryName()).isEqualTo("Élodie Marchand");
        assertThat(print.getValue().consultantName()).isEqualTo("Léo Martin");
        // 23:30 UTC on 1 December is already the 2nd in Paris
        assertThat(print.getValue().finalizeDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(print.getValue().content()).isEqualTo(Contents.full());
        ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
        verify(documents).put(eq(ID), key.capture(), eq(PDF));
        assertThat(key.getValue()).startsWith("assessments/" + ID + "/synthesis/");
        assertThat(done.isFinal()).isTrue();
        assertThat(done.document().objectKey()).isEqualTo(key.getValue());
        assertThat(done.document().sha256()).isEqualTo("ab12");
        verify(documents, never()).remove(anyString());
    }

    @Test
    void aDraftChangedMeanwhileRecordsNothingSoItsObjectIsRemovedAtOnce() {
        when(repository.find(ID)).thenReturn(Optional.of(draft));
        when(repository.makeFinal(eq(draft), any())).thenThrow(new Conflict("changed"));

        assertThatThrownBy(() -> finalisation.finalise(BILAN, "", "Léo Martin")).isInstanceOf(Conflict.class);

        ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
        verify(documents).put(eq(ID), key.capture(), eq(PDF));
        verify(documents).remove(key.getValue());
    }

    @Test
    void anyOtherFailureMayHideAWriteThatHappenedSoTheObjectIsLeftToTheReconciler() {
        when(repository.find(ID)).thenReturn(Optional.of(draft));
        when(repository.makeFinal(eq(draft), any())).thenThrow(new IllegalStateException("timeout"));

        assertThatThrownBy(() -> finalisation.finalise(BILAN, "", "Léo Martin"))
                .isInstanceOf(IllegalStateException.class);

        verify(documents, never()).remove(anyString());
    }

    @Test
    void aSynthesisThatCannotBeFinalRendersAndStoresNothing() {
        Bilan investigating = new Bilan(ID, "beneficiary-1", "centre-lyon", "consultant-1",
                BilanState.INVESTIGATION, Map.of(), null);
        when(repository.find(ID)).thenReturn(Optional.of(draft));

        assertThatThrownBy(() -> finalisation.finalise(investigating, "", "Léo Martin"))
                .isInstanceOf(RuleRefusal.class);

        verifyNoInteractions(renderer, documents);
    }

    @Test
    void finalisingAgainAnswersTheFinalSynthesisAndDoesNothing() {
        Synthesis done = draft.finalise("", BilanState.CONCLUSION, new Synthesis.FinalDocument(1, "k", "ab12", 8, 36,
                NOW), NOW);
        when(repository.find(ID)).thenReturn(Optional.of(done));

        assertThat(finalisation.finalise(BILAN, "0", "Léo Martin")).isSameAs(done);

        verifyNoInteractions(renderer, documents);
        verify(repository, never()).makeFinal(any(), any());
    }
}

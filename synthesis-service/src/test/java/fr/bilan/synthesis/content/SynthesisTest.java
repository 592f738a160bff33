package fr.bilan.synthesis.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.RuleRefusal;
import fr.bilan.synthesis.access.Reader;
import fr.bilan.synthesis.bilan.Bilan;
import fr.bilan.synthesis.bilan.BilanState;
import fr.bilan.synthesis.content.Synthesis.Author;
import fr.bilan.synthesis.content.Synthesis.FinalDocument;
import fr.bilan.synthesis.content.Synthesis.State;

/** The synthèse's life: drafts, observations, finalisation and hand-over, without gRPC nor MongoDB. */
class SynthesisTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Bilan BILAN = new Bilan("bilan-1", "beneficiary-1", "centre-lyon", "consultant-1",
            BilanState.CONCLUSION, Map.of(), null);
    private static final Set<Section> ALL = EnumSet.allOf(Section.class);
    private static final FinalDocument PDF = new FinalDocument(1, "assessments/bilan-1/synthesis/x", "ab12", 10, 38,
            NOW);

    @Test
    void eachSaveIsTheConsultantsNextRevisionUnderTheNextVersion() {
        Synthesis written = Synthesis.empty(BILAN).write("", Contents.full(), ALL, NOW);

        assertThat(written.revision()).isEqualTo(1);
        assertThat(written.version()).isEqualTo(1);
        assertThat(written.author()).isEqualTo(Author.CONSULTANT);
        assertThat(written.updateTime()).isEqualTo(NOW);
        assertThat(written.beneficiaryId()).isEqualTo("beneficiary-1");
        assertThat(written.missingSections()).isEmpty();
    }

    @Test
    void aMaskedSaveReplacesItsSectionsWholeAndKeepsTheOthers() {
        Synthesis first = Synthesis.empty(BILAN).write("", Contents.full(), ALL, NOW);
        Content sent = new Content("Autre demande.", "ignoré", null, null, null, List.of(), "", List.of(), null, null);

        Content saved = first.write("1", sent, EnumSet.of(Section.REQUEST_CONTEXT, Section.ACTION_PLAN), NOW).content();

        assertThat(saved.requestContext()).isEqualTo("Autre demande.");
        assertThat(saved.actionPlan()).isEmpty();
        assertThat(saved.careerPath()).isEqualTo(Contents.full().careerPath());
        assertThat(saved.skills()).isEqualTo(Contents.full().skills());
    }

    @Test
    void aStaleEtagIsAConflictAndAFinalSynthesisNoLongerChanges() {
        Synthesis first = Synthesis.empty(BILAN).write("", Contents.full(), ALL, NOW);
        Synthesis done = first.finalise("", BilanState.CONCLUSION, PDF, NOW);

        assertThatThrownBy(() -> first.write("0", Contents.full(), ALL, NOW)).isInstanceOf(Conflict.class)
                .hasMessage("La synthèse a été modifiée entre-temps : relisez-la avant de l'enregistrer.");
        assertThatThrownBy(() -> first.write("not-a-version", Contents.full(), ALL, NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> done.write("", Contents.full(), ALL, NOW)).isInstanceOf(RuleRefusal.class)
                .hasMessage("La synthèse est finalisée : elle ne change plus.");
        assertThatThrownBy(() -> done.observe("", "Merci.", NOW)).isInstanceOf(RuleRefusal.class);
    }

    @Test
    void aTextBeyondItsLimitIsRefusedByItsFieldName() {
        Content tooLong = new Content("", "x".repeat(ContentLimits.MAX_TEXT + 1), null, null, null, List.of(), "",
                List.of(), null, null);

        assertThatThrownBy(() -> Synthesis.empty(BILAN).write("", tooLong, ALL, NOW))
                .isInstanceOfSatisfying(InvalidFields.class, refused -> assertThat(refused.violations())
                        .containsExactly(new InvalidFields.Violation("synthesis.content.career_path",
                                "Au plus 20000 caractères (20001 reçus).")));
    }

    @Test
    void theBeneficiaryObservesOnlyWhatTheConsultantProposed() {
        Synthesis empty = Synthesis.empty(BILAN);
        Synthesis proposed = empty.write("", Contents.full(), ALL, NOW);

        assertThatThrownBy(() -> empty.observe("", "Trop tôt", NOW)).isInstanceOf(RuleRefusal.class)
                .hasMessageStartingWith("Votre consultant n'a encore rien rédigé");
        Synthesis observed = proposed.observe("1", "Je suis d'accord.", NOW.plusSeconds(60));
        assertThat(observed.observations()).isEqualTo("Je suis d'accord.");
        assertThat(observed.author()).isEqualTo(Author.BENEFICIARY);
        assertThat(observed.revision()).isEqualTo(2);
        assertThat(observed.content()).isEqualTo(proposed.content());
        assertThatThrownBy(() -> proposed.observe("1", "x".repeat(ContentLimits.MAX_TEXT + 1), NOW))
                .isInstanceOf(InvalidFields.class);
    }

    @ParameterizedTest
    @EnumSource(value = BilanState.class, names = "CONCLUSION", mode = EnumSource.Mode.EXCLUDE)
    void itIsMadeFinalOnlyDuringTheConclusionPhase(BilanState state) {
        Synthesis draft = Synthesis.empty(BILAN).write("", Contents.full(), ALL, NOW);

        assertThatThrownBy(() -> draft.requireFinalisable("", state)).isInstanceOf(RuleRefusal.class)
                .hasMessage("La synthèse se finalise pendant la phase de conclusion du bilan.");
        assertThatThrownBy(() -> draft.finalise("", state, PDF, NOW)).isInstanceOf(RuleRefusal.class);
    }

    @Test
    void itIsMadeFinalOnlyWithEveryRequiredSectionNamingThoseMissing() {
        Content lacking = Contents.full().with(Section.CONDITIONS_AND_MEANS, Content.EMPTY)
                .with(Section.ACTION_PLAN, Content.EMPTY);
        Synthesis draft = Synthesis.empty(BILAN).write("", lacking, ALL, NOW);

        assertThatThrownBy(() -> draft.finalise("", BilanState.CONCLUSION, PDF, NOW))
                .isInstanceOfSatisfying(SectionsMissing.class, refused -> {
                    assertThat(refused.missing()).containsExactly(Section.CONDITIONS_AND_MEANS, Section.ACTION_PLAN);
                    assertThat(refused).hasMessage("Avant de finaliser la synthèse, complétez : les conditions et "
                            + "moyens de réalisation, le plan d'action (étapes, échéances et dates).");
                });
    }

    @Test
    void theFinalSynthesisHoldsItsDocumentAndIsDownloadedOrSharedOnlyThen() {
        Synthesis draft = Synthesis.empty(BILAN).write("", Contents.full(), ALL, NOW);

        Synthesis done = draft.finalise("1", BilanState.CONCLUSION, PDF, NOW.plus(Duration.ofHours(1)));

        assertThat(done.state()).isEqualTo(State.FINAL);
        assertThat(done.version()).isEqualTo(2);
        assertThat(done.revision()).isEqualTo(1);
        assertThat(done.document()).isEqualTo(PDF);
        assertThat(done.finalizeTime()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(done.requireFinal()).isSameAs(done);
        assertThatThrownBy(draft::requireFinal).isInstanceOf(RuleRefusal.class)
                .hasMessage("La synthèse de ce bilan n'est pas encore finalisée.");
        assertThatThrownBy(() -> draft.downloadedBy(Reader.BENEFICIARY, NOW)).isInstanceOf(RuleRefusal.class);
    }

    @Test
    void theBeneficiarysFirstDownloadIsTheHandOverAndNoOtherIs() {
        Synthesis done = Synthesis.empty(BILAN).write("", Contents.full(), ALL, NOW)
                .finalise("", BilanState.CONCLUSION, PDF, NOW);
        Instant later = NOW.plus(Duration.ofDays(2));

        Synthesis handedOver = done.downloadedBy(Reader.BENEFICIARY, later).orElseThrow();

        assertThat(done.downloadedBy(Reader.CONSULTANT, later)).isEmpty();
        assertThat(handedOver.handoverTime()).isEqualTo(later);
        assertThat(handedOver.version()).isEqualTo(done.version() + 1);
        assertThat(handedOver.downloadedBy(Reader.BENEFICIARY, later.plusSeconds(60))).isEmpty();
    }
}

package fr.bilan.synthesis.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.DefaultResourceLoader;

class CentreIdentityTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(RenderingConfiguration.class);

    @TempDir
    Path folder;

    @Test
    void aCentreWithoutIdentityCannotPrintAndIsToldWhatIsMissingInFrench() {
        PdfRenderer renderer = new PdfRenderer(Map.of(Samples.CENTRE, Samples.LYON)::get);
        SynthesisPrint elsewhere = new SynthesisPrint("centre-inconnu", "Ana", "Léo", Samples.COURSE,
                Samples.synthesis().finalizeDate(), 1,
                Samples.domain(Samples.content()), "");
        assertThatThrownBy(() -> renderer.renderSynthesis(elsewhere)).isInstanceOfSatisfying(CentreIdentityMissing.class,
                missing -> {
                    assertThat(missing.centreId()).isEqualTo("centre-inconnu");
                    assertThat(missing.getMessage()).isEqualTo("Impossible d'imprimer ce document : l'identité du "
                            + "centre n'est pas complète (il manque le nom du centre, son adresse et son numéro de "
                            + "déclaration d'activité). Demandez à l'administrateur du réseau de la renseigner.");
                });
        PdfRenderer noAddress = new PdfRenderer(centreId -> new CentreIdentity("Centre de Lyon", " ", "84691234569", null));
        assertThatThrownBy(() -> noAddress.renderAgreement(Samples.print(Samples.agreement())))
                .isInstanceOf(CentreIdentityMissing.class).hasMessageContaining("(il manque son adresse)");
    }

    @Test
    void overridesReplaceOnlyTheSettingsTheyGive() throws IOException {
        Path logo = folder.resolve("logo.png");
        Files.write(logo, Pdfs.logo());
        context.withPropertyValues("bilan.centres.defaults.name=Réseau Bilans & Parcours",
                "bilan.centres.defaults.address=1, place Bellecour\n69002 Lyon",
                "bilan.centres.defaults.declaration-number=846 912 345 69",
                "bilan.centres.overrides.centre-grenoble.name=Bilans & Parcours Grenoble",
                "bilan.centres.overrides.centre-grenoble.address=3, rue Félix-Poulat\n38000 Grenoble",
                "bilan.centres.overrides.centre-grenoble.logo=file:" + logo).run(started -> {
                    assertThat(started).hasNotFailed();
                    CentreIdentities identities = started.getBean(CentreIdentityProperties.class)
                            .identities(new DefaultResourceLoader());
                    CentreIdentity grenoble = identities.of("centre-grenoble");
                    assertThat(grenoble.name()).isEqualTo("Bilans & Parcours Grenoble");
                    assertThat(grenoble.address()).isEqualTo("3, rue Félix-Poulat\n38000 Grenoble");
                    assertThat(grenoble.declarationNumber()).isEqualTo("84691234569");
                    assertThat(grenoble.logo()).isEqualTo(Files.readAllBytes(logo));
                    CentreIdentity other = identities.of("centre-lyon");
                    assertThat(other.name()).isEqualTo("Réseau Bilans & Parcours");
                    assertThat(other.logo()).isNull();

                    PdfRenderer renderer = started.getBean(PdfRenderer.class);
                    byte[] pdf = renderer.renderAgreement(Samples.print(Samples.agreement().toBuilder()
                            .setCentreId("centre-grenoble").build()));
                    assertThat(Pdfs.text(pdf)).contains("Bilans & Parcours Grenoble", "38000 Grenoble");
                    assertThat(Pdfs.images(pdf)).isEqualTo(Pdfs.pages(pdf).size());
                });
    }

    @Test
    void nothingConfiguredStartsButRefusesToPrint() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThatThrownBy(() -> started.getBean(PdfRenderer.class).renderSynthesis(Samples.synthesis()))
                    .isInstanceOf(CentreIdentityMissing.class);
        });
    }

    @Test
    void aMalformedDeclarationNumberOrLogoStopsTheStart() {
        context.withPropertyValues("bilan.centres.overrides.centre-lyon.declaration-number=8469123456")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("11 digits"));
        context.withPropertyValues("bilan.centres.defaults.logo=file:" + folder.resolve("absent.png"))
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("no logo at"));
        context.withPropertyValues("bilan.centres.defaults.logo=classpath:fr/bilan/synthesis/rendering/document.css")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("neither PNG nor JPEG"));
    }

    @Test
    void aJpegLogoPrintsToo() throws IOException {
        BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, 50, 40);
        Path jpeg = folder.resolve("logo.jpg");
        ImageIO.write(image, "jpeg", jpeg.toFile());
        byte[] logo = CentreIdentityProperties.logo(new DefaultResourceLoader(), "file:" + jpeg);
        PdfRenderer renderer = new PdfRenderer(centreId -> new CentreIdentity(Samples.LYON.name(), Samples.LYON.address(),
                Samples.LYON.declarationNumber(), logo));
        byte[] pdf = renderer.renderSynthesis(Samples.synthesis());
        assertThat(Pdfs.images(pdf)).isEqualTo(Pdfs.pages(pdf).size());
    }
}

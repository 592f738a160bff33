package fr.bilan.synthesis.content;

import java.time.LocalDate;
import java.util.List;

import fr.bilan.synthesis.content.Content.ActionStep;
import fr.bilan.synthesis.content.Content.CareerProject;
import fr.bilan.synthesis.content.Content.Feasibility;
import fr.bilan.synthesis.content.Content.FollowUp;
import fr.bilan.synthesis.content.Content.Horizon;
import fr.bilan.synthesis.content.Content.Interests;
import fr.bilan.synthesis.content.Content.Riasec;
import fr.bilan.synthesis.content.Content.Skills;
import fr.bilan.synthesis.content.Content.TestResult;
import fr.bilan.synthesis.content.Content.Training;

/** Contents for the synthèse's unit tests. */
public final class Contents {

    private Contents() {
    }

    /** Every section written, the optional ones too. */
    public static Content full() {
        return new Content("Une reconversion après une restructuration.", "Douze ans d'assistanat de direction.",
                new Skills(List.of("Comptabilité"), List.of("Organisation"), List.of("Écoute")),
                new Interests("Aider les autres.", List.of(new TestResult("IRMR", "Profil social.",
                        new Riasec(20, 40, 30, 80, 50, 60)))),
                new CareerProject("Conseillère en insertion", "Accompagner des demandeurs d'emploi.", Feasibility.HIGH,
                        ""),
                List.of(new CareerProject("Formatrice", "", Feasibility.LOW, "")), "Un financement CPF.",
                List.of(new ActionStep("S'inscrire à la formation", Horizon.SHORT_TERM, LocalDate.of(2027, 1, 4))),
                new Training(List.of("Titre CIP"), true, "VAE partielle."),
                new FollowUp(LocalDate.of(2027, 6, 1), "Entretien à six mois."));
    }
}

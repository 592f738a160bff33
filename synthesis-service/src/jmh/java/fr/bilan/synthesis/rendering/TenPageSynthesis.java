package fr.bilan.synthesis.rendering;

import fr.bilan.synthesis.bilan.BilanCourse;
import fr.bilan.synthesis.content.ContentMessages;
import fr.bilan.synthesis.content.Section;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.google.type.Date;

import fr.bilan.proto.synthesis.v1.ActionStep;
import fr.bilan.proto.synthesis.v1.CareerProject;
import fr.bilan.proto.synthesis.v1.Feasibility;
import fr.bilan.proto.synthesis.v1.FollowUp;
import fr.bilan.proto.synthesis.v1.Horizon;
import fr.bilan.proto.synthesis.v1.Interests;
import fr.bilan.proto.synthesis.v1.RiasecProfile;
import fr.bilan.proto.synthesis.v1.Skills;
import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.proto.synthesis.v1.TestResult;
import fr.bilan.proto.synthesis.v1.Training;

/**
 * A long synthèse, about ten A4 pages: a twenty-year career told position by position, every section
 * filled, three tests, three alternative projects and a fifteen-step action plan.
 */
final class TenPageSynthesis {

    static final String CENTRE = "centre-nantes";
    static final CentreIdentity NANTES = new CentreIdentity("Réseau Trajectoires — Centre de Nantes Île de Nantes",
            "5, quai François-Mitterrand\nBâtiment « Les Ateliers », 2e étage\n44200 Nantes", "52440987644", null);

    private static final List<String> EMPLOYERS = List.of("une coopérative laitière vendéenne",
            "un cabinet d'expertise comptable nantais", "une enseigne de bricolage", "un centre hospitalier",
            "une entreprise de transport frigorifique", "une agence d'intérim", "un bailleur social",
            "une start-up de la logistique urbaine");
    private static final List<String> MISSIONS = List.of(
            "la tenue des plannings et la coordination des équipes de terrain",
            "l'accueil physique et téléphonique, puis la gestion des réclamations",
            "la préparation des éléments de paie et le suivi des absences",
            "l'organisation des formations obligatoires et le suivi des habilitations",
            "la relation avec les fournisseurs et le contrôle des factures",
            "la rédaction des procédures qualité et la préparation des audits");
    private static final List<String> LEARNINGS = List.of(
            "Elle dit y avoir appris à « tenir la barre » quand l'activité s'emballe, et à expliquer des règles "
                    + "complexes avec des mots simples.",
            "Ce poste lui a donné le goût du travail en équipe et la confirmation qu'elle aime être « la personne "
                    + "ressource » vers qui l'on se tourne.",
            "Elle en garde un souvenir contrasté : des responsabilités réelles, mais peu de reconnaissance et un "
                    + "rythme qui a fini par peser sur sa vie familiale.",
            "Les entretiens ont montré que cette expérience fonde sa capacité d'analyse : repérer ce qui ne va pas, "
                    + "proposer une solution, convaincre et suivre sa mise en œuvre.");

    private TenPageSynthesis() {
    }

    static PdfRenderer renderer() {
        return new PdfRenderer(Map.of(CENTRE, NANTES)::get);
    }

    static SynthesisPrint print() {
        return new SynthesisPrint(CENTRE, "Maëlle Le Goff-Cœurdevey", "François Ngô-Lefèbvre",
                new BilanCourse(LocalDate.of(2026, 9, 7), null, Duration.ofHours(6), Duration.ofHours(12),
                        Duration.ofHours(4)), LocalDate.of(2026, 11, 23), 1,
                ContentMessages.fromRequest(content(), EnumSet.allOf(Section.class)), observations());
    }

    static SynthesisContent content() {
        SynthesisContent.Builder content = SynthesisContent.newBuilder()
                .setRequestContext(String.join("\n\n",
                        "Mme Le Goff-Cœurdevey, 46 ans, est gestionnaire administrative et RH dans une entreprise de "
                                + "transport frigorifique de la région nantaise. Elle a sollicité ce bilan après "
                                + "l'annonce d'un projet de fusion qui pourrait supprimer son poste, et parce qu'elle "
                                + "ressent depuis deux ans une « usure » qu'elle n'arrive plus à compenser.",
                        "Elle souhaite faire le point sur ce qu'elle sait faire, vérifier si un projet d'évolution vers "
                                + "l'accompagnement des personnes est réaliste, et savoir quelles formations seraient "
                                + "nécessaires. Elle précise qu'elle ne veut pas « repartir de zéro » ni perdre plus de "
                                + "10 % de son salaire.",
                        "Le bilan est financé par son compte personnel de formation, complété par un abondement de "
                                + "l'employeur. Il s'est déroulé en neuf séances entre septembre et novembre 2026, au "
                                + "centre et à distance, pour un total de vingt-deux heures."))
                .setCareerPath(careerPath())
                .setSkills(skills())
                .setInterests(interests())
                .setMainProject(CareerProject.newBuilder().setTitle("Chargée de mission ressources humaines en ETI")
                        .setDescription(paragraphs(3, "Le projet consiste à rejoindre le service RH d'une entreprise "
                                + "de taille intermédiaire, sur un poste centré sur le recrutement, l'intégration et le "
                                + "développement des compétences. Les enquêtes métier ont confirmé l'intérêt de la "
                                + "bénéficiaire pour ce champ et la transférabilité de ses acquis."))
                        .setFeasibility(Feasibility.CONDITIONAL)
                        .setFeasibilityNotes(paragraphs(2, "Le marché local recrute, en particulier dans l'industrie "
                                + "agroalimentaire et la logistique ; les employeurs rencontrés attendent une "
                                + "certification RH de niveau 5 ou 6 et une première expérience du recrutement.")));
        for (String[] project : new String[][] {
                {"Conseillère en insertion professionnelle", "Accompagner des demandeurs d'emploi au sein d'une "
                        + "structure d'insertion par l'activité économique."},
                {"Formatrice en bureautique et gestion administrative", "Transmettre son savoir-faire à des adultes "
                        + "en reconversion, en organisme de formation."},
                {"Assistante sociale du travail", "Projet envisagé puis écarté : trois années d'études à temps plein."}}) {
            content.addAlternativeProjects(CareerProject.newBuilder().setTitle(project[0])
                    .setDescription(paragraphs(2, project[1]))
                    .setFeasibility(project[0].startsWith("Assistante") ? Feasibility.LOW : Feasibility.CONDITIONAL)
                    .setFeasibilityNotes("Salaire d'entrée, durée de formation et débouchés comparés en séance ; "
                            + "voir le plan d'action."));
        }
        content.setConditionsAndMeans(paragraphs(5, "La réussite du projet suppose un aménagement du temps de travail "
                + "pendant la formation, le soutien de son employeur actuel (qui a proposé un abondement), et un réseau "
                + "professionnel à construire dans les ressources humaines : associations, anciens collègues, "
                + "plateformes professionnelles."));
        Horizon[] horizons = {Horizon.SHORT_TERM, Horizon.MEDIUM_TERM, Horizon.LONG_TERM};
        for (int step = 0; step < 15; step++) {
            LocalDate due = LocalDate.of(2026, 12, 15).plusWeeks(4L * step);
            content.addActionPlan(ActionStep.newBuilder()
                    .setDescription("Étape " + (step + 1) + " : " + MISSIONS.get(step % MISSIONS.size())
                            .replaceFirst("^la ", "préparer la ").replaceFirst("^l'", "préparer l'"))
                    .setHorizon(horizons[step / 5]).setDueDate(date(due)));
        }
        content.setTraining(Training.newBuilder()
                .addAllTrainingNeeds(List.of("Titre professionnel Assistant ressources humaines (niveau 5)",
                        "Module « Conduire un entretien de recrutement »", "Droit social : les fondamentaux",
                        "Module « Gestion prévisionnelle des emplois et des compétences »",
                        "Tableur : tableaux croisés dynamiques", "Anglais professionnel (niveau B1)"))
                .setVaeAdvised(true)
                .setVaeDetails(paragraphs(2, "Une VAE partielle du titre professionnel Assistant RH est envisageable : "
                        + "ses missions de paie, d'accueil et de suivi des formations couvrent deux des trois blocs de "
                        + "compétences.")));
        content.setFollowUp(FollowUp.newBuilder().setProposedDate(date(LocalDate.of(2027, 5, 24)))
                .setTerms("Un entretien d'une heure, au centre ou en visioconférence, pour faire le point sur les "
                        + "premières étapes du plan d'action et ajuster le projet si nécessaire."));
        return content.build();
    }

    private static String careerPath() {
        StringBuilder path = new StringBuilder("Titulaire d'un BTS Assistant de gestion PME-PMI (2000), elle a "
                + "construit un parcours varié, toujours au contact des équipes et des dirigeants.");
        for (int position = 0; position < 24; position++) {
            int from = 2000 + position * 26 / 24;
            path.append("\n\nDe ").append(from).append(" à ").append(from + 2).append(", elle travaille pour ")
                    .append(EMPLOYERS.get(position % EMPLOYERS.size())).append(", où elle prend en charge ")
                    .append(MISSIONS.get(position % MISSIONS.size())).append(", puis ")
                    .append(MISSIONS.get((position + 3) % MISSIONS.size())).append(". ")
                    .append(LEARNINGS.get(position % LEARNINGS.size()));
        }
        return path.toString();
    }

    private static Skills skills() {
        Skills.Builder skills = Skills.newBuilder();
        MISSIONS.forEach(mission -> skills.addKnowledge("Connaissances liées à " + mission));
        skills.addKnowledge("Droit du travail : contrats, durée du travail, congés");
        skills.addKnowledge("Outils de gestion : progiciel de paie, tableur, gestion électronique des documents");
        MISSIONS.forEach(mission -> skills.addSkills("Savoir assurer " + mission));
        skills.addSkills("Conduire un entretien individuel et en rédiger la synthèse");
        skills.addSoftSkills("Écoute active et discrétion");
        skills.addSoftSkills("Sens de l'organisation, gestion des priorités et des imprévus");
        skills.addSoftSkills("Capacité à expliquer et à convaincre");
        skills.addSoftSkills("Goût du travail en équipe, entraide");
        skills.addSoftSkills("Persévérance, capacité d'adaptation aux changements d'organisation");
        return skills.build();
    }

    private static Interests interests() {
        return Interests.newBuilder()
                .setMotivations(paragraphs(4, "Les entretiens font ressortir un besoin de sens et de contact humain : "
                        + "elle se dit « à sa place » lorsqu'elle aide un salarié à résoudre une difficulté, et "
                        + "s'ennuie dans les tâches répétitives sans interlocuteur."))
                .addTestResults(TestResult.newBuilder().setTestName("Inventaire d'intérêts professionnels RIASEC")
                        .setSummary(paragraphs(2, "Le profil est nettement social et entreprenant, avec une "
                                + "composante conventionnelle qui reflète son expérience administrative."))
                        .setRiasec(RiasecProfile.newBuilder().setRealistic(18).setInvestigative(44).setArtistic(31)
                                .setSocial(88).setEnterprising(67).setConventional(61)))
                .addTestResults(TestResult.newBuilder().setTestName("Questionnaire de valeurs professionnelles")
                        .setSummary(paragraphs(2, "Les valeurs dominantes sont l'utilité sociale, la relation et "
                                + "l'autonomie ; le prestige et la rémunération viennent ensuite.")))
                .addTestResults(TestResult.newBuilder().setTestName("Inventaire de personnalité professionnelle")
                        .setSummary(paragraphs(2, "Le questionnaire souligne la stabilité émotionnelle, la "
                                + "conscience professionnelle et l'ouverture aux autres.")))
                .build();
    }

    private static String observations() {
        return paragraphs(2, "Ce bilan m'a permis de mettre des mots sur ce que je sais faire et de reprendre "
                + "confiance. Je me reconnais dans cette synthèse ; je souhaite la garder pour préparer mon dossier "
                + "de VAE et mon entretien avec ma conseillère en évolution professionnelle.");
    }

    /** {@code count} paragraphs of the same thought, as consultants expand a point over several séances. */
    private static String paragraphs(int count, String first) {
        StringBuilder text = new StringBuilder(first);
        String[] follow = {"Ce point a été approfondi lors de la séance suivante, à partir d'exemples concrets tirés de "
                + "son expérience et d'échanges avec des professionnels du secteur.",
                "La bénéficiaire a pu confronter ses représentations à la réalité du terrain ; ses constats rejoignent "
                        + "ceux de la consultante et nourrissent le plan d'action ci-dessous.",
                "Les ressources documentaires consultées (fiches métiers, études régionales de l'emploi) confirment "
                        + "ces éléments et précisent les conditions d'accès."};
        for (int i = 1; i < count; i++) {
            text.append("\n\n").append(follow[(i - 1) % follow.length]).append(' ').append(first);
        }
        return text.toString();
    }

    private static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }
}

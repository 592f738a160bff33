package fr.bilan.synthesis.rendering;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.google.type.Date;

import fr.bilan.proto.beneficiary.v1.Agreement;
import fr.bilan.proto.beneficiary.v1.AgreementParty;
import fr.bilan.proto.beneficiary.v1.AgreementSignature;
import fr.bilan.proto.beneficiary.v1.AgreementState;
import fr.bilan.proto.beneficiary.v1.Employer;
import fr.bilan.proto.beneficiary.v1.EvidenceMethod;
import fr.bilan.proto.synthesis.internal.v1.AgreementParties;
import fr.bilan.proto.synthesis.internal.v1.AuditPack;
import fr.bilan.proto.synthesis.internal.v1.AuditPackBilan;
import fr.bilan.proto.synthesis.internal.v1.AuditPackComplaint;
import fr.bilan.proto.synthesis.internal.v1.AuditPackFollowUp;
import fr.bilan.proto.synthesis.internal.v1.AuditPackPhase;
import fr.bilan.proto.synthesis.internal.v1.AuditPackSurvey;
import fr.bilan.proto.synthesis.internal.v1.AuditPackTotals;
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
import fr.bilan.synthesis.agreement.AgreementMessages;
import fr.bilan.synthesis.auditpack.AuditPackMessages;
import fr.bilan.synthesis.bilan.BilanCourse;
import fr.bilan.synthesis.content.Content;
import fr.bilan.synthesis.content.ContentMessages;
import fr.bilan.synthesis.content.Section;

/** A realistic synthèse and agreement, as a consultant of a Lyon centre would write them. */
final class Samples {

    static final String CENTRE = "centre-lyon";
    static final CentreIdentity LYON = new CentreIdentity("Bilans & Parcours — Centre de Lyon Part-Dieu",
            "12, rue de la Villette\nImmeuble « Le Français », 3e étage\n69003 Lyon", "84691234569", null);

    private Samples() {
    }

    static PdfRenderer renderer() {
        return new PdfRenderer(Map.of(CENTRE, LYON)::get);
    }

    /** A bilan in its conclusion phase: 6 hours of préliminaire, 12 of investigation, 4 h 30 of conclusion so far. */
    static final BilanCourse COURSE = new BilanCourse(LocalDate.of(2026, 9, 14), null, Duration.ofHours(6),
            Duration.ofHours(12), Duration.ofMinutes(270));

    static SynthesisPrint synthesis() {
        return new SynthesisPrint(CENTRE, "Chloé Lefèvre-Nguyễn", "Benoît Œhlenschläger", COURSE,
                LocalDate.of(2026, 11, 23), 2, domain(content()), "Je remercie mon consultant pour son écoute.\nJe souhaite garder une copie de ce document "
                        + "pour mon entretien avec ma conseillère en évolution professionnelle.");
    }

    /** A content as the contract writes it, in the synthèse's own terms. */
    static Content domain(SynthesisContent content) {
        return ContentMessages.fromRequest(content, EnumSet.allOf(Section.class));
    }

    /** An agreement as beneficiary-service sends it, as the document prints it. */
    static AgreementPrint print(Agreement agreement) {
        return AgreementMessages.toPrint(agreement, parties());
    }

    static SynthesisContent content() {
        return SynthesisContent.newBuilder()
                .setRequestContext("Mme Lefèvre-Nguyễn, 41 ans, est assistante de direction dans une PME lyonnaise "
                        + "de l'agroalimentaire depuis douze ans. Elle a sollicité ce bilan pour « redonner du sens » à "
                        + "son travail après une réorganisation de son service.\n\nSon employeur finance le bilan dans "
                        + "le cadre du plan de développement des compétences.")
                .setCareerPath("Après un BTS Assistant de gestion (2004), elle a travaillé cinq ans dans un cabinet "
                        + "d'expertise comptable, puis rejoint l'entreprise actuelle en 2014.\nElle y a coordonné le "
                        + "déménagement du siège, l'accueil des nouveaux salariés et la mise en place du logiciel de "
                        + "gestion des congés.")
                .setSkills(Skills.newBuilder()
                        .addKnowledge("Gestion administrative et comptabilité courante")
                        .addKnowledge("Droit du travail : notions utiles à l'accueil des salariés")
                        .addSkills("Organisation d'événements et de déplacements")
                        .addSkills("Rédaction de procédures et de comptes rendus")
                        .addSoftSkills("Sens de l'écoute, discrétion")
                        .addSoftSkills("Capacité à gérer les priorités et les imprévus"))
                .setInterests(Interests.newBuilder()
                        .setMotivations("Elle est motivée par l'accompagnement des personnes, le travail en équipe "
                                + "et le sentiment d'être utile ; elle redoute la routine et l'isolement.")
                        .addTestResults(TestResult.newBuilder().setTestName("Inventaire d'intérêts RIASEC")
                                .setSummary("Le profil fait ressortir les dimensions sociale et entreprenante, "
                                        + "cohérentes avec les motivations exprimées en entretien.")
                                .setRiasec(RiasecProfile.newBuilder().setRealistic(22).setInvestigative(41)
                                        .setArtistic(35).setSocial(86).setEnterprising(64).setConventional(58))))
                .setMainProject(CareerProject.newBuilder().setTitle("Chargée de ressources humaines en PME")
                        .setDescription("Évoluer vers un poste RH généraliste : recrutement, intégration, formation.")
                        .setFeasibility(Feasibility.CONDITIONAL)
                        .setFeasibilityNotes("Le marché lyonnais recrute ; une certification RH est attendue par "
                                + "les employeurs."))
                .addAlternativeProjects(CareerProject.newBuilder().setTitle("Conseillère en insertion professionnelle")
                        .setDescription("Accompagner des publics éloignés de l'emploi au sein d'une association.")
                        .setFeasibility(Feasibility.LOW)
                        .setFeasibilityNotes("Baisse de salaire importante ; titre professionnel CIP requis."))
                .setConditionsAndMeans("Un aménagement de son temps de travail (4 jours sur 5) pendant la formation ; "
                        + "le soutien de sa responsable ; un financement par son CPF complété par l'employeur.")
                .addActionPlan(step("Rencontrer deux responsables RH de PME (enquêtes métier)", Horizon.SHORT_TERM,
                        LocalDate.of(2026, 12, 18)))
                .addActionPlan(step("S'inscrire au titre professionnel Assistant RH", Horizon.MEDIUM_TERM,
                        LocalDate.of(2027, 3, 1)))
                .addActionPlan(step("Candidater à un poste de chargée RH", Horizon.LONG_TERM, LocalDate.of(2027, 12, 31)))
                .setTraining(Training.newBuilder().addTrainingNeeds("Titre professionnel Assistant ressources humaines")
                        .addTrainingNeeds("Module « Recrutement et marque employeur »").setVaeAdvised(true)
                        .setVaeDetails("Une VAE partielle du titre est envisageable au vu de ses missions d'accueil."))
                .setFollowUp(FollowUp.newBuilder().setProposedDate(date(LocalDate.of(2027, 5, 25)))
                        .setTerms("Entretien d'une heure, en visioconférence ou au centre, au choix de la bénéficiaire."))
                .build();
    }

    static ActionStep step(String description, Horizon horizon, LocalDate due) {
        return ActionStep.newBuilder().setDescription(description).setHorizon(horizon).setDueDate(date(due)).build();
    }

    static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }

    static Agreement agreement() {
        return Agreement.newBuilder().setId("agr-1").setCentreId(CENTRE).setState(AgreementState.SIGNED_BY_EMPLOYEE)
                .setTitle("Bilan de compétences — évolution vers les ressources humaines")
                .setObjective("Permettre à la salariée d'analyser ses compétences, aptitudes et motivations afin de "
                        + "définir un projet professionnel et, le cas échéant, un projet de formation.")
                .setContent("Phase préliminaire, phase d'investigation et phase de conclusions (article R6313-4).")
                .setMeans("Entretiens individuels avec une consultante, tests d'intérêts, enquêtes métier, "
                        + "documentation et plateforme en ligne.")
                .setDurationHours(24)
                .setPeriodStartDate(date(LocalDate.of(2027, 1, 5)))
                .setPeriodEndDate(date(LocalDate.of(2027, 3, 30)))
                .setConductAndFollowUp("Huit entretiens de trois heures, au centre ou à distance ; feuille "
                        + "d'émargement signée à chaque séance ; entretien de suivi à six mois.")
                .setResultsHandover("Les résultats détaillés et le document de synthèse sont remis à la seule "
                        + "salariée, lors d'un entretien individuel ; ils ne sont communiqués à un tiers qu'avec son "
                        + "accord.")
                .setPriceCents(160_000)
                .setPaymentTerms("Paiement par l'employeur à réception de la facture, à 30 jours.")
                .setEmployer(Employer.newBuilder().setName("Saveurs du Rhône SAS").setSiret("73282932000074")
                        .setSignatoryName("Hélène Garçon, directrice des ressources humaines"))
                .setReceiveDate(date(LocalDate.of(2026, 12, 2)))
                .setEmployeeDeadlineDate(date(LocalDate.of(2026, 12, 12)))
                .addSignatures(AgreementSignature.newBuilder().setParty(AgreementParty.EMPLOYEE)
                        .setMethod(EvidenceMethod.IN_APP).setSignTime(time("2026-12-04T09:30:00Z")))
                .setCreateTime(time("2026-11-27T14:00:00Z"))
                // the employee's signature was its last change
                .setUpdateTime(time("2026-12-04T09:30:00Z"))
                .build();
    }

    /** The agreement signed by all three parties, the last on 9 December (Paris). */
    static Agreement agreementInForce() {
        return agreement().toBuilder().setState(AgreementState.IN_FORCE)
                .addSignatures(AgreementSignature.newBuilder().setParty(AgreementParty.EMPLOYER_PARTY)
                        .setMethod(EvidenceMethod.E_SIGNATURE).setSignTime(time("2026-12-07T16:10:00Z")))
                // 23:30 UTC is already the next day in Paris
                .addSignatures(AgreementSignature.newBuilder().setParty(AgreementParty.PROVIDER)
                        .setMethod(EvidenceMethod.SIGNED_FORM).setSignTime(time("2026-12-08T23:30:00Z")))
                .setUpdateTime(time("2026-12-08T23:30:00Z"))
                .build();
    }

    static Timestamp time(String instant) {
        return Timestamp.newBuilder().setSeconds(Instant.parse(instant).getEpochSecond()).build();
    }

    static AgreementParties parties() {
        return AgreementParties.newBuilder().setEmployeeName("Chloé Lefèvre-Nguyễn").build();
    }

    /** A centre's audit pack as quality-service sends it, as the document prints it. */
    static AuditPackPrint auditPackPrint(AuditPack pack) {
        return AuditPackMessages.toPrint(pack);
    }

    /**
     * The audit pack of a year in which the Lyon centre ran {@code count} bilans: the first completed with
     * both surveys answered, its follow-up held and a complaint answered; the second withdrawn at the
     * beneficiary's request; the third under way; the others completed, their "à chaud" survey lapsed.
     */
    static AuditPack auditPack(int count) {
        AuditPack.Builder pack = AuditPack.newBuilder().setCentreId(CENTRE).setStartDate(date(2026, 1, 1))
                .setEndDate(date(2026, 12, 31)).setGenerateTime(Timestamp.newBuilder().setSeconds(
                        Instant.parse("2027-01-15T09:30:00Z").getEpochSecond())).setTimeZone("Europe/Paris");
        for (int i = 0; i < count; i++) {
            AuditPackBilan.Builder bilan = AuditPackBilan.newBuilder()
                    .setPseudonym(String.format("B-%010x", 0x3a9f00c1L + 7919L * i))
                    .setAgreementSignDate(date(2026, 1 + i % 9, 5)).setStartDate(date(2026, 1 + i % 9, 12))
                    .addPhases(phase("PRELIMINARY", 240, 240, 2, 2, 0))
                    .addPhases(phase("INVESTIGATION", 960, i % 4 == 1 ? 360 : 900, 8, i % 4 == 1 ? 3 : 7, 1));
            if (i % 4 == 1) {
                bilan.setOutcome("Arrêt anticipé").setDropOutReason("Retrait à la demande du bénéficiaire").setEndDate(date(2026, 2 + i % 9, 20));
            } else if (i % 4 == 2) {
                bilan.setOutcome("En cours");
            } else {
                bilan.setOutcome("Terminé").setEndDate(date(2026, 3 + i % 9, 27))
                        .addPhases(phase("CONCLUSION", 240, 240, 2, 2, 0))
                        .setSynthesisHandoverDate(date(2026, 3 + i % 9, 27))
                        .addSurveys(i == 0 ? survey("END_OF_BILAN", "Répondue", date(2026, 3, 28), date(2026, 4, 2))
                                : survey("END_OF_BILAN", "Expirée sans réponse", date(2026, 3 + i % 9, 28), null)
                                        .addReminderDates(date(2026, 4 + i % 9, 4))
                                        .addReminderDates(date(2026, 4 + i % 9, 11))
                                        .setExpireDate(date(2026, 4 + i % 9, 18)))
                        .setFollowUp(AuditPackFollowUp.newBuilder().setState(i == 0 ? "Tenu" : "Prévu")
                                .setDueDate(date(2026, 9 + i % 3, 27)));
            }
            if (i == 0) {
                bilan.addPhases(phase("FOLLOW_UP", 60, 60, 1, 1, 0))
                        .setFollowUp(AuditPackFollowUp.newBuilder().setState("Tenu").setDueDate(date(2026, 9, 27))
                                .setOfferDate(date(2026, 9, 27)).setAnswerDate(date(2026, 9, 29))
                                .setHeldDate(date(2026, 10, 6)).setSituation("En formation"))
                        .addSurveys(survey("FOLLOW_UP", "Répondue", date(2026, 10, 6), date(2026, 10, 8)))
                        .addComplaints(AuditPackComplaint.newBuilder().setReceivedDate(date(2026, 2, 3))
                                .setAcknowledgedDate(date(2026, 2, 4)).setAnsweredDate(date(2026, 2, 10)));
            }
            pack.addBilans(bilan);
        }
        int completed = (count + 3) / 4 + count / 4;
        int first = Math.min(count, 1);
        return pack.setTotals(AuditPackTotals.newBuilder().setBilans(count).setCompleted(completed)
                .setDropOuts((count + 2) / 4).setInProgress((count + 1) / 4).setPlannedMinutes(1440L * count)
                .setDeliveredMinutes(1380L * count).setSessionsAttended(11 * count).setSessionsMissed(count)
                .setAgreementsSigned(count).setSynthesesHandedOver(completed).setEndOfBilanSurveysSent(completed)
                .setEndOfBilanSurveysAnswered(first).setFollowUpSurveysSent(first).setFollowUpSurveysAnswered(first)
                .setFollowUpsHeld(first).setComplaints(first).setComplaintsAnswered(first)).build();
    }

    private static AuditPackPhase phase(String phase, int planned, int delivered, int sessions, int attended, int missed) {
        return AuditPackPhase.newBuilder().setPhase(phase).setPlannedMinutes(planned).setDeliveredMinutes(delivered)
                .setSessionsPlanned(sessions).setSessionsAttended(attended).setSessionsMissed(missed).build();
    }

    private static AuditPackSurvey.Builder survey(String kind, String state, Date sent, Date answered) {
        AuditPackSurvey.Builder survey = AuditPackSurvey.newBuilder().setKind(kind).setState(state).setSentDate(sent);
        return answered == null ? survey : survey.setAnswerDate(answered);
    }

    private static Date date(int year, int month, int day) {
        return Date.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }
}

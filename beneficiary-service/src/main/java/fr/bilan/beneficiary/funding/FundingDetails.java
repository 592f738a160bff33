package fr.bilan.beneficiary.funding;

import java.time.LocalDate;
import java.util.Optional;

import fr.bilan.beneficiary.France;
import fr.bilan.beneficiary.Texts;
import fr.bilan.beneficiary.consent.ConsentKind;
import fr.bilan.beneficiary.consent.ConsentLedger;

/** What a funding of each type holds, and nothing more (L6313-4: no field without a purpose). */
public sealed interface FundingDetails {

    FundingType type();

    /** The employer that pays and signs the tripartite agreement, for the types that have one. */
    default Optional<EmployerParty> employer() {
        return Optional.empty();
    }

    /**
     * Whether public or mutualised money pays (CPF, France Travail, APEC, Cap emploi, an
     * administration), which keeps the CPF away for 5 years; an employer or the beneficiary pays
     * with their own.
     */
    default boolean publiclyFunded() {
        return false;
    }

    /** Whether this funding needs a tripartite agreement (R6313-8). */
    default boolean needsAgreement() {
        return employer().isPresent();
    }

    /**
     * Compte personnel de formation. What the CPF does not pay of the price is a top-up to finance,
     * derived from the price when read ({@link #topUpCents}); the co-payment is owed besides.
     *
     * @param exemption                 {@code null} when the request named one this service does not know
     *                                   (refused)
     * @param previousPublicBilanEndDate {@code null} when none
     * @param coPaymentCents             computed when the funding is checked
     * @param employerLeaveReference     empty outside working time: the employer is never told then
     * @param topUpFunder                {@code null} when the request named one this service does not know
     *                                   (refused)
     */
    record Cpf(String dossierNumber, long amountCents, CoPaymentExemption exemption, long coPaymentCents,
            LocalDate previousPublicBilanEndDate, boolean duringWorkingTime, String employerLeaveReference,
            TopUpFunder topUpFunder) implements FundingDetails {

        public Cpf {
            dossierNumber = Texts.withoutSpaces(dossierNumber);
            employerLeaveReference = Texts.strip(employerLeaveReference);
        }

        @Override
        public FundingType type() {
            return FundingType.CPF;
        }

        @Override
        public boolean publiclyFunded() {
            return true;
        }

        Cpf withCoPayment(CoPaymentExemption applied, long cents) {
            return new Cpf(dossierNumber, amountCents, applied, cents, previousPublicBilanEndDate, duringWorkingTime,
                    employerLeaveReference, topUpFunder);
        }

        /** The part of {@code priceCents} the CPF does not pay, in euro cents; never negative. */
        public long topUpCents(long priceCents) {
            return Math.max(0, priceCents - amountCents);
        }

        /** Whether the employer or its OPCO finances a part of {@code priceCents}: no co-payment then. */
        boolean toppedUpByEmployer(long priceCents) {
            return topUpCents(priceCents) > 0 && topUpFunder.isEmployers();
        }

        /**
         * The top-up in French, as the beneficiary and the centre read it: how much, whether beyond
         * the CPF's cap, who pays it; the co-payment, owed besides, named apart.
         */
        public String topUpReason(long priceCents) {
            long topUp = topUpCents(priceCents);
            if (topUp == 0) {
                return "Aucun reste à financer : le CPF prend en charge tout le prix du bilan.";
            }
            long aboveCap = Math.max(0, priceCents - NewFunding.CPF_CAP_CENTS);
            String cap = "au-delà du plafond CPF de " + France.euros(NewFunding.CPF_CAP_CENTS);
            String what;
            if (aboveCap == topUp) {
                what = France.euros(topUp) + " " + cap;
            } else if (aboveCap == 0) {
                what = France.euros(topUp) + " que le CPF ne prend pas en charge";
            } else {
                what = France.euros(topUp) + ", dont " + France.euros(aboveCap) + " " + cap;
            }
            String reason = "Reste à financer : " + what + ", " + topUpFunder.label() + ".";
            return coPaymentCents == 0 ? reason : reason + " La participation forfaitaire ("
                    + France.euros(coPaymentCents) + ") est due à part par le bénéficiaire.";
        }

        /**
         * Why the co-payment is due or not, in French, as the beneficiary and the centre read it:
         * each exemption says whether the platform derived it or it was declared.
         */
        public String coPaymentReason() {
            String exempt = "Exonéré de la participation forfaitaire : ";
            return switch (exemption) {
                case JOB_SEEKER_EXEMPTION -> exempt + "demandeur d'emploi, déduit de la situation professionnelle "
                        + "enregistrée pour le bénéficiaire.";
                // a funding recorded before the top-up was known held it as declared
                case EMPLOYER_TOP_UP -> topUpFunder.isEmployers()
                        ? exempt + topUpFunder.label() + ", déduit du reste à financer indiqué."
                        : exempt + "abondement du compte par l'employeur ou un opérateur de compétences (OPCO), "
                                + "déclaré.";
                case C2P_POINTS -> exempt + "points du compte professionnel de prévention (C2P) mobilisés, déclaré.";
                case WORK_ACCIDENT_INCAPACITY -> exempt + "accident du travail ou maladie professionnelle avec une "
                        + "incapacité d'au moins 10 %, déclaré.";
                default -> coPaymentCents == 0
                        ? "Aucune participation forfaitaire n'était en vigueur le jour où le financement a été "
                                + "enregistré (elle est due depuis le 02/05/2024)."
                        : "Participation forfaitaire due par le bénéficiaire : " + France.euros(coPaymentCents) + ".";
            };
        }
    }

    /** Plan de développement des compétences. */
    record EmployerPlan(EmployerParty employerParty) implements FundingDetails {

        @Override
        public FundingType type() {
            return FundingType.EMPLOYER_PLAN;
        }

        @Override
        public Optional<EmployerParty> employer() {
            return Optional.of(employerParty);
        }
    }

    /** Congé de reclassement; {@code leaveStartDate} is {@code null} when not given (refused). */
    record RedeploymentLeave(EmployerParty employerParty, LocalDate leaveStartDate) implements FundingDetails {

        @Override
        public FundingType type() {
            return FundingType.REDEPLOYMENT_LEAVE;
        }

        @Override
        public Optional<EmployerParty> employer() {
            return Optional.of(employerParty);
        }
    }

    /** A job seeker's bilan, approved by France Travail, APEC or Cap emploi ({@code approver} {@code null}: not given). */
    record JobSeeker(JobSeekerApprover approver, String approvalReference) implements FundingDetails {

        public JobSeeker {
            approvalReference = Texts.strip(approvalReference);
        }

        @Override
        public FundingType type() {
            return FundingType.JOB_SEEKER_FUNDING;
        }

        @Override
        public boolean publiclyFunded() {
            return true;
        }
    }

    /**
     * A public-sector agent's bilan, under an agreement with their administration. HR may receive
     * the synthèse unless the agent objects (arrêté of 31 July 2009): an opt-out, so no record
     * means yes.
     */
    record PublicSector(String administrationName, String agreementReference) implements FundingDetails {

        public PublicSector {
            administrationName = Texts.strip(administrationName);
            agreementReference = Texts.strip(agreementReference);
        }

        @Override
        public FundingType type() {
            return FundingType.PUBLIC_SECTOR;
        }

        /** Whether HR may receive the synthèse: yes unless the agent's objection is in force. */
        public boolean hrMayReceiveSynthesis(ConsentLedger consents) {
            return !consents.inForce(ConsentKind.HR_SHARING_OBJECTION, null);
        }

        @Override
        public boolean publiclyFunded() {
            return true;
        }
    }

    /** Paid by the beneficiary. */
    record SelfFunded() implements FundingDetails {

        @Override
        public FundingType type() {
            return FundingType.SELF_FUNDED;
        }
    }
}

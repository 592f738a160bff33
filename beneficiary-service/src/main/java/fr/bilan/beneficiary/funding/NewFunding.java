package fr.bilan.beneficiary.funding;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.bilan.beneficiary.France;
import fr.bilan.beneficiary.Violations;
import fr.bilan.beneficiary.profile.EmploymentStatus;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * A funding someone asks to record, checked against the rules of its type before it is stored.
 * What is wrong with a field is {@link fr.bilan.support.refusal.InvalidFields} naming the field;
 * what the law or the beneficiary's situation refuses (the CPF cap among them) is a {@link RuleRefusal}
 * saying why, in French. The CPF pays at most its cap and the price; what it does not pay is a
 * top-up to finance, whose financer is named or still to be found, never dropped. The CPF
 * co-payment (D6323-1 A), in force on the day the funding is recorded ({@link CoPaymentSchedule}),
 * is due unless an exemption applies: derived from what this service knows when it can know it (a
 * job seeker, from the employment status it holds; a top-up by the employer or an OPCO, from the
 * top-up), declared otherwise (C2P points, work accident).
 *
 * @param details {@code null} when the request gave none
 */
public record NewFunding(long priceCents, FundingDetails details) {

    /** The CPF pays at most €1,600 for a bilan since 26 February 2026 (D6323-6). */
    public static final long CPF_CAP_CENTS = 160_000;
    static final int CPF_WAITING_YEARS = 5;
    static final int MAX_REFERENCE_LENGTH = 100;
    private static final String PREFIX = "funding.";
    private static final Pattern DOSSIER_NUMBER = Pattern.compile("\\d{8,14}");
    private static final Pattern APPROVAL_REFERENCE = Pattern.compile("[A-Za-z0-9/-]{4,40}");
    private static final Map<EmploymentStatus, String> STATUS_LABELS = Map.of(
            EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE, "salarié du secteur privé",
            EmploymentStatus.PUBLIC_SECTOR_AGENT, "agent public",
            EmploymentStatus.JOB_SEEKER, "demandeur d'emploi",
            EmploymentStatus.SELF_EMPLOYED, "travailleur indépendant",
            EmploymentStatus.OTHER, "autre situation");
    private static final Map<FundingType, String> TYPE_LABELS = Map.of(
            FundingType.CPF, "compte personnel de formation",
            FundingType.JOB_SEEKER_FUNDING, "demandeur d'emploi",
            FundingType.PUBLIC_SECTOR, "administration");

    /**
     * The funding as it will be stored (the CPF co-payment computed), or the reason it is refused.
     *
     * @param status             the beneficiary's employment status; {@code null} when unknown
     * @param earlier            the beneficiary's fundings this service already holds
     * @param today              today in Paris
     * @param cpfCoPayments      the CPF co-payment (participation forfaitaire) by day
     */
    public NewFunding validate(EmploymentStatus status, List<Funding> earlier, LocalDate today,
            CoPaymentSchedule cpfCoPayments) {
        Violations violations = new Violations();
        if (priceCents <= 0) {
            violations.add(PREFIX + "price_cents", "Indiquez le prix du bilan, en centimes d'euro (plus de 0).");
        }
        if (details == null) {
            violations.add(PREFIX + "details", "Indiquez le financement et ses détails : un seul parmi cpf, "
                    + "employer_plan, redeployment_leave, job_seeker, public_sector, self_funded.");
        } else if (details instanceof FundingDetails.Cpf cpf) {
            checkCpf(cpf, today, violations);
        } else if (details instanceof FundingDetails.EmployerPlan plan) {
            plan.employerParty().check(PREFIX + "employer_plan.employer.", violations);
        } else if (details instanceof FundingDetails.RedeploymentLeave leave) {
            leave.employerParty().check(PREFIX + "redeployment_leave.employer.", violations);
            if (leave.leaveStartDate() == null) {
                violations.add(PREFIX + "redeployment_leave.leave_start_date",
                        "Indiquez le premier jour du congé de reclassement.");
            }
        } else if (details instanceof FundingDetails.JobSeeker jobSeeker) {
            checkJobSeeker(jobSeeker, violations);
        } else if (details instanceof FundingDetails.PublicSector publicSector) {
            violations.requireText(PREFIX + "public_sector.administration_name", publicSector.administrationName(),
                    EmployerParty.MAX_NAME_LENGTH)
                    .requireText(PREFIX + "public_sector.agreement_reference", publicSector.agreementReference(),
                            MAX_REFERENCE_LENGTH);
        }
        violations.throwIfAny();
        checkSituation(status);
        if (details instanceof FundingDetails.Cpf cpf) {
            return new NewFunding(priceCents, checkCpfRules(cpf, status, earlier, today,
                    cpfCoPayments.amountOn(today)));
        }
        return this;
    }

    private void checkCpf(FundingDetails.Cpf cpf, LocalDate today, Violations violations) {
        String prefix = PREFIX + "cpf.";
        if (!DOSSIER_NUMBER.matcher(cpf.dossierNumber()).matches()) {
            violations.add(prefix + "dossier_number",
                    "Numéro de dossier Mon Compte Formation invalide : de 8 à 14 chiffres.");
        }
        if (cpf.amountCents() <= 0) {
            violations.add(prefix + "amount_cents", "Indiquez le montant pris en charge par le CPF (plus de 0).");
        } else if (priceCents > 0 && cpf.amountCents() > priceCents) {
            violations.add(prefix + "amount_cents", "Le montant pris en charge par le CPF ne peut pas dépasser le "
                    + "prix du bilan (" + France.euros(priceCents) + ").");
        }
        // over the cap is the rule's refusal, which says what to do with the rest
        boolean amountValid = cpf.amountCents() > 0 && priceCents > 0 && cpf.amountCents() <= priceCents
                && cpf.amountCents() <= CPF_CAP_CENTS;
        if (cpf.topUpFunder() == null) {
            violations.add(prefix + "top_up_funder", "Financeur du reste à financer inconnu.");
        } else if (amountValid && cpf.topUpCents(priceCents) == 0 && cpf.topUpFunder() != TopUpFunder.NONE) {
            violations.add(prefix + "top_up_funder", "Aucun reste à financer : le CPF prend en charge tout le prix du "
                    + "bilan (" + France.euros(priceCents) + "). N'indiquez pas de financeur complémentaire.");
        }
        if (cpf.exemption() == null) {
            violations.add(prefix + "co_payment_exemption", "Motif d'exonération inconnu.");
        } else if (cpf.exemption() == CoPaymentExemption.EMPLOYER_TOP_UP && amountValid && cpf.topUpFunder() != null
                && !cpf.toppedUpByEmployer(priceCents)) {
            violations.add(prefix + "co_payment_exemption", "L'exonération pour abondement de l'employeur ou d'un "
                    + "OPCO se déduit du reste à financer : elle suppose une part du prix que le CPF ne prend pas en "
                    + "charge, financée par l'employeur ou un OPCO (funding.cpf.top_up_funder), ce que la demande "
                    + "n'indique pas.");
        }
        if (cpf.previousPublicBilanEndDate() != null && cpf.previousPublicBilanEndDate().isAfter(today)) {
            violations.add(prefix + "previous_public_bilan_end_date",
                    "La fin du précédent bilan ne peut pas être dans le futur.");
        }
        if (cpf.duringWorkingTime()) {
            if (cpf.employerLeaveReference().isEmpty()) {
                violations.add(prefix + "employer_leave_reference", "Pendant le temps de travail, le bilan demande "
                        + "l'autorisation d'absence de l'employeur (article L6323-17) : indiquez sa référence.");
            } else {
                violations.requireText(prefix + "employer_leave_reference", cpf.employerLeaveReference(),
                        MAX_REFERENCE_LENGTH);
            }
        } else if (!cpf.employerLeaveReference().isEmpty()) {
            violations.add(prefix + "employer_leave_reference", "Hors temps de travail, l'employeur n'est pas "
                    + "informé du bilan : n'indiquez aucune autorisation d'absence.");
        }
    }

    private static void checkJobSeeker(FundingDetails.JobSeeker jobSeeker, Violations violations) {
        String prefix = PREFIX + "job_seeker.";
        if (jobSeeker.approver() == null) {
            violations.add(prefix + "approver", "Indiquez qui a accordé le financement : France Travail, APEC ou "
                    + "Cap emploi.");
        }
        if (!APPROVAL_REFERENCE.matcher(jobSeeker.approvalReference()).matches()) {
            violations.add(prefix + "approval_reference", "Référence de l'accord invalide : de 4 à 40 caractères, "
                    + "lettres, chiffres, « - » et « / » seulement.");
        }
    }

    /** Each funding is open to one situation only. */
    private void checkSituation(EmploymentStatus status) {
        FundingType type = details.type();
        if ((type == FundingType.EMPLOYER_PLAN || type == FundingType.REDEPLOYMENT_LEAVE)
                && status != EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE) {
            throw refused((type == FundingType.EMPLOYER_PLAN ? "Le plan de développement des compétences"
                    : "Le congé de reclassement") + " ne finance que le bilan d'un salarié du secteur privé"
                    + situation(status));
        }
        if (type == FundingType.JOB_SEEKER_FUNDING && status != EmploymentStatus.JOB_SEEKER) {
            throw refused("Ce financement est réservé aux demandeurs d'emploi" + situation(status));
        }
        if (type == FundingType.PUBLIC_SECTOR && status != EmploymentStatus.PUBLIC_SECTOR_AGENT) {
            throw refused("Le financement par une administration est réservé aux agents publics" + situation(status));
        }
    }

    private FundingDetails.Cpf checkCpfRules(FundingDetails.Cpf cpf, EmploymentStatus status,
            List<Funding> earlier, LocalDate today, long coPaymentCents) {
        if (cpf.amountCents() > CPF_CAP_CENTS) {
            throw refused("Le CPF finance un bilan de compétences à hauteur de " + France.euros(CPF_CAP_CENTS)
                    + " au plus (article D6323-6, depuis le 26/02/2026) : le montant demandé, "
                    + France.euros(cpf.amountCents()) + ", le dépasse. Indiquez au plus " + France.euros(CPF_CAP_CENTS)
                    + " dans funding.cpf.amount_cents : le reste du prix est un reste à financer, dont le financeur "
                    + "s'indique dans funding.cpf.top_up_funder.");
        }
        if (cpf.exemption() == CoPaymentExemption.JOB_SEEKER_EXEMPTION && status != EmploymentStatus.JOB_SEEKER) {
            throw refused("L'exonération de la participation forfaitaire au titre de demandeur d'emploi ne vaut "
                    + "que pour un demandeur d'emploi" + situation(status));
        }
        if (cpf.toppedUpByEmployer(priceCents) && status != EmploymentStatus.PRIVATE_SECTOR_EMPLOYEE
                && status != EmploymentStatus.PUBLIC_SECTOR_AGENT) {
            throw refused("Un reste à financer par l'abondement de l'employeur ou d'un OPCO, qui exonère de la "
                    + "participation forfaitaire, suppose un employeur" + situation(status));
        }
        LocalDate declaredEnd = cpf.previousPublicBilanEndDate();
        if (declaredEnd != null && today.isBefore(declaredEnd.plusYears(CPF_WAITING_YEARS))) {
            throw refused("Un bilan de compétences financé par des fonds publics ou mutualisés s'est terminé le "
                    + France.date(declaredEnd) + " : le CPF ne peut financer un nouveau bilan qu'après "
                    + CPF_WAITING_YEARS + " ans, soit à partir du " + France.date(declaredEnd.plusYears(CPF_WAITING_YEARS))
                    + ".");
        }
        lastPublicFunding(earlier).ifPresent(last -> {
            LocalDate recorded = LocalDate.ofInstant(last.createTime(), France.ZONE);
            if (today.isBefore(recorded.plusYears(CPF_WAITING_YEARS))) {
                throw refused("Un bilan de compétences financé par des fonds publics ou mutualisés (« "
                        + TYPE_LABELS.get(last.type()) + " ») a été enregistré pour ce bénéficiaire le "
                        + France.date(recorded) + " et n'a pu se terminer qu'ensuite : le CPF ne peut financer un "
                        + "nouveau bilan qu'après " + CPF_WAITING_YEARS + " ans, pas avant le "
                        + France.date(recorded.plusYears(CPF_WAITING_YEARS)) + ".");
            }
        });
        // what the service knows exempts by itself, whatever was declared: a job seeker owes nothing, nor
        // does a beneficiary whose employer (or its OPCO) tops up the account
        CoPaymentExemption exemption = status == EmploymentStatus.JOB_SEEKER ? CoPaymentExemption.JOB_SEEKER_EXEMPTION
                : cpf.toppedUpByEmployer(priceCents) ? CoPaymentExemption.EMPLOYER_TOP_UP : cpf.exemption();
        return cpf.withCoPayment(exemption,
                exemption == CoPaymentExemption.NONE ? coPaymentCents : 0);
    }

    /**
     * The latest of the beneficiary's fundings here that paid for a bilan with public or mutualised
     * money. This service knows when a funding was recorded, not when its bilan ended (the bilan's
     * end is session-service's), and a bilan cannot end before its funding was recorded: a funding
     * recorded less than 5 years ago is a sure refusal. Bilans elsewhere, or that ended later than
     * 5 years after being recorded, are known only from the declared {@code previous_public_bilan_end_date}.
     * A cancelled funding paid for nothing.
     */
    private static Optional<Funding> lastPublicFunding(List<Funding> earlier) {
        return earlier.stream().filter(funding -> !funding.isCancelled() && funding.details().publiclyFunded())
                .max(Comparator.comparing(Funding::createTime));
    }

    private static String situation(EmploymentStatus status) {
        return " ; la situation professionnelle enregistrée pour ce bénéficiaire est « "
                + (status == null ? "non renseignée" : STATUS_LABELS.get(status)) + " ».";
    }

    private static RuleRefusal refused(String reason) {
        return new RuleRefusal(reason);
    }
}

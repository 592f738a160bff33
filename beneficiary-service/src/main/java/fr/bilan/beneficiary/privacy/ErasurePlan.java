package fr.bilan.beneficiary.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What erasing a beneficiary's personal data does (RGPD art. 17), category by category: what goes
 * now, and what a legal obligation keeps, on which ground and until when. Decided here from what
 * is held; the edge applies it.
 *
 * @param erasesIdentity whether the names and employment status go too (the contact data always go)
 * @param items          what the beneficiary is told, category by category
 */
public record ErasurePlan(boolean erasesIdentity, List<Item> items) {

    /** Consent records are the proof of consent, kept three years after the latest one. */
    static final int CONSENT_PROOF_YEARS = 3;
    private static final String IDENTITY = "identité (nom, prénom, situation professionnelle)";
    static final String FUNDINGS = "financements, dossiers CPF et conventions tripartites";
    private static final String PROCESS_EVIDENCE = "preuve de réalisation de l'action (contrôles, L6362-6) : "
            + "3 ans après la fin de l'action";
    static final String BILAN_DOCUMENTS = "documents du bilan, le cas échéant (documents de travail, résultats "
            + "détaillés, synthèse)";

    /**
     * @param keepUntil until when it is kept; empty when erased, or when the date depends on an
     *                  event still to come
     */
    public record Item(String category, ErasureOutcome outcome, String reason, Optional<Instant> keepUntil) {
    }

    public ErasurePlan {
        items = List.copyOf(items);
    }

    /**
     * @param processEvidenceKept whether the beneficiary has process evidence the provider must keep
     *                            (fundings, their CPF dossiers, agreements: proof that the action
     *                            took place)
     * @param latestConsentRecord when the latest record of the consent ledger was made; empty
     *                            when the ledger is empty
     * @param newestAccessRecord  when the newest access to their data was recorded; empty when none
     * @param accessLogRetention  how long access records are kept ({@code bilan.access-log.retention})
     */
    public static ErasurePlan of(boolean processEvidenceKept, Optional<Instant> latestConsentRecord,
            Optional<Instant> newestAccessRecord, Duration accessLogRetention) {
        List<Item> items = new ArrayList<>();
        items.add(new Item("coordonnées (adresse e-mail, téléphone, lien avec le compte de connexion)",
                ErasureOutcome.ERASED, "effacées (RGPD, art. 17) : aucune obligation légale n'impose de les garder",
                Optional.empty()));
        items.add(processEvidenceKept
                ? new Item(IDENTITY, ErasureOutcome.KEPT, PROCESS_EVIDENCE, Optional.empty())
                : new Item(IDENTITY, ErasureOutcome.ERASED,
                        "effacée (RGPD, art. 17) : aucune preuve de réalisation d'une action n'est à garder",
                        Optional.empty()));
        if (processEvidenceKept) {
            items.add(new Item(FUNDINGS, ErasureOutcome.KEPT, PROCESS_EVIDENCE, Optional.empty()));
        }
        // held by session- and synthesis-service on retention-service's clock, which erasure does not move
        items.add(new Item(BILAN_DOCUMENTS, ErasureOutcome.KEPT, "nécessaires au bilan en cours, puis détruits par le "
                + "service de conservation à la fin de l'action, ou 3 ans après pour ceux que vous avez accepté par "
                + "écrit de garder pour votre suivi et pour une synthèse transmise à votre conseiller en évolution "
                + "professionnelle (Code du travail, R6313-7)", Optional.empty()));
        latestConsentRecord.ifPresent(latest -> items.add(new Item("registre des consentements", ErasureOutcome.KEPT,
                "preuve du consentement (RGPD, art. 7.1) : " + CONSENT_PROOF_YEARS
                        + " ans après son dernier enregistrement",
                Optional.of(latest.atOffset(ZoneOffset.UTC).plusYears(CONSENT_PROOF_YEARS).toInstant()))));
        newestAccessRecord.ifPresent(newest -> items.add(new Item("journal des accès aux données",
                ErasureOutcome.KEPT, "journalisation de sécurité (RGPD, art. 32) : " + accessLogRetention.toDays()
                        + " jours après le dernier accès enregistré",
                Optional.of(newest.plus(accessLogRetention)))));
        return new ErasurePlan(!processEvidenceKept, items);
    }
}

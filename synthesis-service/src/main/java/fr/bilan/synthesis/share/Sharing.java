package fr.bilan.synthesis.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.refusal.RuleRefusal;
import fr.bilan.support.resources.RequestKey;
import fr.bilan.synthesis.bilan.Bilan;
import fr.bilan.synthesis.bilan.BilanDirectory;
import fr.bilan.synthesis.bilan.Recipient;
import fr.bilan.synthesis.content.Syntheses;
import fr.bilan.synthesis.share.ShareRepository.NewShare;

/**
 * Sharing a final synthèse with someone the beneficiary names (L6313-4: with their consent only):
 * a share opens the document to whoever holds its path until it expires, and each download asks
 * beneficiary-service again whether the consent still holds.
 */
public class Sharing {

    private final ShareRepository shares;
    private final Syntheses syntheses;
    private final BilanDirectory directory;
    private final Duration validity;
    private final Clock clock;

    public Sharing(ShareRepository shares, Syntheses syntheses, BilanDirectory directory, Duration validity,
            Clock clock) {
        this.shares = shares;
        this.syntheses = syntheses;
        this.directory = directory;
        this.validity = validity;
        this.clock = clock;
    }

    /** A share of the final synthèse of {@code bilan}; the same one again for a retried {@code requestId}. */
    public NewShare create(Bilan bilan, Recipient recipient, String createdBy, String requestId) {
        syntheses.finalOf(bilan.id());
        if (!directory.sharingConsented(bilan.beneficiaryId(), recipient)) {
            throw new RuleRefusal("Le bénéficiaire n'a pas donné (ou a retiré) son accord pour transmettre la synthèse "
                    + "à « " + recipient.name() + " » : enregistrez d'abord son consentement.");
        }
        Instant now = clock.instant();
        return shares.create(new SynthesisShare(ShareRepository.newId(), bilan.id(), bilan.beneficiaryId(),
                bilan.centreId(), recipient, now, now.plus(validity)), createdBy, RequestKey.of(createdBy, requestId));
    }

    public List<SynthesisShare> list(Bilan bilan) {
        return shares.list(bilan.id());
    }

    /** A shared document and the share that opened it. */
    public record SharedDocument(SynthesisShare share, byte[] pdf) {
    }

    /** The document {@code token} opens, while the share lasts and the consent holds; nothing otherwise. */
    public SharedDocument open(String token) {
        SynthesisShare share = shares.open(token, clock.instant())
                .filter(open -> directory.sharingStillConsented(open.beneficiaryId(), open.recipient()))
                .orElseThrow(() -> new NotFound("Ce lien de partage n'existe pas, a expiré ou n'est plus autorisé par "
                        + "le bénéficiaire."));
        return new SharedDocument(share, syntheses.sharedDocument(share.assessmentId()));
    }
}

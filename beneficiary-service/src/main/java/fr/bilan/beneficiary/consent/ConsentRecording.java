package fr.bilan.beneficiary.consent;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Adds a record to a beneficiary's consent ledger: checked against the law ({@link NewConsent}) and
 * against what the ledger holds ({@link ConsentLedger}), then appended.
 */
@Component
public class ConsentRecording {

    private final ConsentRepository consents;
    private final Clock clock;

    ConsentRecording(ConsentRepository consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    /**
     * The record appended to the ledger of {@code beneficiaryId}; a retry (same {@code requestKey})
     * is answered with its first record, even if the ledger has moved on since.
     *
     * @param publicSectorAgent whether the beneficiary is a public-sector agent
     * @param byTheBeneficiary  whether the beneficiary records it themself
     */
    public ConsentEntry record(String beneficiaryId, boolean publicSectorAgent, NewConsent requested,
            boolean byTheBeneficiary, String recordedBy, String requestKey) {
        NewConsent consent = requested.validate(byTheBeneficiary, publicSectorAgent);
        return consents.findByRequestKey(requestKey).orElseGet(() -> {
            consents.ledgerOf(beneficiaryId).checkAccepts(consent);
            return consents.append(beneficiaryId, consent, recordedBy, requestKey, clock.instant());
        });
    }
}

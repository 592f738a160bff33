package fr.bilan.beneficiary.profile;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.Violations;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.security.Caller;

/**
 * How to reach a beneficiary, read by a platform service for one message (notification-service,
 * when it sends): only the live record answers, an erased one is not found. Each read is a use of
 * the person's data: it goes to their access register, its purpose (the kind of message) in the
 * resource ({@code beneficiaries/{id}/contact/{purpose}}), since a record has no field of its own
 * for it.
 */
@Component
public class BeneficiaryContacts {

    static final int MAX_PURPOSE_LENGTH = 64;
    /** A word of the register's vocabulary, as a kind of message is named: no space, no slash. */
    private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final BeneficiaryLookup beneficiaries;
    private final AccessLog accessLog;

    BeneficiaryContacts(BeneficiaryLookup beneficiaries, AccessLog accessLog) {
        this.beneficiaries = beneficiaries;
        this.accessLog = accessLog;
    }

    /** The live beneficiary {@code beneficiaryId} names, read for {@code purpose} and recorded so. */
    public Beneficiary read(String beneficiaryId, String purpose) {
        Violations violations = new Violations()
                .requireText("beneficiary_id", beneficiaryId, BeneficiaryProfile.MAX_ID_LENGTH);
        if (purpose.isBlank() || purpose.length() > MAX_PURPOSE_LENGTH) {
            violations.requireText("purpose", purpose, MAX_PURPOSE_LENGTH);
        } else if (!PURPOSE.matcher(purpose).matches()) {
            violations.add("purpose", "Indiquez l'objet de la lecture en un mot (lettres, chiffres, « - », « _ » ou "
                    + "« . »), par exemple le type du message : convocation.");
        }
        violations.throwIfAny();
        Beneficiary beneficiary = beneficiaries.require(beneficiaryId, "beneficiary_id");
        accessLog.record(Caller.current(), beneficiary.accessed("contact/" + purpose));
        return beneficiary;
    }
}

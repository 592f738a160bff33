package fr.bilan.beneficiary.profile;

import org.springframework.stereotype.Component;

import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.security.Caller;

/**
 * The beneficiary a call is about, found by the identifier the request names and noted as what the
 * call sets out to reach: if the caller is then refused, the refusal reaches that person's access
 * log.
 */
@Component
public class BeneficiaryLookup {

    private final BeneficiaryRepository repository;
    private final AccessLog accessLog;

    BeneficiaryLookup(BeneficiaryRepository repository, AccessLog accessLog) {
        this.repository = repository;
        this.accessLog = accessLog;
    }

    /** The live beneficiary {@code id} names ({@code field} of the request), as the repository finds it. */
    public Beneficiary require(String id, String field) {
        return attempted(repository.require(id, field));
    }

    /** The record {@code id} names, erased or not. */
    public Beneficiary requireRecord(String id, String field) {
        return attempted(repository.requireRecord(id, field));
    }

    private Beneficiary attempted(Beneficiary beneficiary) {
        accessLog.attempting(Caller.current(), beneficiary.accessed());
        return beneficiary;
    }
}

package fr.bilan.bench;

import fr.bilan.proto.beneficiary.v1.Beneficiary;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesRequest;
import fr.bilan.proto.beneficiary.v1.ListBeneficiariesResponse;

/** The calls under load, the same through both paths so that only the path differs. */
interface BeneficiaryApi extends AutoCloseable {

    /** Registers the beneficiary; returns its id. */
    String create(Beneficiary beneficiary) throws Exception;

    ListBeneficiariesResponse list(ListBeneficiariesRequest request) throws Exception;

    @Override
    void close();
}

package fr.bilan.beneficiary;

import static org.assertj.core.api.Assertions.assertThat;

import fr.bilan.support.testing.DocumentRenderingContract;

/**
 * The stand-in for synthesis-service's renderer keeps the contract the real one keeps
 * (synthesis-service runs {@link DocumentRenderingContract} too), behind beneficiary-service's real
 * token and contract checks.
 */
@BeneficiaryServiceContext
class FakeDocumentRenderingContractTest extends DocumentRenderingContract {

    /** The fake answered, with its own PDF, and kept the request. */
    @Override
    protected void assertRenderedHere(String agreementId, byte[] pdf) {
        assertThat(pdf).isEqualTo(FakeDocumentRendering.PDF);
        assertThat(FakeDocumentRendering.renderingsOf(agreementId)).isNotEmpty();
    }
}

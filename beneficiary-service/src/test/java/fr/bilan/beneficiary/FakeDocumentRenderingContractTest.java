package fr.bilan.beneficiary;

import fr.bilan.support.testing.DocumentRenderingContract;

/**
 * The stand-in for synthesis-service's renderer keeps the contract the real one keeps
 * (synthesis-service runs {@link DocumentRenderingContract} too), behind beneficiary-service's real
 * token and contract checks.
 */
@BeneficiaryServiceContext
class FakeDocumentRenderingContractTest extends DocumentRenderingContract {
}

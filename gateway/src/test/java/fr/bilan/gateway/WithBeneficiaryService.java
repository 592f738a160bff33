package fr.bilan.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.bilan.support.testing.ServiceProcess;
import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;

/**
 * Base of the gateway tests that go end to end: beneficiary-service runs from its executable jar in
 * its own process (in-memory stores), and the gateway under test trusts the same test identity
 * provider and calls that process.
 */
abstract class WithBeneficiaryService {

    static final int GRPC_PORT = GrpcServiceTestSupport.freePort();
    private static ServiceProcess beneficiaryService;

    @BeforeAll
    static void startBeneficiaryService() throws Exception {
        beneficiaryService = ServiceProcess.startOnEmbeddedStores("beneficiary-service", GrpcServiceTestSupport.freePort(),
                "--spring.grpc.server.port=" + GRPC_PORT,
                "--bilan.embedded.store=memory",
                "--bilan.oidc.issuer=" + TestIdentityProvider.issuer(),
                "--bilan.oidc.jwks-uri=" + TestIdentityProvider.jwksUri());
    }

    @AfterAll
    static void stopBeneficiaryService() throws Exception {
        if (beneficiaryService != null) {
            beneficiaryService.close();
            beneficiaryService = null;
        }
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("bilan.oidc.issuer", TestIdentityProvider::issuer);
        registry.add("bilan.oidc.jwks-uri", TestIdentityProvider::jwksUri);
        registry.add("spring.grpc.client.channel.beneficiary.target", () -> "127.0.0.1:" + GRPC_PORT);
    }
}

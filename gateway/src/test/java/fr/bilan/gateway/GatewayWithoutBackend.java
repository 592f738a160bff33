package fr.bilan.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

import fr.bilan.support.testing.GrpcServiceTestSupport;
import fr.bilan.support.testing.TestIdentityProvider;

/**
 * The settings of a gateway tested at its edge: the test identity provider's tokens, and a
 * beneficiary-service target that refuses every connection (a port no parallel build can take), so a call that passes the edge ends in 503,
 * still on its route.
 */
final class GatewayWithoutBackend {

    private GatewayWithoutBackend() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("bilan.oidc.issuer", TestIdentityProvider::issuer);
        registry.add("bilan.oidc.jwks-uri", TestIdentityProvider::jwksUri);
        registry.add("spring.grpc.client.channel.beneficiary.target",
                () -> "127.0.0.1:" + GrpcServiceTestSupport.refusingPort());
    }
}

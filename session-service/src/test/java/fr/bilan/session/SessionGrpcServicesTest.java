package fr.bilan.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import fr.bilan.support.testing.StandardGrpcServicesContract;

/** Health, reflection and token checks come from the contract; this names the service. */
@SessionServiceContext
class SessionGrpcServicesTest extends StandardGrpcServicesContract {

    @Test
    void runsUnderItsOwnNameWithTheSharedDefaults(@Value("${spring.application.name}") String name,
            @Value("${spring.grpc.server.health.enabled}") boolean health) {
        // the name tags its metrics and names its data folder; the defaults come from service-support
        assertThat(name).isEqualTo("session-service");
        assertThat(health).isTrue();
    }
}

package fr.bilan.support.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** One owner of every call deadline, {@code bilan.clients.<target>.deadline}; the former keys refused at start. */
class ClientDeadlinesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClientsAutoConfiguration.class));

    @Test
    void eachTargetHasItsDeadlineAndAnUnnamedTargetTheDefault() {
        runner.withPropertyValues("bilan.clients.synthesis.deadline=10s", "bilan.clients.directory.deadline=2s")
                .run(context -> {
                    ClientDeadlines clients = context.getBean(ClientDeadlines.class);
                    assertThat(clients.deadline("synthesis")).isEqualTo(Duration.ofSeconds(10));
                    assertThat(clients.deadline("directory")).isEqualTo(Duration.ofSeconds(2));
                    assertThat(clients.deadline("session")).isEqualTo(ClientDeadlines.DEFAULT_DEADLINE);
                });
    }

    @Test
    void aDeadlineThatIsNotPositiveStopsTheStart() {
        runner.withPropertyValues("bilan.clients.session.deadline=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("bilan.clients.session.deadline must be positive");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bilan.synthesis.call-timeout   | bilan.clients.synthesis.deadline in beneficiary-service",
        "bilan.synthesis.call-timeout   | bilan.clients.session.deadline and bilan.clients.beneficiary.deadline in synthesis-service",
        "bilan.beneficiary.call-timeout | bilan.clients.beneficiary.deadline",
        "bilan.directory.call-timeout   | bilan.clients.directory.deadline",
        "bilan.retention.call-timeout   | bilan.clients.session.deadline"})
    void aFormerKeyStopsTheStartNamingItsReplacement(String oldKey, String replacement) {
        runner.withPropertyValues(oldKey + "=5s").run(context -> {
            assertThat(context).hasFailed();
            SettingRenamed refusal = refusal(context.getStartupFailure());
            assertThat(refusal).hasMessageStartingWith(oldKey + " was replaced by").hasMessageContaining(replacement);
            FailureAnalysis analysis = new SettingRenamedFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo(refusal.getMessage());
            assertThat(analysis.getAction()).startsWith("Remove " + oldKey).contains(replacement);
        });
    }

    @Test
    void aFormerKeyIsRefusedAsAnEnvironmentVariableToo() {
        // named as Spring Boot names the process environment, so that its relaxed names apply
        var variables = new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("BILAN_BENEFICIARY_CALLTIMEOUT", "5s"));
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(variables)).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(refusal(context.getStartupFailure())).hasMessageStartingWith("bilan.beneficiary.call-timeout");
                });
    }

    @Test
    void theNewKeysAndUnrelatedSettingsOfTheSameNamespacesStart() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                "yaml", Map.of("bilan.synthesis.zone", "Europe/Paris", "bilan.retention.purge.call-timeout", "1m",
                        "bilan.clients.beneficiary.deadline", "5s")))).run(context -> assertThat(context).hasNotFailed());
    }

    private static SettingRenamed refusal(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof SettingRenamed)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a SettingRenamed in %s", failure).isInstanceOf(SettingRenamed.class);
        return (SettingRenamed) cause;
    }
}

package fr.bilan.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

class TrustedProxiesTest {

    @ParameterizedTest(name = "{0} trusts {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "10.42.0.0/16, 10.42.7.1, true",
            "10.42.0.0/16, 10.43.0.1, false",
            "192.168.1.128/25, 192.168.1.200, true",
            "192.168.1.128/25, 192.168.1.127, false",
            "192.168.1.10, 192.168.1.10, true",
            "192.168.1.10, 192.168.1.11, false",
            "0.0.0.0/0, 203.0.113.9, true",
            "0.0.0.0/0, 2001:db8::1, false",
            "fd00::/8, fd12:3456::1, true",
            "fd00::/8, fe80::1, false",
            "[2001:db8::1], 2001:db8::1, true",
            "10.0.0.0/8, ::ffff:10.1.1.1, true"})
    void trustsTheAddressesInItsRanges(String cidr, String address, boolean trusted) {
        assertThat(TrustedProxies.of(List.of(cidr)).trusts(TrustedProxies.literal(address))).isEqualTo(trusted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingress-nginx.svc", "10.0.0.0/33", "10.0.0.0/", "10.0.0/8", "fd00::/129", "10.0.0.0/-1", ""})
    void refusesWhatIsNoAddressNamingIt(String cidr) {
        assertThatThrownBy(() -> TrustedProxies.of(List.of(cidr)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bilan.gateway.trusted-proxies")
                .hasMessageContaining("'" + cidr + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "framework"})
    void theGatewayRefusesSpringsStrategiesThatBelieveAnyClient(String strategy) {
        MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy", strategy);

        assertThatThrownBy(() -> new ForwardedHeaders(new TrustedProxyProperties(List.of()), environment))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bilan.gateway.trusted-proxies");
    }

    @Test
    void startsWithTheStrategyUnsetOrNone() {
        assertThatCode(() -> new ForwardedHeaders(new TrustedProxyProperties(List.of("10.0.0.0/8")),
                new MockEnvironment())).doesNotThrowAnyException();
        assertThatCode(() -> new ForwardedHeaders(new TrustedProxyProperties(List.of()),
                new MockEnvironment().withProperty("server.forward-headers-strategy", "none")))
                .doesNotThrowAnyException();
    }
}

package fr.bilan.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who the client is, by TCP peer and forwarded headers, with the proxies 10.0.0.0/8 and fd00::/8 trusted. */
class ForwardedClientTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8"));

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For [{1}], X-Forwarded-Proto [{2}], Forwarded [{3}] -> {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # peer      | X-Forwarded-For                  | X-Forwarded-Proto | Forwarded                                   | client       | scheme
            # a peer that is no trusted proxy: its headers are ignored, whatever they say
            203.0.113.9 | 198.51.100.1                     | https             | -                                           | 203.0.113.9  | -
            203.0.113.9 | -                                | -                 | for=198.51.100.1;proto=https                | 203.0.113.9  | -
            192.168.0.2 | 10.0.0.5                         | -                 | -                                           | 192.168.0.2  | -
            # a trusted proxy with nothing to say: it is the client
            10.0.0.5    | -                                | -                 | -                                           | 10.0.0.5     | -
            10.0.0.5    | -                                | https             | -                                           | 10.0.0.5     | https
            # the ingress controller appended the address it received the request from
            10.0.0.5    | 198.51.100.1                     | https             | -                                           | 198.51.100.1 | https
            # what the client wrote itself lies left of that address, and is never read
            10.0.0.5    | 6.6.6.6, 198.51.100.1            | https             | -                                           | 198.51.100.1 | https
            10.0.0.5    | 6.6.6.6, 10.9.9.9, 198.51.100.1  | http              | -                                           | 198.51.100.1 | http
            # walked from the right past every trusted proxy
            10.0.0.5    | 6.6.6.6, 198.51.100.1, 10.1.2.3  | -                 | -                                           | 198.51.100.1 | -
            # all trusted: the farthest one
            10.0.0.5    | 10.1.1.1, 10.2.2.2               | -                 | -                                           | 10.1.1.1     | -
            # an entry that is no address ends the walk at the last trusted hop
            10.0.0.5    | 198.51.100.1, unknown            | -                 | -                                           | 10.0.0.5     | -
            10.0.0.5    | 198.51.100.1, garbage, 10.1.1.1  | -                 | -                                           | 10.1.1.1     | -
            # one scheme per hop: the client's; otherwise the nearest proxy's (the last listed)
            10.0.0.5    | 198.51.100.1, 10.1.1.1           | https, http       | -                                           | 198.51.100.1 | https
            10.0.0.5    | 198.51.100.1, 10.1.1.1           | https             | -                                           | 198.51.100.1 | https
            10.0.0.5    | 198.51.100.1                     | ftp               | -                                           | 198.51.100.1 | -
            # ports and IPv6
            10.0.0.5    | 198.51.100.1:4711                | HTTPS             | -                                           | 198.51.100.1 | https
            fd00::1     | 2001:db8::7                      | -                 | -                                           | 2001:db8::7  | -
            fd00::1     | [2001:db8::7]:4711               | -                 | -                                           | 2001:db8::7  | -
            ::ffff:10.0.0.5 | 198.51.100.1                 | -                 | -                                           | 198.51.100.1 | -
            # Forwarded (RFC 7239), read only without X-Forwarded-For
            10.0.0.5    | -                                | -                 | for=198.51.100.1;proto=https                | 198.51.100.1 | https
            10.0.0.5    | -                                | -                 | for=6.6.6.6, for="[2001:db8::7]:4711";proto=http | 2001:db8::7 | http
            10.0.0.5    | -                                | -                 | for=198.51.100.1, for=10.1.1.1;proto=https  | 198.51.100.1 | -
            10.0.0.5    | -                                | -                 | for=_hidden;proto=https                     | 10.0.0.5     | https
            10.0.0.5    | 198.51.100.1                     | -                 | for=6.6.6.6                                 | 198.51.100.1 | -
            """)
    void resolvesTheClientFromTrustedProxiesOnly(String peer, String xForwardedFor, String xForwardedProto,
            String forwarded, String client, String scheme) {
        ForwardedClient.Client resolved = ForwardedClient.resolve(PROXIES, TrustedProxies.literal(peer), lines(forwarded),
                lines(xForwardedFor), lines(xForwardedProto));

        assertThat(resolved.address()).isEqualTo(TrustedProxies.literal(client));
        assertThat(resolved.scheme()).isEqualTo(scheme);
    }

    @ParameterizedTest(name = "with no proxy trusted, peer {0} is the client whatever X-Forwarded-For says")
    @CsvSource({"127.0.0.1", "10.0.0.5", "fd00::1"})
    void trustsNobodyByDefault(String peer) {
        ForwardedClient.Client resolved = ForwardedClient.resolve(TrustedProxies.of(List.of()),
                TrustedProxies.literal(peer), List.of("for=198.51.100.1;proto=https"), List.of("198.51.100.1"),
                List.of("https"));

        assertThat(resolved).isEqualTo(new ForwardedClient.Client(TrustedProxies.literal(peer), null));
    }

    private static List<String> lines(String header) {
        return header == null ? List.of() : List.of(header);
    }
}

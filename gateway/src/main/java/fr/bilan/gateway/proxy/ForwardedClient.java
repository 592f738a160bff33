package fr.bilan.gateway.proxy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who the client of a request is, and the scheme it used, from the TCP peer and the forwarded
 * headers. Headers count only when the peer is a trusted proxy; then the chain of addresses they
 * carry is read from the right (the hop nearest the gateway), past every trusted proxy, and the
 * first address that is not one is the client's. Whatever a client writes in these headers itself
 * sits to the left of that address and is never read. An entry that is not an address
 * ({@code unknown}, an obfuscated name, garbage) ends the walk at the last trusted hop.
 *
 * <p>{@code X-Forwarded-For} (what ingress controllers and load balancers set) is read when
 * present, with {@code X-Forwarded-Proto}; {@code Forwarded} (RFC 7239, {@code for} and
 * {@code proto}) only when it is absent.
 */
public final class ForwardedClient {

    /**
     * @param address the client's address
     * @param scheme  {@code http} or {@code https} as the proxies report it; {@code null}: the
     *                connection's own scheme
     */
    public record Client(InetAddress address, String scheme) {
    }

    /** One hop a proxy reports: the address it received the request from and over which scheme. */
    private record Hop(InetAddress address, String scheme) {
    }

    private ForwardedClient() {
    }

    /**
     * @param peer            the TCP peer of the connection
     * @param forwarded       the {@code Forwarded} header lines, in order
     * @param xForwardedFor   the {@code X-Forwarded-For} header lines, in order
     * @param xForwardedProto the {@code X-Forwarded-Proto} header lines, in order
     */
    public static Client resolve(TrustedProxies proxies, InetAddress peer, List<String> forwarded,
            List<String> xForwardedFor, List<String> xForwardedProto) {
        if (!proxies.trusts(peer)) {
            return new Client(peer, null);
        }
        List<Hop> hops = !xForwardedFor.isEmpty() ? xForwardedHops(xForwardedFor, xForwardedProto)
                : forwardedHops(forwarded);
        // the nearest proxy's scheme, also when it says no more than that
        List<String> schemes = entries(xForwardedProto);
        Hop client = new Hop(peer, !hops.isEmpty() ? hops.get(hops.size() - 1).scheme()
                : schemes.isEmpty() ? null : scheme(schemes.get(schemes.size() - 1)));
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop hop = hops.get(i);
            if (hop.address() == null) {
                break;
            }
            client = hop;
            if (!proxies.trusts(hop.address())) {
                break;
            }
        }
        return new Client(client.address(), client.scheme());
    }

    /**
     * The hops of {@code X-Forwarded-For}, each with its {@code X-Forwarded-Proto} entry when both
     * list as many; otherwise each with the last scheme listed, that of the nearest proxy.
     */
    private static List<Hop> xForwardedHops(List<String> xForwardedFor, List<String> xForwardedProto) {
        List<String> addresses = entries(xForwardedFor);
        List<String> schemes = entries(xForwardedProto);
        List<Hop> hops = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            String scheme = schemes.size() == addresses.size() ? schemes.get(i)
                    : schemes.isEmpty() ? null : schemes.get(schemes.size() - 1);
            hops.add(new Hop(address(addresses.get(i)), scheme(scheme)));
        }
        return hops;
    }

    /** The hops of {@code Forwarded}: one per element, its {@code for} and {@code proto} parameters. */
    private static List<Hop> forwardedHops(List<String> forwarded) {
        List<Hop> hops = new ArrayList<>();
        for (String element : split(String.join(",", forwarded), ',')) {
            String node = null;
            String proto = null;
            for (String pair : split(element, ';')) {
                int equals = pair.indexOf('=');
                if (equals < 0) {
                    continue;
                }
                String name = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                String value = unquoted(pair.substring(equals + 1).strip());
                if (name.equals("for")) {
                    node = value;
                } else if (name.equals("proto")) {
                    proto = value;
                }
            }
            hops.add(new Hop(node == null ? null : address(node), scheme(proto)));
        }
        return hops;
    }

    /** The comma-separated entries of header lines, trimmed, empty ones dropped. */
    private static List<String> entries(List<String> lines) {
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            for (String entry : line.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }

    /** {@code text} split at {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * The address of a node: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1},
     * {@code [2001:db8::1]:4711}; {@code null} for anything else.
     */
    private static InetAddress address(String node) {
        String host = node;
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            host = end < 0 ? node : node.substring(0, end + 1);
        } else if (node.indexOf(':') >= 0 && node.indexOf(':') == node.lastIndexOf(':')) {
            host = node.substring(0, node.indexOf(':')); // IPv4 with a port
        }
        return TrustedProxies.literal(host);
    }

    private static String scheme(String value) {
        if (value == null) {
            return null;
        }
        String scheme = value.strip().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? scheme : null;
    }
}

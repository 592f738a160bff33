package fr.bilan.gateway.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import io.netty.util.NetUtil;

/**
 * The proxies whose forwarded headers are believed, as address ranges (CIDR: {@code 10.0.0.0/8},
 * {@code fd00::/8}; a bare address is a range of one). Only address literals: a host name would
 * make a DNS answer decide whom to trust.
 */
public final class TrustedProxies {

    private record Range(byte[] network, int prefixLength) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[full] & mask) == (network[full] & mask);
        }
    }

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Trusts nobody: forwarded headers are ignored whoever sends them. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * The ranges {@code cidrs} name.
     *
     * @throws IllegalArgumentException naming the first entry that is not an address or a CIDR range
     */
    public static TrustedProxies of(List<String> cidrs) {
        List<Range> ranges = new ArrayList<>();
        for (String cidr : cidrs) {
            ranges.add(range(cidr == null ? "" : cidr.strip()));
        }
        return new TrustedProxies(ranges);
    }

    private static Range range(String cidr) {
        int slash = cidr.indexOf('/');
        InetAddress network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("bilan.gateway.trusted-proxies: '" + cidr
                    + "' is not an IP address or a CIDR range (10.0.0.0/8, fd00::/8)");
        }
        int bits = network.getAddress().length * 8;
        int prefixLength = bits;
        if (slash >= 0) {
            String length = cidr.substring(slash + 1);
            prefixLength = length.matches("[0-9]{1,3}") ? Integer.parseInt(length) : -1;
            if (prefixLength < 0 || prefixLength > bits) {
                throw new IllegalArgumentException("bilan.gateway.trusted-proxies: '" + cidr
                        + "' has a prefix length outside 0-" + bits);
            }
        }
        return new Range(network.getAddress(), prefixLength);
    }

    /**
     * The address an IP literal names ({@code 192.0.2.1}, {@code 2001:db8::1}, {@code [2001:db8::1]}),
     * an IPv4-mapped IPv6 address as its IPv4 address; {@code null} for anything else, never
     * looked up in DNS.
     */
    static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
        if (bytes == null || bare.contains("%")) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes); // no lookup; IPv4-mapped bytes give an Inet4Address
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    /** Whether {@code address} is in one of the ranges. */
    public boolean trusts(InetAddress address) {
        byte[] bytes = normalised(address).getAddress();
        return ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** An IPv4-mapped IPv6 address (a dual-stack socket's peer) as the IPv4 address it maps. */
    private static InetAddress normalised(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException impossible) {
            return address;
        }
    }
}

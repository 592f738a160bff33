package fr.bilan.gateway.proxy;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustedProxies the proxies (ingress controller, load balancer) whose forwarded headers say
 *                       who the client is and whether it came over HTTPS, as CIDR ranges; none by
 *                       default: the TCP peer is the client, whatever the headers say
 */
@ConfigurationProperties("bilan.gateway")
public record TrustedProxyProperties(List<String> trustedProxies) {

    public TrustedProxyProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}

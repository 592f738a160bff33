package fr.bilan.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets of the API, per authenticated user and per client IP address, each refilled
 * every {@code period}. Counted by each gateway replica on its own.
 *
 * @param perUser     requests one user may make per period
 * @param perClientIp requests one IP address may make per period (an office behind one address)
 * @param period      the refill period
 * @param maxTracked  most users and addresses tracked at once; the least recent are forgotten
 */
@ConfigurationProperties("bilan.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("50") int perUser, @DefaultValue("200") int perClientIp,
        @DefaultValue("1s") Duration period, @DefaultValue("100000") int maxTracked) {
}

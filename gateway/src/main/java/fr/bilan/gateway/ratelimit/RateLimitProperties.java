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
 * @param pages       the stricter budget of the pages opened by a secret link (a survey's)
 */
@ConfigurationProperties("bilan.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("50") int perUser, @DefaultValue("200") int perClientIp,
        @DefaultValue("1s") Duration period, @DefaultValue("100000") int maxTracked,
        @DefaultValue Pages pages) {

    /**
     * The budget of one IP address on the pages opened by a secret link (a survey's page and its
     * form), on top of the address's overall one: a person answering a survey makes a few requests a
     * minute, someone guessing links makes many. Calendar feeds, polled by calendar providers from
     * a few shared addresses for all their users, keep the overall budget only.
     *
     * @param perClientIp requests one IP address may make there per period
     * @param period      the refill period
     */
    public record Pages(@DefaultValue("30") int perClientIp, @DefaultValue("1m") Duration period) {
    }
}

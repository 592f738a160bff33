package fr.bilan.gateway.transcoding;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the transcoding gateway.
 *
 * @param deadline    how long a service has to answer one call before the caller gets a 504
 * @param maxBodySize largest request body accepted; larger ones get a 413
 */
@ConfigurationProperties("bilan.gateway")
public record GatewayProperties(@DefaultValue("10s") Duration deadline, @DefaultValue("1MB") DataSize maxBodySize) {
}

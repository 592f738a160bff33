package fr.bilan.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param allowedOrigins the front-end origins allowed to call the API from a browser; none by default */
@ConfigurationProperties("bilan.gateway.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}

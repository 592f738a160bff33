package fr.bilan.synthesis.rendering;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** The PDF renderer, with the centres' identities from {@code bilan.centres.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CentreIdentityProperties.class)
public class RenderingConfiguration {

    @Bean
    PdfRenderer pdfRenderer(CentreIdentityProperties centres, ResourceLoader resources) {
        return new PdfRenderer(centres.identities(resources));
    }
}

package fr.bilan.synthesis.rendering;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import fr.bilan.support.centre.Centres;

/** The PDF renderer, with the centres' identities from {@code bilan.centres.*}, bound once with service-support's schema. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Centres.class)
public class RenderingConfiguration {

    @Bean
    CentreIdentityProperties centreIdentityProperties(Centres centres) {
        return CentreIdentityProperties.from(centres);
    }

    @Bean
    PdfRenderer pdfRenderer(CentreIdentityProperties centres, ResourceLoader resources) {
        return new PdfRenderer(centres.identities(resources));
    }
}

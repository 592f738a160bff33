package fr.bilan.quality.auditpack;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc;
import fr.bilan.support.centre.Centres;
import fr.bilan.support.clients.ClientDeadlines;
import fr.bilan.support.security.ServiceToken;

/**
 * synthesis-service's renderer, for the pack's PDF: always declared, so that the service starts without
 * a client secret too (the PDF is then {@code UNAVAILABLE}, and the start-up log says why). The centres'
 * settings give each pack its zone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Centres.class)
class AuditPackConfiguration {

    @Bean
    AuditPackRendering auditPackRendering(GrpcChannelFactory channels, ObjectProvider<ServiceToken> serviceToken,
            ClientDeadlines clients) {
        // the channel named synthesis: spring.grpc.client.channel.synthesis.*
        return new AuditPackRendering(DocumentRenderingServiceGrpc.newBlockingStub(channels.createChannel("synthesis")),
                serviceToken.getIfAvailable(), clients.deadline("synthesis"));
    }
}

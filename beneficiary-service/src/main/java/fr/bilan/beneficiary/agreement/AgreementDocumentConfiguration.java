package fr.bilan.beneficiary.agreement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc;
import fr.bilan.support.clients.ClientDeadlines;
import fr.bilan.support.security.ServiceToken;

/**
 * synthesis-service's renderer, for the agreement's PDF: always declared, so that the service
 * starts without a client secret too (it then answers {@code UNAVAILABLE} for the document, and
 * says why once at start-up).
 */
@Configuration(proxyBeanMethods = false)
class AgreementDocumentConfiguration {

    @Bean
    AgreementDocuments agreementDocuments(GrpcChannelFactory channels, ObjectProvider<ServiceToken> serviceToken,
            ClientDeadlines clients) {
        // the channel named synthesis: spring.grpc.client.channel.synthesis.*
        return new AgreementDocuments(DocumentRenderingServiceGrpc.newBlockingStub(channels.createChannel("synthesis")),
                serviceToken.getIfAvailable(), clients.deadline("synthesis"));
    }
}

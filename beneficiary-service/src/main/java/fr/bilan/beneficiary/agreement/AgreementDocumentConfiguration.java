package fr.bilan.beneficiary.agreement;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc;
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
            @Value("${bilan.synthesis.call-timeout:10s}") Duration timeout) {
        // the channel named synthesis: spring.grpc.client.channel.synthesis.*
        return new AgreementDocuments(DocumentRenderingServiceGrpc.newBlockingStub(channels.createChannel("synthesis")),
                serviceToken.getIfAvailable(), timeout);
    }
}

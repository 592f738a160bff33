package fr.bilan.notification.preference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

import fr.bilan.proto.beneficiary.internal.v1.BeneficiaryContactServiceGrpc;
import fr.bilan.support.clients.ClientDeadlines;
import fr.bilan.support.security.ServiceToken;

/**
 * beneficiary-service's contact read, for who may see a beneficiary's choices: always declared, so the
 * service starts without a client secret too (those calls then answer {@code UNAVAILABLE}).
 */
@Configuration(proxyBeanMethods = false)
class PreferenceConfiguration {

    @Bean
    CareTeams careTeams(GrpcChannelFactory channels, ObjectProvider<ServiceToken> serviceToken, ClientDeadlines clients) {
        // the channel named beneficiary: spring.grpc.client.channel.beneficiary.*
        return new BeneficiaryCareClient(BeneficiaryContactServiceGrpc.newBlockingStub(channels.createChannel("beneficiary")),
                serviceToken.getIfAvailable(), clients.deadline("beneficiary"));
    }
}

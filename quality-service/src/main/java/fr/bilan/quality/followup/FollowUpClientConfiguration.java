package fr.bilan.quality.followup;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

import fr.bilan.proto.beneficiary.internal.v1.BeneficiaryContactServiceGrpc;
import fr.bilan.support.clients.ClientDeadlines;
import fr.bilan.support.grpc.Downstream;
import fr.bilan.support.security.ServiceToken;

/**
 * beneficiary-service over the channel {@code beneficiary} ({@code spring.grpc.client.channel.beneficiary.*}),
 * asked with the service's own token for the login of a beneficiary who reads their follow-up.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpClientConfiguration {

    @Bean
    BeneficiaryAccounts beneficiaryAccounts(GrpcChannelFactory channels, ObjectProvider<ServiceToken> serviceToken,
            ClientDeadlines clients) {
        Optional<ServiceToken> token = Optional.ofNullable(serviceToken.getIfAvailable());
        return new BeneficiaryContactAccounts(token.map(own -> BeneficiaryContactServiceGrpc
                .newBlockingStub(channels.createChannel("beneficiary")).withCallCredentials(own.callCredentials())),
                token, new Downstream("Le service des bénéficiaires", clients.deadline("beneficiary")));
    }
}

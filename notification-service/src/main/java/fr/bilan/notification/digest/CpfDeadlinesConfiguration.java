package fr.bilan.notification.digest;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

import fr.bilan.proto.beneficiary.internal.v1.CpfTrackingServiceGrpc;
import fr.bilan.support.clients.ClientDeadlines;
import fr.bilan.support.grpc.Downstream;
import fr.bilan.support.security.ServiceToken;

/**
 * The CPF deadlines of the digests: beneficiary-service over the channel {@code beneficiary}
 * ({@code spring.grpc.client.channel.beneficiary.*}) with the service's own token; without a client
 * secret the digests go without them, and say so.
 */
@Configuration(proxyBeanMethods = false)
class CpfDeadlinesConfiguration {

    @Bean
    CpfDeadlines cpfDeadlines(GrpcChannelFactory channels, ObjectProvider<ServiceToken> serviceToken,
            ClientDeadlines clients) {
        Optional<ServiceToken> token = Optional.ofNullable(serviceToken.getIfAvailable());
        return new GrpcCpfDeadlines(token.map(own -> CpfTrackingServiceGrpc
                .newBlockingStub(channels.createChannel("beneficiary")).withCallCredentials(own.callCredentials())),
                token, new Downstream("Le service des bénéficiaires", clients.deadline("beneficiary")));
    }
}

package fr.bilan.retention.schedule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

import fr.bilan.proto.session.v1.AssessmentServiceGrpc;
import fr.bilan.support.clients.ClientDeadlines;
import fr.bilan.support.grpc.Downstream;

/** Who may read a schedule or set a hold: session-service's answer, asked as the caller. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean
    BilanAccess bilanAccess(GrpcChannelFactory channels, ClientDeadlines clients) {
        return new BilanAccess(new SessionBilanCentres(AssessmentServiceGrpc.newBlockingStub(
                channels.createChannel("session")), new Downstream("Le service des bilans", clients.deadline("session"))));
    }
}

package fr.bilan.session;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.beneficiary.v1.AgreementServiceGrpc;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.beneficiary.v1.FundingServiceGrpc;
import fr.bilan.session.assessment.FollowUpOffer;
import fr.bilan.session.beneficiary.BeneficiaryDirectory;
import fr.bilan.session.booking.Reservations;
import fr.bilan.session.calendar.CentreProperties;
import fr.bilan.session.feed.CalendarFeedProperties;
import fr.bilan.support.centre.Centres;
import fr.bilan.support.clients.ClientDeadlines;

/** The service's parts that are not components of their own: settings, the store of holds, beneficiary-service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ Centres.class, CalendarFeedProperties.class })
class SessionConfiguration {

    /** The centres' rules and identity, from {@code bilan.centres.*} bound once with service-support's schema. */
    @Bean
    CentreProperties centreProperties(Centres centres) {
        return CentreProperties.from(centres);
    }

    @Bean
    Reservations reservations(MongoDatabase database) {
        return new Reservations(database);
    }

    @Bean
    FollowUpOffer followUpOffer(@Value("${bilan.follow-up.months-after-end:6}") int months) {
        return new FollowUpOffer(months);
    }

    @Bean
    BeneficiaryDirectory beneficiaryDirectory(GrpcChannelFactory channels,
            ClientDeadlines clients) {
        // the channel named beneficiary: spring.grpc.client.channel.beneficiary.*
        var channel = channels.createChannel("beneficiary");
        return new BeneficiaryDirectory(BeneficiaryServiceGrpc.newBlockingStub(channel),
                FundingServiceGrpc.newBlockingStub(channel), AgreementServiceGrpc.newBlockingStub(channel),
                clients.deadline("beneficiary"));
    }
}

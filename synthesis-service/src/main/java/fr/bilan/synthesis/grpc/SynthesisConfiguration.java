package fr.bilan.synthesis.grpc;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.PreconditionFailure;
import com.mongodb.client.MongoDatabase;

import fr.bilan.proto.beneficiary.internal.v1.ConsentCheckServiceGrpc;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc;
import fr.bilan.proto.session.v1.AssessmentServiceGrpc;
import fr.bilan.synthesis.bilan.BilanDirectory;
import fr.bilan.synthesis.content.SectionsMissing;
import fr.bilan.synthesis.content.Syntheses;
import fr.bilan.synthesis.content.SynthesisProperties;
import fr.bilan.synthesis.content.SynthesisRepository;
import fr.bilan.synthesis.document.Finalisation;
import fr.bilan.synthesis.rendering.CentreIdentityMissing;
import fr.bilan.synthesis.rendering.PdfRenderer;
import fr.bilan.synthesis.share.ShareRepository;
import fr.bilan.synthesis.share.Sharing;
import fr.bilan.synthesis.storage.EncryptedDocuments;
import fr.bilan.synthesis.storage.StoredObjectMissing;
import fr.bilan.synthesis.vault.KeyDestroyed;
import fr.bilan.synthesis.vault.MasterKeyUnavailable;
import fr.bilan.synthesis.vault.Sealing;
import fr.bilan.support.clients.ClientDeadlines;
import fr.bilan.support.grpc.Downstream;
import fr.bilan.support.security.ServiceToken;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;

/** The synthèse's stores, the services it asks, and how its refusals read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SynthesisProperties.class)
class SynthesisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SynthesisConfiguration.class);
    private static final String DESTROYED = "Les documents de ce bilan ont été détruits, comme la loi le prévoit à la "
            + "fin de leur durée de conservation.";
    private static final String KEY_UNAVAILABLE = "Ce document ne peut pas être ouvert : la clé de chiffrement qui le "
            + "protège n'est pas configurée sur la plateforme. Le document est intact ; signalez-le à l'exploitant.";

    @Bean
    SynthesisRepository synthesisRepository(MongoDatabase database, Sealing sealing) {
        return new SynthesisRepository(database, sealing);
    }

    @Bean
    ShareRepository shareRepository(MongoDatabase database) {
        return new ShareRepository(database);
    }

    @Bean
    Syntheses syntheses(SynthesisRepository repository, EncryptedDocuments documents, Clock clock) {
        return new Syntheses(repository, documents, clock);
    }

    @Bean
    Finalisation finalisation(Syntheses syntheses, SynthesisRepository repository, BilanDirectory directory,
            PdfRenderer renderer, EncryptedDocuments documents, SynthesisProperties properties, Clock clock) {
        return new Finalisation(syntheses, repository, directory, renderer, documents, properties.zone(), clock);
    }

    @Bean
    Sharing sharing(ShareRepository shares, Syntheses syntheses, BilanDirectory directory,
            SynthesisProperties properties, Clock clock) {
        return new Sharing(shares, syntheses, directory, properties.shareValidity(), clock);
    }

    /** Over the channels {@code session} and {@code beneficiary}: {@code spring.grpc.client.channel.<name>.*}. */
    @Bean
    BilanDirectory bilanDirectory(GrpcChannelFactory channels, ClientDeadlines clients,
            ObjectProvider<ServiceToken> serviceToken) {
        var beneficiaryChannel = channels.createChannel("beneficiary");
        return new BilanDirectory(AssessmentServiceGrpc.newBlockingStub(channels.createChannel("session")),
                BeneficiaryServiceGrpc.newBlockingStub(beneficiaryChannel),
                Optional.ofNullable(serviceToken.getIfAvailable()).map(token -> ConsentCheckServiceGrpc
                        .newBlockingStub(beneficiaryChannel).withCallCredentials(token.callCredentials())),
                new Downstream("Le service des bilans", clients.deadline("session")),
                new Downstream("Le service des bénéficiaires", clients.deadline("beneficiary")));
    }

    /**
     * A synthèse that cannot be final for want of sections names each of them for programs too, as a
     * precondition failure. A centre whose identity is not configured cannot print a legal document, and a bilan whose key
     * was destroyed has no content left: both are refusals with their French reason. So is a final
     * synthèse whose PDF is gone: the purge deletes the PDF before it erases the synthèse itself.
     * A data key whose master key is missing from the keyring is the platform's fault, not the
     * caller's, but no server failure either: refused with its reason, logged for the operator
     * without a stack trace (not {@code UNAVAILABLE}, which the gateway would retry and count against
     * the whole service's circuit breaker). Before service-support's handler, which turns anything
     * else into a bare {@code INTERNAL}.
     */
    @Bean
    @Order(0)
    GrpcExceptionHandler synthesisRefusals() {
        return exception -> {
            if (exception instanceof SectionsMissing missing) {
                return missingSections(missing);
            }
            if (exception instanceof CentreIdentityMissing missing) {
                return Status.FAILED_PRECONDITION.withDescription(missing.getMessage()).asException();
            }
            if (exception instanceof MasterKeyUnavailable unavailable) {
                log.error("{}", unavailable.getMessage());
                return Status.FAILED_PRECONDITION.withDescription(KEY_UNAVAILABLE).asException();
            }
            if (exception instanceof StoredObjectMissing missing) {
                // expected between the purge's two steps; anything else that deleted a recorded PDF shows here
                log.warn("{}: the download is refused as destroyed", missing.getMessage());
            }
            if (exception instanceof KeyDestroyed || exception instanceof StoredObjectMissing) {
                return Status.FAILED_PRECONDITION.withDescription(DESTROYED).asException();
            }
            return null;
        };
    }

    private static StatusException missingSections(SectionsMissing missing) {
        PreconditionFailure.Builder failure = PreconditionFailure.newBuilder();
        missing.missing().forEach(section -> failure.addViolations(PreconditionFailure.Violation.newBuilder()
                .setType("SYNTHESIS_SECTION_MISSING").setSubject(section.name()).setDescription(section.label())));
        return StatusProto.toStatusException(com.google.rpc.Status.newBuilder().setCode(Code.FAILED_PRECONDITION_VALUE)
                .setMessage(missing.frenchReason()).addDetails(Any.pack(failure.build())).build());
    }
}

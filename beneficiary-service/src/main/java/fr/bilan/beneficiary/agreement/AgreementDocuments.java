package fr.bilan.beneficiary.agreement;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.api.HttpBody;

import fr.bilan.proto.synthesis.internal.v1.AgreementParties;
import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc.DocumentRenderingServiceBlockingStub;
import fr.bilan.proto.synthesis.internal.v1.RenderAgreementDocumentRequest;
import fr.bilan.support.security.ConditionalOnServiceCredentials;
import fr.bilan.support.security.ServiceToken;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The agreement as a PDF, rendered by synthesis-service's {@code DocumentRenderingService} (the
 * platform's one renderer: fonts, centre identity, page layout), over the channel
 * {@code synthesis}. Called as the service itself, with its own token: the caller's right to read
 * the agreement was checked here, and synthesis-service renders for platform services only. A
 * call waits, within {@code bilan.clients.synthesis.deadline}, for a synthesis-service that is
 * restarting ({@code waitForReady}).
 * <p>
 * What the caller gets: synthesis-service's {@code FAILED_PRECONDITION} as it is (its French
 * reason, e.g. the centre's identity not configured); {@code UNAVAILABLE} in French when it does
 * not answer in time, or when this service has no credentials of its own
 * ({@code bilan.oidc.client-secret}) to call it; {@code INTERNAL} for anything else, which is a
 * fault between the services, not the caller's.
 */
public class AgreementDocuments {

    static final String UNAVAILABLE = "Le service de génération des documents est momentanément indisponible : "
            + "réessayez dans quelques instants.";
    static final String NO_CREDENTIALS = "La génération des documents n'est pas disponible : ce service n'a pas "
            + "d'identifiants de service pour appeler synthesis-service (" + ConditionalOnServiceCredentials.SECRET_PROPERTY
            + ").";
    private static final Logger log = LoggerFactory.getLogger(AgreementDocuments.class);

    private final DocumentRenderingServiceBlockingStub renderer;
    private final ServiceToken serviceToken;
    private final Duration timeout;

    /**
     * @param renderer     synthesis-service's renderer, without credentials
     * @param serviceToken the service's own token; {@code null} without a client secret, and then
     *                     every rendering is {@code UNAVAILABLE}
     */
    public AgreementDocuments(DocumentRenderingServiceBlockingStub renderer, ServiceToken serviceToken, Duration timeout) {
        this.renderer = renderer;
        this.serviceToken = serviceToken;
        this.timeout = timeout;
        if (serviceToken == null) {
            log.warn("Agreement documents NOT available: no client secret ({} / BILAN_OIDC_CLIENT_SECRET), so no token "
                    + "to call synthesis-service. GetAgreementDocument answers UNAVAILABLE until the service restarts "
                    + "with one.", ConditionalOnServiceCredentials.SECRET_PROPERTY);
        }
    }

    /** The PDF of {@code agreement} (as the API shows it), naming the employee {@code employeeName}. */
    public HttpBody render(fr.bilan.proto.beneficiary.v1.Agreement agreement, String employeeName) {
        if (serviceToken == null) {
            throw Status.UNAVAILABLE.withDescription(NO_CREDENTIALS).asRuntimeException();
        }
        var request = RenderAgreementDocumentRequest.newBuilder().setAgreement(agreement)
                .setParties(AgreementParties.newBuilder().setEmployeeName(employeeName)).build();
        try {
            return renderer.withCallCredentials(serviceToken.callCredentials())
                    .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).withWaitForReady()
                    .renderAgreementDocument(request).getDocument();
        } catch (StatusRuntimeException e) {
            throw answered(agreement.getId(), e.getStatus());
        }
    }

    private StatusRuntimeException answered(String agreementId, Status status) {
        switch (status.getCode()) {
            case FAILED_PRECONDITION:
                return Status.FAILED_PRECONDITION.withDescription(status.getDescription()).asRuntimeException();
            case UNAVAILABLE, DEADLINE_EXCEEDED:
                log.warn("Agreement {} not rendered: synthesis-service did not answer ({} {})", agreementId,
                        status.getCode(), status.getDescription());
                return Status.UNAVAILABLE.withDescription(UNAVAILABLE).asRuntimeException();
            case UNAUTHENTICATED:
                // the token may have been revoked or the keys rotated: the next call asks for a new one
                serviceToken.invalidate();
                log.warn("Agreement {} not rendered: synthesis-service refused the service token ({})", agreementId,
                        status.getDescription());
                return Status.UNAVAILABLE.withDescription(UNAVAILABLE).asRuntimeException();
            default:
                log.error("Agreement {} not rendered: synthesis-service answered {} {}", agreementId, status.getCode(),
                        status.getDescription());
                return Status.INTERNAL.withDescription("Le document de la convention n'a pas pu être produit.")
                        .asRuntimeException();
        }
    }
}

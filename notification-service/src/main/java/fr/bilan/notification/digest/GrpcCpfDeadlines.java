package fr.bilan.notification.digest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.bilan.notification.message.CpfDossierState;
import fr.bilan.proto.beneficiary.internal.v1.CpfTrackingServiceGrpc.CpfTrackingServiceBlockingStub;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesRequest;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesResponse;
import fr.bilan.support.grpc.Downstream;
import fr.bilan.support.security.ServiceToken;
import fr.bilan.support.time.ProtoDates;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * beneficiary-service's {@code CpfTrackingService/ListDueCpfDeadlines}, asked as the service itself (its
 * own token: no person is behind a digest), page after page, each time the digests are built.
 */
public class GrpcCpfDeadlines implements CpfDeadlines {

    private static final String SERVICE = "beneficiary-service's CpfTrackingService";
    /** The largest page beneficiary-service gives: a network's due dossiers in few calls. */
    static final int PAGE_SIZE = 2000;

    private final Optional<CpfTrackingServiceBlockingStub> stub;
    private final Optional<ServiceToken> token;
    private final Downstream beneficiaryService;

    /**
     * @param stub carrying the service's token; empty without service credentials, when the deadlines
     *             are never readable
     */
    public GrpcCpfDeadlines(Optional<CpfTrackingServiceBlockingStub> stub, Optional<ServiceToken> token,
            Downstream beneficiaryService) {
        this.stub = stub;
        this.token = token;
        this.beneficiaryService = beneficiaryService;
    }

    @Override
    public List<DueCpfDossier> dueThrough(LocalDate throughDate) {
        CpfTrackingServiceBlockingStub tracking = stub.orElseThrow(() -> new CpfDeadlinesUnavailable(
                "no service credentials (bilan.oidc.client-secret) to ask " + SERVICE, null));
        List<DueCpfDossier> due = new ArrayList<>();
        String page = "";
        do {
            ListDueCpfDeadlinesResponse answer;
            try {
                answer = beneficiaryService.ready(tracking).listDueCpfDeadlines(ListDueCpfDeadlinesRequest.newBuilder()
                        .setThroughDate(ProtoDates.of(throughDate)).setPageSize(PAGE_SIZE).setPageToken(page).build());
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
                    // a token the service no longer takes: the next call asks for a new one
                    token.ifPresent(ServiceToken::invalidate);
                }
                throw new CpfDeadlinesUnavailable(SERVICE + " answered " + e.getStatus().getCode() + " "
                        + e.getStatus().getDescription(), e);
            }
            for (var dossier : answer.getDossiersList()) {
                due.add(of(dossier));
            }
            page = answer.getNextPageToken();
        } while (!page.isEmpty());
        return due;
    }

    private static DueCpfDossier of(fr.bilan.proto.beneficiary.internal.v1.DueCpfDossier dossier) {
        com.google.type.Date due = dossier.getDeadline().getDueDate();
        try {
            return new DueCpfDossier(dossier.getDossierId(), dossier.getCentreId(), dossier.getConsultantIdsList(),
                    dossier.getDossierNumber(), state(dossier.getState()), dossier.getDeadline().getLabel(),
                    LocalDate.of(due.getYear(), due.getMonth(), due.getDay()));
        } catch (DateTimeException e) {
            // an answer the digest cannot place is no answer: the digests say the deadlines could not be read
            throw new CpfDeadlinesUnavailable(SERVICE + " gave dossier " + dossier.getDossierId()
                    + " a due date that is no day: " + due, e);
        }
    }

    private static CpfDossierState state(fr.bilan.proto.beneficiary.v1.CpfDossierState state) {
        return switch (state) {
            case NOT_PROCESSED -> CpfDossierState.NOT_PROCESSED;
            case VALIDATED -> CpfDossierState.VALIDATED;
            case ACCEPTED -> CpfDossierState.ACCEPTED;
            case IN_TRAINING -> CpfDossierState.IN_TRAINING;
            case TERMINATED -> CpfDossierState.TERMINATED;
            case SERVICE_DONE_DECLARED -> CpfDossierState.SERVICE_DONE_DECLARED;
            case SERVICE_DONE_VALIDATED -> CpfDossierState.SERVICE_DONE_VALIDATED;
            case REFUSED_BY_HOLDER -> CpfDossierState.REFUSED_BY_HOLDER;
            case REFUSED_BY_CENTRE -> CpfDossierState.REFUSED_BY_CENTRE;
            case REFUSED_BY_FINANCER -> CpfDossierState.REFUSED_BY_FINANCER;
            case CANCELLED_BY_HOLDER -> CpfDossierState.CANCELLED_BY_HOLDER;
            case CANCELLED_BY_CENTRE -> CpfDossierState.CANCELLED_BY_CENTRE;
            case CANCELLED_BY_FINANCER -> CpfDossierState.CANCELLED_BY_FINANCER;
            case HOLDER_ABSENT -> CpfDossierState.HOLDER_ABSENT;
            case CPF_DOSSIER_STATE_UNSPECIFIED, UNRECOGNIZED -> CpfDossierState.UNKNOWN;
        };
    }
}

package fr.bilan.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.bilan.proto.beneficiary.internal.v1.CpfTrackingServiceGrpc;
import fr.bilan.proto.beneficiary.internal.v1.DueCpfDossier;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesRequest;
import fr.bilan.proto.beneficiary.internal.v1.ListDueCpfDeadlinesResponse;
import fr.bilan.proto.beneficiary.v1.CpfDeadline;
import fr.bilan.proto.beneficiary.v1.CpfDeadlineAction;
import fr.bilan.proto.beneficiary.v1.CpfDeadlineOwner;
import fr.bilan.proto.beneficiary.v1.CpfDossierState;
import fr.bilan.support.security.Caller;
import fr.bilan.support.time.ProtoDates;
import io.grpc.BindableService;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * beneficiary-service's {@code CpfTrackingService/ListDueCpfDeadlines} as the digests read it, on the
 * test's own port: the dossiers a test puts, due by the asked day (overdue included), the earliest first,
 * two a page (so that the client's paging is exercised), behind the port's real check of the contract's
 * access (role platform-service); {@code UNAVAILABLE} while down. A small stand-in until service-support's
 * {@code FakeCpfTracking} (written on another branch) can take its place.
 */
public final class CpfTrackingStandIn {

    /** Two dossiers a page: a network's list spans several. */
    static final int PAGE = 2;

    /** Who asked, as the port took their token. */
    public final List<Caller> callers = new CopyOnWriteArrayList<>();
    /** The through dates asked, in order. */
    public final List<LocalDate> asked = new CopyOnWriteArrayList<>();
    private final List<DueCpfDossier> dossiers = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private final BindableService service = new CpfTrackingServiceGrpc.CpfTrackingServiceImplBase() {
                @Override
                public void listDueCpfDeadlines(ListDueCpfDeadlinesRequest request,
                        StreamObserver<ListDueCpfDeadlinesResponse> response) {
                    // the port let it through only with the role platform-service (the contract's access option)
                    callers.add(Caller.current());
                    if (down) {
                        response.onError(Status.UNAVAILABLE.withDescription("down for the test").asRuntimeException());
                        return;
                    }
                    LocalDate through = day(request.getThroughDate());
                    asked.add(through);
                    List<DueCpfDossier> due = new ArrayList<>(dossiers.stream()
                            .filter(d -> request.getCentreId().isEmpty() || d.getCentreId().equals(request.getCentreId()))
                            .filter(d -> !day(d).isAfter(through))
                            .sorted(Comparator.comparing(CpfTrackingStandIn::day)).toList());
                    int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
                    int to = Math.min(due.size(), from + PAGE);
                    response.onNext(ListDueCpfDeadlinesResponse.newBuilder().addAllDossiers(due.subList(from, to))
                            .setNextPageToken(to < due.size() ? Integer.toString(to) : "").build());
                    response.onCompleted();
                }
            };

    private static LocalDate day(DueCpfDossier dossier) {
        return day(dossier.getDeadline().getDueDate());
    }

    private static LocalDate day(com.google.type.Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    public BindableService bindable() {
        return service;
    }

    /** A dossier with a deadline of the centre due on {@code due}, its beneficiary followed by {@code consultants}. */
    public void put(String dossierId, String centreId, String number, LocalDate due, LocalDate today,
            String... consultants) {
        dossiers.add(DueCpfDossier.newBuilder().setDossierId(dossierId).setCentreId(centreId)
                .setBeneficiaryId("beneficiary-of-" + dossierId).addAllConsultantIds(List.of(consultants))
                .setDossierNumber(number).setState(CpfDossierState.ACCEPTED)
                .setDeadline(CpfDeadline.newBuilder().setAction(CpfDeadlineAction.DECLARE_ENTRY)
                        .setOwner(CpfDeadlineOwner.CENTRE).setDueDate(ProtoDates.of(due)).setOverdue(due.isBefore(today))
                        .setLabel("Déclarer l'entrée en formation au plus tard le " + due))
                .build());
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** Back to no dossier, up, nothing asked. */
    public void reset() {
        dossiers.clear();
        asked.clear();
        callers.clear();
        down = false;
    }
}

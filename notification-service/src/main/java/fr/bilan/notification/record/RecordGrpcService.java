package fr.bilan.notification.record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.bilan.notification.message.DeliveryOutcome;
import fr.bilan.notification.message.Notification;
import fr.bilan.proto.notification.v1.ListNotificationsRequest;
import fr.bilan.proto.notification.v1.ListNotificationsResponse;
import fr.bilan.proto.notification.v1.NotificationServiceGrpc;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.paging.PageTokens;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.security.Caller;
import io.grpc.stub.StreamObserver;

/**
 * {@code NotificationService.ListNotifications}: a centre's record of messages, a page at a time. One RPC of
 * the service, bound with the others by {@code NotificationServiceBinding}.
 */
@Component
public class RecordGrpcService implements NotificationServiceGrpc.AsyncService {

    private final NotificationRecords records;

    RecordGrpcService(NotificationRecords records) {
        this.records = records;
    }

    @Override
    public void listNotifications(ListNotificationsRequest request, StreamObserver<ListNotificationsResponse> response) {
        FieldViolations violations = new FieldViolations()
                .requireText("centre_id", request.getCentreId(), Lookups.MAX_ID_LENGTH);
        if (!request.getBeneficiaryId().isEmpty()) {
            violations.requireText("beneficiary_id", request.getBeneficiaryId(), Lookups.MAX_ID_LENGTH);
        }
        if (request.getOutcome() == fr.bilan.proto.notification.v1.DeliveryOutcome.UNRECOGNIZED) {
            violations.add("outcome", "Issue inconnue : PENDING, SENT, UNDELIVERABLE, FAILED ou WITHDRAWN.");
        }
        int size = PageTokens.pageSize(request.getPageSize(), PageTokens.MAX_PAGE_SIZE, violations);
        violations.throwIfAny();
        DeliveryOutcome outcome = RecordMessages.outcome(request.getOutcome());
        String beneficiaryId = request.getBeneficiaryId().isEmpty() ? null : request.getBeneficiaryId();
        PageTokens tokens = PageTokens.boundTo(request.getCentreId(), outcome, beneficiaryId);
        Optional<List<String>> position = tokens.positionOf(request.getPageToken(), 2);
        Instant afterDue = position.map(p -> PageTokens.instantOf(p.get(0))).orElse(null);
        String afterId = position.map(p -> p.get(1)).orElse(null);

        NotificationRecords.Page page = records.list(Caller.current(), request.getCentreId(), outcome, beneficiaryId,
                afterDue, afterId, size);
        ListNotificationsResponse.Builder answer = ListNotificationsResponse.newBuilder();
        page.items().forEach(n -> answer.addNotifications(RecordMessages.toProto(n)));
        if (page.more()) {
            Notification last = page.items().get(page.items().size() - 1);
            answer.setNextPageToken(tokens.after(String.valueOf(last.dueTime().toEpochMilli()), last.id()));
        }
        response.onNext(answer.build());
        response.onCompleted();
    }
}

package fr.bilan.notification.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.bilan.notification.NotificationServiceContext;
import fr.bilan.support.testing.NotificationIntakeContract;
import io.grpc.Channel;

/** notification-service's intake keeps the contract the producers' stand-in (FakeNotificationIntake) keeps. */
@NotificationServiceContext
class NotificationIntakeContractTest extends NotificationIntakeContract {

    @Autowired
    private MongoDatabase database;

    @Override
    protected Channel notifications() {
        return channel();
    }

    /** The fact is recorded in the service's own store, under its event id and bilan. */
    @Override
    protected void assertKeptHere(String eventId, String assessmentId) {
        Document fact = database.getCollection(FactRepository.COLLECTION).find(Filters.eq("_id", eventId)).first();
        assertThat(fact).isNotNull();
        assertThat(fact.toJson()).contains(assessmentId);
    }
}

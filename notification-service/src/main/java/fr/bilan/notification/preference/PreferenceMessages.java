package fr.bilan.notification.preference;

import fr.bilan.proto.notification.v1.UpdateNotificationPreferencesRequest;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.support.resources.Lookups;
import fr.bilan.support.time.ProtoTime;

/** A beneficiary's choices as the contract carries them. */
final class PreferenceMessages {

    static String beneficiaryId(String beneficiaryId) {
        new FieldViolations().requireText("beneficiary_id", beneficiaryId, Lookups.MAX_ID_LENGTH).throwIfAny();
        return beneficiaryId;
    }

    /** Checks an update; refuses it field by field ({@code INVALID_ARGUMENT}). */
    static boolean remindersEnabled(UpdateNotificationPreferencesRequest request) {
        FieldViolations violations = new FieldViolations()
                .requireText("beneficiary_id", request.getBeneficiaryId(), Lookups.MAX_ID_LENGTH);
        if (!request.hasPreferences()) {
            violations.add("preferences", "Indiquez les choix du bénéficiaire (reminders_enabled).");
        }
        violations.throwIfAny();
        return request.getPreferences().getRemindersEnabled();
    }

    static fr.bilan.proto.notification.v1.NotificationPreferences toProto(NotificationPreferences preferences) {
        var proto = fr.bilan.proto.notification.v1.NotificationPreferences.newBuilder()
                .setBeneficiaryId(preferences.beneficiaryId()).setRemindersEnabled(preferences.remindersEnabled());
        if (preferences.updateTime() != null) {
            proto.setUpdateTime(ProtoTime.of(preferences.updateTime()));
        }
        return proto.build();
    }

    private PreferenceMessages() {
    }
}

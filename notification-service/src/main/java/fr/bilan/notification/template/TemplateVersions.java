package fr.bilan.notification.template;

import java.util.Locale;

import fr.bilan.notification.message.NotificationKind;

/**
 * The current version of each kind's template. A change of wording is a new version (a new folder
 * beside the old one, then its number here), so that each message records which wording it was sent
 * with and the previous wording stays readable; the switch is exhaustive: a new kind does not compile
 * without its template.
 */
final class TemplateVersions {

    private TemplateVersions() {
    }

    /** {@code convocation/v1}: the folder of its files under {@code templates/messages/}, and what is recorded. */
    static String current(NotificationKind kind) {
        return folder(kind) + "/v" + switch (kind) {
            case CONVOCATION -> 1;
            case SESSION_CHANGED -> 1;
            case SESSION_CANCELLED -> 1;
            case SESSION_REMINDER -> 1;
            case AGREEMENT_AWAITING_SIGNATURE -> 1;
            case AGREEMENT_SIGNATURE_REMINDER -> 1;
            case SYNTHESIS_AVAILABLE -> 1;
            case STAFF_DIGEST -> 2;
            case SURVEY_INVITATION, SURVEY_REMINDER -> 1;
            case FUNDER_SURVEY_INVITATION, FUNDER_SURVEY_REMINDER -> 1;
            case FOLLOW_UP_ACCEPTED -> 1;
        };
    }

    private static String folder(NotificationKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package fr.bilan.quality.funder;

import fr.bilan.proto.quality.v1.FunderSurvey;
import fr.bilan.proto.quality.v1.RecordFunderRequest;
import fr.bilan.proto.quality.v1.SurveyState;
import fr.bilan.quality.bilan.FunderKind;
import fr.bilan.quality.survey.Survey;
import fr.bilan.quality.survey.staff.SurveyMessages;

/** The funders as the contract carries them: their survey without its answers nor any link. */
final class FunderMessages {

    private FunderMessages() {
    }

    /** The funder the request records. */
    static FunderDraft toDraft(RecordFunderRequest request) {
        var funder = request.getFunder();
        return new FunderDraft(funder.getId(), kind(funder.getKind()), funder.getName(), funder.getSiret(),
                funder.hasContact() ? new FunderContact(funder.getContact().getName(),
                        funder.getContact().getEmailAddress()) : null);
    }

    static fr.bilan.proto.quality.v1.Funder toProto(Funder funder, Survey survey) {
        var message = fr.bilan.proto.quality.v1.Funder.newBuilder().setId(funder.id()).setKind(kind(funder.kind()))
                .setName(funder.name()).setSiret(funder.siret())
                .setOrigin(fr.bilan.proto.quality.v1.FunderOrigin.valueOf("FUNDER_" + funder.origin().name()))
                .setBilanCount(funder.bilanCount());
        if (funder.contact() != null) {
            message.setContact(fr.bilan.proto.quality.v1.FunderContact.newBuilder().setName(funder.contact().name())
                    .setEmailAddress(funder.contact().emailAddress()));
        }
        if (survey != null) {
            message.setSurvey(toProto(survey));
        }
        return message.build();
    }

    private static FunderSurvey toProto(Survey survey) {
        var message = FunderSurvey.newBuilder().setId(survey.id()).setYear(survey.year())
                .setState(SurveyState.valueOf(survey.state().name()));
        SurveyMessages.times(survey, message::setSentTime, message::addReminderTimes, message::setAnswerTime,
                message::setExpireTime);
        return message.build();
    }

    private static fr.bilan.proto.quality.v1.FunderKind kind(FunderKind kind) {
        return fr.bilan.proto.quality.v1.FunderKind.valueOf("FUNDER_" + kind.name());
    }

    /** The kind given; null for none or an unknown one. */
    private static FunderKind kind(fr.bilan.proto.quality.v1.FunderKind kind) {
        return switch (kind) {
            case FUNDER_KIND_UNSPECIFIED, UNRECOGNIZED -> null;
            default -> FunderKind.valueOf(kind.name().substring("FUNDER_".length()));
        };
    }
}

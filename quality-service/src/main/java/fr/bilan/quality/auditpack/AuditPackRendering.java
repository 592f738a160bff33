package fr.bilan.quality.auditpack;

import java.time.Duration;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.type.Date;

import fr.bilan.proto.synthesis.internal.v1.AuditPackBilan;
import fr.bilan.proto.synthesis.internal.v1.AuditPackComplaint;
import fr.bilan.proto.synthesis.internal.v1.AuditPackFollowUp;
import fr.bilan.proto.synthesis.internal.v1.AuditPackPhase;
import fr.bilan.proto.synthesis.internal.v1.AuditPackSurvey;
import fr.bilan.proto.synthesis.internal.v1.AuditPackTotals;
import fr.bilan.proto.synthesis.internal.v1.DocumentRenderingServiceGrpc.DocumentRenderingServiceBlockingStub;
import fr.bilan.proto.synthesis.internal.v1.RenderAuditPackRequest;
import fr.bilan.quality.auditpack.AuditPack.Line;
import fr.bilan.support.grpc.Downstream;
import fr.bilan.support.security.ConditionalOnServiceCredentials;
import fr.bilan.support.security.ServiceToken;
import fr.bilan.support.time.ProtoDates;
import fr.bilan.support.time.ProtoTime;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The audit pack as a PDF/A, rendered by synthesis-service's {@code DocumentRenderingService} (the
 * platform's one renderer of legal documents: fonts, centre identity, PDF/A and PDF/UA) over the channel
 * {@code synthesis}, as the service itself with its own token: the caller's right to read the pack was
 * checked here, and synthesis-service renders for platform services only. A call waits, within
 * {@code bilan.clients.synthesis.deadline}, for a synthesis-service that is restarting ({@link Downstream}).
 * <p>
 * What the caller gets: synthesis-service's refusals as they are (its French reason, e.g. the centre's
 * identity not configured); {@code UNAVAILABLE} in French when it does not answer in time, refuses this
 * service's token, or when this service has no credentials of its own.
 */
class AuditPackRendering {

    static final String NO_CREDENTIALS = "La génération des documents n'est pas disponible : ce service n'a pas "
            + "d'identifiants de service pour appeler synthesis-service (" + ConditionalOnServiceCredentials.SECRET_PROPERTY
            + ").";
    private static final Logger log = LoggerFactory.getLogger(AuditPackRendering.class);

    private final DocumentRenderingServiceBlockingStub renderer;
    private final ServiceToken serviceToken;
    private final Downstream synthesis;

    /** @param serviceToken the service's own token; {@code null} without a client secret: every rendering is then {@code UNAVAILABLE} */
    AuditPackRendering(DocumentRenderingServiceBlockingStub renderer, ServiceToken serviceToken, Duration timeout) {
        this.renderer = renderer;
        this.serviceToken = serviceToken;
        this.synthesis = new Downstream("Le service de génération des documents", timeout);
        if (serviceToken == null) {
            log.warn("Audit pack PDFs NOT available: no client secret ({} / BILAN_OIDC_CLIENT_SECRET), so no token to "
                    + "call synthesis-service. GetAuditPackDocument answers UNAVAILABLE until the service restarts "
                    + "with one.", ConditionalOnServiceCredentials.SECRET_PROPERTY);
        }
    }

    /** The PDF of {@code pack}. */
    byte[] render(AuditPack pack) {
        if (serviceToken == null) {
            throw Status.UNAVAILABLE.withDescription(NO_CREDENTIALS).asRuntimeException();
        }
        try {
            return synthesis.call(() -> synthesis.ready(renderer.withCallCredentials(serviceToken.callCredentials()))
                    .renderAuditPack(request(pack))).getDocument().getData().toByteArray();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.UNAUTHENTICATED) {
                throw e;
            }
            // the token may have been revoked or the keys rotated: the next call asks for a new one
            serviceToken.invalidate();
            log.warn("Audit pack of centre {} not rendered: synthesis-service refused the service token ({})",
                    pack.centreId(), e.getStatus().getDescription());
            throw Status.UNAVAILABLE.withDescription("Le service de génération des documents n'a pas accepté notre "
                    + "identification : réessayez dans un instant.").asRuntimeException();
        }
    }

    static RenderAuditPackRequest request(AuditPack pack) {
        var message = fr.bilan.proto.synthesis.internal.v1.AuditPack.newBuilder().setCentreId(pack.centreId())
                .setStartDate(ProtoDates.of(pack.period().firstDay())).setEndDate(ProtoDates.of(pack.period().lastDay()))
                .setGenerateTime(ProtoTime.of(pack.generateTime())).setTimeZone(pack.zone().getId());
        pack.lines().forEach(line -> message.addBilans(bilan(line)));
        AuditPack.Totals totals = pack.totals();
        message.setTotals(AuditPackTotals.newBuilder().setBilans(totals.bilans()).setInProgress(totals.inProgress())
                .setCompleted(totals.completed()).setDropOuts(totals.dropOuts())
                .setPlannedMinutes(totals.plannedMinutes()).setDeliveredMinutes(totals.deliveredMinutes())
                .setSessionsAttended(totals.sessionsAttended()).setSessionsMissed(totals.sessionsMissed())
                .setAgreementsSigned(totals.agreementsSigned()).setSynthesesHandedOver(totals.synthesesHandedOver())
                .setEndOfBilanSurveysSent(totals.endOfBilanSurveysSent())
                .setEndOfBilanSurveysAnswered(totals.endOfBilanSurveysAnswered())
                .setFollowUpSurveysSent(totals.followUpSurveysSent())
                .setFollowUpSurveysAnswered(totals.followUpSurveysAnswered()).setFollowUpsHeld(totals.followUpsHeld())
                .setComplaints(totals.complaints()).setComplaintsAnswered(totals.complaintsAnswered()));
        return RenderAuditPackRequest.newBuilder().setPack(message).build();
    }

    private static AuditPackBilan bilan(Line line) {
        AuditPackBilan.Builder bilan = AuditPackBilan.newBuilder().setPseudonym(line.pseudonym())
                .setOutcome(AuditPackLabels.outcome(line.outcome()))
                .setDropOutReason(line.dropOutReason().map(AuditPackLabels::dropOutReason).orElse(""));
        day(line.agreementSignDate(), bilan::setAgreementSignDate);
        day(line.startDate(), bilan::setStartDate);
        day(line.endDate(), bilan::setEndDate);
        day(line.synthesisHandoverDate(), bilan::setSynthesisHandoverDate);
        line.phases().forEach(hours -> bilan.addPhases(AuditPackPhase.newBuilder().setPhase(hours.phase().name())
                .setPlannedMinutes(hours.plannedMinutes()).setDeliveredMinutes(hours.deliveredMinutes())
                .setSessionsPlanned(hours.sessionsPlanned()).setSessionsAttended(hours.sessionsAttended())
                .setSessionsMissed(hours.sessionsMissed())));
        line.surveys().forEach(survey -> {
            AuditPackSurvey.Builder message = AuditPackSurvey.newBuilder().setKind(survey.kind())
                    .setState(AuditPackLabels.surveyState(survey.state()));
            day(survey.sentDate(), message::setSentDate);
            survey.reminderDates().forEach(reminder -> message.addReminderDates(ProtoDates.of(reminder)));
            day(survey.answerDate(), message::setAnswerDate);
            day(survey.expireDate(), message::setExpireDate);
            bilan.addSurveys(message);
        });
        if (line.followUp() != null) {
            AuditPack.FollowUpDates followUp = line.followUp();
            AuditPackFollowUp.Builder message = AuditPackFollowUp.newBuilder()
                    .setState(AuditPackLabels.followUpState(followUp.state()))
                    .setSituation(AuditPackLabels.situation(followUp.situation()));
            day(followUp.dueDate(), message::setDueDate);
            day(followUp.offerDate(), message::setOfferDate);
            day(followUp.answerDate(), message::setAnswerDate);
            day(followUp.heldDate(), message::setHeldDate);
            bilan.setFollowUp(message);
        }
        line.complaints().forEach(complaint -> {
            AuditPackComplaint.Builder message = AuditPackComplaint.newBuilder();
            day(complaint.receivedDate(), message::setReceivedDate);
            day(complaint.acknowledgedDate(), message::setAcknowledgedDate);
            day(complaint.answeredDate(), message::setAnsweredDate);
            bilan.addComplaints(message);
        });
        return bilan.build();
    }

    private static void day(LocalDate day, java.util.function.Consumer<Date> set) {
        if (day != null) {
            set.accept(ProtoDates.of(day));
        }
    }
}

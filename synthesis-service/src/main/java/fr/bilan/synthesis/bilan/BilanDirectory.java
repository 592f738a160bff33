package fr.bilan.synthesis.bilan;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.bilan.proto.beneficiary.internal.v1.ConsentCheckServiceGrpc.ConsentCheckServiceBlockingStub;
import fr.bilan.proto.beneficiary.v1.BeneficiaryServiceGrpc.BeneficiaryServiceBlockingStub;
import fr.bilan.proto.beneficiary.v1.CheckConsentRequest;
import fr.bilan.proto.beneficiary.v1.ConsentKind;
import fr.bilan.proto.beneficiary.v1.GetBeneficiaryRequest;
import fr.bilan.proto.session.v1.Assessment;
import fr.bilan.proto.session.v1.AssessmentServiceGrpc.AssessmentServiceBlockingStub;
import fr.bilan.proto.session.v1.GetAssessmentRequest;
import fr.bilan.proto.session.v1.ListSessionsRequest;
import fr.bilan.proto.session.v1.PhaseHours;
import fr.bilan.proto.session.v1.Session;
import fr.bilan.proto.session.v1.SessionStatus;
import fr.bilan.support.grpc.Downstream;
import fr.bilan.support.time.ProtoTime;


import io.grpc.Status;

/**
 * What synthesis-service asks the other services. With the caller's own token: the bilan and its
 * sessions (session-service answers only its beneficiary, its consultant and its centre's managers),
 * the beneficiary (beneficiary-service answers only those who may read them), a consent. With the
 * service's own token, for a recipient who has no account: whether a sharing consent still holds
 * (beneficiary-service's internal consent check: no published RPC admits a service's token).
 */
public class BilanDirectory {

    /** The three phases of R6313-4, whose hours the synthèse states; the intake and the follow-up are not. */
    private static final Set<Phase> COUNTED = EnumSet.of(Phase.PRELIMINARY, Phase.INVESTIGATION, Phase.CONCLUSION);

    private final AssessmentServiceBlockingStub assessments;
    private final BeneficiaryServiceBlockingStub beneficiaries;
    private final Optional<ConsentCheckServiceBlockingStub> consentsAsService;
    private final Downstream sessions;
    private final Downstream beneficiaryService;

    /**
     * @param consentsAsService beneficiary-service's internal consent check, carrying the service's
     *                          token; empty without service credentials
     */
    public BilanDirectory(AssessmentServiceBlockingStub assessments, BeneficiaryServiceBlockingStub beneficiaries,
            Optional<ConsentCheckServiceBlockingStub> consentsAsService, Downstream sessions,
            Downstream beneficiaryService) {
        this.assessments = assessments;
        this.beneficiaries = beneficiaries;
        this.consentsAsService = consentsAsService;
        this.sessions = sessions;
        this.beneficiaryService = beneficiaryService;
    }

    /** The bilan, if the caller may read it in session-service (its refusals come back as they are). */
    public Bilan bilan(String assessmentId) {
        Assessment assessment = sessions.call(() -> sessions.asCaller(assessments)
                .getAssessment(GetAssessmentRequest.newBuilder().setId(assessmentId).build())).getAssessment();
        Map<Phase, Duration> attended = new EnumMap<>(Phase.class);
        for (PhaseHours hours : assessment.getHours().getPhasesList()) {
            Phase phase = phase(hours.getPhase());
            if (phase != null) {
                attended.put(phase, Duration.ofSeconds(hours.getAttended().getSeconds(), hours.getAttended().getNanos()));
            }
        }
        return new Bilan(assessment.getId(), assessment.getBeneficiaryId(), assessment.getCentreId(),
                assessment.getConsultantId(), state(assessment.getState()), attended,
                assessment.hasActionEndTime() ? ProtoTime.toInstant(assessment.getActionEndTime()) : null);
    }

    /** How {@code bilan} ran, as its synthèse states it: its sessions are read as the caller. */
    public BilanCourse course(Bilan bilan, ZoneId zone) {
        List<Session> held = sessions.call(() -> sessions.asCaller(assessments)
                .listSessions(ListSessionsRequest.newBuilder().setAssessmentId(bilan.id()).build())).getSessionsList();
        return course(bilan, held, zone);
    }

    /**
     * The action starts with the first session of the three phases held with the beneficiary (a
     * missed, cancelled or planned one, the intake and the follow-up do not start it) and ends when
     * session-service says; the hours are session-service's, attended only, per phase.
     */
    static BilanCourse course(Bilan bilan, List<Session> sessions, ZoneId zone) {
        LocalDate start = sessions.stream()
                .filter(session -> session.getStatus() == SessionStatus.ATTENDED
                        && COUNTED.contains(phase(session.getPhase())))
                .map(session -> ProtoTime.toInstant(session.getStartTime())).min(Comparator.naturalOrder())
                .map(instant -> LocalDate.ofInstant(instant, zone)).orElse(null);
        LocalDate end = bilan.actionEnd() == null ? null : LocalDate.ofInstant(bilan.actionEnd(), zone);
        return new BilanCourse(start, end, bilan.attended(Phase.PRELIMINARY), bilan.attended(Phase.INVESTIGATION),
                bilan.attended(Phase.CONCLUSION));
    }

    /** The beneficiary, if the caller may read them in beneficiary-service. */
    public Beneficiary beneficiary(String beneficiaryId) {
        var beneficiary = beneficiaryService.call(() -> beneficiaryService.asCaller(beneficiaries)
                .getBeneficiary(GetBeneficiaryRequest.newBuilder().setId(beneficiaryId).build())).getBeneficiary();
        return new Beneficiary(beneficiary.getId(), beneficiary.getAccountId(), beneficiary.getGivenName(),
                beneficiary.getFamilyName());
    }

    /** Whether the beneficiary's consent to share the synthèse with {@code recipient} holds now, asked as the caller. */
    public boolean sharingConsented(String beneficiaryId, Recipient recipient) {
        return beneficiaryService.call(() -> beneficiaryService.asCaller(beneficiaries)
                .checkConsent(sharingConsent(beneficiaryId, recipient))).getGranted();
    }

    /** The same, asked as the service itself: for a recipient downloading, who has no token. */
    public boolean sharingStillConsented(String beneficiaryId, Recipient recipient) {
        ConsentCheckServiceBlockingStub stub = consentsAsService.orElseThrow(() -> Status.UNAVAILABLE
                .withDescription("Le service ne peut pas vérifier le consentement du bénéficiaire pour l'instant.")
                .asRuntimeException());
        return beneficiaryService.call(() -> beneficiaryService.ready(stub)
                .checkConsent(fr.bilan.proto.beneficiary.internal.v1.CheckConsentRequest.newBuilder()
                        .setBeneficiaryId(beneficiaryId).setKind(ConsentKind.SYNTHESIS_SHARING)
                        .setRecipient(RecipientMessages.toProto(recipient))
                        .build())).getGranted();
    }

    private static CheckConsentRequest sharingConsent(String beneficiaryId, Recipient recipient) {
        return CheckConsentRequest.newBuilder().setBeneficiaryId(beneficiaryId).setKind(ConsentKind.SYNTHESIS_SHARING)
                .setRecipient(RecipientMessages.toProto(recipient)).build();
    }

    /** Our phase for session-service's; {@code null} for one it does not name. */
    private static Phase phase(fr.bilan.proto.session.v1.Phase phase) {
        return switch (phase) {
            case INTAKE -> Phase.INTAKE;
            case PRELIMINARY_PHASE -> Phase.PRELIMINARY;
            case INVESTIGATION_PHASE -> Phase.INVESTIGATION;
            case CONCLUSION_PHASE -> Phase.CONCLUSION;
            case FOLLOW_UP_PHASE -> Phase.FOLLOW_UP;
            default -> null;
        };
    }

    private static BilanState state(fr.bilan.proto.session.v1.AssessmentState state) {
        return switch (state) {
            case INTAKE_INTERVIEW -> BilanState.INTAKE_INTERVIEW;
            case FUNDING_AGREED -> BilanState.FUNDING_AGREED;
            case PRELIMINARY -> BilanState.PRELIMINARY;
            case INVESTIGATION -> BilanState.INVESTIGATION;
            case CONCLUSION -> BilanState.CONCLUSION;
            case ACTION_ENDED -> BilanState.ACTION_ENDED;
            case FOLLOW_UP -> BilanState.FOLLOW_UP;
            default -> null;
        };
    }
}

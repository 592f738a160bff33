package fr.bilan.quality.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.bilan.quality.bilan.BilanRecord;
import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.support.audit.AccessLog;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.centre.Centres;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.refusal.RuleRefusal;
import fr.bilan.support.security.Caller;

/**
 * What people do with a bilan's follow-up: read it (its beneficiary, its consultant, its centre's managers;
 * each read goes to the beneficiary's access log), list a centre's (its managers all, its consultants theirs;
 * each follow-up listed goes to its beneficiary's access log, as a read of it does), record the beneficiary's
 * answer (the consultant, on their word, or the beneficiary from the "à froid" survey's link, which tells the
 * consultant) and the outcome of the interview held (the consultant). Days are the centre's.
 */
@Service
public class FollowUpDesk implements FollowUpAnswers {

    private static final Logger log = LoggerFactory.getLogger(FollowUpDesk.class);

    private final FollowUps followUps;
    private final BilanRecords bilans;
    private final BeneficiaryAccounts accounts;
    private final AccessLog accessLog;
    private final Centres centres;
    private final Clock clock;

    FollowUpDesk(FollowUps followUps, BilanRecords bilans, BeneficiaryAccounts accounts, AccessLog accessLog,
            Centres centres, Clock clock) {
        this.followUps = followUps;
        this.bilans = bilans;
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.centres = centres;
        this.clock = clock;
    }

    /**
     * The follow-up of a bilan as {@code caller} may read it; while the action runs, a scheduled one
     * without a date (it is set at the end).
     */
    public FollowUp get(Caller caller, String assessmentId) {
        BilanRecord bilan = requireBilan(assessmentId);
        FollowUpAccess.checkRead(caller, bilan, () -> accounts.accountOf(bilan.beneficiaryId()).orElse(""));
        FollowUp followUp = followUps.byId(assessmentId).orElseGet(() -> new FollowUp(assessmentId, bilan.centreId(),
                bilan.consultantId(), FollowUpState.SCHEDULED, null, null, null, null, null, null, false,
                bilan.followUpSessionTime(), null, 0));
        accessLog.record(caller, accessed(bilan));
        return followUp;
    }

    /** A page of a centre's follow-ups, and where the next resumes ({@code null} on the last). */
    public record Page(List<FollowUp> followUps, FollowUps.ListPosition next) {
    }

    /**
     * At most {@code size} follow-ups of {@code centreId} as {@code caller} may list them, only in
     * {@code states} when not empty, by due date then bilan, after {@code after} when not {@code null}.
     */
    public Page list(Caller caller, String centreId, Set<FollowUpState> states, FollowUps.ListPosition after,
            int size) {
        String consultant = FollowUpAccess.listedConsultant(caller, centreId);
        List<FollowUp> read = followUps.ofCentre(centreId, consultant, states, after, size + 1);
        List<FollowUp> page = read.subList(0, Math.min(size, read.size()));
        Map<String, BilanRecord> bilansListed = bilans.byIds(page.stream().map(FollowUp::assessmentId).toList())
                .stream().collect(Collectors.toMap(BilanRecord::assessmentId, Function.identity()));
        // a follow-up whose bilan's facts are gone is being purged with them: nobody's data to log, none shown
        List<FollowUp> shown = page.stream().filter(followUp -> bilansListed.containsKey(followUp.assessmentId()))
                .toList();
        accessLog.recordAll(caller, shown.stream().map(followUp -> accessed(bilansListed.get(followUp.assessmentId())))
                .toList());
        FollowUp last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page(shown, read.size() > size ? new FollowUps.ListPosition(last.dueDate(), last.assessmentId())
                : null);
    }

    /** The beneficiary's answer, as they gave it to the consultant. */
    public FollowUp recordAnswer(Caller caller, String assessmentId, boolean accepted) {
        BilanRecord bilan = requireBilan(assessmentId);
        FollowUpAccess.checkConsultant(caller, bilan);
        Instant now = clock.instant();
        FollowUp answered = requireEnded(FollowUpChanges.apply(followUps, assessmentId,
                followUp -> followUp.answered(accepted, AnswerChannel.CONSULTANT_RECORDED, now)));
        accessLog.record(caller, accessed(bilan));
        return answered;
    }

    /** The outcome of the interview held on {@code heldDate}; recording it again corrects it. */
    public FollowUp recordOutcome(Caller caller, String assessmentId, LocalDate heldDate, Situation situation,
            boolean actionPlanStarted) {
        BilanRecord bilan = requireBilan(assessmentId);
        FollowUpAccess.checkConsultant(caller, bilan);
        LocalDate today = LocalDate.ofInstant(clock.instant(), centres.of(bilan.centreId()).zoneId());
        FollowUp held = requireEnded(FollowUpChanges.apply(followUps, assessmentId,
                followUp -> followUp.held(heldDate, situation, actionPlanStarted, today)));
        accessLog.record(caller, accessed(bilan));
        return held;
    }

    /**
     * An acceptance tells the bilan's consultant, when it has one, in the same write (the follow-up notice).
     * An answer the follow-up no longer takes (held already, or never offered) is left aside: the survey's
     * own answers stand, and the page is not the place to refuse them.
     */
    @Override
    public void answeredFromLink(String assessmentId, boolean accepted, Instant when) {
        try {
            FollowUpChanges.apply(followUps, assessmentId,
                    followUp -> followUp.answered(accepted, AnswerChannel.SURVEY_LINK, when),
                    (read, answered) -> answered.acceptedFromTheLinkSince(read) && !answered.consultantId().isEmpty());
        } catch (RuleRefusal refused) {
            log.info("Follow-up answer from the survey link of assessment {} left aside: {}", assessmentId,
                    refused.frenchReason());
        }
    }

    private BilanRecord requireBilan(String assessmentId) {
        return bilans.byId(assessmentId).orElseThrow(() -> new NotFound("Ce bilan est inconnu du service qualité."));
    }

    private static FollowUp requireEnded(Optional<FollowUp> followUp) {
        return followUp.orElseThrow(() -> new RuleRefusal("L'action de ce bilan n'est pas terminée : l'entretien de "
                + "suivi vient après sa fin."));
    }

    private static AccessedData accessed(BilanRecord bilan) {
        return AccessedData.of(FollowUpRepository.COLLECTION, bilan.assessmentId(), bilan.beneficiaryId(),
                bilan.centreId());
    }
}

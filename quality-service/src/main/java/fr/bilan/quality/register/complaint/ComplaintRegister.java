package fr.bilan.quality.register.complaint;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.stereotype.Service;

import fr.bilan.quality.bilan.BilanRecords;
import fr.bilan.quality.register.CentreDays;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * A centre's register of complaints: records them (once per request), their acknowledgement and
 * answer, and lists them for a period. Each operation checks everything before writing one document.
 */
@Service
public class ComplaintRegister {

    private final Complaints complaints;
    private final BilanRecords bilans;
    private final CentreDays days;

    ComplaintRegister(Complaints complaints, BilanRecords bilans, CentreDays days) {
        this.complaints = complaints;
        this.bilans = bilans;
        this.days = days;
    }

    /**
     * Records a complaint received; {@code requestKey} the caller's request: a retry answers the complaint
     * it recorded, another complaint under it is refused.
     */
    public Complaint record(NewComplaint complaint, String requestKey) {
        Complaint.check(complaint, days.today(complaint.centreId()));
        if (!complaint.assessmentId().isEmpty()) {
            bilans.byId(complaint.assessmentId()).filter(bilan -> bilan.centreId().equals(complaint.centreId()))
                    .orElseThrow(() -> new RuleRefusal("Le bilan indiqué n'est pas un bilan connu de ce centre : "
                            + "vérifiez son identifiant, ou enregistrez la réclamation sans bilan."));
        }
        return complaints.recordOnce(Complaint.received(UUID.randomUUID().toString(), complaint, days.now(), requestKey),
                kept -> kept.recordedFrom(complaint), "Cet identifiant de requête a déjà servi pour une autre réclamation.");
    }

    /** Records the acknowledgement of a centre's complaint on {@code day}. */
    public Complaint acknowledge(String centreId, String complaintId, LocalDate day) {
        return step(centreId, complaintId, (complaint, today) -> complaint.acknowledged(day, today));
    }

    /** Records the answer to a centre's complaint, given on {@code day}. */
    public Complaint answer(String centreId, String complaintId, LocalDate day, String answer) {
        return step(centreId, complaintId, (complaint, today) -> complaint.answered(day, answer, today));
    }

    /** A centre's complaints received from {@code from} (included) to {@code until} (excluded), the latest first. */
    public List<Complaint> receivedBetween(String centreId, LocalDate from, LocalDate until) {
        return complaints.receivedBetween(centreId, from, until);
    }

    /** The complaint of that centre. */
    public Complaint require(String centreId, String complaintId) {
        return complaints.byId(centreId, complaintId)
                .orElseThrow(() -> new NotFound("Aucune réclamation de ce centre ne porte cet identifiant."));
    }

    private Complaint step(String centreId, String complaintId, BiFunction<Complaint, LocalDate, Complaint> step) {
        Complaint current = require(centreId, complaintId);
        return complaints.keep(current, step.apply(current, days.today(centreId)),
                "Cette réclamation vient d'être modifiée par ailleurs : rechargez-la, puis recommencez.");
    }
}

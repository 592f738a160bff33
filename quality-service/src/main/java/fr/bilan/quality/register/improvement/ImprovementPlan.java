package fr.bilan.quality.register.improvement;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import fr.bilan.quality.register.CentreDays;
import fr.bilan.quality.register.complaint.ComplaintRegister;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * A centre's improvement actions: records them (once per request; one born of a complaint names a
 * complaint of that centre), moves them on, lists them. Each operation checks everything before writing
 * one document.
 */
@Service
public class ImprovementPlan {

    private final ImprovementActions actions;
    private final ComplaintRegister complaints;
    private final CentreDays days;

    ImprovementPlan(ImprovementActions actions, ComplaintRegister complaints, CentreDays days) {
        this.actions = actions;
        this.complaints = complaints;
        this.days = days;
    }

    /**
     * Records an action, OPEN; {@code requestKey} the caller's request: a retry answers the action it
     * recorded, another action under it is refused.
     */
    public ImprovementAction record(NewImprovementAction action, String requestKey) {
        ImprovementAction.check(action);
        if (action.origin() == ImprovementOrigin.COMPLAINT) {
            try {
                complaints.require(action.centreId(), action.originId());
            } catch (NotFound e) {
                throw new RuleRefusal("L'action vient d'une réclamation, mais aucune réclamation de ce centre ne porte "
                        + "l'identifiant indiqué (originId).");
            }
        }
        return actions.recordOnce(ImprovementAction.opened(UUID.randomUUID().toString(), action, days.now(), requestKey),
                kept -> kept.recordedFrom(action),
                "Cet identifiant de requête a déjà servi pour une autre action d'amélioration.");
    }

    /** Changes a centre's action as {@code change} says. */
    public ImprovementAction update(String centreId, String actionId, ImprovementChange change) {
        ImprovementAction current = actions.byId(centreId, actionId)
                .orElseThrow(() -> new NotFound("Aucune action d'amélioration de ce centre ne porte cet identifiant."));
        return actions.keep(current, current.changed(change, days.today(centreId)),
                "Cette action vient d'être modifiée par ailleurs : rechargez-la, puis recommencez.");
    }

    /** A centre's actions, the open ones first, then by due date. */
    public List<ImprovementAction> ofCentre(String centreId) {
        return actions.ofCentre(centreId).stream().sorted(ImprovementAction.REGISTER_ORDER).toList();
    }
}

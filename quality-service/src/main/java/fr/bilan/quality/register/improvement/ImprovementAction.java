package fr.bilan.quality.register.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;

import fr.bilan.quality.register.Days;
import fr.bilan.quality.register.RegisterFields;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * An improvement action of a centre (Qualiopi's indicator 32): what is to be done, where it comes from (a
 * complaint of the centre, the surveys, an audit...), who carries it, by when, and where it stands. Its
 * status only moves on (OPEN, IN_PROGRESS, DONE); DONE dates it, and a done action changes no more.
 * Immutable: each change answers the next version.
 *
 * @param originId   the complaint's id (origin COMPLAINT) or a free reference; empty when none
 * @param doneDate   null before it is done
 * @param requestKey the caller's request it was recorded by, so that a retry records it once
 * @param version    1 when recorded, one more at each change
 */
public record ImprovementAction(String id, String centreId, String title, ImprovementOrigin origin, String originId,
        String owner, ImprovementStatus status, LocalDate dueDate, LocalDate doneDate, Instant createTime,
        String requestKey, long version) {

    public static final int MAX_TITLE = 500;
    public static final int MAX_OWNER = 200;
    public static final int MAX_ORIGIN_ID = 200;

    /** The open ones first (not done), then by due date: the order the register lists them in. */
    public static final Comparator<ImprovementAction> REGISTER_ORDER = Comparator
            .comparing((ImprovementAction action) -> action.status() == ImprovementStatus.DONE)
            .thenComparing(ImprovementAction::dueDate).thenComparing(ImprovementAction::createTime)
            .thenComparing(ImprovementAction::id);

    public ImprovementAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(centreId, "centreId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueDate, "dueDate");
        originId = RegisterFields.stripped(originId);
        // to the millisecond, as the store keeps it: a retry answers what the first call did
        createTime = Objects.requireNonNull(createTime, "createTime").truncatedTo(ChronoUnit.MILLIS);
        if ((status == ImprovementStatus.DONE) != (doneDate != null)) {
            throw new IllegalArgumentException("a done date for a done action only");
        }
    }

    /**
     * Checks what a manager wrote of an action, naming each field wrong as the request's JSON spells it
     * ({@code action.dueDate}). Whether a complaint origin is the centre's is the register's to check.
     *
     * @throws fr.bilan.support.refusal.InvalidFields naming every field wrong
     */
    public static void check(NewImprovementAction action) {
        RegisterFields fields = new RegisterFields()
                .text("action.title", action.title(), MAX_TITLE, true, false)
                .require("action.origin", action.origin(),
                        "Indiquez d'où vient l'action (réclamation, enquêtes de satisfaction, audit ou autre).")
                .text("action.owner", action.owner(), MAX_OWNER, true, false)
                .require("action.dueDate", action.dueDate(), "Indiquez la date à laquelle l'action doit être faite.");
        if (action.origin() == ImprovementOrigin.COMPLAINT) {
            fields.text("action.originId", action.originId(), 64, true, false);
        } else {
            fields.text("action.originId", action.originId(), MAX_ORIGIN_ID, false, false);
        }
        fields.throwIfAny();
    }

    /** The action as first recorded, OPEN, once {@link #check checked}. */
    public static ImprovementAction opened(String id, NewImprovementAction action, Instant now, String requestKey) {
        return new ImprovementAction(id, action.centreId(), action.title(), action.origin(), action.originId(),
                action.owner(), ImprovementStatus.OPEN, action.dueDate(), null, now, requestKey, 1);
    }

    /** Whether {@code action} is what this one was recorded from: a retry of the same request. */
    public boolean recordedFrom(NewImprovementAction action) {
        // a retry may come after the action moved on: its owner and due date may have changed since, not what it is
        boolean asRecorded = version > 1 || owner.equals(action.owner()) && dueDate.equals(action.dueDate());
        return centreId.equals(action.centreId()) && title.equals(action.title()) && origin == action.origin()
                && originId.equals(action.originId()) && asRecorded;
    }

    /**
     * The action changed as {@code change} says, {@code today} at the centre: the status never goes back,
     * DONE dates it ({@code today} when no day is given; not in the future), and a done action changes no
     * more. What changes nothing (a retry) answers this very action.
     */
    public ImprovementAction changed(ImprovementChange change, LocalDate today) {
        RegisterFields fields = new RegisterFields()
                .text("owner", change.owner(), MAX_OWNER, false, false)
                .notInTheFuture("doneDate", change.doneDate(), today);
        if (change.doneDate() != null && change.status() != ImprovementStatus.DONE) {
            fields.add("doneDate", "La date de réalisation ne s'indique qu'avec le statut DONE (terminée).");
        }
        fields.throwIfAny();
        ImprovementStatus nextStatus = change.status() == null ? status : change.status();
        if (nextStatus.compareTo(status) < 0) {
            throw new RuleRefusal("Le statut d'une action d'amélioration ne revient pas en arrière : celle-ci est "
                    + french(status) + ".");
        }
        String nextOwner = change.owner().isEmpty() ? owner : change.owner();
        LocalDate nextDue = change.dueDate() == null ? dueDate : change.dueDate();
        LocalDate nextDone = nextStatus != ImprovementStatus.DONE ? null
                : doneDate != null && change.doneDate() == null ? doneDate
                : change.doneDate() == null ? today : change.doneDate();
        boolean same = nextStatus == status && nextOwner.equals(owner) && nextDue.equals(dueDate)
                && Objects.equals(nextDone, doneDate);
        if (same) {
            return this;
        }
        if (status == ImprovementStatus.DONE) {
            throw new RuleRefusal("Cette action est terminée depuis le " + Days.french(doneDate)
                    + " : elle ne se modifie plus.");
        }
        return new ImprovementAction(id, centreId, title, origin, originId, nextOwner, nextStatus, nextDue, nextDone,
                createTime, requestKey, version + 1);
    }

    private static String french(ImprovementStatus status) {
        return switch (status) {
            case OPEN -> "ouverte";
            case IN_PROGRESS -> "en cours";
            case DONE -> "terminée";
        };
    }
}

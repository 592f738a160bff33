package fr.bilan.session.calendar;


/** A session a plan proposes: its phase and its slot. */
public record ProposedSession(Phase phase, Slot slot) {
}

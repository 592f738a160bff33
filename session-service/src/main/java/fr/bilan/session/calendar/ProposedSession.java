package fr.bilan.session.calendar;

import fr.bilan.session.assessment.Phase;

/** A session a plan proposes: its phase and its slot. */
public record ProposedSession(Phase phase, Slot slot) {
}

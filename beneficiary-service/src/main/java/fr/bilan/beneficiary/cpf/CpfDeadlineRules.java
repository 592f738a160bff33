package fr.bilan.beneficiary.cpf;

import static fr.bilan.beneficiary.cpf.CpfState.ACCEPTED;
import static fr.bilan.beneficiary.cpf.CpfState.IN_TRAINING;
import static fr.bilan.beneficiary.cpf.CpfState.NOT_PROCESSED;
import static fr.bilan.beneficiary.cpf.CpfState.REFUSED_BY_CENTRE;
import static fr.bilan.beneficiary.cpf.CpfState.REFUSED_BY_HOLDER;
import static fr.bilan.beneficiary.cpf.CpfState.SERVICE_DONE_DECLARED;
import static fr.bilan.beneficiary.cpf.CpfState.SERVICE_DONE_VALIDATED;
import static fr.bilan.beneficiary.cpf.CpfState.TERMINATED;
import static fr.bilan.beneficiary.cpf.CpfState.VALIDATED;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import fr.bilan.support.workingday.WorkingDays;

/**
 * The deadlines of a CPF dossier, as a table: in each state, what is due, by whom, within how many
 * working days of which date, and which steps answer it.
 */
final class CpfDeadlineRules {

    /**
     * One deadline of a state.
     *
     * @param start      the date the working days count from; empty while unknown (no deadline runs)
     * @param answeredBy the steps that meet it (none: it is met from a later state)
     */
    record Rule(CpfState state, DeadlineAction action, DeadlineOwner owner, int workingDays,
            Function<CpfDossier, Optional<LocalDate>> start, Set<CpfState> answeredBy) {

        Optional<CpfDeadline> deadline(CpfDossier dossier, WorkingDays calendar) {
            return start.apply(dossier).map(day -> new CpfDeadline(action, owner, calendar.plus(day, workingDays)));
        }
    }

    /** The end of the action: the exit the bilan proposed, else the exit declared. */
    private static Optional<LocalDate> endOfAction(CpfDossier dossier) {
        return Optional.ofNullable(dossier.exitProposal()).map(ExitProposal::exitDate)
                .or(() -> dossier.stepDate(TERMINATED));
    }

    static final List<Rule> RULES = List.of(
            new Rule(NOT_PROCESSED, DeadlineAction.ANSWER_REQUEST, DeadlineOwner.CENTRE, 2,
                    dossier -> Optional.of(dossier.receivedDate()), EnumSet.of(VALIDATED, REFUSED_BY_CENTRE)),
            new Rule(VALIDATED, DeadlineAction.HOLDER_ACCEPTANCE, DeadlineOwner.HOLDER, 4,
                    dossier -> dossier.stepDate(VALIDATED), EnumSet.of(ACCEPTED, REFUSED_BY_HOLDER)),
            // the first attended session, or the proposed start while none is known
            new Rule(ACCEPTED, DeadlineAction.DECLARE_ENTRY, DeadlineOwner.CENTRE, 3,
                    dossier -> Optional.ofNullable(dossier.entryProposal()).map(EntryProposal::entryDate)
                            .or(() -> Optional.ofNullable(dossier.proposedStartDate())),
                    EnumSet.of(IN_TRAINING)),
            // both run from the end of the action, known once the bilan ended
            new Rule(IN_TRAINING, DeadlineAction.DECLARE_EXIT, DeadlineOwner.CENTRE, 3,
                    dossier -> Optional.ofNullable(dossier.exitProposal()).map(ExitProposal::exitDate),
                    EnumSet.of(TERMINATED)),
            new Rule(IN_TRAINING, DeadlineAction.DECLARE_SERVICE_DONE, DeadlineOwner.CENTRE, 3,
                    dossier -> Optional.ofNullable(dossier.exitProposal()).map(ExitProposal::exitDate),
                    EnumSet.noneOf(CpfState.class)),
            new Rule(TERMINATED, DeadlineAction.DECLARE_SERVICE_DONE, DeadlineOwner.CENTRE, 3,
                    CpfDeadlineRules::endOfAction, EnumSet.of(SERVICE_DONE_DECLARED)),
            new Rule(SERVICE_DONE_DECLARED, DeadlineAction.SERVICE_DONE_VALIDATION, DeadlineOwner.FINANCER, 5,
                    dossier -> dossier.stepDate(SERVICE_DONE_DECLARED), EnumSet.of(SERVICE_DONE_VALIDATED)));

    private CpfDeadlineRules() {
    }

    static List<Rule> of(CpfState state) {
        return RULES.stream().filter(rule -> rule.state() == state).toList();
    }
}

package fr.bilan.beneficiary.cpf;

import static fr.bilan.beneficiary.cpf.CpfState.ACCEPTED;
import static fr.bilan.beneficiary.cpf.CpfState.CANCELLED_BY_CENTRE;
import static fr.bilan.beneficiary.cpf.CpfState.CANCELLED_BY_FINANCER;
import static fr.bilan.beneficiary.cpf.CpfState.CANCELLED_BY_HOLDER;
import static fr.bilan.beneficiary.cpf.CpfState.HOLDER_ABSENT;
import static fr.bilan.beneficiary.cpf.CpfState.IN_TRAINING;
import static fr.bilan.beneficiary.cpf.CpfState.NOT_PROCESSED;
import static fr.bilan.beneficiary.cpf.CpfState.REFUSED_BY_CENTRE;
import static fr.bilan.beneficiary.cpf.CpfState.REFUSED_BY_FINANCER;
import static fr.bilan.beneficiary.cpf.CpfState.REFUSED_BY_HOLDER;
import static fr.bilan.beneficiary.cpf.CpfState.SERVICE_DONE_DECLARED;
import static fr.bilan.beneficiary.cpf.CpfState.SERVICE_DONE_VALIDATED;
import static fr.bilan.beneficiary.cpf.CpfState.TERMINATED;
import static fr.bilan.beneficiary.cpf.CpfState.VALIDATED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.bilan.support.refusal.RuleRefusal;

/**
 * The steps a CPF dossier may take, as a table: the main path from the request to the payment, and
 * the exits (refusals, cancellations, the holder's no-show) from the states that allow them.
 */
public final class CpfTransitions {

    /** From each state, the states it may move to; a final state moves nowhere. */
    static final Map<CpfState, Set<CpfState>> ALLOWED = Map.of(
            NOT_PROCESSED, EnumSet.of(VALIDATED, REFUSED_BY_CENTRE, REFUSED_BY_FINANCER),
            VALIDATED, EnumSet.of(ACCEPTED, REFUSED_BY_HOLDER, REFUSED_BY_FINANCER, CANCELLED_BY_HOLDER,
                    CANCELLED_BY_CENTRE, CANCELLED_BY_FINANCER),
            ACCEPTED, EnumSet.of(IN_TRAINING, CANCELLED_BY_HOLDER, CANCELLED_BY_CENTRE, CANCELLED_BY_FINANCER,
                    HOLDER_ABSENT),
            IN_TRAINING, EnumSet.of(TERMINATED),
            TERMINATED, EnumSet.of(SERVICE_DONE_DECLARED),
            SERVICE_DONE_DECLARED, EnumSet.of(SERVICE_DONE_VALIDATED));

    private CpfTransitions() {
    }

    public static boolean allows(CpfState from, CpfState to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Nothing when {@code from} may move to {@code to}; a refusal naming both in French otherwise. */
    public static void check(CpfState from, CpfState to) {
        if (allows(from, to)) {
            return;
        }
        if (from.isFinal()) {
            throw new RuleRefusal("Le dossier CPF est « " + from.label() + " », un état final : il ne peut plus passer à « "
                    + to.label() + " ».");
        }
        String next = ALLOWED.get(from).stream().map(state -> "« " + state.label() + " »")
                .collect(Collectors.joining(", "));
        throw new RuleRefusal("Un dossier CPF « " + from.label() + " » ne peut pas passer à « " + to.label()
                + " » : depuis cet état, les étapes possibles sont " + next + ".");
    }
}

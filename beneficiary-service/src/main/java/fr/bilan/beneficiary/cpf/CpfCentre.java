package fr.bilan.beneficiary.cpf;

import fr.bilan.support.workingday.WorkingDays;

/**
 * What a dossier needs of its centre's settings.
 *
 * @param workingDays      the centre's calendar, which every deadline counts in
 * @param hourlyPriceCents the price of one hour of accompaniment; 0: the CPF amount is not checked
 */
public record CpfCentre(WorkingDays workingDays, long hourlyPriceCents) {
}

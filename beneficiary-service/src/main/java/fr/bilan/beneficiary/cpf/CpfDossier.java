package fr.bilan.beneficiary.cpf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import fr.bilan.beneficiary.France;
import fr.bilan.support.audit.AccessedData;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.NotFound;
import fr.bilan.support.refusal.RuleRefusal;

/**
 * The CPF dossier of a bilan, as the provider follows it on Mon Compte Formation: its state, the
 * history of the steps made there, the entry and exit the bilan proposes, and every deadline counted
 * in the centre's working days. One document under its CPF funding's id, checked whole and written
 * whole under its version.
 *
 * @param dossierNumber     on Mon Compte Formation, digits only
 * @param history           every step, oldest first; the first is the request received
 * @param receivedDate      the day the request was received: the funding's
 * @param proposedStartDate {@code null} until validated
 * @param plannedHours      accompaniment hours proposed; {@code null} until validated
 * @param amountCents       funded by the CPF: the funding's amount
 * @param entryProposal     {@code null} until the first session was attended
 * @param exitProposal      {@code null} until the action ended
 * @param processedEvents   the last progress events taken in, for idempotency ({@link #MAX_EVENTS} at most)
 * @param version           the stored version this was read at (0 before the first write)
 */
public record CpfDossier(String id, String beneficiaryId, String centreId, String dossierNumber, CpfState state,
        List<CpfStep> history, LocalDate receivedDate, LocalDate proposedStartDate, Duration plannedHours,
        long amountCents, EntryProposal entryProposal, ExitProposal exitProposal, List<String> processedEvents,
        long version) {

    /** Accompaniment hours a bilan holds (R6313-4 as amended in 2026, L6313-4). */
    public static final Duration MIN_PLANNED = Duration.ofHours(13);
    public static final Duration MAX_PLANNED = Duration.ofHours(24);
    /** Working days between the proposal and the earliest start the CPF platform takes. */
    public static final int START_NOTICE_WORKING_DAYS = 11;
    /** A progress event is sent again only soon after the first time: the last ones are enough to recognise it. */
    static final int MAX_EVENTS = 20;

    public CpfDossier {
        history = List.copyOf(history);
        processedEvents = List.copyOf(processedEvents);
    }

    /**
     * The dossier opened with its CPF funding: the request received (à traiter) on the day the funding
     * was recorded, by whoever recorded it.
     */
    public static CpfDossier open(String fundingId, String beneficiaryId, String centreId, String dossierNumber,
            long amountCents, LocalDate receivedDate, Instant now, String openedBy) {
        CpfStep received = new CpfStep(CpfState.NOT_PROCESSED, receivedDate, now, openedBy, StepSource.STAFF, null, false,
                0, null);
        return new CpfDossier(fundingId, beneficiaryId, centreId, dossierNumber == null ? "" : dossierNumber,
                CpfState.NOT_PROCESSED, List.of(received), receivedDate, null, null, amountCents, null, null, List.of(),
                0);
    }

    public boolean isOpen() {
        return !state.isFinal();
    }

    public String etag() {
        return Long.toString(version);
    }

    /** The date of the last step to {@code reached}, if the dossier went there. */
    Optional<LocalDate> stepDate(CpfState reached) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).state() == reached) {
                return Optional.of(history.get(i).date());
            }
        }
        return Optional.empty();
    }

    /** Every deadline running now (the holder's and the financer's too), the earliest first. */
    public List<CpfDeadline> deadlines(CpfCentre centre) {
        return CpfDeadlineRules.of(state).stream()
                .flatMap(rule -> rule.deadline(this, centre.workingDays()).stream())
                .sorted(Comparator.comparing(CpfDeadline::dueDate)).toList();
    }

    /** The centre's first deadline: what its staff must do next. */
    public Optional<CpfDeadline> nextDeadline(CpfCentre centre) {
        return deadlines(centre).stream().filter(deadline -> deadline.owner() == DeadlineOwner.CENTRE).findFirst();
    }

    /** Whether a step was recorded under this idempotency key. */
    public boolean recorded(String requestKey) {
        return requestKey != null && history.stream().anyMatch(step -> requestKey.equals(step.requestKey()));
    }

    /**
     * The dossier after a step made on the CPF platform. A step out of order is refused (naming both
     * states); its date is required (the entry and the exit default to the bilan's proposal), neither
     * in the future nor before the previous step's; validating needs the start date proposed, at least
     * 11 working days later, and 13 to 24 hours of accompaniment that the CPF amount does not exceed at
     * the centre's hourly price. A step after the deadline it answers is taken and recorded as late.
     *
     * @param today      in the centre's calendar
     * @param requestKey the idempotency key, kept with the step; {@code null} without one
     */
    public CpfDossier recordStep(CpfStepInput input, CpfCentre centre, LocalDate today, Instant now, String recordedBy,
            StepSource source, String requestKey) {
        if (input.state() == null) {
            throw InvalidFields.of("step.state", "Indiquez l'état dans lequel le dossier est passé sur Mon Compte "
                    + "Formation.");
        }
        CpfTransitions.check(state, input.state());
        LocalDate date = input.date() != null ? input.date() : defaultDate(input.state());
        List<InvalidFields.Violation> violations = new ArrayList<>();
        LocalDate previous = history.get(history.size() - 1).date();
        if (date == null) {
            violations.add(new InvalidFields.Violation("step.date", "La date de l'étape est obligatoire."));
        } else if (date.isAfter(today)) {
            violations.add(new InvalidFields.Violation("step.date", "La date de l'étape (" + France.date(date)
                    + ") ne peut pas être dans le futur : nous sommes le " + France.date(today) + "."));
        } else if (date.isBefore(previous)) {
            violations.add(new InvalidFields.Violation("step.date", "La date de l'étape (" + France.date(date)
                    + ") ne peut pas précéder celle de l'étape précédente (" + France.date(previous) + ")."));
        }
        String number = input.dossierNumber();
        if (!number.isEmpty() && !number.matches("[0-9]{8,14}")) {
            violations.add(new InvalidFields.Violation("step.dossier_number", "Le numéro de dossier CPF compte 8 à 14 "
                    + "chiffres (les espaces sont ignorés)."));
        }
        boolean validating = input.state() == CpfState.VALIDATED;
        if (validating) {
            checkProposal(input, date, centre, violations);
        } else {
            if (input.proposedStartDate() != null) {
                violations.add(new InvalidFields.Violation("step.proposed_start_date", "La date de début se propose "
                        + "avec la validation du dossier (état « validé ») seulement."));
            }
            if (input.plannedHours() != null) {
                violations.add(new InvalidFields.Violation("step.planned_hours", "La durée d'accompagnement se propose "
                        + "avec la validation du dossier (état « validé ») seulement."));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidFields(violations);
        }
        if (validating) {
            checkAmount(input.plannedHours(), centre);
        }
        CpfStep step = answered(input.state(), centre).map(due -> {
            boolean late = date.isAfter(due);
            return new CpfStep(input.state(), date, now, recordedBy, source, due, late,
                    // a step made on a weekend or holiday right after its deadline is a working day late all the same
                    late ? Math.max(1, centre.workingDays().between(due, date)) : 0, requestKey);
        }).orElseGet(() -> new CpfStep(input.state(), date, now, recordedBy, source, null, false, 0, requestKey));
        List<CpfStep> steps = new ArrayList<>(history);
        steps.add(step);
        return new CpfDossier(id, beneficiaryId, centreId, number.isEmpty() ? dossierNumber : number, input.state(),
                steps, receivedDate, validating ? input.proposedStartDate() : proposedStartDate,
                validating ? input.plannedHours() : plannedHours, amountCents, entryProposal, exitProposal,
                processedEvents, version);
    }

    /** The entry defaults to the bilan's first session, the exit to the end of its action. */
    private LocalDate defaultDate(CpfState to) {
        if (to == CpfState.IN_TRAINING && entryProposal != null) {
            return entryProposal.entryDate();
        }
        if (to == CpfState.TERMINATED && exitProposal != null) {
            return exitProposal.exitDate();
        }
        return null;
    }

    private static void checkProposal(CpfStepInput input, LocalDate date, CpfCentre centre,
            List<InvalidFields.Violation> violations) {
        if (input.proposedStartDate() == null) {
            violations.add(new InvalidFields.Violation("step.proposed_start_date", "Indiquez la date de début proposée "
                    + "au titulaire."));
        } else if (date != null) {
            LocalDate earliest = centre.workingDays().plus(date, START_NOTICE_WORKING_DAYS);
            if (input.proposedStartDate().isBefore(earliest)) {
                violations.add(new InvalidFields.Violation("step.proposed_start_date", "La date de début proposée ("
                        + France.date(input.proposedStartDate()) + ") doit suivre la proposition d'au moins "
                        + START_NOTICE_WORKING_DAYS + " jours ouvrés : le " + France.date(earliest) + " au plus tôt."));
            }
        }
        Duration planned = input.plannedHours();
        if (planned == null) {
            violations.add(new InvalidFields.Violation("step.planned_hours", "Indiquez la durée d'accompagnement "
                    + "proposée (de 13 à 24 heures)."));
        } else if (planned.toSecondsPart() != 0 || planned.toNanosPart() != 0) {
            violations.add(new InvalidFields.Violation("step.planned_hours", "La durée d'accompagnement se compte en "
                    + "minutes entières."));
        } else if (planned.compareTo(MIN_PLANNED) < 0 || planned.compareTo(MAX_PLANNED) > 0) {
            violations.add(new InvalidFields.Violation("step.planned_hours", "La durée d'accompagnement proposée ("
                    + ExitProposal.hours(planned) + ") doit être de 13 à 24 heures (art. R6313-4 et L6313-4 du Code "
                    + "du travail)."));
        }
    }

    /** The CPF funds the provider's accompaniment only (D6323-6 as amended in 2026), at the centre's price. */
    private void checkAmount(Duration planned, CpfCentre centre) {
        if (centre.hourlyPriceCents() <= 0) {
            return;
        }
        long most = centre.hourlyPriceCents() * planned.toMinutes() / 60;
        if (amountCents > most) {
            throw new RuleRefusal("Le montant financé par le CPF (" + France.euros(amountCents) + ") dépasse "
                    + ExitProposal.hours(planned) + " d'accompagnement au prix horaire du centre ("
                    + France.euros(centre.hourlyPriceCents()) + ") : " + France.euros(most) + " au plus (seules les "
                    + "heures d'accompagnement sont financées, art. D6323-6 du Code du travail).");
        }
    }

    /** The due date of the deadline a step to {@code to} meets, if one runs. */
    private Optional<LocalDate> answered(CpfState to, CpfCentre centre) {
        return CpfDeadlineRules.of(state).stream().filter(rule -> rule.answeredBy().contains(to))
                .flatMap(rule -> rule.deadline(this, centre.workingDays()).stream())
                .map(CpfDeadline::dueDate).min(Comparator.naturalOrder());
    }

    /**
     * The dossier after what happened to its bilan: the first attended session proposes the entry (the
     * earliest wins), the end of the action the exit with its completion rate. The same event again
     * changes nothing.
     */
    public CpfDossier recordProgress(String eventId, BilanProgress progress) {
        if (processedEvents.contains(eventId)) {
            return this;
        }
        EntryProposal entry = entryProposal;
        ExitProposal exit = exitProposal;
        if (progress instanceof BilanProgress.Started started) {
            if (entry == null || started.firstSessionDate().isBefore(entry.entryDate())) {
                entry = new EntryProposal(started.firstSessionDate());
            }
        } else if (progress instanceof BilanProgress.Ended ended) {
            exit = ExitProposal.of(ended.endDate(), ended.outcome(), ended.delivered(), plannedHours, ended.absences());
        }
        List<String> events = new ArrayList<>(processedEvents);
        events.add(eventId);
        if (events.size() > MAX_EVENTS) {
            events = events.subList(events.size() - MAX_EVENTS, events.size());
        }
        return new CpfDossier(id, beneficiaryId, centreId, dossierNumber, state, history, receivedDate,
                proposedStartDate, plannedHours, amountCents, entry, exit, events, version);
    }

    /** This dossier, for the access log. */
    public AccessedData accessed() {
        return AccessedData.of("cpfDossiers", id, beneficiaryId, centreId);
    }

    /** No dossier has this id: none, or a funding that is not a CPF one, or one recorded before dossiers existed. */
    public static NotFound notFound(String id) {
        return new NotFound("Aucun dossier CPF n'a l'identifiant « " + id + " » : un dossier CPF s'ouvre avec son "
                + "financement CPF, sous le même identifiant.");
    }
}

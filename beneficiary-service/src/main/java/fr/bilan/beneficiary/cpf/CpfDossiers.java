package fr.bilan.beneficiary.cpf;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.bilan.beneficiary.funding.Funding;
import fr.bilan.beneficiary.funding.FundingDetails;
import fr.bilan.support.centre.CentreSettings;
import fr.bilan.support.centre.Centres;
import fr.bilan.support.refusal.Conflict;
import fr.bilan.support.resources.Etags;
import fr.bilan.support.resources.Lookups;

/**
 * The operations on CPF dossiers, each one read, one domain change and one write under the version
 * read: opening with the funding, a step made on the CPF platform (by staff or a connector, the same
 * way), what the bilan tells of its progress, and the centres' overdue counts. Every date is the
 * centre's: its zone says which day today is, its calendar which days are working days.
 */
@Component
public class CpfDossiers {

    private static final Logger log = LoggerFactory.getLogger(CpfDossiers.class);
    /** A progress event meeting a concurrent change is applied again on the dossier read anew, a few times. */
    private static final int ATTEMPTS = 3;

    private final CpfDossierRepository repository;
    private final Centres centres;
    private final Clock clock;

    CpfDossiers(CpfDossierRepository repository, Centres centres, Clock clock) {
        this.repository = repository;
        this.centres = centres;
        this.clock = clock;
    }

    /** What a dossier of {@code centreId} needs of its centre's settings. */
    public CpfCentre centre(String centreId) {
        CentreSettings settings = centres.of(centreId);
        return new CpfCentre(settings.workingDays(), settings.hourlyPriceCents());
    }

    /** Today in the centre's zone. */
    public LocalDate today(String centreId) {
        return LocalDate.ofInstant(clock.instant(), centres.of(centreId).zoneId());
    }

    /**
     * Opens the dossier of a CPF funding (nothing for another type, nor when it is open already): the
     * request received on the day the funding was recorded, in the centre's zone.
     */
    public void open(Funding funding, String openedBy) {
        if (!(funding.details() instanceof FundingDetails.Cpf cpf) || funding.isCancelled()) {
            return;
        }
        LocalDate received = LocalDate.ofInstant(funding.createTime(), centres.of(funding.centreId()).zoneId());
        repository.insertIfAbsent(CpfDossier.open(funding.id(), funding.beneficiaryId(), funding.centreId(),
                cpf.dossierNumber(), cpf.amountCents(), received, clock.instant(), openedBy), centre(funding.centreId()));
    }

    /** The dossier {@code id} names ({@code field} of the request); {@code NotFound} when none. */
    public CpfDossier require(String id, String field) {
        return Lookups.require(field, id, repository::find, () -> CpfDossier.notFound(id));
    }

    /**
     * Records a step made on the CPF platform on the dossier as read, if still at the version
     * {@code etag} names (the one read when none); a step already recorded under {@code requestKey}
     * is answered with the dossier as it stands.
     *
     * @param requestKey {@code null} without one
     */
    public CpfDossier recordStep(CpfDossier read, String etag, CpfStepInput step, String recordedBy, StepSource source,
            String requestKey) {
        if (read.recorded(requestKey)) {
            return read;
        }
        long expected = Etags.expectedVersion(etag, read.version());
        if (expected != read.version()) {
            throw CpfDossierRepository.modifiedMeanwhile();
        }
        CpfCentre centre = centre(read.centreId());
        CpfDossier changed = read.recordStep(step, centre, today(read.centreId()), clock.instant(), recordedBy, source,
                requestKey);
        return repository.replace(changed, expected, centre);
    }

    /**
     * Takes in what the bilan of funding {@code fundingId} tells: the dossier as recorded, or empty
     * when the funding has no CPF dossier (another type of funding; or a CPF one recorded before
     * dossiers existed, logged).
     */
    public Optional<CpfDossier> recordProgress(String fundingId, String eventId, BilanProgress progress) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<CpfDossier> read = repository.find(fundingId);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            CpfDossier changed = read.get().recordProgress(eventId, progress);
            if (changed == read.get()) {
                return read;
            }
            try {
                return Optional.of(repository.replace(changed, read.get().version(), centre(changed.centreId())));
            } catch (Conflict concurrent) {
                log.debug("CPF dossier {} changed while taking in event {}: read again", fundingId, eventId);
            }
        }
        throw new Conflict("Ce dossier CPF a été modifié plusieurs fois pendant la prise en compte du bilan : réessayez.");
    }

    /** A page of a centre's list ({@code view}), the next deadline of the centre first. */
    public CpfDossierRepository.Page list(String centreId, CpfListView view, Optional<Collection<String>> beneficiaries,
            Optional<CpfDossierRepository.Position> after, int size) {
        LocalDate today = today(centreId);
        return switch (view) {
            case OPEN -> repository.listCentre(centreId, true, Optional.empty(), Optional.empty(), beneficiaries, after,
                    size);
            case OVERDUE -> repository.listCentre(centreId, true, Optional.empty(), Optional.of(today), beneficiaries,
                    after, size);
            case DUE_SOON -> repository.listCentre(centreId, true,
                    Optional.of(centre(centreId).workingDays().plus(today, 1)), Optional.empty(), beneficiaries, after,
                    size);
            case ALL -> repository.listCentre(centreId, false, Optional.empty(), Optional.empty(), beneficiaries, after,
                    size);
        };
    }

    /** The open dossiers with a deadline of the centre due by {@code through}, of one centre or all (empty). */
    public CpfDossierRepository.Page listDue(Optional<String> centreId, LocalDate through,
            Optional<CpfDossierRepository.Position> after, int size) {
        return repository.listDue(centreId, through, after, size);
    }

    /** One centre's overdue dossiers. */
    public record CentreOverdue(String centreId, long overdue) {
    }

    /**
     * Per centre (of {@code centreIds}, every one when empty), the open dossiers with a deadline of
     * the centre past its today, the most first; centres without any left out.
     */
    public List<CentreOverdue> overdue(Optional<Set<String>> centreIds) {
        Instant now = clock.instant();
        // the zones are at most a day apart: a deadline before the earliest today is overdue everywhere,
        // one on that day only where today is already the next
        LocalDate earliest = Stream.concat(Stream.of(centres.defaults().zoneId()), centres.overrides().keySet().stream()
                .map(centreId -> centres.of(centreId).zoneId())).distinct()
                .map(zone -> LocalDate.ofInstant(now, zone)).min(Comparator.naturalOrder()).orElseThrow();
        return repository.countDueBefore(centreIds, earliest).stream()
                .map(count -> new CentreOverdue(count.centreId(), count.before()
                        + (LocalDate.ofInstant(now, zoneOf(count.centreId())).isAfter(earliest) ? count.on() : 0)))
                .filter(count -> count.overdue() > 0)
                .sorted(Comparator.comparingLong(CentreOverdue::overdue).reversed()
                        .thenComparing(CentreOverdue::centreId))
                .toList();
    }

    private ZoneId zoneOf(String centreId) {
        return centres.of(centreId).zoneId();
    }
}

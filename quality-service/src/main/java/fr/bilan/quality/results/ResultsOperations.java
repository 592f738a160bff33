package fr.bilan.quality.results;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.NotFound;

/**
 * The results of a centre or of the network for a period, computed on demand (JSON, CSV) or published:
 * frozen as computed, under an unguessable address whose page anyone may read.
 */
@Service
public class ResultsOperations {

    /** The publications a list shows: years of monthly publications of one centre. */
    static final int LIST_LIMIT = 200;
    public static final String CSV_CONTENT_TYPE = ResultsCsv.CONTENT_TYPE;
    public static final String PAGE_CONTENT_TYPE = PublishedPage.CONTENT_TYPE;

    private final Cohorts cohorts;
    private final Publications publications;
    private final PublishedNames names;
    private final Clock clock;
    private final PublishedPage page = new PublishedPage();
    private final SecureRandom random = new SecureRandom();

    ResultsOperations(Cohorts cohorts, Publications publications, PublishedNames names, Clock clock) {
        this.cohorts = cohorts;
        this.publications = publications;
        this.names = names;
        this.clock = clock;
    }

    /** The results of {@code centreId} (the network's when empty) for {@code period}, computed now. */
    public Results results(Audience audience, String centreId, Period period) {
        audience.check(centreId);
        return compute(centreId, period, clock.instant());
    }

    /** The same results as CSV ({@link #CSV_CONTENT_TYPE}). */
    public byte[] csv(Audience audience, String centreId, Period period) {
        return ResultsCsv.of(results(audience, centreId, period));
    }

    /**
     * Publishes the results of a period that is over; a retry with the same request key answers the
     * first publication.
     */
    public Publication publish(Audience audience, String centreId, Period period, String requestKey) {
        audience.check(centreId);
        var published = publications.byRequestKey(requestKey);
        if (published.isPresent()) {
            return published.get();
        }
        Instant now = clock.instant();
        if (!period.overAt(now)) {
            throw InvalidFields.of("endTime", "Seule une période terminée se publie : sa fin ne peut pas être "
                    + "dans le futur.");
        }
        return publications.keep(new Publication(Publication.newId(random), compute(centreId, period, now), now,
                requestKey));
    }

    /** The publications of {@code centreId} (the network's when empty), the latest first. */
    public List<Publication> publications(Audience audience, String centreId) {
        audience.check(centreId);
        return publications.of(centreId, LIST_LIMIT);
    }

    /** The public page of a publication ({@link #PAGE_CONTENT_TYPE}); anyone holding its id reads it. */
    public byte[] page(String publicationId) {
        // an id of another form is not looked up, and is answered as an unknown one
        return (Publication.wellFormed(publicationId) ? publications.byId(publicationId) : Optional.<Publication>empty())
                .map(page::render)
                .orElseThrow(() -> new NotFound("Aucune publication de résultats à cette adresse."));
    }

    private Results compute(String centreId, Period period, Instant now) {
        return Results.of(centreId, names.of(centreId), period, now, cohorts.count(centreId, period));
    }
}

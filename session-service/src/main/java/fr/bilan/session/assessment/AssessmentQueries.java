package fr.bilan.session.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.bilan.support.refusal.NotFound;

/** Bilans as they are stored: one by its id, or a page of those a caller lists. */
@Component
class AssessmentQueries {

    private final AssessmentRepository repository;

    AssessmentQueries(AssessmentRepository repository) {
        this.repository = repository;
    }

    /** The bilan {@code id} names: {@link NotFound} when there is none. */
    Assessment require(String id) {
        return repository.find(id).orElseThrow(() -> unknown(id));
    }

    static NotFound unknown(String id) {
        return new NotFound("Aucun bilan n'a l'identifiant « " + id + " ».");
    }

    /** Up to {@code size} bilans of {@code scope}, newest first, after the one at {@code afterTime} and {@code afterId}. */
    List<Assessment> page(AssessmentScope scope, Optional<Instant> afterTime, Optional<String> afterId, int size) {
        return repository.page(scope, afterTime, afterId, size);
    }
}

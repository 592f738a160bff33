package fr.bilan.session.calendar;

import java.time.Duration;

/**
 * The beneficiary's personal work as the hour count sees it: its phase and its length. Shown beside
 * the accompaniment, never counted in it (D6323-6 as amended in 2026: the CPF funds the provider's
 * accompaniment only).
 */
public record PersonalWorkHours(Phase phase, Duration duration) {

    public PersonalWorkHours {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("personal work lasts some time");
        }
    }
}

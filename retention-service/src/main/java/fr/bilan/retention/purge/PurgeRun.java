package fr.bilan.retention.purge;

import java.time.Instant;
import java.util.Optional;

/**
 * A purge run as recorded, its counts as far as it went.
 *
 * @param createBy who asked for it; empty for a scheduled run
 * @param endTime  empty while it runs
 * @param failure  why it stopped, in French; empty unless it failed
 */
public record PurgeRun(String id, PurgeTrigger trigger, PurgeRunState state, Optional<String> createBy,
        Instant startTime, Optional<Instant> endTime, long destroyed, long bytes, long failed, long held,
        Optional<String> failure) {
}

package fr.bilan.support.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.bilan.support.security.Caller;

/**
 * Every access to personal data leaves a line in the {@code bilan.access} log: who, what action,
 * which resource by id. It never holds the data itself, so the log may be kept and shipped freely.
 */
public final class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("bilan.access");

    private AccessLog() {
    }

    public static void record(Caller caller, String action, String resource) {
        log.info("subject={} roles={} action={} resource={}", caller.subject(), caller.roles(), action, resource);
    }
}

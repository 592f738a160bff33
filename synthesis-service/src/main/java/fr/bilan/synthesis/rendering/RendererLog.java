package fr.bilan.synthesis.rendering;

import java.util.logging.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;

/**
 * openhtmltopdf's messages, warnings and worse only, through SLF4J (its default writes everything
 * from INFO to the console). A message's template is logged (« … » where its arguments go), never its arguments: they may quote a
 * document, and what a synthèse says stays out of logs.
 */
final class RendererLog implements XRLogger {

    private static final Logger LOG = LoggerFactory.getLogger("fr.bilan.synthesis.rendering.openhtmltopdf");

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() && LOG.isWarnEnabled();
    }

    @Override
    public void log(Diagnostic diagnostic) {
        String error = diagnostic.hasError() && diagnostic.getError() != null
                ? " (" + diagnostic.getError().getClass().getName() + ")" : "";
        String message = diagnostic.getLogMessageId().getMessageFormat().replace("{}", "…");
        if (diagnostic.getLevel().intValue() >= Level.SEVERE.intValue()) {
            LOG.error("{}{}", message, error);
        } else {
            LOG.warn("{}{}", message, error);
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        // only reached through log(Diagnostic), which is overridden
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        // only reached through log(Diagnostic), which is overridden
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are SLF4J's
    }
}

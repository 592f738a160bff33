package fr.bilan.support.clients;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A former key refused at start, as a description and an action: no stack trace to read. */
class SettingRenamedFailureAnalyzer extends AbstractFailureAnalyzer<SettingRenamed> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SettingRenamed cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}

package fr.bilan.support.stores;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The refusal to start without a store, as a description and an action: no stack trace to read. */
class StoreNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<StoreNotConfigured> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreNotConfigured cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}

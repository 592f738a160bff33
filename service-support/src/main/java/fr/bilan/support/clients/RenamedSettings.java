package fr.bilan.support.clients;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The former per-service deadline keys, each refused with the {@code bilan.clients.<target>.*} key
 * that replaced it: {@code bilan.synthesis.call-timeout} meant a call to synthesis-service in
 * beneficiary-service and the calls to session- and beneficiary-service in synthesis-service.
 */
final class RenamedSettings {

    static final Map<String, String> REPLACED = replaced();

    private RenamedSettings() {
    }

    private static Map<String, String> replaced() {
        Map<String, String> replaced = new LinkedHashMap<>();
        replaced.put("bilan.synthesis.call-timeout", "bilan.clients.synthesis.deadline in beneficiary-service "
                + "(its calls to synthesis-service), bilan.clients.session.deadline and "
                + "bilan.clients.beneficiary.deadline in synthesis-service (its calls to session- and beneficiary-service)");
        replaced.put("bilan.beneficiary.call-timeout", "bilan.clients.beneficiary.deadline");
        replaced.put("bilan.directory.call-timeout", "bilan.clients.directory.deadline");
        replaced.put("bilan.retention.call-timeout", "bilan.clients.session.deadline");
        return Map.copyOf(replaced);
    }

    /** @throws SettingRenamed for the first former key {@code environment} still sets, in any form */
    static void refuse(Environment environment) {
        Binder binder = Binder.get(environment);
        REPLACED.forEach((oldKey, replacement) -> {
            if (binder.bind(oldKey, Bindable.of(String.class)).isBound()) {
                throw new SettingRenamed(oldKey, replacement);
            }
        });
    }
}

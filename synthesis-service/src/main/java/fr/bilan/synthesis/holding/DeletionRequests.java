package fr.bilan.synthesis.holding;

import java.nio.charset.StandardCharsets;
import java.util.List;

import java.util.ArrayList;

import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.refusal.InvalidFields.Violation;
import fr.bilan.synthesis.storage.ObjectKeys;

/**
 * What a DeleteDocuments request must be before anything is deleted: this service's own bucket,
 * and 1 to 1,000 keys of its documents. Refusals are {@link InvalidFields}, field by field, in
 * French; a key is never quoted back (what is not one of ours may hold a name).
 */
final class DeletionRequests {

    /** One S3 multi-object delete, as the contract says. */
    static final int MAX_KEYS = 1000;
    /** Keys named one by one at most: the violations travel in the trailers, which are small. */
    static final int MAX_KEYS_NAMED = 20;
    /** S3's longest key, in UTF-8 bytes. */
    private static final int MAX_KEY_BYTES = 1024;

    private DeletionRequests() {
    }

    /** @throws InvalidFields naming what is wrong with {@code bucket} and {@code keys} */
    static void check(String bucket, List<String> keys, String ownBucket) {
        List<Violation> violations = new ArrayList<>();
        if (bucket.isBlank()) {
            violations.add(new Violation("bucket", "Ce champ est obligatoire."));
        } else if (!bucket.equals(ownBucket)) {
            violations.add(new Violation("bucket", "Ce service ne détient que les documents du compartiment « "
                    + ownBucket + " »."));
        }
        if (keys.isEmpty()) {
            violations.add(new Violation("object_keys", "Indiquez au moins une clé d'objet."));
        } else if (keys.size() > MAX_KEYS) {
            violations.add(new Violation("object_keys", "Au plus 1 000 clés par appel (" + keys.size() + " reçues) : "
                    + "envoyez-les en plusieurs fois."));
        } else {
            checkKeys(keys, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidFields(violations);
        }
    }

    private static void checkKeys(List<String> keys, List<Violation> violations) {
        int wrong = 0;
        for (int i = 0; i < keys.size(); i++) {
            String problem = problemOf(keys.get(i));
            if (problem != null && ++wrong <= MAX_KEYS_NAMED) {
                violations.add(new Violation("object_keys[" + i + "]", problem));
            }
        }
        if (wrong > MAX_KEYS_NAMED) {
            violations.add(new Violation("object_keys", "Et " + (wrong - MAX_KEYS_NAMED)
                    + " autre(s) clé(s) invalide(s)."));
        }
    }

    /** Why {@code key} cannot be one of this service's documents; null when it can. */
    private static String problemOf(String key) {
        if (key.isBlank()) {
            return "Ce champ est obligatoire.";
        }
        if (!key.startsWith(ObjectKeys.ROOT)) {
            return "Les documents de ce service ont une clé qui commence par « " + ObjectKeys.ROOT + " ».";
        }
        if (key.contains("..")) {
            return "Une clé de document ne contient pas « .. ».";
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            return "Une clé de document ne dépasse pas 1 024 octets.";
        }
        return null;
    }
}

package fr.bilan.synthesis.holding;

import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.bilan.proto.retention.internal.v1.DeleteDocumentsRequest;
import fr.bilan.support.errors.FieldViolations;
import fr.bilan.synthesis.storage.ObjectKeys;

/**
 * What a DeleteDocuments request must be before anything is deleted: this service's own bucket,
 * and 1 to 1,000 keys of its documents. Refusals are {@code INVALID_ARGUMENT}, field by field, in
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

    static void check(DeleteDocumentsRequest request, String ownBucket) {
        FieldViolations violations = new FieldViolations();
        if (request.getBucket().isBlank()) {
            violations.add("bucket", "Ce champ est obligatoire.");
        } else if (!request.getBucket().equals(ownBucket)) {
            violations.add("bucket", "Ce service ne détient que les documents du compartiment « " + ownBucket + " ».");
        }
        List<String> keys = request.getObjectKeysList();
        if (keys.isEmpty()) {
            violations.add("object_keys", "Indiquez au moins une clé d'objet.");
        } else if (keys.size() > MAX_KEYS) {
            violations.add("object_keys", "Au plus 1 000 clés par appel (" + keys.size() + " reçues) : "
                    + "envoyez-les en plusieurs fois.");
        } else {
            checkKeys(keys, violations);
        }
        violations.throwIfAny();
    }

    private static void checkKeys(List<String> keys, FieldViolations violations) {
        int wrong = 0;
        for (int i = 0; i < keys.size(); i++) {
            String problem = problemOf(keys.get(i));
            if (problem != null && ++wrong <= MAX_KEYS_NAMED) {
                violations.add("object_keys[" + i + "]", problem);
            }
        }
        if (wrong > MAX_KEYS_NAMED) {
            violations.add("object_keys", "Et " + (wrong - MAX_KEYS_NAMED) + " autre(s) clé(s) invalide(s).");
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

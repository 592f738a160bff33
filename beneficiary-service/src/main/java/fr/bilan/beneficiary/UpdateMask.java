package fr.bilan.beneficiary;

import java.util.List;

/** The paths of an update mask, each naming a field the caller may change. */
public final class UpdateMask {

    private UpdateMask() {
    }

    /** Throws {@code InvalidFields} for an empty mask or a path that names no changeable field. */
    public static List<String> check(List<String> paths, List<String> changeable) {
        String allowed = String.join(", ", changeable);
        Violations violations = new Violations();
        if (paths.isEmpty()) {
            violations.add("update_mask", "Indiquez les champs à modifier (" + allowed + ").");
        }
        paths.stream().filter(path -> !changeable.contains(path)).forEach(path -> violations.add("update_mask",
                "Le champ « " + path + " » ne peut pas être modifié ; champs modifiables : " + allowed + "."));
        violations.throwIfAny();
        return List.copyOf(paths);
    }
}

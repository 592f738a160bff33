package fr.bilan.quality.bilan;

import java.util.Objects;

/**
 * Who pays for a bilan, as its agreed funding names them: a company, an administration or a public body,
 * never a person's data beyond a company's name and SIRET.
 *
 * @param siret the employer's SIRET, or empty
 */
public record FunderRef(FunderKind kind, String name, String siret) {

    public FunderRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        siret = siret == null ? "" : siret;
    }
}

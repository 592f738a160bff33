package fr.bilan.quality.funder;

import java.util.Objects;

/** Who at a funder receives its yearly survey: a business contact, their name and e-mail address. */
public record FunderContact(String name, String emailAddress) {

    public FunderContact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(emailAddress, "emailAddress");
    }
}

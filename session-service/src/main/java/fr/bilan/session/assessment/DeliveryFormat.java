package fr.bilan.session.assessment;

import fr.bilan.support.refusal.RuleRefusal;

/** How a bilan is delivered: where its sessions may take place. */
public enum DeliveryFormat {
    ON_SITE("sur place"),
    REMOTE("à distance"),
    HYBRID("mixte");

    private final String frenchName;

    DeliveryFormat(String frenchName) {
        this.frenchName = frenchName;
    }

    /** Refuses a place this format does not allow: on site needs a room, remote a video link. */
    void checkPlace(Place place) {
        if (this == ON_SITE && place.isRemote() || this == REMOTE && !place.isRemote()) {
            throw new RuleRefusal("Ce bilan se déroule " + frenchName + " : ses séances ont lieu "
                    + (this == ON_SITE ? "dans une salle du centre." : "par visioconférence."));
        }
    }
}

package fr.bilan.session.calendar;

import java.util.List;

/**
 * Everything the platform applies to one centre, as its staff may read it: the rules sessions
 * follow (its zone and opening hours among them), the rooms on-site sessions may take, and the
 * identity its documents print. Reading it reaches no one's personal data.
 *
 * @param rooms empty: any room name
 */
public record CentreSettings(String centreId, CentreRules rules, List<String> rooms, CentreIdentity identity) {

    public CentreSettings {
        rooms = rooms.stream().sorted().toList();
    }
}

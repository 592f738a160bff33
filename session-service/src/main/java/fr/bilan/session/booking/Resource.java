package fr.bilan.session.booking;

/** What a session occupies and nothing else may hold at the same time: its consultant, its beneficiary, its room. */
public record Resource(Kind kind, String id) {

    public enum Kind {
        CONSULTANT("le consultant"),
        BENEFICIARY("le bénéficiaire"),
        ROOM("la salle");

        private final String frenchName;

        Kind(String frenchName) {
            this.frenchName = frenchName;
        }

        public String frenchName() {
            return frenchName;
        }
    }

    public static Resource consultant(String consultantId) {
        return new Resource(Kind.CONSULTANT, consultantId);
    }

    public static Resource beneficiary(String beneficiaryId) {
        return new Resource(Kind.BENEFICIARY, beneficiaryId);
    }

    /** Rooms are named within their centre. */
    public static Resource room(String centreId, String roomId) {
        return new Resource(Kind.ROOM, centreId + "/" + roomId);
    }
}

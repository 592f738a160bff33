package fr.bilan.session.assessment;

import java.util.Objects;

/** Where a session takes place: a room of the centre, or a video link; exactly one of them. */
public record Place(String roomId, String videoLink) {

    public Place {
        if ((roomId == null) == (videoLink == null)) {
            throw new IllegalArgumentException("a session takes place in a room or by video, one of them");
        }
    }

    public static Place room(String roomId) {
        return new Place(Objects.requireNonNull(roomId), null);
    }

    public static Place video(String link) {
        return new Place(null, Objects.requireNonNull(link));
    }

    public boolean isRemote() {
        return videoLink != null;
    }
}

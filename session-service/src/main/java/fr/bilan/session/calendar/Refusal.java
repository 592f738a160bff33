package fr.bilan.session.calendar;

/**
 * A rule of the bilan refuses what was asked; the message, in French, says which and why. The gRPC
 * edge answers it as {@code FAILED_PRECONDITION}.
 */
public class Refusal extends RuntimeException {

    public Refusal(String frenchReason) {
        super(frenchReason);
    }
}

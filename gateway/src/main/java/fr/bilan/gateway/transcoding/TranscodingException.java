package fr.bilan.gateway.transcoding;

import java.util.List;

import fr.bilan.gateway.problem.Problem;
import fr.bilan.gateway.problem.ProblemKind;

/** An HTTP request that cannot become the RPC's request message; says why, in French. */
public class TranscodingException extends RuntimeException {

    private final ProblemKind kind;
    private final List<Problem.FieldError> errors;

    public TranscodingException(ProblemKind kind, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static TranscodingException invalid(String detail) {
        return new TranscodingException(ProblemKind.INVALID_ARGUMENT, detail, List.of());
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}

package fr.bilan.notification.digest;

/** beneficiary-service could not tell the CPF deadlines now: the digests go without them, and say so. */
public class CpfDeadlinesUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CpfDeadlinesUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

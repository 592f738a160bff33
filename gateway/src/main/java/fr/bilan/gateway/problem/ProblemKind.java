package fr.bilan.gateway.problem;

import io.grpc.Status;

/**
 * Every kind of failure the API reports, with its HTTP status as Google's API design guide maps
 * gRPC codes (google/rpc/code.proto), a stable type URI and a French title.
 */
public enum ProblemKind {
    CANCELLED(Status.Code.CANCELLED, 499, "Requête annulée"),
    UNKNOWN(Status.Code.UNKNOWN, 500, "Erreur interne"),
    INVALID_ARGUMENT(Status.Code.INVALID_ARGUMENT, 400, "Requête invalide"),
    DEADLINE_EXCEEDED(Status.Code.DEADLINE_EXCEEDED, 504, "Délai de réponse dépassé"),
    NOT_FOUND(Status.Code.NOT_FOUND, 404, "Ressource introuvable"),
    ALREADY_EXISTS(Status.Code.ALREADY_EXISTS, 409, "La ressource existe déjà"),
    PERMISSION_DENIED(Status.Code.PERMISSION_DENIED, 403, "Accès refusé"),
    RESOURCE_EXHAUSTED(Status.Code.RESOURCE_EXHAUSTED, 429, "Trop de requêtes"),
    FAILED_PRECONDITION(Status.Code.FAILED_PRECONDITION, 400, "Action impossible dans l'état actuel"),
    ABORTED(Status.Code.ABORTED, 409, "Conflit de modification"),
    OUT_OF_RANGE(Status.Code.OUT_OF_RANGE, 400, "Valeur hors des limites permises"),
    UNIMPLEMENTED(Status.Code.UNIMPLEMENTED, 501, "Opération non disponible"),
    INTERNAL(Status.Code.INTERNAL, 500, "Erreur interne"),
    UNAVAILABLE(Status.Code.UNAVAILABLE, 503, "Service momentanément indisponible"),
    DATA_LOSS(Status.Code.DATA_LOSS, 500, "Erreur interne"),
    UNAUTHENTICATED(Status.Code.UNAUTHENTICATED, 401, "Authentification requise"),
    // HTTP-only failures, found before any RPC is called
    METHOD_NOT_ALLOWED(null, 405, "Méthode non autorisée"),
    // ABORTED when the stale etag came in If-Match (RFC 9110 §13.1.1)
    PRECONDITION_FAILED(null, 412, "La ressource a changé entre-temps"),
    PAYLOAD_TOO_LARGE(null, 413, "Requête trop volumineuse"),
    URI_TOO_LONG(null, 414, "Adresse trop longue"),
    UNSUPPORTED_MEDIA_TYPE(null, 415, "Type de contenu non pris en charge"),
    REQUEST_HEADER_FIELDS_TOO_LARGE(null, 431, "En-têtes trop volumineux");

    private static final String TYPE_PREFIX = "urn:bilan:problem:";

    private final Status.Code grpcCode;
    private final int httpStatus;
    private final String title;

    ProblemKind(Status.Code grpcCode, int httpStatus, String title) {
        this.grpcCode = grpcCode;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public static ProblemKind of(Status.Code code) {
        return code == Status.Code.OK ? UNKNOWN : valueOf(code.name());
    }

    /** The kind a bare HTTP status stands for, when no gRPC call was made. */
    public static ProblemKind ofHttpStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> ABORTED;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> REQUEST_HEADER_FIELDS_TOO_LARGE;
            case 429 -> RESOURCE_EXHAUSTED;
            default -> status >= 500 ? INTERNAL : INVALID_ARGUMENT;
        };
    }

    public Status.Code grpcCode() {
        return grpcCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    public String type() {
        return TYPE_PREFIX + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Server faults: their gRPC description may hold internals, so it never reaches the caller. */
    public boolean hidesDetail() {
        return httpStatus >= 500;
    }
}

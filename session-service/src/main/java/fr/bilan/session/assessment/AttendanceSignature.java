package fr.bilan.session.assessment;

import java.time.Instant;

/**
 * One signature of a session's attendance sheet: who, when, how (the method names the evidence:
 * in the application, a scanned paper sheet, an e-signature service).
 */
public record AttendanceSignature(Signer signer, Instant time, String method) {
}

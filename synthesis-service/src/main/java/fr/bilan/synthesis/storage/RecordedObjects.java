package fr.bilan.synthesis.storage;

/**
 * Implemented by the synthesis repository: whether an object key is recorded as a stored version in
 * MongoDB. An object under {@code assessments/} that is not, past the orphan grace, is the upload of a
 * finalisation whose database write never happened: {@link OrphanObjects} removes it.
 */
@FunctionalInterface
public interface RecordedObjects {

    boolean isRecorded(String objectKey);
}

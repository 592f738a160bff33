package fr.bilan.support.audit;

import java.util.List;

import fr.bilan.proto.audit.v1.AccessRecord;

/**
 * One page of access records, newest first.
 *
 * @param nextPageToken the token of the next page; empty on the last one
 */
public record AccessRecordPage(List<AccessRecord> records, String nextPageToken) {
}

package fr.bilan.synthesis.holding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.model.Filters;

import fr.bilan.proto.beneficiary.v1.Recipient;
import fr.bilan.proto.beneficiary.v1.RecipientKind;
import fr.bilan.proto.retention.internal.v1.DeleteDocumentsRequest;
import fr.bilan.proto.retention.internal.v1.DocumentDeletion;
import fr.bilan.proto.retention.internal.v1.DocumentHolderServiceGrpc;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentRequest;
import fr.bilan.proto.retention.internal.v1.EraseAssessmentContentResponse;
import fr.bilan.proto.session.v1.AssessmentState;
import fr.bilan.proto.synthesis.v1.CreateSynthesisShareRequest;
import fr.bilan.proto.synthesis.v1.DownloadSynthesisDocumentRequest;
import fr.bilan.proto.synthesis.v1.GetSynthesisRequest;
import fr.bilan.proto.synthesis.v1.ListSynthesisRevisionsRequest;
import fr.bilan.proto.synthesis.v1.Synthesis;
import fr.bilan.proto.synthesis.v1.SynthesisShare;
import fr.bilan.support.storage.ObjectEraser;
import fr.bilan.support.storage.ObjectStorage;
import fr.bilan.support.testing.FieldErrors;
import fr.bilan.support.testing.TestIdentityProvider;
import fr.bilan.synthesis.FakeBeneficiaryService;
import fr.bilan.synthesis.SynthesisServiceTestSupport;
import fr.bilan.synthesis.storage.EncryptedDocuments;
import fr.bilan.synthesis.storage.ObjectKeys;
import fr.bilan.synthesis.storage.RecordedObjects;
import fr.bilan.synthesis.vault.KeyDestroyed;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.ListObjectsArgs;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;

/**
 * What retention-service's purge asks of synthesis-service, over gRPC, against the embedded S3
 * store and MongoDB: objects really gone, content erased, the bilan's key destroyed.
 */
class DocumentHolderGrpcTest extends SynthesisServiceTestSupport {

    private static final String CEP = "Conseiller CEP — Cap emploi Lyon";

    @Autowired
    private ObjectStorage storage;
    @Autowired
    private EncryptedDocuments documents;
    @Autowired
    private RecordedObjects recorded;
    @Autowired
    private MeterRegistry meters;

    @Test
    void deletesTheKeysAskedAnswersInTheOrderAskedAndCountsAbsentKeysDeleted() throws Exception {
        String bilan = newId();
        String first = put(ObjectKeys.synthesis(bilan, newId()));
        String second = put(ObjectKeys.synthesis(bilan, newId()));
        String kept = put(ObjectKeys.synthesis(bilan, newId()));
        String absent = ObjectKeys.synthesis(bilan, newId());
        double requestsBefore = meters.get(ObjectEraser.REQUESTS).counter().count();

        List<DocumentDeletion> deletions = holder(platform()).deleteDocuments(DeleteDocumentsRequest.newBuilder()
                .setBucket(storage.bucket()).addAllObjectKeys(List.of(second, absent, first, second)).build())
                .getDeletionsList();

        assertThat(deletions).extracting(DocumentDeletion::getObjectKey).containsExactly(second, absent, first, second);
        assertThat(deletions).allSatisfy(deletion -> {
            assertThat(deletion.getDeleted()).isTrue();
            assertThat(deletion.getFailure()).isEmpty();
        });
        assertThat(exists(first)).isFalse();
        assertThat(exists(second)).isFalse();
        assertThat(listed(ObjectKeys.ROOT + bilan + "/")).containsExactly(kept);
        // one multi-object delete for the call
        assertThat(meters.get(ObjectEraser.REQUESTS).counter().count() - requestsBefore).isEqualTo(1);
    }

    @Test
    void aFinalSynthesisWhosePdfWasDeletedRefusesItsDownloadAsDestroyed() throws Exception {
        TestBilan bilan = finalised();
        String objectKey = objectKeyOf(bilan.id());

        DocumentDeletion deletion = holder(platform()).deleteDocuments(DeleteDocumentsRequest.newBuilder()
                .setBucket(storage.bucket()).addObjectKeys(objectKey).build()).getDeletions(0);

        assertThat(deletion.getDeleted()).isTrue();
        assertThat(exists(objectKey)).isFalse();
        StatusRuntimeException refused = refusal(() -> syntheses(bilan.beneficiaryToken()).downloadSynthesisDocument(
                DownloadSynthesisDocumentRequest.newBuilder().setAssessmentId(bilan.id()).build()).hasNext());
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).contains("ont été détruits");
    }

    @Test
    void refusesAnotherBucketTooManyKeysAndKeysThatAreNotItsDocumentsDeletingNothing() throws Exception {
        String ours = put(ObjectKeys.synthesis(newId(), newId()));
        List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> ObjectKeys.synthesis(newId(), newId())).toList();

        assertThat(FieldErrors.of(() -> delete("bilan-retention", List.of(ours)))).singleElement().asString()
                .startsWith("bucket: ").contains("bilan-synthesis");
        assertThat(FieldErrors.fieldsOf(() -> delete("", List.of(ours)))).containsExactly("bucket");
        assertThat(FieldErrors.of(() -> delete(storage.bucket(), tooMany))).singleElement().asString()
                .startsWith("object_keys: ").contains("1 000", "1001");
        assertThat(FieldErrors.fieldsOf(() -> delete(storage.bucket(), List.of()))).containsExactly("object_keys");
        assertThat(FieldErrors.of(() -> delete(storage.bucket(), List.of(" ", ours, "other/" + newId(),
                ObjectKeys.ROOT + "../agreements/" + newId())))).containsExactly(
                        "object_keys[0]: Ce champ est obligatoire.",
                        "object_keys[2]: Les documents de ce service ont une clé qui commence par « assessments/ ».",
                        "object_keys[3]: Une clé de document ne contient pas « .. ».");
        assertThat(exists(ours)).isTrue();
    }

    @Test
    void namesTwentyWrongKeysAtMostSoThatTheRefusalFitsItsTrailers() {
        List<String> wrong = Collections.nCopies(DeletionRequests.MAX_KEYS, "elsewhere/" + "x".repeat(200));

        List<String> violations = FieldErrors.of(() -> delete(storage.bucket(), wrong));

        assertThat(violations).hasSize(DeletionRequests.MAX_KEYS_NAMED + 1)
                .last().isEqualTo("object_keys: Et 980 autre(s) clé(s) invalide(s).");
    }

    @Test
    void erasesTheBilansContentAfterDestroyingItsKeyAndChangesNothingTheSecondTime() throws Exception {
        TestBilan bilan = newBilan(AssessmentState.CONCLUSION);
        Synthesis draft = save(bilan, fullContent(), "", List.of());
        save(bilan, fullContent(), draft.getEtag(), List.of());
        finalize(bilan);
        FakeBeneficiaryService.grantSharing(bilan.beneficiaryId(), CEP);
        SynthesisShare share = syntheses(bilan.beneficiaryToken()).createSynthesisShare(CreateSynthesisShareRequest
                .newBuilder().setAssessmentId(bilan.id()).setShare(SynthesisShare.newBuilder().setRecipient(
                        Recipient.newBuilder().setKind(RecipientKind.CEP_ADVISOR).setName(CEP))).build()).getShare();
        String objectKey = objectKeyOf(bilan.id());
        Document backup = database.getCollection("syntheses").find(Filters.eq("_id", bilan.id())).first();
        long revisions = count("synthesis_revisions", Filters.eq("assessmentId", bilan.id()));
        long accessRecords = count("access_records", Filters.eq("beneficiaryId", bilan.beneficiaryId()));
        assertThat(share.getId()).isNotEmpty();
        assertThat(revisions).isPositive();
        assertThat(recorded.isRecorded(objectKey)).isTrue();

        EraseAssessmentContentResponse erased = erase(platform(), bilan.id());
        EraseAssessmentContentResponse again = erase(platform(), bilan.id());

        assertThat(erased.getErasedRecords()).isEqualTo(1 + revisions + 1);
        assertThat(erased.getKeyDestroyed()).isTrue();
        assertThat(again.getErasedRecords()).isZero();
        assertThat(again.getKeyDestroyed()).isTrue();
        assertThat(count("syntheses", Filters.eq("_id", bilan.id()))).isZero();
        assertThat(count("synthesis_revisions", Filters.eq("assessmentId", bilan.id()))).isZero();
        assertThat(count("synthesis_shares", Filters.eq("assessmentId", bilan.id()))).isZero();
        Document key = database.getCollection("assessment_keys").find(Filters.eq("_id", bilan.id())).first();
        assertThat(key).containsKey("destroyTime").doesNotContainKey("wrappedKey");
        // access records are not the content: they expire on their own
        assertThat(count("access_records", Filters.eq("beneficiaryId", bilan.beneficiaryId())))
                .isEqualTo(accessRecords);
        // the PDF left in the bucket is no synthèse's any more: the orphan sweep takes it
        assertThat(recorded.isRecorded(objectKey)).isFalse();

        // any copy left anywhere is noise now: the object, and the synthèse restored from a backup
        assertThatThrownBy(() -> documents.get(bilan.id(), objectKey)).isInstanceOf(KeyDestroyed.class);
        database.getCollection("syntheses").insertOne(backup);
        StatusRuntimeException restored = refusal(() -> syntheses(bilan.consultantToken()).getSynthesis(
                GetSynthesisRequest.newBuilder().setAssessmentId(bilan.id()).build()));
        assertThat(restored.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(restored.getStatus().getDescription()).contains("ont été détruits");
    }

    @Test
    void aSynthesisThePurgeDestroyedReadsAsDestroyedNotAsNeverWritten() throws Exception {
        TestBilan bilan = finalised();
        // the purge's two steps: the PDF, then the content with the bilan's key
        holder(platform()).deleteDocuments(DeleteDocumentsRequest.newBuilder().setBucket(storage.bucket())
                .addObjectKeys(objectKeyOf(bilan.id())).build());
        erase(platform(), bilan.id());

        List<StatusRuntimeException> refusals = List.of(
                refusal(() -> syntheses(bilan.beneficiaryToken()).downloadSynthesisDocument(
                        DownloadSynthesisDocumentRequest.newBuilder().setAssessmentId(bilan.id()).build()).hasNext()),
                refusal(() -> syntheses(bilan.consultantToken()).getSynthesis(
                        GetSynthesisRequest.newBuilder().setAssessmentId(bilan.id()).build())),
                refusal(() -> syntheses(bilan.beneficiaryToken()).listSynthesisRevisions(
                        ListSynthesisRevisionsRequest.newBuilder().setAssessmentId(bilan.id()).build())));

        // not « pas encore finalisée », nor an empty draft to write again
        assertThat(refusals).allSatisfy(refused -> {
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(refused.getStatus().getDescription()).contains("ont été détruits");
        });
    }

    @Test
    void anErasureNamesItsBilan() {
        assertThat(FieldErrors.of(() -> erase(platform(), " ")))
                .containsExactly("assessment_id: Ce champ est obligatoire.");
    }

    @Test
    void onlyPlatformServicesCallIt() throws Exception {
        TestBilan bilan = finalised();
        String objectKey = objectKeyOf(bilan.id());

        for (String token : List.of(bilan.consultantToken(), manager())) {
            assertThat(codeOf(() -> holder(token).deleteDocuments(DeleteDocumentsRequest.newBuilder()
                    .setBucket(storage.bucket()).addObjectKeys(objectKey).build())))
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(codeOf(() -> erase(token, bilan.id()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        }

        assertThat(exists(objectKey)).isTrue();
        assertThat(count("syntheses", Filters.eq("_id", bilan.id()))).isOne();
        assertThat(count("assessment_keys", Filters.and(Filters.eq("_id", bilan.id()), Filters.exists("destroyTime"))))
                .isZero();
    }

    private static String platform() {
        return TestIdentityProvider.token(TestIdentityProvider.SERVICE_ACCOUNT, TestIdentityProvider.SERVICE_ROLE);
    }

    private static DocumentHolderServiceGrpc.DocumentHolderServiceBlockingStub holder(String token) {
        return DocumentHolderServiceGrpc.newBlockingStub(channel()).withCallCredentials(bearer(token))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    private static void delete(String bucket, List<String> keys) {
        holder(platform()).deleteDocuments(DeleteDocumentsRequest.newBuilder().setBucket(bucket)
                .addAllObjectKeys(keys).build());
    }

    private static EraseAssessmentContentResponse erase(String token, String assessmentId) {
        return holder(token).eraseAssessmentContent(EraseAssessmentContentRequest.newBuilder()
                .setAssessmentId(assessmentId).build());
    }

    private String objectKeyOf(String assessmentId) {
        return database.getCollection("syntheses").find(Filters.eq("_id", assessmentId)).first()
                .get("document", Document.class).getString("objectKey");
    }

    private long count(String collection, org.bson.conversions.Bson filter) {
        return database.getCollection(collection).countDocuments(filter);
    }

    private String put(String key) throws Exception {
        storage.client().putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(key)
                .data(new byte[] {1, 2, 3}, 3).build());
        return key;
    }

    private boolean exists(String key) throws Exception {
        try {
            storage.client().statObject(StatObjectArgs.builder().bucket(storage.bucket()).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return false;
            }
            throw e;
        }
    }

    private List<String> listed(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (var item : storage.client().listObjects(ListObjectsArgs.builder().bucket(storage.bucket()).prefix(prefix)
                .recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}

package fr.bilan.synthesis.synthesis;

import fr.bilan.proto.synthesis.v1.Synthesis;
import fr.bilan.proto.synthesis.v1.SynthesisDocument;
import fr.bilan.proto.synthesis.v1.SynthesisRevision;
import fr.bilan.support.time.ProtoTime;

/** Stored syntheses as the contract shows them. */
final class SynthesisMessages {

    private SynthesisMessages() {
    }

    static Synthesis toProto(StoredSynthesis stored) {
        Synthesis.Builder synthesis = Synthesis.newBuilder()
                .setAssessmentId(stored.assessmentId())
                .setState(stored.state())
                .setContent(stored.content())
                .setBeneficiaryObservations(stored.observations())
                .setRevision(stored.revision())
                .addAllMissingSections(RequiredSections.missing(stored.content()))
                .setEtag(Long.toString(stored.version()));
        if (stored.updateTime() != null) {
            synthesis.setUpdateTime(ProtoTime.of(stored.updateTime()));
        }
        if (stored.finalizeTime() != null) {
            synthesis.setFinalizeTime(ProtoTime.of(stored.finalizeTime()));
        }
        if (stored.handoverTime() != null) {
            synthesis.setHandoverTime(ProtoTime.of(stored.handoverTime()));
        }
        if (stored.document() != null) {
            synthesis.setDocument(SynthesisDocument.newBuilder().setVersion(stored.document().version())
                    .setSha256(stored.document().sha256()).setSizeBytes(stored.document().plainSize())
                    .setCreateTime(ProtoTime.of(stored.document().createTime())));
        }
        return synthesis.build();
    }

    static SynthesisRevision toRevision(StoredSynthesis stored) {
        return SynthesisRevision.newBuilder()
                .setRevision(stored.revision())
                .setAuthor(stored.author())
                .setCreateTime(ProtoTime.of(stored.updateTime()))
                .setContent(stored.content())
                .setBeneficiaryObservations(stored.observations())
                .build();
    }
}

package fr.bilan.synthesis.grpc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import fr.bilan.proto.synthesis.v1.RevisionAuthor;
import fr.bilan.proto.synthesis.v1.SynthesisDocument;
import fr.bilan.proto.synthesis.v1.SynthesisRevision;
import fr.bilan.proto.synthesis.v1.SynthesisSection;
import fr.bilan.proto.synthesis.v1.SynthesisState;
import fr.bilan.support.refusal.InvalidFields;
import fr.bilan.support.time.ProtoTime;
import fr.bilan.synthesis.content.ContentMessages;
import fr.bilan.synthesis.content.Section;
import fr.bilan.synthesis.content.Synthesis;

/** Syntheses as the contract shows them, and the update masks it sends. */
final class SynthesisMessages {

    private static final String PREFIX = "content.";

    private SynthesisMessages() {
    }

    static fr.bilan.proto.synthesis.v1.Synthesis toProto(Synthesis stored) {
        var synthesis = fr.bilan.proto.synthesis.v1.Synthesis.newBuilder()
                .setAssessmentId(stored.assessmentId())
                .setState(SynthesisState.valueOf(stored.state().name()))
                .setContent(ContentMessages.toProto(stored.content()))
                .setBeneficiaryObservations(stored.observations())
                .setRevision(stored.revision())
                .addAllMissingSections(stored.missingSections().stream().map(SynthesisMessages::toProto).toList())
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

    static SynthesisRevision toRevision(Synthesis stored) {
        return SynthesisRevision.newBuilder()
                .setRevision(stored.revision())
                .setAuthor(stored.author() == null ? RevisionAuthor.REVISION_AUTHOR_UNSPECIFIED
                        : RevisionAuthor.valueOf(stored.author().name() + "_AUTHOR"))
                .setCreateTime(ProtoTime.of(stored.updateTime()))
                .setContent(ContentMessages.toProto(stored.content()))
                .setBeneficiaryObservations(stored.observations())
                .build();
    }

    static SynthesisSection toProto(Section section) {
        return SynthesisSection.valueOf(section.name());
    }

    /**
     * The sections an update mask names: {@code content} (all of them, as an empty mask) or
     * {@code content.<section>}, each replaced whole, so that two people never merge halves of one list.
     */
    static Set<Section> sections(List<String> paths) {
        if (paths.isEmpty() || paths.contains("content")) {
            return EnumSet.allOf(Section.class);
        }
        Set<Section> sections = EnumSet.noneOf(Section.class);
        List<InvalidFields.Violation> violations = new ArrayList<>();
        for (String path : paths) {
            Section section = path.startsWith(PREFIX) ? section(path.substring(PREFIX.length())) : null;
            if (section == null) {
                violations.add(new InvalidFields.Violation("update_mask", "« " + path + " » n'est pas une section de "
                        + "la synthèse ; sections : " + EnumSet.allOf(Section.class).stream()
                                .map(known -> PREFIX + fieldName(known)).collect(Collectors.joining(", ")) + "."));
                continue;
            }
            sections.add(section);
        }
        if (!violations.isEmpty()) {
            throw new InvalidFields(violations);
        }
        return sections;
    }

    private static Section section(String field) {
        return EnumSet.allOf(Section.class).stream().filter(section -> fieldName(section).equals(field)).findFirst()
                .orElse(null);
    }

    /** The section's field in the contract's {@code SynthesisContent}. */
    private static String fieldName(Section section) {
        return section.name().toLowerCase(Locale.ROOT);
    }
}

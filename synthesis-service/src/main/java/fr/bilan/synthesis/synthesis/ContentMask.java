package fr.bilan.synthesis.synthesis;

import java.util.List;
import java.util.stream.Collectors;

import com.google.protobuf.Descriptors.FieldDescriptor;

import fr.bilan.proto.synthesis.v1.SynthesisContent;
import fr.bilan.support.errors.FieldViolations;

/**
 * An update mask over the synthèse's content: {@code content} (all of it, as an empty mask) or
 * {@code content.<section>}, each section replaced as a whole, so that two people never merge
 * halves of one list.
 */
final class ContentMask {

    private static final String PREFIX = "content.";
    private static final List<FieldDescriptor> SECTIONS = SynthesisContent.getDescriptor().getFields();

    private ContentMask() {
    }

    static SynthesisContent apply(SynthesisContent current, SynthesisContent sent, List<String> paths) {
        if (paths.isEmpty() || paths.contains("content")) {
            return sent;
        }
        FieldViolations violations = new FieldViolations();
        SynthesisContent.Builder merged = current.toBuilder();
        for (String path : paths) {
            FieldDescriptor section = path.startsWith(PREFIX)
                    ? SynthesisContent.getDescriptor().findFieldByName(path.substring(PREFIX.length())) : null;
            if (section == null) {
                violations.add("update_mask", "« " + path + " » n'est pas une section de la synthèse ; sections : "
                        + SECTIONS.stream().map(field -> PREFIX + field.getName()).collect(Collectors.joining(", "))
                        + ".");
                continue;
            }
            merged.clearField(section);
            if (section.isRepeated() || sent.hasField(section)) {
                merged.setField(section, sent.getField(section));
            }
        }
        violations.throwIfAny();
        return merged.build();
    }
}

package fr.bilan.support.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;

/**
 * The default page size has one owner, {@link PageTokens#DEFAULT_PAGE_SIZE}, which every list uses;
 * the contracts tell people the default in each {@code page_size} comment (the OpenAPI document
 * shows it), so each must say that one.
 */
class PageSizeContractTest {

    /** {@code message_type} in a FileDescriptorProto, {@code field} in a DescriptorProto. */
    private static final int MESSAGE_TYPE = 4;
    private static final int FIELD = 2;

    @Test
    void everyPageSizeOfTheContractsDocumentsTheOneDefault() throws Exception {
        List<String> pageSizes = new ArrayList<>();
        List<String> otherDefault = new ArrayList<>();
        for (FileDescriptorProto file : descriptorSet().getFileList()) {
            if (!file.getPackage().startsWith("bilan.")) {
                continue;
            }
            Map<List<Integer>, String> comments = file.getSourceCodeInfo().getLocationList().stream()
                    .filter(Location::hasLeadingComments)
                    .collect(Collectors.toMap(Location::getPathList, Location::getLeadingComments, (a, b) -> a));
            for (int m = 0; m < file.getMessageTypeCount(); m++) {
                DescriptorProto message = file.getMessageType(m);
                for (int f = 0; f < message.getFieldCount(); f++) {
                    FieldDescriptorProto field = message.getField(f);
                    if (!field.getName().equals("page_size")) {
                        continue;
                    }
                    String name = file.getPackage() + "." + message.getName() + ".page_size";
                    pageSizes.add(name);
                    String comment = comments.getOrDefault(List.of(MESSAGE_TYPE, m, FIELD, f), "");
                    if (!comment.contains("(default " + PageTokens.DEFAULT_PAGE_SIZE + ", at most ")) {
                        otherDefault.add(name + ": " + comment.strip());
                    }
                }
            }
        }
        assertThat(pageSizes).as("page_size fields seen").contains(
                "bilan.beneficiary.v1.ListBeneficiariesRequest.page_size",
                "bilan.synthesis.v1.ListSynthesisRevisionsRequest.page_size");
        assertThat(otherDefault).as("page_size comments not saying (default %d, at most …)",
                PageTokens.DEFAULT_PAGE_SIZE).isEmpty();
    }

    private FileDescriptorSet descriptorSet() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/bilan/descriptors.pb")) {
            assertThat(in).as("the contracts' descriptor set").isNotNull();
            return FileDescriptorSet.parseFrom(in);
        }
    }
}

package fr.bilan.proto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.ExtensionRegistry;

import fr.bilan.proto.api.v1.DownloadProto;

/**
 * A file a person downloads is saved under the name its contract gives
 * ({@code (bilan.api.v1.download_file_name)}): every RPC that answers a file in chunks names one, a
 * name is only given to an RPC that answers a file, and every name is one every browser and system
 * keeps as it is.
 */
class EveryDownloadNamesItsFileTest {

    private static final String HTTP_BODY = ".google.api.HttpBody";
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+");

    @Test
    void everyDownloadNamesItsFileAndOnlyFilesAreNamed() throws Exception {
        FileDescriptorSet set = descriptorSet();
        Map<String, DescriptorProto> messages = new HashMap<>();
        for (FileDescriptorProto file : set.getFileList()) {
            file.getMessageTypeList().forEach(message -> messages.put("." + qualified(file, message.getName()), message));
        }
        Map<String, String> named = new HashMap<>();
        List<String> unnamedDownloads = new ArrayList<>();
        List<String> namedButNoFile = new ArrayList<>();
        for (FileDescriptorProto file : set.getFileList()) {
            if (!file.getPackage().startsWith("bilan.")) {
                continue;
            }
            for (ServiceDescriptorProto service : file.getServiceList()) {
                for (MethodDescriptorProto method : service.getMethodList()) {
                    String rpc = qualified(file, service.getName()) + "/" + method.getName();
                    boolean answersFile = answersHttpBody(method, messages);
                    String name = method.getOptions().getExtension(DownloadProto.downloadFileName);
                    if (!name.isEmpty()) {
                        named.put(rpc, name);
                        if (!answersFile) {
                            namedButNoFile.add(rpc);
                        }
                    } else if (answersFile && method.getServerStreaming()) {
                        unnamedDownloads.add(rpc);
                    }
                }
            }
        }
        assertThat(named).as("the downloads of the platform").containsEntry(
                "bilan.synthesis.v1.SynthesisService/DownloadSynthesisDocument", "document-de-synthese.pdf")
                .containsEntry("bilan.quality.v1.ResultsService/ExportResults", "resultats.csv");
        assertThat(unnamedDownloads).as("RPCs answering a file in chunks without a download_file_name").isEmpty();
        assertThat(namedButNoFile).as("download_file_name on an RPC that answers no google.api.HttpBody").isEmpty();
        assertThat(named.values()).as("file names").allMatch(name -> FILE_NAME.matcher(name).matches());
    }

    /** Whether the HTTP answer (the response, or its {@code response_body} field) is a {@code google.api.HttpBody}. */
    private static boolean answersHttpBody(MethodDescriptorProto method, Map<String, DescriptorProto> messages) {
        HttpRule http = method.getOptions().getExtension(AnnotationsProto.http);
        if (http.getResponseBody().isEmpty()) {
            return method.getOutputType().equals(HTTP_BODY);
        }
        DescriptorProto output = messages.get(method.getOutputType());
        return output != null && output.getFieldList().stream()
                .filter(field -> field.getName().equals(http.getResponseBody()))
                .anyMatch(field -> field.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE
                        && field.getTypeName().equals(HTTP_BODY));
    }

    private static String qualified(FileDescriptorProto file, String name) {
        return file.getPackage().isEmpty() ? name : file.getPackage() + "." + name;
    }

    private FileDescriptorSet descriptorSet() throws Exception {
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        DownloadProto.registerAllExtensions(registry);
        AnnotationsProto.registerAllExtensions(registry);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/bilan/descriptors.pb")) {
            assertThat(in).as("descriptor set built by this module").isNotNull();
            return FileDescriptorSet.parseFrom(in, registry);
        }
    }
}

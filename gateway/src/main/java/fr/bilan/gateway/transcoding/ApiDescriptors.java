package fr.bilan.gateway.transcoding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.api.AnnotationsProto;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.TypeRegistry;

import fr.bilan.proto.api.v1.DownloadProto;
import fr.bilan.proto.auth.v1.AccessProto;

/**
 * Every proto file the build compiled, read from the descriptor sets on the classpath: the
 * gateway learns the API from these, so a new annotated RPC needs no gateway code.
 */
public final class ApiDescriptors {

    public static final String DEFAULT_LOCATION = "META-INF/bilan/descriptors.pb";

    private final Map<String, FileDescriptor> files;
    private final TypeRegistry types;

    private ApiDescriptors(Map<String, FileDescriptor> files) {
        this.files = Collections.unmodifiableMap(files);
        TypeRegistry.Builder registry = TypeRegistry.newBuilder();
        files.values().forEach(file -> registry.add(file.getMessageTypes()));
        this.types = registry.build();
    }

    /** Loads every descriptor set found at {@code location} on the class path. */
    public static ApiDescriptors load(ClassLoader classLoader, String location) {
        ExtensionRegistry extensions = ExtensionRegistry.newInstance();
        AnnotationsProto.registerAllExtensions(extensions);
        FieldBehaviorProto.registerAllExtensions(extensions);
        AccessProto.registerAllExtensions(extensions);
        DownloadProto.registerAllExtensions(extensions);
        Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(location))) {
                try (InputStream in = url.openStream()) {
                    FileDescriptorSet.parseFrom(in, extensions).getFileList()
                            .forEach(file -> protos.putIfAbsent(file.getName(), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read descriptor sets at " + location, e);
        }
        if (protos.isEmpty()) {
            throw new IllegalStateException("No descriptor set at " + location + " on the class path");
        }
        Map<String, FileDescriptor> built = new HashMap<>();
        protos.keySet().forEach(name -> build(name, protos, built));
        return new ApiDescriptors(built);
    }

    private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
            Map<String, FileDescriptor> built) {
        FileDescriptor done = built.get(name);
        if (done != null) {
            return done;
        }
        FileDescriptorProto proto = protos.get(name);
        if (proto == null) {
            throw new IllegalStateException("Descriptor set lacks imported file " + name);
        }
        List<FileDescriptor> dependencies = new ArrayList<>();
        proto.getDependencyList().forEach(dependency -> dependencies.add(build(dependency, protos, built)));
        try {
            FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
            built.put(name, file);
            return file;
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("Invalid proto file " + name, e);
        }
    }

    public java.util.Collection<FileDescriptor> files() {
        return files.values();
    }

    public List<ServiceDescriptor> services() {
        return files.values().stream().flatMap(file -> file.getServices().stream()).toList();
    }

    /** Resolves {@code google.protobuf.Any} contents when printing and parsing JSON. */
    public TypeRegistry types() {
        return types;
    }
}

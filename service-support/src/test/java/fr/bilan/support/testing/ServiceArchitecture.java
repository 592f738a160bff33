package fr.bilan.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The shape every service keeps (issue 20), as one test a service's ArchitectureTest extends with its
 * root package and its two lists of exceptions to the domain rule: the gRPC edge, and the classes
 * not yet freed of gRPC and proto types (a list later work shrinks; a stale entry fails).
 */
public abstract class ServiceArchitecture {

    /** Imported once per module: the three checks read the same classes. */
    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String root;
    private final List<String> exceptions;

    protected ServiceArchitecture(String root, List<String> grpcEdge, List<String> notYetPlain) {
        this.root = root;
        this.exceptions = Stream.concat(grpcEdge.stream(), notYetPlain.stream()).toList();
    }

    private JavaClasses classes() {
        return IMPORTED.computeIfAbsent(root, ArchitectureRules::mainClasses);
    }

    @Test
    public void noCyclesBetweenPackages() {
        assertThat(ArchitectureRules.violations(ArchitectureRules.noCyclesBetweenPackagesOf(root), classes())).isEmpty();
    }

    @Test
    public void noGrpcNorProtoTypesInDomainClasses() {
        assertThat(ArchitectureRules.violations(ArchitectureRules.noGrpcNorProtoInDomainOf(root, exceptions), classes()))
                .isEmpty();
    }

    @Test
    public void everyExceptionIsStillNeeded() {
        assertThat(ArchitectureRules.staleExceptions(classes(), root, exceptions)).isEmpty();
    }
}

package fr.bilan.support.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import fr.bilan.proto.auth.v1.Role;

/**
 * The shape every module keeps (issue 20), one definition for all: each module's ArchitectureTest
 * applies these to its own main classes.
 */
public final class ArchitectureRules {

    /**
     * What a domain class must not know of: the transport and the contract's generated types, but for
     * the contract's {@link Role}, the one vocabulary of access rules ({@code Caller.holdsIn}).
     */
    private static final DescribedPredicate<JavaClass> GRPC_OR_PROTO =
            JavaClass.Predicates.resideInAnyPackage("io.grpc..", "fr.bilan.proto..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(Role.class)));

    private ArchitectureRules() {
    }

    /** The module's own classes under {@code rootPackage}: main code only, neither tests nor jars. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** No cycle between the top-level packages under {@code rootPackage}, each with its subpackages. */
    public static ArchRule noCyclesBetweenPackagesOf(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    /**
     * No class in the packages under {@code rootPackage} depends on gRPC or on the proto types, except
     * the top-level classes {@code exceptions} names relative to it ({@code "assessment.AssessmentAccess"}),
     * their nested classes included. The root package itself is the application's wiring, not a domain.
     */
    public static ArchRule noGrpcNorProtoInDomainOf(String rootPackage, Collection<String> exceptions) {
        Set<String> excepted = qualified(rootPackage, exceptions);
        return noClasses().that().resideInAPackage(rootPackage + ".*..")
                .and(DescribedPredicate.not(DescribedPredicate.describe("excepted", (JavaClass type) ->
                        excepted.contains(topLevelName(type)))))
                .should().dependOnClassesThat(GRPC_OR_PROTO)
                .because("rules live in plain Java domain classes; the gRPC edge maps them");
    }

    /**
     * The exceptions that name no class, or a class no longer depending on gRPC nor proto types: such
     * an entry must leave the list, so that it only shrinks.
     */
    public static Set<String> staleExceptions(JavaClasses classes, String rootPackage, Collection<String> exceptions) {
        Set<String> stale = new TreeSet<>();
        for (String name : qualified(rootPackage, exceptions)) {
            boolean stillNeeded = classes.stream().filter(type -> topLevelName(type).equals(name))
                    .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
                    .anyMatch(dependency -> GRPC_OR_PROTO.test(dependency.getTargetClass()));
            if (!stillNeeded) {
                stale.add(name);
            }
        }
        return stale;
    }

    /** What {@code rule} finds wrong in {@code classes}, one line each: empty when the shape holds. */
    public static List<String> violations(ArchRule rule, JavaClasses classes) {
        return rule.evaluate(classes).getFailureReport().getDetails();
    }

    private static Set<String> qualified(String rootPackage, Collection<String> names) {
        Set<String> qualified = new TreeSet<>();
        names.forEach(name -> qualified.add(rootPackage + "." + name));
        return qualified;
    }

    private static String topLevelName(JavaClass type) {
        JavaClass topLevel = type;
        while (topLevel.getEnclosingClass().isPresent()) {
            topLevel = topLevel.getEnclosingClass().get();
        }
        return topLevel.getName();
    }
}

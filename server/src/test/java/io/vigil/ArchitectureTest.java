package io.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.Entity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.qute.Template;
import io.quarkus.security.PermissionsAllowed;

/**
 * The layout of docs/architecture.md, kept true (ADR 0013): features above the adapters (index for
 * OpenSearch, store for PostgreSQL), shared vocabulary and start-up plumbing at the bottom, dependencies
 * pointing one way and no cycle between packages. A new package must be placed here before it compiles
 * into a passing build.
 */
class ArchitectureTest {

    /** The server's own classes as compiled, without tests, the dev stack or libraries (imported once). */
    private static final JavaClasses SERVER = new ClassFileImporter().importPath(Path.of("target/classes"));

    private static final List<Class<? extends java.lang.annotation.Annotation>> HTTP_METHODS = List.of(GET.class,
            POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class);

    private static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices().matching("io.vigil.(*)..")
            .should().beFreeOfCycles();

    private static final ArchRule DEPENDENCIES_POINT_ONE_WAY = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("event").definedBy("io.vigil.event..")
            .layer("ops").definedBy("io.vigil.ops..")
            .layer("index").definedBy("io.vigil.index..")
            .layer("store").definedBy("io.vigil.store..")
            .layer("access").definedBy("io.vigil.access..")
            .layer("web").definedBy("io.vigil.web..")
            .layer("ingest").definedBy("io.vigil.ingest..")
            .layer("detect").definedBy("io.vigil.detect..")
            .layer("search").definedBy("io.vigil.search..")
            .layer("posture").definedBy("io.vigil.posture..")
            .layer("incident").definedBy("io.vigil.incident..")
            .whereLayer("event").mayNotAccessAnyLayer()
            .whereLayer("ops").mayNotAccessAnyLayer()
            .whereLayer("index").mayOnlyAccessLayers("event", "ops")
            .whereLayer("store").mayOnlyAccessLayers("event", "ops")
            .whereLayer("access").mayOnlyAccessLayers("event", "ops", "store")
            .whereLayer("web").mayOnlyAccessLayers("event", "access")
            .whereLayer("search").mayOnlyAccessLayers("event", "ops", "index", "store", "access", "web")
            .whereLayer("detect")
            .mayOnlyAccessLayers("event", "ops", "index", "store", "access", "web", "search")
            .whereLayer("ingest")
            .mayOnlyAccessLayers("event", "ops", "index", "store", "access", "web", "detect")
            .whereLayer("posture").mayOnlyAccessLayers("event", "ops", "index", "store", "access", "web", "search")
            .whereLayer("incident")
            .mayOnlyAccessLayers("event", "ops", "store", "access", "web", "search", "detect");

    private static final ArchRule EVERY_PACKAGE_HAS_A_LAYER = classes().that().resideInAPackage("io.vigil..")
            .should().resideInAnyPackage("io.vigil.event..", "io.vigil.ops..", "io.vigil.index..",
                    "io.vigil.store..", "io.vigil.access..", "io.vigil.web..", "io.vigil.ingest..",
                    "io.vigil.detect..", "io.vigil.search..", "io.vigil.posture..", "io.vigil.incident..")
            .because("every package is placed in the layers above (and in docs/architecture.md)");

    private static final ArchRule OPEN_SEARCH_ONLY_IN_INDEX = noClasses().that()
            .resideOutsideOfPackage("io.vigil.index..")
            .should().dependOnClassesThat().resideInAPackage("org.opensearch..")
            .because("index is the only door to OpenSearch");

    private static final ArchRule RESOURCES_RETURN_NO_ENTITIES = methods().that().areDeclaredInClassesThat()
            .haveSimpleNameEndingWith("Resource").and().arePublic()
            .should(returnNoEntity())
            .because("entities are never API payloads: a *View or *Request record is");

    private static final ArchRule EVERY_ROUTE_NAMES_ITS_PERMISSION = methods().that(areRoutes())
            .should(carryAPermission())
            .because("default is deny: every endpoint says which permission it needs (or that it is public)");

    private static final ArchRule TEMPLATES_ARE_CHECKED = fields().should().notHaveRawType(Template.class)
            .because("pages use @CheckedTemplate, so a template's expressions are checked at build time");

    @Test
    void noCyclesBetweenPackages() {
        NO_CYCLES_BETWEEN_PACKAGES.check(SERVER);
    }

    @Test
    void dependenciesPointOneWay() {
        DEPENDENCIES_POINT_ONE_WAY.check(SERVER);
    }

    @Test
    void everyPackageHasALayer() {
        EVERY_PACKAGE_HAS_A_LAYER.check(SERVER);
    }

    @Test
    void openSearchOnlyInIndex() {
        OPEN_SEARCH_ONLY_IN_INDEX.check(SERVER);
    }

    @Test
    void resourcesReturnNoEntities() {
        RESOURCES_RETURN_NO_ENTITIES.check(SERVER);
    }

    @Test
    void everyRouteNamesItsPermission() {
        EVERY_ROUTE_NAMES_ITS_PERMISSION.check(SERVER);
    }

    @Test
    void templatesAreChecked() {
        TEMPLATES_ARE_CHECKED.check(SERVER);
    }

    private static DescribedPredicate<JavaMethod> areRoutes() {
        return DescribedPredicate.describe("are routes of a *Resource or *Pages class",
                method -> (method.getOwner().getSimpleName().endsWith("Resource")
                        || method.getOwner().getSimpleName().endsWith("Pages"))
                        && HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith));
    }

    private static ArchCondition<JavaMethod> carryAPermission() {
        return new ArchCondition<>("carry @PermissionsAllowed or @PermitAll") {

            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean named = method.isAnnotatedWith(PermissionsAllowed.class)
                        || method.isAnnotatedWith(PermitAll.class)
                        || method.getOwner().isAnnotatedWith(PermissionsAllowed.class);
                events.add(new SimpleConditionEvent(method, named,
                        method.getFullName() + (named ? " names" : " does not name") + " its permission"));
            }
        };
    }

    private static ArchCondition<JavaMethod> returnNoEntity() {
        return new ArchCondition<>("return no persistence entity") {

            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
                    boolean entity = type.isAnnotatedWith(Entity.class) || type.isAssignableTo(PanacheEntityBase.class);
                    if (entity) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " returns the entity " + type.getName()));
                    }
                }
            }
        };
    }
}

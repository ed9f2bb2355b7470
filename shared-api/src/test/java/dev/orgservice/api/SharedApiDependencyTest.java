package dev.orgservice.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.orgservice.api.approval.ApprovalEvent;
import dev.orgservice.api.structure.OrganizationTreeEvent;
import dev.orgservice.api.tenant.TenantEvent;
import org.axonframework.serialization.Revision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * shared-api crosses service boundaries: it depends on nothing but the JDK and a few annotations, and its
 * events follow the conventions their serialization and upcasting rely on.
 */
@AnalyzeClasses(packages = "dev.orgservice.api", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedApiDependencyTest {

    @ArchTest
    static final ArchRule sharedApiDependsOnlyOnTheJdkAndAnnotations = classes()
            .that().resideInAPackage("dev.orgservice.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..",
                    "com.fasterxml.jackson.annotation..",
                    "org.axonframework.serialization..",
                    "dev.orgservice.api..")
            .because("consumers of shared-api must not inherit Spring, Axon internals or Jackson databind");

    /** Every event of the three families; EventContractTest checks the same of the list Kafka publishes. */
    @ArchTest
    static final ArchRule eventsAreRevisionedRecordsNamedEvent = classes()
            .that().implement(TenantEvent.class)
            .or().implement(OrganizationTreeEvent.class)
            .or().implement(ApprovalEvent.class)
            .and().areNotInterfaces()
            .should().beRecords()
            .andShould().beAnnotatedWith(Revision.class)
            .andShould().haveSimpleNameEndingWith("Event")
            .because("events are immutable, carry a revision for upcasting and say what happened");
}

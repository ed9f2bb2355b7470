package dev.orgservice.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Boundaries of the command side. */
@AnalyzeClasses(packages = "dev.orgservice.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideNeverDependsOnTheQuerySide = noClasses()
            .that().resideInAPackage("dev.orgservice.command..")
            .should().dependOnClassesThat().resideInAPackage("dev.orgservice.query..")
            .because("the command side and the query side share only shared-api");

    @ArchTest
    static final ArchRule webLayerNeverTouchesAggregates = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().areAnnotatedWith(Aggregate.class)
            .because("controllers send commands; only Axon loads aggregates");
}

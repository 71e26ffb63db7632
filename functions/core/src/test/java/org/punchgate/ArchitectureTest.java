package org.punchgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the core, checked on every build: protocol packages ({@code oci}, {@code cxml}, {@code peppol}) sit on a
 * protocol-neutral core ({@code cart}, {@code session}, {@code connection}, {@code order}), and the only
 * packages that know Lambda or the AWS SDK are the edges that exist for it.
 */
@AnalyzeClasses(packages = "org.punchgate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] PROTOCOLS = {"org.punchgate.oci..", "org.punchgate.cxml..", "org.punchgate.peppol.."};

  @ArchTest
  static final ArchRule noCyclesBetweenPackages =
      slices().matching("org.punchgate.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyTheLambdaPackageKnowsLambda = noClasses()
      .that().resideOutsideOfPackage("org.punchgate.lambda..")
      .should().dependOnClassesThat().resideInAPackage("com.amazonaws.services.lambda..");

  @ArchTest
  static final ArchRule onlyAwsAndTheCompositionRootKnowTheSdk = noClasses()
      .that().resideOutsideOfPackages("org.punchgate.aws..", "org.punchgate.wiring..")
      .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..");

  @ArchTest
  static final ArchRule ociDoesNotKnowCxml = noClasses()
      .that().resideInAPackage("org.punchgate.oci..")
      .should().dependOnClassesThat().resideInAPackage("org.punchgate.cxml..");

  @ArchTest
  static final ArchRule cxmlDoesNotKnowOci = noClasses()
      .that().resideInAPackage("org.punchgate.cxml..")
      .should().dependOnClassesThat().resideInAPackage("org.punchgate.oci..");

  @ArchTest
  static final ArchRule peppolDoesNotKnowOciOrCxml = noClasses()
      .that().resideInAPackage("org.punchgate.peppol..")
      .should().dependOnClassesThat().resideInAnyPackage("org.punchgate.oci..", "org.punchgate.cxml..");

  @ArchTest
  static final ArchRule ociAndCxmlDoNotKnowPeppol = noClasses()
      .that().resideInAnyPackage("org.punchgate.oci..", "org.punchgate.cxml..")
      .should().dependOnClassesThat().resideInAPackage("org.punchgate.peppol..");

  @ArchTest
  static final ArchRule sharedCoreKnowsNoProtocol = noClasses()
      .that().resideInAnyPackage("org.punchgate.cart..", "org.punchgate.session..", "org.punchgate.connection..",
          "org.punchgate.order..")
      .should().dependOnClassesThat().resideInAnyPackage(PROTOCOLS);
}

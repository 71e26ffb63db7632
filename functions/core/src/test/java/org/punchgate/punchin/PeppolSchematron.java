package org.punchgate.punchin;

import com.helger.io.resource.inmemory.ReadableResourceByteArray;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2025_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PEPPOL BIS 3 validation (UBL schema + schematron) with phive, for tests only. phive-rules-peppol 4.3.7
 * carries the BIS 3 releases (2024.5 onwards) but no BIS 28A v1 rules.
 */
final class PeppolSchematron {

  private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = registry();

  private PeppolSchematron() {}

  private static ValidationExecutorSetRegistry<IValidationSourceXML> registry() {
    ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
    PeppolValidation.initStandard(registry);
    return registry;
  }

  /** The errors (schema errors and fatal schematron assertions) of a T76 Order Response; empty when valid. */
  static List<String> orderResponseErrors(byte[] document) {
    IValidationExecutorSet<IValidationSourceXML> ves =
        REGISTRY.getOfID(PeppolValidation2025_05.VID_OPENPEPPOL_ORDER_RESPONSE_V3);
    ValidationResultList results = ValidationExecutionManager.executeValidation(IValidityDeterminator.createDefault(),
        ves, ValidationSourceXML.create(new ReadableResourceByteArray(document)));
    List<String> errors = new ArrayList<>();
    results.getAllErrors().forEach(e -> errors.add(e.getAsString(Locale.ENGLISH)));
    return errors;
  }
}

package org.punchgate.order;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The ERP message schema from this module's resources, loaded once, and a validator for message bodies. */
public final class ErpOrderSchema {

  private static final Schema SCHEMA = load();

  private ErpOrderSchema() {}

  /** The schema's complaints about a message body; empty when it is valid. */
  public static List<String> errors(byte[] body) {
    return SCHEMA.validate(new String(body, StandardCharsets.UTF_8), InputFormat.JSON).stream()
        .map(Error::toString).toList();
  }

  static byte[] text() {
    try (InputStream in = ErpOrderSchema.class.getResourceAsStream(ErpOrderMessage.SCHEMA_RESOURCE)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema load() {
    try (InputStream in = ErpOrderSchema.class.getResourceAsStream(ErpOrderMessage.SCHEMA_RESOURCE)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

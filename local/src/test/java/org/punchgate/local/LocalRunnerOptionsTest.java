package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalRunnerOptionsTest {

  @Test
  void defaultsAreTheDocumentedPorts() {
    var o = LocalRunner.Options.parse(new String[0]);
    assertEquals(new LocalRunner.Options(3000, 8000, 9324, null, null), o);
  }

  @Test
  void readsEveryOption() {
    var o = LocalRunner.Options.parse(new String[] {"--port", "0", "--seed", "s.json", "--dynamodb-port", "8001",
        "--sqs-port", "9325", "--template", "t.yaml"});
    assertEquals(new LocalRunner.Options(0, 8001, 9325, Path.of("t.yaml"), Path.of("s.json")), o);
  }

  @Test
  void refusesUnknownOptionsAndBadPorts() {
    assertThrows(LocalRunner.UsageException.class, () -> LocalRunner.Options.parse(new String[] {"--prot", "1"}));
    assertThrows(LocalRunner.UsageException.class, () -> LocalRunner.Options.parse(new String[] {"--port", "70000"}));
    assertThrows(LocalRunner.UsageException.class, () -> LocalRunner.Options.parse(new String[] {"--port"}));
  }
}

package org.punchgate.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFileTest {

  private static final String CXML = """
        {"id": "%s", "format": "CXML", "userGroup": "g", "shopStartUrl": "https://shop.example/",
         "cxml": {"sender": [{"domain": "%s", "identity": "AN-1"}], "sharedSecret": "s"}}""";

  @Test
  void twoEntriesWithOneIdOrOneSenderAreNamedWhereTheSecondIs(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, "{\"connections\": [\n" + String.join(",\n", List.of(CXML.formatted("a", "NetworkID"),
        CXML.formatted("b", "networkid"), CXML.formatted("a", "DUNS"))) + "\n]}\n");

    var invalid = assertThrows(SeedFile.Invalid.class, () -> SeedFile.read(seed));

    assertEquals("""
        2 problems in the seed file:
          %1$s:5:22: connections[1].cxml.sender[0]: the sender networkid/AN-1 already logs in to connections[0]: \
        a sender finds one connection
          %1$s:6:2: connections[2].id: id a is already the id of connections[0]""".formatted(seed),
        invalid.getMessage());
  }
}

package org.punchgate.admincli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.punchgate.local.LocalRunner;
import org.punchgate.local.LocalRunnerExtension;

/**
 * README's deploy section, run as written: every {@code local/punchgate-admin} command of it (the first connection,
 * the smoke check, and the same CLI against the local runner), in order, against the runner. Only what differs
 * between a stack and the runner is replaced: the API's URL, SigV4 by the admin key, and the shop's start URL by the
 * demo shop's (the smoke check opens it).
 */
@ExtendWith(LocalRunnerExtension.class)
class ReadmeDeployPathIT {

  private static final Path README = Path.of(System.getProperty("punchgate.admin-cli.dir", "."), "..", "..", "README.md");
  private static final String CLI = "local/punchgate-admin";
  private static final Pattern HEREDOC = Pattern.compile("(?m)^cat > (\\S+) <<'EOF'\\n(.*?)^EOF$", Pattern.DOTALL);
  private static final Pattern STDIN = Pattern.compile("^printf '%s\\\\n' (\\S+) \\| (.*)$");

  @Test
  void theDeploySectionsCliStepsWorkAsWritten(LocalRunner runner, @TempDir Path dir) throws Exception {
    String section = deploySection(Files.readString(README));
    Map<String, String> files = new HashMap<>();
    Matcher heredoc = HEREDOC.matcher(section);
    while (heredoc.find()) {
      Path file = dir.resolve(heredoc.group(1));
      Files.writeString(file, heredoc.group(2).replace("https://shop.example.com/punchout/start", runner.baseUrl() + "/shop/"));
      files.put(heredoc.group(1), file.toString());
    }
    assertTrue(files.containsKey("acme-srm.json"), "README writes the first connection's file");

    Map<String, String> variables = new HashMap<>(Map.of("$API_URL", runner.baseUrl().toString()));
    List<String> ran = new ArrayList<>();
    for (String command : commands(section)) {
      String stdin = "";
      Matcher piped = STDIN.matcher(command);
      if (piped.matches()) {
        stdin = expand(unquote(piped.group(1)), variables) + "\n";
        command = piped.group(2);
      }
      List<String> args = new ArrayList<>();
      for (String word : words(command).subList(1, words(command).size())) {
        String value = expand(word, variables).replace("http://localhost:3000", runner.baseUrl().toString());
        args.add(files.getOrDefault(value, value));
      }
      CliRun run = CliRun.of(stdin, Map.of(AdminAuth.ADMIN_KEY_VARIABLE, runner.adminKey()), args);
      assertEquals(0, run.exit(), command + "\n" + run);
      if (args.getFirst().equals("put-connection") && run.out().contains("generated secret")) {
        variables.put("$ACME_SECRET", run.generatedSecret());
      }
      if (args.getFirst().equals("smoke")) {
        assertTrue(run.out().contains("smoke check passed"), run.toString());
      }
      ran.add(args.getFirst());
    }
    assertEquals(List.of("put-connection", "smoke", "list-connections", "put-connection", "smoke"), ran,
        "the steps README shows: first connection and smoke on the stack, then the same on the runner");
  }

  private static String deploySection(String readme) {
    int start = readme.indexOf("\n## Deploying");
    int end = readme.indexOf("\n## ", start + 1);
    assertTrue(start >= 0 && end > start, "README has a deploy section");
    return readme.substring(start, end);
  }

  /** The CLI's command lines in the section's sh blocks, continuation lines joined, heredocs and comments left out. */
  private static List<String> commands(String section) {
    List<String> commands = new ArrayList<>();
    Matcher block = Pattern.compile("(?s)```sh\\n(.*?)```").matcher(HEREDOC.matcher(section).replaceAll(""));
    while (block.find()) {
      for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
        String command = line.replaceAll("\\s+#.*$", "").replaceAll("\\s+", " ").strip();
        if (command.contains(CLI + " ")) {
          commands.add(command);
        }
      }
    }
    return commands;
  }

  /** Shell words: blanks separate, single and double quotes group (no escapes inside; README needs none). */
  private static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(command);
    while (m.find()) {
      words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    return words;
  }

  private static String unquote(String word) {
    return words(word).getFirst();
  }

  private static String expand(String word, Map<String, String> variables) {
    String result = word;
    for (var variable : variables.entrySet()) {
      result = result.replace(variable.getKey(), variable.getValue());
    }
    assertTrue(!result.contains("$"), "a variable README sets and this test does not know: " + word);
    return result;
  }
}

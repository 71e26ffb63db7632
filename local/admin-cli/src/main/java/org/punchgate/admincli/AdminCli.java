package org.punchgate.admincli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.punchgate.json.Json;

/**
 * {@code punchgate-admin}: connections, secrets, seed import, login links and a smoke check, against a deployed stack
 * (SigV4 with the standard AWS credentials chain) or the local runner (its admin key). Exit status: 0 done, 1 failed
 * (the reason is printed), 2 a usage error.
 */
public final class AdminCli {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  /** One command: its name, what it accepts, and its help text. */
  record Command(String name, CommandLine.Spec spec, String synopsis, String help) {}

  static final String CONNECTION = """
        --api-url URL        the API: a deployed stack's ApiUrl (https://<id>.execute-api.<region>.amazonaws.com/dev)
                             or the local runner (http://localhost:3000)
        --admin-key KEY      the local runner's admin key (or PUNCHGATE_ADMIN_KEY); without it requests are signed
                             with SigV4 from the standard AWS credentials chain
        --profile P          the AWS profile to sign with (default: AWS_PROFILE, then the default profile)
        --region R           the region to sign for (default: from the API's host name, then the AWS configuration)
        --json               print the API's JSON answer instead of a table (list-connections, links)
      """;

  static final List<Command> COMMANDS = List.of(
      new Command("put-connection", new CommandLine.Spec(0, Set.of("--file"), Set.of()), "--file conn.json",
          "Creates the connection of the file, or updates it when its id exists (with the version read, or the file's\n"
              + "\"version\" when it has one). A new connection's secret is the file's \"password\", or generated with\n"
              + "\"generateSecret\": true (printed once). An update leaves the secret alone: use rotate-secret."),
      new Command("get-connection", new CommandLine.Spec(1, Set.of(), Set.of()), "ID",
          "Prints the connection document with its version; secrets appear only as metadata."),
      new Command("list-connections", new CommandLine.Spec(0, Set.of(), Set.of()), "",
          "Lists every connection: id, format, active, version, last login, open sessions, name."),
      new Command("rotate-secret", new CommandLine.Spec(1, Set.of("--user", "--overlap-minutes"), Set.of("--secret-stdin")),
          "ID [--user U] [--overlap-minutes N] [--secret-stdin]",
          "Gives the connection (or its user U, added when new) a new secret: generated (>= 128 random bits, printed\n"
              + "once) or, with --secret-stdin, the first line of standard input. The previous secret keeps working for\n"
              + "--overlap-minutes (default 60; 0 ends it now; at most 10080); the time it ends is printed."),
      new Command("import", new CommandLine.Spec(0, Set.of("--seed"), Set.of()), "--seed file.json",
          "Checks a seed file ({\"connections\": [...]}, the local runner's --seed shape) as the runner does, printing\n"
              + "every problem as file:line:column: json.path: text and sending nothing when there is one; then creates or\n"
              + "updates each connection. PunchIn customers, products and prices are not imported (the admin API has no\n"
              + "routes for them): the command says so and exits 1."),
      new Command("links", new CommandLine.Spec(1, Set.of("--return-url", "--buyer-reference", "--expires-at", "--revoke"),
          Set.of("--create")), "ID [--create --return-url U [--buyer-reference R] [--expires-at T] | --revoke LINK]",
          "Lists the login links of a PEPPOL connection, makes one (its URL is printed once), or revokes one."),
      new Command("smoke", new CommandLine.Spec(0, Set.of("--connection", "--username", "--hook-url"),
          Set.of("--password-stdin")), "--connection ID --username U --password-stdin [--hook-url URL]",
          "One OCI punchout, as SAP and the shop do it: login, the shop's start page, session info, one cart line\n"
              + "through the shop API, the OCI form fields, the session closed; each step with its time. The password\n"
              + "is the first line of standard input. Without --hook-url the hook is the connection's first allowed return\n"
              + "origin (read through the admin API). Exits 1 on the first failed step."),
      new Command("ui", new CommandLine.Spec(0, Set.of("--port"), Set.of()), "[--port 7070]",
          "Serves the admin page on 127.0.0.1 (default port 7070; 0 picks a free one) and prints the address to open\n"
              + "once; the page's calls go to the admin API through this CLI, with its credentials. Ctrl-C stops it."));

  private static final Map<String, Command> BY_NAME =
      COMMANDS.stream().collect(Collectors.toMap(Command::name, Function.identity()));

  private AdminCli() {}

  public static void main(String[] args) {
    System.exit(run(args, Console.system()));
  }

  static int run(String[] args, Console console) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      console.out().println(usage());
      return args.length == 0 ? USAGE : OK;
    }
    Command command = BY_NAME.get(args[0]);
    if (command == null) {
      console.err().println("punchgate-admin: unknown command " + args[0] + "\n\n" + usage());
      return USAGE;
    }
    CommandLine line;
    try {
      line = CommandLine.parse(command.name(), Arrays.asList(args).subList(1, args.length), command.spec());
      if (line.flag("--help")) {
        console.out().println(help(command));
        return OK;
      }
      return execute(command, line, console);
    } catch (CommandLine.UsageException e) {
      console.err().println("punchgate-admin " + command.name() + ": " + e.getMessage() + "\n\n" + help(command));
      return USAGE;
    } catch (IOException e) {
      console.err().println("punchgate-admin " + command.name() + ": the API did not answer ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check --api-url");
      return FAILED;
    } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
      console.err().println("punchgate-admin " + command.name() + ": cannot sign the request: " + signingProblem(e)
          + "\n  Configure AWS credentials (aws configure, aws sso login, AWS_PROFILE or --profile P) and a region"
          + " (--region), or give the local runner's --admin-key.");
      return FAILED;
    }
  }

  /** The SDK's message names every provider it tried, in one long line; the supplier needs the gist. */
  private static String signingProblem(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Unable to load credentials from any of the providers")) {
      return "no AWS credentials found (environment, profile, SSO, container or instance)";
    }
    if (message.startsWith("Unable to load region from any of the providers")) {
      return "no AWS region found: the API's host name has none and the AWS configuration names none";
    }
    return message;
  }

  private static int execute(Command command, CommandLine line, Console console)
      throws CommandLine.UsageException, IOException {
    URI apiUrl = AdminApi.baseUrl(line.required("--api-url"));
    AdminApi api = new AdminApi(apiUrl, AdminAuth.of(line, console, apiUrl));
    String id = line.positionals().isEmpty() ? null : line.positionals().getFirst();
    return switch (command.name()) {
      case "put-connection" -> ConnectionCommands.put(api, Path.of(line.required("--file")), console);
      case "get-connection" -> ConnectionCommands.get(api, id, console);
      case "list-connections" -> ConnectionCommands.list(api, line.flag("--json"), console);
      case "rotate-secret" -> SecretCommand.run(api, id, line.option("--user").orElse(null),
          line.number("--overlap-minutes", 0, SecretCommand.MAX_OVERLAP_MINUTES).orElse(null),
          line.flag("--secret-stdin"), console);
      case "import" -> ImportCommand.run(api, Path.of(line.required("--seed")), console);
      case "links" -> links(api, id, line, console);
      case "smoke" -> smoke(api, apiUrl, line, console);
      case "ui" -> UiCommand.run(api, line.number("--port", 0, 65_535).orElse(UiCommand.DEFAULT_PORT), console);
      default -> throw new IllegalStateException("a command without an implementation: " + command.name());
    };
  }

  private static int links(AdminApi api, String id, CommandLine line, Console console)
      throws CommandLine.UsageException, IOException {
    if (line.flag("--create") && line.option("--revoke").isPresent()) {
      throw new CommandLine.UsageException("--create and --revoke exclude each other");
    }
    if (line.flag("--create")) {
      return LinksCommand.create(api, id, line.required("--return-url"), line.option("--buyer-reference").orElse(null),
          line.option("--expires-at").orElse(null), console);
    }
    if (line.option("--revoke").isPresent()) {
      return LinksCommand.revoke(api, line.option("--revoke").get(), console);
    }
    return LinksCommand.list(api, id, line.flag("--json"), console);
  }

  private static int smoke(AdminApi api, URI apiUrl, CommandLine line, Console console)
      throws CommandLine.UsageException, IOException {
    String connection = line.required("--connection");
    String username = line.required("--username");
    if (!line.flag("--password-stdin")) {
      throw new CommandLine.UsageException("smoke needs the user's password as the first line of standard input:"
          + " --password-stdin");
    }
    String hook = line.option("--hook-url").orElse(null);
    Map<String, String> loginNames = Map.of();
    if (hook == null) {
      AdminApi.Reply reply = api.get("/admin/connections/" + AdminApi.segment(connection));
      if (!reply.is(200)) {
        console.err().println("connection " + connection + ": " + reply.describe() + "\n  (give --hook-url to run the"
            + " smoke check without the admin API)");
        return FAILED;
      }
      var document = reply.json();
      if (!document.path("format").asText().startsWith("OCI_")) {
        console.err().println("connection " + connection + " is " + document.path("format").asText()
            + ": the smoke check runs an OCI login");
        return FAILED;
      }
      hook = SmokeCheck.defaultHook(document);
      loginNames = Json.stringMap(document, "loginParameters");
      if (hook == null) {
        throw new CommandLine.UsageException("connection " + connection + " has no allowedReturnOrigins: give --hook-url");
      }
    }
    String password = console.readSecretLine();
    return new SmokeCheck(apiUrl, console).run(new SmokeCheck.Target(connection, username, password, hook, loginNames));
  }

  static String usage() {
    var text = new StringBuilder("usage: punchgate-admin <command> --api-url URL [--admin-key KEY | --profile P]"
        + " [--region R] ...\n\ncommands:\n");
    COMMANDS.forEach(c -> text.append(String.format("  %-17s %s%n", c.name(), c.synopsis())));
    return text.append("\noptions of every command:\n").append(CONNECTION)
        .append("\npunchgate-admin <command> --help describes a command. Exit status: 0 done, 1 failed, 2 usage error.")
        .toString();
  }

  static String help(Command command) {
    return "usage: punchgate-admin " + command.name() + " " + command.synopsis() + " --api-url URL [...]\n\n"
        + command.help() + "\n\noptions of every command:\n" + CONNECTION;
  }
}

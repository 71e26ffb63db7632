package org.punchgate.admincli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One parsed command line: the command, its positional arguments, its options ({@code --name value} or
 * {@code --name=value}) and its flags ({@code --name}). What a command accepts is its {@link Spec}; anything else is a
 * usage error, named.
 */
record CommandLine(String command, List<String> positionals, Map<String, String> options, Set<String> flags) {

  /** The command line cannot be run as given; exit 2 with the message and the command's usage. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** What one command accepts besides the options every command takes ({@link #COMMON_OPTIONS}). */
  record Spec(int positionals, Set<String> options, Set<String> flags) {}

  /** How every command reaches the admin API. */
  static final Set<String> COMMON_OPTIONS = Set.of("--api-url", "--admin-key", "--region", "--profile");
  static final Set<String> COMMON_FLAGS = Set.of("--help", "--json");

  static CommandLine parse(String command, List<String> args, Spec spec) throws UsageException {
    List<String> positionals = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    Set<String> flags = new java.util.LinkedHashSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        positionals.add(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (COMMON_FLAGS.contains(name) || spec.flags().contains(name)) {
        if (eq >= 0) {
          throw new UsageException(name + " takes no value");
        }
        flags.add(name);
      } else if (COMMON_OPTIONS.contains(name) || spec.options().contains(name)) {
        String value = eq >= 0 ? arg.substring(eq + 1) : i + 1 < args.size() ? args.get(++i) : null;
        if (value == null || value.isEmpty()) {
          throw new UsageException(name + " needs a value");
        }
        options.put(name, value);
      } else {
        throw new UsageException("unknown option " + name + " for " + command);
      }
    }
    if (!flags.contains("--help") && positionals.size() != spec.positionals()) {
      throw new UsageException(spec.positionals() == 0 ? command + " takes no arguments, got " + positionals.getFirst()
          : command + " needs " + (spec.positionals() == 1 ? "a connection id" : spec.positionals() + " arguments"));
    }
    return new CommandLine(command, List.copyOf(positionals), Map.copyOf(options), Set.copyOf(flags));
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  String required(String name) throws UsageException {
    return option(name).orElseThrow(() -> new UsageException(command + " needs " + name));
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  /** A whole number option within bounds, or empty when not given. */
  Optional<Integer> number(String name, int min, int max) throws UsageException {
    Optional<String> value = option(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n >= min && n <= max) {
        return Optional.of(n);
      }
    } catch (NumberFormatException e) {
      // reported below, with the bounds
    }
    throw new UsageException(name + " must be a whole number from " + min + " to " + max + ", not " + value.get());
  }
}

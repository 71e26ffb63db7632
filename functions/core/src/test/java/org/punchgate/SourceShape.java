package org.punchgate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures the source tree the way a reader meets it: a class is as long as its file, a method (or
 * constructor) runs from its signature to its closing brace. A plain scanner rather than a parser: it blanks
 * comments and literals, then follows the braces, which is all the two measures need.
 */
final class SourceShape {

  /** A file and its length in lines. */
  record ClassSize(Path file, int lines) {}

  /** A method or constructor, where it starts and how many lines it spans. */
  record MethodSize(Path file, int line, String signature, int lines) {}

  private enum Block { TYPE, METHOD, OTHER }

  private static final Pattern TYPE_KEYWORD = Pattern.compile("\\b(class|interface|enum|record)\\s+[A-Za-z_$]");
  private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\s*\\([^()]*\\))?");
  private static final Pattern CONTROL =
      Pattern.compile("^(if|for|while|switch|catch|synchronized|try|else|do|finally)\\b");

  private SourceShape() {}

  static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ClassSize> classSizes(Path root) {
    return javaFiles(root).stream()
        .map(f -> new ClassSize(root.relativize(f), read(f).split("\n", -1).length - 1))
        .sorted(Comparator.comparingInt(ClassSize::lines).reversed())
        .toList();
  }

  static List<MethodSize> methodSizes(Path root) {
    var sizes = new ArrayList<MethodSize>();
    for (Path file : javaFiles(root)) {
      sizes.addAll(methodsOf(root.relativize(file), read(file)));
    }
    sizes.sort(Comparator.comparingInt(MethodSize::lines).reversed());
    return sizes;
  }

  static List<MethodSize> methodsOf(Path file, String source) {
    String code = blankCommentsAndLiterals(source);
    var methods = new ArrayList<MethodSize>();
    Deque<Block> blocks = new ArrayDeque<>();
    Deque<int[]> starts = new ArrayDeque<>(); // {start offset of the signature} for METHOD blocks
    Deque<String> signatures = new ArrayDeque<>();
    int headerStart = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == ';') {
        headerStart = i + 1;
      } else if (c == '{') {
        String header = code.substring(headerStart, i);
        Block block = kindOf(header, blocks.isEmpty() ? Block.TYPE : blocks.peek());
        blocks.push(block);
        if (block == Block.METHOD) {
          int at = headerStart + firstCodeOffset(header);
          starts.push(new int[] {at});
          signatures.push(ANNOTATION.matcher(header).replaceAll("").strip().replaceAll("\\s+", " "));
        }
        headerStart = i + 1;
      } else if (c == '}') {
        Block block = blocks.isEmpty() ? Block.OTHER : blocks.pop();
        if (block == Block.METHOD) {
          int start = starts.pop()[0];
          int first = lineOf(code, start);
          methods.add(new MethodSize(file, first, signatures.pop(), lineOf(code, i) - first + 1));
        }
        headerStart = i + 1;
      }
    }
    return methods;
  }

  private static Block kindOf(String header, Block enclosing) {
    if (enclosing != Block.TYPE) {
      return Block.OTHER; // a lambda, an anonymous class or a statement block belongs to what holds it
    }
    String bare = ANNOTATION.matcher(header).replaceAll("").strip();
    int paren = bare.indexOf('(');
    var keyword = TYPE_KEYWORD.matcher(bare);
    if (keyword.find() && (paren < 0 || keyword.start() < paren)) {
      return Block.TYPE;
    }
    if (bare.isEmpty() || bare.equals("static") || CONTROL.matcher(bare).find() || bare.contains("=")) {
      return Block.OTHER; // an initializer, or an array or field initializer's body
    }
    return Block.METHOD; // a method, a constructor or a record's compact constructor
  }

  private static int firstCodeOffset(String header) {
    var annotations = ANNOTATION.matcher(header);
    int end = 0;
    while (annotations.find()) {
      if (!header.substring(end, annotations.start()).isBlank()) {
        break;
      }
      end = annotations.end();
    }
    int offset = end;
    while (offset < header.length() && Character.isWhitespace(header.charAt(offset))) {
      offset++;
    }
    return offset;
  }

  private static int lineOf(String code, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Replaces comments, strings, text blocks and char literals by spaces, keeping every line break. */
  static String blankCommentsAndLiterals(String source) {
    var out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      int end = endOfSkipped(source, i);
      if (end == i) {
        out.append(source.charAt(i++));
        continue;
      }
      for (int j = i; j < end; j++) {
        out.append(source.charAt(j) == '\n' ? '\n' : ' ');
      }
      i = end;
    }
    return out.toString();
  }

  private static int endOfSkipped(String s, int i) {
    if (s.startsWith("//", i)) {
      int nl = s.indexOf('\n', i);
      return nl < 0 ? s.length() : nl;
    }
    if (s.startsWith("/*", i)) {
      return s.indexOf("*/", i + 2) + 2;
    }
    if (s.startsWith("\"\"\"", i)) {
      return closing(s, i + 3, "\"\"\"");
    }
    if (s.charAt(i) == '"') {
      return closing(s, i + 1, "\"");
    }
    if (s.charAt(i) == '\'') {
      return closing(s, i + 1, "'");
    }
    return i;
  }

  private static int closing(String s, int from, String quote) {
    int j = from;
    while (!s.startsWith(quote, j)) {
      j += s.charAt(j) == '\\' ? 2 : 1;
    }
    return j + quote.length();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the largest classes and the longest methods of a source tree (default: the core's main code). */
  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "functions/core/src/main/java");
    int most = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    classSizes(root).stream().limit(most).forEach(c -> System.out.println(c.lines() + " " + c.file()));
    System.out.println();
    methodSizes(root).stream().limit(most)
        .forEach(m -> System.out.println(m.lines() + " " + m.file() + ":" + m.line() + " " + m.signature()));
  }
}

package org.punchgate.oci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.punchgate.http.FormParameters;

/**
 * Finds the forms of an HTML page and what a browser would submit from them: the {@code <form>}'s action,
 * method and target, and the name/value of each successful {@code <input>} and {@code <textarea>}. Built for
 * OCI cart pages as real catalogs write them (any attribute order, single, double or no quotes, upper- or
 * lower-case tags, named and numeric character references, an HTTP header block before the page). One
 * forward scan, no regular expressions, no library; comments, scripts and styles are skipped.
 */
public final class OciHtmlForms {

  /** A form and the fields it would submit, in page order, values decoded. */
  public record Form(String action, String method, String target, FormParameters fields) {}

  private static final List<String> NOT_SUBMITTED = List.of("submit", "reset", "button", "image", "file");

  private OciHtmlForms() {}

  public static List<Form> extract(String html) {
    String text = html.replace("\r\n", "\n").replace('\r', '\n');
    List<Form> forms = new ArrayList<>();
    Map<String, String> form = null;
    List<FormParameters.Parameter> fields = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int lt = text.indexOf('<', i);
      if (lt < 0 || lt + 1 >= text.length()) {
        break;
      }
      if (text.startsWith("<!--", lt)) {
        int end = text.indexOf("-->", lt + 4);
        i = end < 0 ? text.length() : end + 3;
        continue;
      }
      boolean closing = text.charAt(lt + 1) == '/';
      int nameStart = closing ? lt + 2 : lt + 1;
      int nameEnd = nameStart;
      while (nameEnd < text.length() && Character.isLetterOrDigit(text.charAt(nameEnd))) {
        nameEnd++;
      }
      if (nameEnd == nameStart || !Character.isLetter(text.charAt(nameStart))) {
        i = text.charAt(lt + 1) == '!' || text.charAt(lt + 1) == '?' ? skipPast(text, lt) : lt + 1;
        continue;
      }
      String tag = text.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
      Map<String, String> attributes = new LinkedHashMap<>();
      i = readAttributes(text, nameEnd, attributes);
      if (closing) {
        if (tag.equals("form") && form != null) {
          forms.add(toForm(form, fields));
          form = null;
          fields = new ArrayList<>();
        }
        continue;
      }
      switch (tag) {
        case "form" -> form = form == null ? attributes : form; // a nested form tag is ignored, as browsers do
        case "input" -> {
          if (form != null && isSubmitted(attributes)) {
            fields.add(new FormParameters.Parameter(attributes.get("name"), attributes.getOrDefault("value", "")));
          }
        }
        case "textarea", "script", "style" -> {
          int close = indexOfClosingTag(text, i, tag);
          if (tag.equals("textarea") && form != null && isSubmitted(attributes)) {
            String content = text.substring(i, close);
            content = content.startsWith("\n") ? content.substring(1) : content; // as HTML drops it
            fields.add(new FormParameters.Parameter(attributes.get("name"), HtmlEntities.decode(content)));
          }
          i = close;
        }
        default -> { }
      }
    }
    if (form != null) {
      forms.add(toForm(form, fields));
    }
    return forms;
  }

  private static Form toForm(Map<String, String> form, List<FormParameters.Parameter> fields) {
    String method = form.getOrDefault("method", "get").strip().toUpperCase(Locale.ROOT);
    return new Form(form.get("action"), method, form.get("target"), FormParameters.of(fields));
  }

  private static boolean isSubmitted(Map<String, String> input) {
    String name = input.get("name");
    String type = input.getOrDefault("type", "text").strip().toLowerCase(Locale.ROOT);
    if (name == null || name.isEmpty() || input.containsKey("disabled") || NOT_SUBMITTED.contains(type)) {
      return false;
    }
    return !(type.equals("checkbox") || type.equals("radio")) || input.containsKey("checked");
  }

  /** Reads attributes from {@code from} up to the tag's closing {@code >}; answers the position after it. */
  private static int readAttributes(String text, int from, Map<String, String> attributes) {
    int p = from;
    int length = text.length();
    while (p < length) {
      char c = text.charAt(p);
      if (c == '>') {
        return p + 1;
      }
      if (Character.isWhitespace(c) || c == '/' || c == '=' || c == '"' || c == '\'') {
        p++;
        continue;
      }
      int nameStart = p;
      while (p < length && !isAttributeNameEnd(text.charAt(p))) {
        p++;
      }
      String name = text.substring(nameStart, p).toLowerCase(Locale.ROOT);
      p = skipWhitespace(text, p);
      String value = "";
      if (p < length && text.charAt(p) == '=') {
        p = skipWhitespace(text, p + 1);
        if (p < length && (text.charAt(p) == '"' || text.charAt(p) == '\'')) {
          int end = text.indexOf(text.charAt(p), p + 1);
          end = end < 0 ? length : end;
          value = text.substring(p + 1, end);
          p = Math.min(end + 1, length);
        } else {
          int valueStart = p;
          while (p < length && !Character.isWhitespace(text.charAt(p)) && text.charAt(p) != '>') {
            p++;
          }
          value = text.substring(valueStart, p);
        }
      }
      attributes.putIfAbsent(name, HtmlEntities.decode(value));
    }
    return length;
  }

  private static boolean isAttributeNameEnd(char c) {
    return Character.isWhitespace(c) || c == '=' || c == '>' || c == '/';
  }

  private static int skipWhitespace(String text, int p) {
    while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
      p++;
    }
    return p;
  }

  private static int skipPast(String text, int from) {
    int end = text.indexOf('>', from);
    return end < 0 ? text.length() : end + 1;
  }

  /** Where {@code </tag} starts (any case), or the end of the text. */
  private static int indexOfClosingTag(String text, int from, String tag) {
    int p = from;
    while (true) {
      int candidate = text.indexOf("</", p);
      if (candidate < 0) {
        return text.length();
      }
      if (text.regionMatches(true, candidate + 2, tag, 0, tag.length())) {
        return candidate;
      }
      p = candidate + 2;
    }
  }
}

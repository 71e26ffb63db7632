package org.punchgate.http;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Form or query parameters in the order they came, names kept as sent. Lookups are exact or, for the
 * OCI fields whose spelling varies between systems ({@code ~TARGET}/{@code ~target}), case-insensitive.
 */
public final class FormParameters {

  public record Parameter(String name, String value) {}

  private final List<Parameter> parameters;

  private FormParameters(List<Parameter> parameters) {
    this.parameters = List.copyOf(parameters);
  }

  public static FormParameters of(List<Parameter> parameters) {
    return new FormParameters(parameters);
  }

  /** Parses {@code a=1&b=2} in the given charset; a malformed escape leaves that value as sent. */
  public static FormParameters parse(String encoded, Charset charset) {
    List<Parameter> list = new ArrayList<>();
    if (encoded != null && !encoded.isEmpty()) {
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        list.add(new Parameter(decode(name, charset), decode(value, charset)));
      }
    }
    return new FormParameters(list);
  }

  /**
   * Whether every percent-escaped byte run of {@code a=1&b=2} is well-formed text in the charset. A call-up
   * sent in another charset than it declares fails here instead of turning into replacement characters.
   */
  public static boolean decodesIn(String encoded, Charset charset) {
    if (encoded == null || encoded.indexOf('%') < 0) {
      return true;
    }
    var decoder = charset.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
    for (int i = 0; i <= encoded.length(); i++) {
      boolean escape = i + 2 < encoded.length() + 0 && i < encoded.length() && encoded.charAt(i) == '%'
          && Character.digit(encoded.charAt(i + 1), 16) >= 0 && Character.digit(encoded.charAt(i + 2), 16) >= 0;
      if (escape) {
        run.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
        i += 2;
        continue;
      }
      if (run.size() > 0) {
        try {
          decoder.reset().decode(java.nio.ByteBuffer.wrap(run.toByteArray()));
        } catch (java.nio.charset.CharacterCodingException e) {
          return false;
        }
        run.reset();
      }
    }
    return true;
  }

  private static String decode(String text, Charset charset) {
    try {
      return URLDecoder.decode(text, charset);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** This plus another set, this one's parameters first (a POST body after its query, for example). */
  public FormParameters plus(FormParameters more) {
    List<Parameter> all = new ArrayList<>(parameters);
    all.addAll(more.parameters);
    return new FormParameters(all);
  }

  public String first(String name) {
    for (Parameter p : parameters) {
      if (p.name().equals(name)) {
        return p.value();
      }
    }
    return null;
  }

  public String firstIgnoreCase(String name) {
    for (Parameter p : parameters) {
      if (p.name().equalsIgnoreCase(name)) {
        return p.value();
      }
    }
    return null;
  }

  public List<Parameter> all() {
    return parameters;
  }

  public int size() {
    return parameters.size();
  }

  public boolean hasIgnoreCase(String name) {
    return firstIgnoreCase(name) != null;
  }

  @Override
  public String toString() {
    // names only: values may hold passwords
    return parameters.stream().map(Parameter::name).map(n -> n.toLowerCase(Locale.ROOT)).toList().toString();
  }
}

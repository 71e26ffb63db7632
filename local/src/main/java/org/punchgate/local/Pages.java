package org.punchgate.local;

import static org.punchgate.http.Html.escape;

/** The shared frame of the runner's own pages (index, demo shop, buyer simulator): no external resources. */
final class Pages {

  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
      header{padding:.8em 1.5em;color:#fff;background:#2d3e50}
      header a{color:#fff}
      main{padding:1em 1.5em;max-width:72em}
      table{border-collapse:collapse;background:#fff;margin:.5em 0 1em}
      th,td{border:1px solid #cfd5dd;padding:.3em .6em;text-align:left;vertical-align:top}
      th{background:#e9edf2}
      td.num{text-align:right;white-space:nowrap}
      .notice{padding:.6em 1em;background:#e7f4e4;border:1px solid #9cc997}
      .error{padding:.6em 1em;background:#fbeaea;border:1px solid #d99}
      .muted{color:#667}
      form.inline{display:inline}
      .nowrap,table.nowrap td{white-space:nowrap}
      table.nowrap td.text{white-space:normal;min-width:24em}
      .wide{overflow-x:auto;width:max-content;max-width:calc(100vw - 4em)}
      label{display:block;margin:.4em 0}
      button{padding:.35em .9em}
      code{background:#eef;padding:0 .2em}
      """;

  private Pages() {}

  /** A whole page; {@code bodyHtml} must already be escaped where it holds data. */
  static String page(String title, String headerHtml, String bodyHtml) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head>\n<body>"
        + "<header>" + headerHtml + "</header>\n<main>" + bodyHtml + "</main></body></html>\n";
  }

  static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
  }

  static String option(String value, String label, boolean selected) {
    return "<option value=\"" + escape(value) + "\"" + (selected ? " selected" : "") + ">" + escape(label) + "</option>";
  }
}

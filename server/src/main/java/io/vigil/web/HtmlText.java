package io.vigil.web;

/** Text made safe to place in HTML, as element content or a quoted attribute value. */
public final class HtmlText {

    private HtmlText() {
    }

    public static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

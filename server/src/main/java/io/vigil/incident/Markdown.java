package io.vigil.incident;

import java.util.Optional;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Comments are Markdown. Raw HTML in one is refused (with its line) rather than silently dropped, so its
 * author knows; what Markdown renders to still goes through an allow-list sanitizer before it reaches a
 * page, so a link to {@code javascript:} or anything the renderer lets through stays inert.
 */
final class Markdown {

    static final int MAX_LENGTH = 20_000;

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>").build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2",
                    "h3", "h4", "h5", "h6", "hr", "del", "a")
            .allowUrlProtocols("https", "http", "mailto").allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer").toFactory();

    private Markdown() {
    }

    /** Why the text cannot be a comment, or empty when it can. */
    static Optional<String> refusal(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return Optional.of("body: a comment needs some text");
        }
        if (markdown.length() > MAX_LENGTH) {
            return Optional.of("body: at most " + MAX_LENGTH + " characters (this one has " + markdown.length()
                    + ")");
        }
        String[] found = new String[1];
        PARSER.parse(markdown).accept(new AbstractVisitor() {

            @Override
            public void visit(HtmlBlock html) {
                note(html, html.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                note(html, html.getLiteral());
            }

            private void note(Node node, String literal) {
                if (found[0] == null) {
                    int line = node.getSourceSpans().isEmpty() ? 1 : node.getSourceSpans().get(0).getLineIndex() + 1;
                    String shown = literal.strip();
                    found[0] = "body: comments are Markdown and raw HTML is not accepted (line " + line + ": "
                            + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown)
                            + "); put it in `backticks` to quote it";
                }
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /** The comment as safe HTML. */
    static String html(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }
}

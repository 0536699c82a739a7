package vae.lecturer;

import static vae.kernel.render.Html.escape;

import com.google.gson.JsonObject;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import vae.kernel.notebook.Notebook;

/**
 * A notebook as one self-contained HTML page (handouts, feedback files): markdown rendered with commonmark, code and
 * outputs as they are, images embedded as data URIs. Nothing is loaded from the network.
 */
public final class NotebookHtml {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    static final String STYLE = """
            body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
            pre{background:#f6f8fa;padding:.6em .8em;overflow-x:auto;border-radius:4px;font-size:90%}
            .code pre{border-left:3px solid #4a7bd0}
            .output pre{background:#fff;border-left:3px solid #ccc}
            .stderr pre{background:#fff3f3}
            .error pre{background:#fdecea;border-left:3px solid #d33;color:#900}
            .feedback{margin:.3em 0 1em;padding:.4em .8em;border-radius:4px;font-weight:bold}
            .feedback.passed{background:#e6f4ea;color:#1e6b34}.feedback.failed{background:#fdecea;color:#a00}
            table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:right}
            th{background:#f0f0f0}img{max-width:100%}
            .k-full{background:#c8e6c9}.k-partial{background:#fff0b3}.k-wrong{background:#f6b8b8}.k-not-answered{background:#e2e2e2}
            .k-stopped{background:#d7c4f2}.k-error{background:#f9c48a}
            .misses ul{list-style:none;padding-left:0}.misses li{padding:.25em .6em;margin:.2em 0;border-radius:3px}
            """;

    private NotebookHtml() {}

    /** The page of a whole notebook. */
    public static String page(String title, Notebook nb) {
        StringBuilder body = new StringBuilder();
        for (JsonObject cell : nb.cells()) body.append(cell(cell));
        return document(title, body.toString());
    }

    static String document(String title, String body) {
        return document(title, body, "");
    }

    /** The page, with {@code head} (the report's own style and sorting script, inline) after the common style. */
    static String document(String title, String body, String head) {
        return "<!DOCTYPE html>\n<html lang=\"" + vae.Language.current() + "\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>" + STYLE
                + "</style>" + head + "</head><body>\n" + body + "</body></html>\n";
    }

    /** One cell: markdown as HTML, or code with its outputs. */
    static String cell(JsonObject cell) {
        String type = cell.get("cell_type").getAsString();
        if (type.equals("markdown")) return "<div class=\"markdown\">" + markdown(Notebook.source(cell)) + "</div>\n";
        if (!type.equals("code")) return "<pre>" + escape(Notebook.source(cell)) + "</pre>\n";
        StringBuilder html = new StringBuilder("<div class=\"code\"><pre><code>").append(escape(Notebook.source(cell))).append("</code></pre></div>\n");
        html.append(outputs(cell));
        return html.toString();
    }

    static String markdown(String text) {
        return HTML.render(MARKDOWN.parse(text));
    }

    /** The outputs; a check's verdict (data only) shows nothing, so the lines printed around it read as one block. */
    static String outputs(JsonObject cell) {
        StringBuilder html = new StringBuilder();
        String streamName = null;
        StringBuilder streamText = new StringBuilder();
        for (JsonObject out : Notebook.outputs(cell)) {
            String type = out.get("output_type").getAsString();
            String shown = type.equals("execute_result") || type.equals("display_data") ? data(out.getAsJsonObject("data")) : null;
            if ("".equals(shown)) continue;
            if (type.equals("stream") && out.get("name").getAsString().equals(streamName)) {
                streamText.append(Notebook.text(out.get("text")));
                continue;
            }
            stream(html, streamName, streamText);
            streamName = type.equals("stream") ? out.get("name").getAsString() : null;
            streamText.setLength(0);
            switch (type) {
                case "stream" -> streamText.append(Notebook.text(out.get("text")));
                case "error" -> html.append("<div class=\"error\"><pre>").append(escape(out.get("ename").getAsString() + ": "
                        + out.get("evalue").getAsString())).append("</pre></div>\n");
                case "execute_result", "display_data" -> html.append("<div class=\"output\">").append(shown).append("</div>\n");
                default -> { }
            }
        }
        stream(html, streamName, streamText);
        return html.toString();
    }

    private static void stream(StringBuilder html, String name, CharSequence text) {
        if (name != null) html.append("<div class=\"output ").append(name).append("\"><pre>").append(escape(text.toString())).append("</pre></div>\n");
    }

    /** The richest representation: PNG, then HTML, then plain text. */
    static String data(JsonObject data) {
        if (data == null) return "";
        if (data.has("image/png")) return "<img alt=\"output\" src=\"data:image/png;base64," + Notebook.text(data.get("image/png")).replace("\n", "") + "\">";
        if (data.has("text/html")) return Notebook.text(data.get("text/html"));
        if (data.has("text/plain")) return "<pre>" + escape(Notebook.text(data.get("text/plain"))) + "</pre>";
        return "";
    }
}

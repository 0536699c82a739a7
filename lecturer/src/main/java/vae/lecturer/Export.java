package vae.lecturer;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import vae.kernel.notebook.Notebook;
import vae.kernel.render.Html;

/**
 * A notebook as an HTML handout and as reveal.js slides, both working offline: reveal.js (MIT, from npm, version
 * 5.1.0) is copied beside the slides and images are embedded. Slides follow the cells' {@code slideshow.slide_type}
 * as nbconvert's {@code --to slides} does: slide, subslide, fragment, skip, notes, and "-" to continue.
 */
public final class Export {
    static final String[] REVEAL_FILES = {"reveal.js", "reveal.css", "white.css", "LICENSE"};

    private Export() {}

    /** Writes NAME.html and NAME.slides.html into {@code out}, and reveal.js into {@code out/reveal}. */
    public static List<Path> export(Path notebook, Path out) {
        vae.Language.use(Edition.ofNotebook(notebook).language());   // the pages say which language they are in
        Notebook nb = Notebook.read(notebook);
        String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        try {
            Files.createDirectories(out.resolve("reveal"));
            for (String f : REVEAL_FILES) {
                try (InputStream in = Export.class.getResourceAsStream("reveal/" + f)) {
                    if (in == null) throw new IllegalStateException("reveal.js file " + f + " is missing from the lecturer jar");
                    Files.copy(in, out.resolve("reveal").resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path html = out.resolve(name + ".html"), slides = out.resolve(name + ".slides.html");
            Files.writeString(html, NotebookHtml.page(title(nb, name), nb));
            Files.writeString(slides, slides(title(nb, name), nb));
            return List.of(html, slides);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export " + notebook + " to " + out, e);
        }
    }

    /** The reveal.js deck: horizontal sections per "slide", nested ones per "subslide". */
    static String slides(String title, Notebook nb) {
        List<List<StringBuilder>> deck = new ArrayList<>();   // slides, each a list of subslides
        for (JsonObject cell : nb.cells()) {
            String type = slideType(cell);
            if (type.equals("skip")) continue;
            if (deck.isEmpty() || type.equals("slide")) deck.add(new ArrayList<>(List.of(new StringBuilder())));
            List<StringBuilder> slide = deck.get(deck.size() - 1);
            if (type.equals("subslide")) slide.add(new StringBuilder());
            StringBuilder current = slide.get(slide.size() - 1);
            String html = NotebookHtml.cell(cell);
            switch (type) {
                case "fragment" -> current.append("<div class=\"fragment\">").append(html).append("</div>\n");
                case "notes" -> current.append("<aside class=\"notes\">").append(html).append("</aside>\n");
                default -> current.append(html);
            }
        }
        StringBuilder body = new StringBuilder();
        for (List<StringBuilder> slide : deck) {
            if (slide.size() == 1) body.append("<section>\n").append(slide.get(0)).append("</section>\n");
            else {
                body.append("<section>\n");
                for (StringBuilder sub : slide) body.append("<section>\n").append(sub).append("</section>\n");
                body.append("</section>\n");
            }
        }
        return "<!DOCTYPE html>\n<html lang=\"" + vae.Language.current() + "\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"reveal/reveal.css\"><link rel=\"stylesheet\" href=\"reveal/white.css\">\n"
                // headings keep their case: the theme's uppercase would turn σ into Σ
                + "<style>.reveal{font-size:28px}.reveal h1,.reveal h2,.reveal h3,.reveal h4{text-transform:none}.reveal pre{font-size:60%;width:100%;box-shadow:none}.reveal section img{max-height:420px}"
                + ".reveal table{font-size:60%}.reveal .slides{text-align:left}</style></head>\n"
                + "<body><div class=\"reveal\"><div class=\"slides\">\n" + body + "</div></div>\n"
                + "<script src=\"reveal/reveal.js\"></script>\n<script>Reveal.initialize({hash: true, width: 1280, height: 800});</script>\n"
                + "</body></html>\n";
    }

    static String slideType(JsonObject cell) {
        JsonObject meta = cell.has("metadata") ? cell.getAsJsonObject("metadata") : null;
        if (meta == null || !meta.has("slideshow")) return "-";
        JsonObject s = meta.getAsJsonObject("slideshow");
        return s.has("slide_type") ? s.get("slide_type").getAsString() : "-";
    }

    static String title(Notebook nb, String fallback) {
        for (JsonObject c : nb.cells()) {
            if (!"markdown".equals(c.get("cell_type").getAsString())) continue;
            for (String line : Notebook.source(c).split("\n")) if (line.startsWith("# ")) return line.substring(2).strip();
        }
        return fallback;
    }

    /** {@code export [--out DIR] NOTEBOOK...} (default out: target/export). */
    public static void main(String[] args) {
        Path out = Path.of("target/export");
        List<Path> notebooks = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out")) out = Path.of(args[++i]); else notebooks.add(Path.of(args[i]));
        }
        if (notebooks.isEmpty()) { System.err.println("export needs at least one notebook"); System.exit(2); }
        for (Path nb : notebooks) for (Path written : export(nb, out)) System.out.println("wrote " + written);
    }
}

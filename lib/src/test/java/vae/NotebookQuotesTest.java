package vae;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where a notebook quotes the library's source (a ```java block after the name of a class, "The key lines of
 * `vae.model.ConvEncoder`"), every line it shows is a line of that class as it is now: a quote cannot drift from the code.
 */
class NotebookQuotesTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("`(vae(?:\\.[a-z]+)*\\.[A-Z]\\w*)`");

    record Quote(Path notebook, String className, String block) {}

    @Test
    void everyQuotedLineIsALineOfTheQuotedClass() throws Exception {
        List<Quote> quotes = quotes();
        assertFalse(quotes.isEmpty(), "notebook 12 quotes ConvEncoder, ConvDecoder and Convolutions");
        for (Quote q : quotes) {
            Path source = ROOT.resolve("lib/src/main/java/" + q.className().replace('.', '/') + ".java");
            assertTrue(Files.isRegularFile(source), q.notebook().getFileName() + " quotes " + q.className() + ", which has no source at " + source);
            Set<String> lines = Files.readAllLines(source).stream().map(String::strip).collect(Collectors.toSet());
            for (String line : q.block().split("\n")) {
                if (!line.isBlank()) {
                    assertTrue(lines.contains(line.strip()), q.notebook().getFileName() + " quotes a line that " + q.className()
                            + " does not have (any more?):\n    " + line.strip());
                }
            }
        }
    }

    /** Each ```java block of a markdown cell whose text before it names a library class. */
    static List<Quote> quotes() throws Exception {
        List<Quote> quotes = new ArrayList<>();
        List<Path> notebooks;
        try (Stream<Path> s = Stream.concat(Files.list(ROOT.resolve("notebooks")), Files.list(ROOT.resolve("notebooks/solutions")))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        for (Path nb : notebooks) {
            JsonObject json = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
            for (JsonElement cell : json.getAsJsonArray("cells")) {
                JsonObject c = cell.getAsJsonObject();
                if (!"markdown".equals(c.get("cell_type").getAsString())) {
                    continue;
                }
                String text = source(c);
                Matcher block = JAVA_BLOCK.matcher(text);
                int from = 0;
                while (block.find()) {
                    String before = text.substring(from, block.start());
                    Matcher name = CLASS_NAME.matcher(before);
                    String last = null;
                    while (name.find()) {
                        last = name.group(1);
                    }
                    if (last != null) {
                        quotes.add(new Quote(nb, last, block.group(1)));
                    }
                    from = block.end();
                }
            }
        }
        return quotes;
    }

    private static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonPrimitive()) {
            return s.getAsString();
        }
        StringBuilder b = new StringBuilder();
        s.getAsJsonArray().forEach(e -> b.append(e.getAsString()));
        return b.toString();
    }
}

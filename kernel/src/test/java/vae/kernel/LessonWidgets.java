package vae.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The widget cells of the lessons, taken from the solution notebooks themselves (so the tests try what learners run),
 * each with the earlier cells it builds on. The tests run them with {@link #SMALL} settings, as the notebook ITs do.
 */
final class LessonWidgets {
    /** Notebook → the ids of its cells to run, in order; the last one or two are the widget cells. */
    static final Map<String, List<String>> CELLS = Map.of(
            "03-sigma-and-z.ipynb", List.of("03-02-code", "03-10-code", "03-20b-code", "03-20d-code"),
            "04-sampled-gaussians.ipynb", List.of("04-02-code", "04-04-code", "04-11b-code", "04-11d-code"),
            "10-why-learn-mu-and-sigma.ipynb", List.of("c10-01-code", "c10-03-code", "c10-05-code", "c10-10-code", "c10-14b-code"),
            "11-the-latent-space.ipynb", List.of("c11-01-code", "c11-03-code", "c11-06-code", "c11-13b-code", "c11-13d-code"));

    /** The tests' small settings (Settings.epochs/images read them): notebook 10 trains its three models in seconds. */
    static final Map<String, String> SMALL = Map.of("MAX_EPOCH", "1", "DATASET_LIMIT", "1000");

    private LessonWidgets() {}

    /** The sources of a notebook's widget cells and the cells they build on. */
    static List<String> cells(String notebook) throws Exception {
        return cells(notebook, CELLS.get(notebook));
    }

    /** The sources of these cells (by id) of a solution notebook, in the order given. */
    static List<String> cells(String notebook, List<String> ids) throws Exception {
        Path file = Path.of("..", "notebooks", "solutions", notebook);
        JsonObject nb = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        List<String> sources = new ArrayList<>();
        for (String id : ids) {
            JsonObject cell = nb.getAsJsonArray("cells").asList().stream().map(JsonElement::getAsJsonObject)
                    .filter(c -> c.has("id") && id.equals(c.get("id").getAsString())).findFirst()
                    .orElseThrow(() -> new AssertionError(file + " has no cell " + id));
            JsonElement source = cell.get("source");
            sources.add(source.isJsonArray() ? source.getAsJsonArray().asList().stream().map(JsonElement::getAsString)
                    .reduce("", String::concat) : source.getAsString());
        }
        return sources;
    }

    /** Keeps measured round trips in target/widget-test/ and prints them with their median. */
    static void keep(String name, List<Double> roundTrips) throws Exception {
        Path figures = Path.of("target", "widget-test", name);
        Files.createDirectories(figures.getParent());
        Files.writeString(figures, roundTrips.toString());
        if (roundTrips.isEmpty()) {
            return;
        }
        List<Double> sorted = roundTrips.stream().sorted().toList();
        System.out.printf(java.util.Locale.ROOT, "%s: median %.1f ms, max %.1f ms of %s%n", name, sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), roundTrips);
    }
}

package vae.kernel.runner;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import vae.kernel.evaluator.CellException;
import vae.kernel.session.Session;

/**
 * Runs a notebook's code cells through the kernel's {@link Session}, without Jupyter or Python, and writes the
 * executed notebook (nbformat 4, outputs and images embedded).
 */
public final class NotebookRunner {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    /** What happened: cells run, and the first error (null if none). */
    public record Report(int cellsRun, String firstError) {
        public boolean ok() {
            return firstError == null;
        }
    }

    private final Session session;

    public NotebookRunner(Session session) {
        this.session = session;
    }

    /**
     * Executes {@code input} and writes the result to {@code output}. Stops at the first failing cell unless
     * {@code keepGoing}; the cells after it keep their old outputs cleared and no execution count.
     */
    public Report run(Path input, Path output, boolean keepGoing) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(input)).getAsJsonObject();
        if (!nb.has("nbformat") || nb.get("nbformat").getAsInt() != 4) {
            throw new IOException(input + " is not an nbformat 4 notebook");
        }
        int minor = nb.has("nbformat_minor") ? nb.get("nbformat_minor").getAsInt() : 0;
        int count = 0;
        String firstError = null;
        boolean stopped = false;
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            if (minor >= 5 && !cell.has("id")) {
                cell.addProperty("id", UUID.randomUUID().toString().substring(0, 8));
            }
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            JsonArray outputs = new JsonArray();
            cell.add("outputs", outputs);
            cell.add("execution_count", com.google.gson.JsonNull.INSTANCE);
            if (stopped) {
                continue;
            }
            String source = source(cell);
            if (source.isBlank()) {
                continue;
            }
            count++;
            cell.addProperty("execution_count", count);
            NotebookOutput cellOutput = new NotebookOutput(outputs, count);
            try {
                session.execute(source, "In [" + count + "]", cellOutput);
            } catch (CellException ex) {
                cellOutput.error(ex.ename(), ex.evalue(), ex.traceback());
                if (firstError == null) {
                    firstError = "In [" + count + "]: " + ex.ename() + ": " + ex.evalue();
                }
                stopped = !keepGoing;
            }
        }
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, GSON.toJson(nb) + "\n");
        return new Report(count, firstError);
    }

    /** A cell's source, which nbformat stores as a string or as a list of lines. */
    public static String source(JsonObject cell) {
        JsonElement src = cell.get("source");
        if (src == null) {
            return "";
        }
        if (src.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            src.getAsJsonArray().forEach(e -> b.append(e.getAsString()));
            return b.toString();
        }
        return src.getAsString();
    }

    /** The default place for the executed copy of {@code notebook}: {@code <outDir>/<name>.ipynb}. */
    public static Path outputFor(Path notebook, Path outDir) {
        return outDir.resolve(notebook.getFileName().toString());
    }
}

package vae.kernel.magic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vae.kernel.evaluator.Evaluator;
import vae.kernel.session.Session;

/** {@code %load FILE}: runs a .jsh/.java file, or every code cell of another notebook, as if typed here. */
final class LoadMagic {
    private LoadMagic() {}

    static void register(Magics m) {
        m.line("load", (args, s, cell, line) -> {
            if (args.isBlank()) {
                throw new MagicException("%load needs a file: a .jsh or .java file, or a notebook (.ipynb)");
            }
            Path file = Path.of(args.trim().replaceAll("^[\"']|[\"']$", "")).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new MagicException("%load found no file " + file + " (working directory: " + Path.of("").toAbsolutePath() + ")");
            }
            String name = file.getFileName().toString();
            if (name.endsWith(".ipynb")) {
                Evaluator.Result last = Evaluator.Result.none(java.util.List.of());
                int i = 0;
                for (JsonElement c : codeCells(file)) {
                    i++;
                    last = s.run(vae.kernel.runner.NotebookRunner.source(c.getAsJsonObject()), name + " code cell " + i, 1);
                }
                return last;
            }
            return s.run(read(file), name, 1);
        });
    }

    /** The code cells of a notebook. */
    static JsonArray codeCells(Path notebook) throws IOException {
        JsonObject nb = JsonParser.parseString(read(notebook)).getAsJsonObject();
        JsonArray code = new JsonArray();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            if ("code".equals(c.getAsJsonObject().get("cell_type").getAsString())) {
                code.add(c);
            }
        }
        return code;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}

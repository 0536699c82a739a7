package vae.kernel.magic;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vae.kernel.evaluator.Evaluator;
import vae.kernel.notebook.Notebook;

/** {@code %load FILE}: runs a .jsh/.java file, or every code cell of another notebook, as if typed here. */
final class LoadMagic {
    private LoadMagic() {}

    static void register(Magics m) {
        m.line("load", "%load FILE              run a .jsh or .java file, or a notebook's code cells (.ipynb)", (args, s, cell, line) -> {
            if (args.isBlank()) {
                throw new MagicException("%load needs a file: a .jsh or .java file, or a notebook (.ipynb)");
            }
            Path file = Path.of(args.trim().replaceAll("^[\"']|[\"']$", "")).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new MagicException("%load found no file " + file + " (working directory: " + Path.of("").toAbsolutePath() + ")");
            }
            String name = file.getFileName().toString();
            if (name.endsWith(".ipynb")) {
                Evaluator.Result last = Evaluator.Result.none(List.of());
                int i = 0;
                for (JsonObject c : Notebook.read(file).codeCells()) {
                    i++;
                    last = s.run(Notebook.source(c), name + " code cell " + i, 1);
                }
                return last;
            }
            return s.run(Files.readString(file), name, 1);
        });
    }
}

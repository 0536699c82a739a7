package vae.lecturer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A grading run's results as data ({@code scores.json}: every submission file with its scores), which
 * {@code grade --merge} reads back from many shards' folders to write one class's CSVs and report, as one run would.
 */
public final class Submissions {
    static final String FILE = "scores.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Submissions() {}

    public static List<Grader.Score> scores(List<Grader.Submission> graded) {
        return graded.stream().flatMap(s -> s.scores().stream()).toList();
    }

    public static void write(List<Grader.Submission> graded, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FILE), GSON.toJson(graded));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    static List<Grader.Submission> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) throw new IllegalArgumentException(dir + " has no " + FILE + "; expected the --out folder of a grade run (grade --shard K/N writes one)");
        try {
            List<Grader.Submission> graded = GSON.fromJson(Files.readString(file), new TypeToken<List<Grader.Submission>>() {}.getType());
            return graded == null ? List.of() : graded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The results of many runs' folders as one run's, in the order of the submission files, the executed notebooks and
     * feedback pages copied under {@code out/executed}. A file graded in two folders is an error: the shards overlapped.
     */
    public static List<Grader.Submission> merge(List<Path> dirs, Path out) {
        List<Grader.Submission> all = new ArrayList<>();
        for (Path dir : dirs) {
            all.addAll(read(dir));
            copyTree(dir.resolve("executed"), out.resolve("executed"));
        }
        all.sort(Comparator.comparing(s -> Path.of(s.file())));
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).file().equals(all.get(i - 1).file())) {
                throw new IllegalArgumentException(all.get(i).file() + " was graded in more than one of " + dirs + "; each shard K/N of one class must have the same N and its own K");
            }
        }
        return all;
    }

    private static void copyTree(Path from, Path to) {
        if (!Files.isDirectory(from) || from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) return;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}

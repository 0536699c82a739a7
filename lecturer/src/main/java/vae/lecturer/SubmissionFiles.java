package vae.lecturer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A class's submissions folder: which files are submissions, and whose each is. */
final class SubmissionFiles {
    private SubmissionFiles() {}

    /** Every notebook under {@code dir}, in a stable order, Jupyter's checkpoint copies left out. */
    static List<Path> in(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".ipynb") && Files.isRegularFile(p)
                    && !p.toString().contains(".ipynb_checkpoints")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the submissions in " + dir, e);
        }
    }

    /** {@code DIR/learner/NN.ipynb} → learner; {@code DIR/learner.ipynb} → learner. */
    static String learnerOf(Path dir, Path file) {
        Path rel = dir.relativize(file);
        if (rel.getNameCount() > 1) return rel.getName(0).toString();
        String name = rel.getFileName().toString();
        return name.substring(0, name.length() - ".ipynb".length());
    }
}

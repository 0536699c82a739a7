package vae.model;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites checkpoints of an older format in {@link CheckpointFormat#VERSION}, once: the same weights and optimizer
 * state, byte for byte (checked before the file is replaced); the provenance the first checkpoints kept as free-form
 * notes becomes the structured one, and those notes make way for one that says when the file was migrated. Issue 23
 * migrated the shipped data/vae-*.zip with it, from the repository's root:
 * <pre>
 * java -cp "lib/target/test-classes:lib/target/classes:$(cat kernel/target/classpath.txt)" vae.model.MigrateCheckpoints data/vae-*.zip
 * </pre>
 * A learner's own format-1 checkpoint needs none of this: it loads as it is.
 */
final class MigrateCheckpoints {
    /** The notes of the first checkpoints that the provenance now holds. */
    private static final List<String> OLD_NOTES = List.of("training", "data", "testLoss", "madeBy");

    private MigrateCheckpoints() {}

    public static void main(String[] files) {
        for (String f : files) System.out.println(migrate(Path.of(f), LocalDate.now().toString()));
    }

    /** Rewrites {@code file} in the current format, unless it is in it; returns what was done, in a line. */
    static String migrate(Path file, String date) {
        try {
            Map<String, byte[]> before = entries(Files.readAllBytes(file));
            JsonObject json = new Gson().fromJson(new String(before.get(CheckpointFormat.JSON_ENTRY), StandardCharsets.UTF_8), JsonObject.class);
            int format = json.get(CheckpointFormat.FORMAT).getAsInt();
            if (format == CheckpointFormat.VERSION) return file + ": already format " + format;
            Checkpoint old = Checkpoint.load(file);
            JsonObject notes = old.notes().deepCopy();
            if (!json.has(CheckpointFormat.PROVENANCE)) OLD_NOTES.forEach(notes::remove);   // read into the provenance
            notes.addProperty("migrated", "from format " + format + " to " + CheckpointFormat.VERSION + " on " + date
                    + " by vae.model.MigrateCheckpoints (issue 23): the same weights, byte for byte");
            Path temp = file.resolveSibling(file.getFileName() + ".migrated");
            Checkpoint.save(temp, old.vae(), old.adam(), old.provenance(), notes);
            Map<String, byte[]> after = entries(Files.readAllBytes(temp));
            for (String entry : List.of(CheckpointFormat.PARAMETERS_ENTRY, CheckpointFormat.ADAM_ENTRY)) {
                if (!Arrays.equals(before.get(entry), after.get(entry))) {
                    Files.delete(temp);
                    throw new IllegalStateException(file + ": " + entry + " would change; left as it was");
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            return file + ": format " + format + " -> " + CheckpointFormat.VERSION + ", the same " + before.keySet().stream()
                    .filter(e -> e.endsWith(".bin")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip's entries by name, in its order. */
    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }

    /** A zip of {@code entries}, in their order. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

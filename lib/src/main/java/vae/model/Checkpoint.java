package vae.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vae.Language;
import vae.train.Adam;
import vae.train.Provenance;

/**
 * A trained VAE on disk: its config, its weights, its Adam state and how it was made ({@link Provenance}), in one zip.
 * Written to a temporary file beside the target, flushed to the disk, and then renamed, so a crash mid-write never
 * leaves half a checkpoint where a whole one was (the target is either the old file or the whole new one). The
 * lessons call it through {@link Vae#save(Path)} and {@link Vae#load(Path, VaeConfig)}, which also checks that the
 * file holds the model a lesson expects. What the zip holds, key by key, is written down in {@link CheckpointFormat}.
 *
 * @param provenance how it was made; null if not recorded; for the first checkpoints, which kept it as free-form notes,
 *                   read from those as far as they go ({@link CheckpointFormatOne})
 * @param notes      free-form notes saved with it (an empty object if none)
 */
public record Checkpoint(Vae vae, Adam adam, Provenance provenance, JsonObject notes) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** Saves {@code vae} with its optimizer state ({@code adam} may be null) and free-form notes (seed, epochs, data…). */
    public static void save(Path file, Vae vae, Adam adam, JsonObject notes) {
        save(file, vae, adam, null, notes);
    }

    /** Saves {@code vae} with its optimizer state and how it was made ({@code adam}, {@code provenance}, {@code notes} may be null). */
    public static void save(Path file, Vae vae, Adam adam, Provenance provenance, JsonObject notes) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(Language.text("checkpoint.isFolder", target, target.resolve("my-vae.zip")));
        }
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".partial");
            try {   // createTempFile makes it private to the owner; a checkpoint is as readable as any file the user writes
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) { /* Windows: the default ACL is fine */ }
            try (FileOutputStream out = new FileOutputStream(temp.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
                JsonObject json = CheckpointFormat.write(vae.config(), adam, provenance, notes);
                entry(zip, CheckpointFormat.JSON_ENTRY, GSON.toJson(json).getBytes(StandardCharsets.UTF_8));
                entry(zip, CheckpointFormat.PARAMETERS_ENTRY, bytes(vae.parameterVector()));
                if (adam != null) entry(zip, CheckpointFormat.ADAM_ENTRY, bytes(adam.state()));
                zip.finish();
                out.getFD().sync();   // on the disk before the rename makes it the checkpoint
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException(Language.text("checkpoint.cannotSave", target, e), e);
        } finally {
            if (temp != null) {
                try { Files.deleteIfExists(temp); } catch (IOException ignored) { /* the rename already consumed it */ }
            }
        }
    }

    /** Loads a checkpoint written by {@link #save}: the VAE with its weights, and its Adam (null if none was saved). */
    public static Checkpoint load(Path file) {
        return load(file, null);
    }

    /**
     * Loads a checkpoint that must hold a VAE configured as {@code expected} (every setting but the seed, which only
     * chose the first weights); another one (the 2-D model where a 10-D one is expected, a conv VAE where an MLP is) is
     * rejected, before its weights are read, with what came, what was expected and the likely fix. With
     * {@code expected} null, any VAE is loaded.
     */
    public static Checkpoint load(Path file, VaeConfig expected) {
        if (Files.isDirectory(file)) throw new IllegalArgumentException(Language.text("checkpoint.loadFolder", file.toAbsolutePath()));
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(Language.text("checkpoint.missing", file, Path.of("").toAbsolutePath()), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(Language.text("checkpoint.unreadable", file, e.getMessage()), e);
        }
        return load(in, file.toString(), expected);
    }

    /**
     * Loads a checkpoint from {@code in} (a file, a classpath resource such as the lessons' trained models) and closes it;
     * messages call it {@code name}.
     */
    public static Checkpoint load(InputStream in, String name) {
        return load(in, name, null);
    }

    private static Checkpoint load(InputStream in, String name, VaeConfig expected) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.put(e.getName(), zip.readAllBytes());
        } catch (IOException e) {
            throw new IllegalArgumentException(Language.text("checkpoint.notZip", name, e.getMessage()), e);
        }
        byte[] json = entries.get(CheckpointFormat.JSON_ENTRY);
        byte[] weights = entries.get(CheckpointFormat.PARAMETERS_ENTRY), adamState = entries.get(CheckpointFormat.ADAM_ENTRY);
        if (json == null || weights == null) throw new IllegalArgumentException(Language.text("checkpoint.notOurs", name));
        JsonObject meta;
        try {
            meta = GSON.fromJson(new String(json, StandardCharsets.UTF_8), JsonObject.class);
        } catch (JsonParseException | ClassCastException e) {   // not JSON, or JSON but not an object
            throw new IllegalArgumentException(Language.text("checkpoint.badJson", name, e.getMessage()), e);
        }
        CheckpointFormat.Contents contents = CheckpointFormat.read(meta == null ? new JsonObject() : meta, name, adamState != null);
        VaeConfig config = contents.config();
        if (expected != null) expect(name, config, expected);
        Vae vae = new Vae(config);
        INDArray saved = array(name, CheckpointFormat.PARAMETERS_ENTRY, weights);
        if (saved.length() != vae.parameterCount()) {
            throw new IllegalArgumentException(Language.text("checkpoint.weightCount", name, saved.length(), describe(config), vae.parameterCount()));
        }
        vae.setParameterVector(saved.castTo(config.dataType()));
        Adam adam = null;
        if (adamState != null) {
            INDArray state = array(name, CheckpointFormat.ADAM_ENTRY, adamState).castTo(config.dataType());
            CheckpointFormat.AdamSettings a = contents.adam();
            adam = CheckpointFormat.valid(name, "checkpoint.badJson",
                    () -> new Adam(a.learningRate(), a.betaOne(), a.betaTwo(), a.epsilon(), vae.parameters(), state, a.iteration()));
        }
        return new Checkpoint(vae, adam, contents.provenance(), contents.notes());
    }

    /** Throws, saying what came, what was expected and which settings differ, unless {@code found} matches {@code expected} but for the seed. */
    private static void expect(String name, VaeConfig found, VaeConfig expected) {
        List<String> differ = new ArrayList<>();
        if (found.architecture() != expected.architecture()) differ.add(Language.text("checkpoint.field.architecture"));
        else if (found.architecture() == VaeConfig.Architecture.MLP && found.hiddenSize() != expected.hiddenSize()) differ.add(Language.text("checkpoint.field.hiddenSize"));
        if (found.latentSize() != expected.latentSize()) differ.add(Language.text("checkpoint.field.latentSize"));
        if (found.reconstructionLoss() != expected.reconstructionLoss()) differ.add(Language.text("checkpoint.field.reconstructionLoss"));
        if (Double.compare(found.beta(), expected.beta()) != 0) differ.add("β");
        if (found.dataType() != expected.dataType()) differ.add(Language.text("checkpoint.field.dataType"));
        if (!differ.isEmpty()) {
            throw new IllegalArgumentException(Language.text("checkpoint.otherModel", name, describe(found), describe(expected), String.join(", ", differ)));
        }
    }

    /** A configuration in the lesson's words: "an MLP VAE 784-400-2 (latent size 2), BCE, β = 1.0, FLOAT numbers". */
    public static String describe(VaeConfig c) {
        return c.architecture() == VaeConfig.Architecture.MLP
                ? Language.text("checkpoint.describeMlp", c.hiddenSize(), c.latentSize(), c.reconstructionLoss(), c.beta(), c.dataType())
                : Language.text("checkpoint.describeConv", c.latentSize(), c.reconstructionLoss(), c.beta(), c.dataType());
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] bytes(INDArray array) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            Nd4j.write(array, out);
        }
        return buffer.toByteArray();
    }

    private static INDArray array(String checkpoint, String entry, byte[] content) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
            return Nd4j.read(in);
        } catch (IOException | RuntimeException e) {   // Nd4j.read of damaged bytes may fail in either way
            throw new IllegalArgumentException(Language.text("checkpoint.damagedEntry", checkpoint, entry, e), e);
        }
    }

}

package vae;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import vae.data.DataFiles;
import vae.data.Mnist;
import vae.model.Checkpoint;
import vae.model.Vae;
import vae.model.VaeConfig;
import vae.train.History;
import vae.train.TerminalProgressBar;
import vae.train.Trainer;
import vae.train.TrainingConfig;

/**
 * The trained VAEs shipped in the vae-data jar (built from {@code data/}), so a lesson can show a trained model without
 * waiting for one. Remade by one command, which records the seed, epochs and data beside the weights:
 * {@code mvn -q -pl lib exec:java -Dexec.mainClass=vae.Pretrained}.
 */
public final class Pretrained {
    /** The lessons' model (784-400-10) trained for {@link #EPOCHS} epochs on the 9,000 training digits. */
    public static final String LESSON = "vae-lesson.zip";
    /** The same with a 2-D latent space, for drawing it. */
    public static final String LATENT_2D = "vae-latent2d.zip";
    public static final int EPOCHS = 20;
    private static final String MADE_BY = "mvn -q -pl lib exec:java -Dexec.mainClass=vae.Pretrained";

    private Pretrained() {}

    /** The trained lesson model (784-400-10), from the VAE_DATA folder if it is set, else from the vae-data jar. */
    public static Vae lesson() { return load(LESSON, DataFiles.current()); }

    /** The trained 2-D latent model (784-400-2), from where {@link #lesson()} reads. */
    public static Vae latent2d() { return load(LATENT_2D, DataFiles.current()); }

    /** The checkpoint {@code file} ({@link #LESSON} or {@link #LATENT_2D}) of {@code files}. */
    static Vae load(String file, DataFiles files) {
        return files.read(file, Checkpoint::load).vae();
    }

    /** Trains both models and writes them to {@link #folderToWrite()}; rebuild the vae-data jar afterwards to ship them. */
    public static void main(String[] args) {
        Path dir = folderToWrite();
        make(VaeConfig.lesson(), dir.resolve(LESSON));
        make(VaeConfig.lesson().withLatentSize(2), dir.resolve(LATENT_2D));
    }

    /**
     * Where {@link #main} writes: the VAE_DATA folder if it is set, else the repository's {@code data/}, found from the
     * working folder or one of its parents. (Reading never needs this: it comes from the classpath.)
     */
    static Path folderToWrite() {
        Optional<Path> setting = DataFiles.current().folder();
        if (setting.isPresent()) return setting.get();
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data");
            if (Files.isRegularFile(candidate.resolve("train-images-idx3-ubyte.gz"))) return candidate;
        }
        throw new IllegalStateException("Cannot find the repository's data/ folder (with train-images-idx3-ubyte.gz) in " + start
                + " or its parents, to write the trained models to. Run " + MADE_BY + " from inside the repository, or set "
                + DataFiles.SETTING + " to the folder to write them to.");
    }

    private static void make(VaeConfig config, Path file) {
        TrainingConfig training = TrainingConfig.defaults().withEpochs(EPOCHS);
        Vae vae = new Vae(config);
        History history = new Trainer(vae, training).onProgress(new TerminalProgressBar()).fit(Mnist.train().images(), Mnist.test().images());
        JsonObject notes = new JsonObject();
        notes.addProperty("training", training.toString());
        notes.addProperty("data", "data/train-images-idx3-ubyte.gz (9,000 digits); test loss on data/test-images-idx3-ubyte.gz (1,000)");
        notes.addProperty("testLoss", history.last().test().get("loss"));
        notes.addProperty("madeBy", MADE_BY);
        // No optimizer state: the lessons only read these models, and it would triple the file.
        Checkpoint.save(file, vae, null, notes);
        System.out.println("wrote " + file + ": test loss " + history.last().test().get("loss"));
    }
}

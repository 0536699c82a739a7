package vae;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.data.DataFiles;
import vae.data.Mnist;
import vae.model.Checkpoint;
import vae.model.Vae;
import vae.model.VaeConfig;
import vae.train.History;
import vae.train.Provenance;
import vae.train.TerminalProgressBar;
import vae.train.Trainer;
import vae.train.TrainingConfig;

/**
 * The trained VAEs shipped in the vae-data jar (built from {@code data/}), so a lesson can show a trained model without
 * waiting for one. Remade by one command, which records how it made them ({@link Provenance}) beside the weights:
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
        INDArray train = Mnist.train().images(), test = Mnist.test().images();
        History history = new Trainer(vae, training).onProgress(new TerminalProgressBar()).fit(train, test);
        Provenance.Data data = new Provenance.Data("MNIST digits of vae-data: train-images-idx3-ubyte.gz, test loss on test-images-idx3-ubyte.gz",
                train.rows(), test.rows());
        // No optimizer state: the lessons only read these models, and it would triple the file.
        Checkpoint.save(file, vae, null, Provenance.now(training, data, history.last().test().get("loss"), MADE_BY), null);
        System.out.println("wrote " + file + ": test loss " + history.last().test().get("loss"));
    }
}

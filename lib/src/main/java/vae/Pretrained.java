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
import vae.train.Trainable;
import vae.train.Trainer;
import vae.train.TrainingConfig;

/**
 * The trained VAEs shipped in the vae-data jar (built from {@code data/}), so a lesson can show a trained model without
 * waiting for one. Remade by one command, which records how it made them ({@link Provenance}) beside the weights:
 * {@code mvn -q -pl lib exec:java -Dexec.mainClass=vae.Pretrained} for the two MLP models, and the same with
 * {@code -Dexec.args=conv} for the convolutional one (which leaves the MLP models, and so every lesson's numbers, alone).
 */
public final class Pretrained {
    /** The lessons' model (784-400-10) trained for {@link #EPOCHS} epochs on the 9,000 training digits. */
    public static final String LESSON = "vae-lesson.zip";
    /** The same with a 2-D latent space, for drawing it. */
    public static final String LATENT_2D = "vae-latent2d.zip";
    /** The conv VAE of notebook 12 ({@link VaeConfig#conv()}) trained for {@link #CONV_EPOCHS} epochs on the same digits. */
    public static final String CONV = "vae-conv.zip";
    public static final int EPOCHS = 20;
    /** As many as the MLPs': an epoch of the conv VAE takes 17–30 s on two cores, so about 6–10 minutes in all. */
    public static final int CONV_EPOCHS = EPOCHS;
    private static final String MADE_BY = "mvn -q -pl lib exec:java -Dexec.mainClass=vae.Pretrained";
    private static final String CONV_ARGUMENT = "conv";
    private static final String MADE_BY_CONV = MADE_BY + " -Dexec.args=" + CONV_ARGUMENT;

    private Pretrained() {}

    /**
     * The trained lesson model (784-400-10), from the VAE_DATA folder if it is set, else from the vae-data jar. The same
     * model untrained is {@link Vae#untrained()}.
     */
    public static Vae lesson() { return load(LESSON, DataFiles.current()); }

    /** The trained 2-D latent model (784-400-2), from where {@link #lesson()} reads. */
    public static Vae latent2d() { return load(LATENT_2D, DataFiles.current()); }

    /** The trained convolutional VAE of notebook 12 ({@link VaeConfig#conv()}), from where {@link #lesson()} reads. */
    public static Vae conv() { return load(CONV, DataFiles.current()); }

    /** The checkpoint {@code file} ({@link #LESSON}, {@link #LATENT_2D} or {@link #CONV}) of {@code files}. */
    static Vae load(String file, DataFiles files) {
        return files.read(file, Checkpoint::load).vae();
    }

    /**
     * Without arguments trains the two MLP models, with the one argument {@code conv} only the conv model, and writes them
     * to {@link #folderToWrite()}; rebuild the vae-data jar afterwards to ship them.
     */
    public static void main(String[] args) {
        boolean conv = args.length == 1 && args[0].equals(CONV_ARGUMENT);
        if (args.length > 0 && !conv) {
            // internal: Pretrained.main is the maintainer's command (mvn exec), not called from a notebook
            throw new IllegalArgumentException("The arguments are " + java.util.Arrays.toString(args) + " but should be none (the two MLP models: "
                    + MADE_BY + ") or the one word " + CONV_ARGUMENT + " (the conv model: " + MADE_BY_CONV + ")");
        }
        Path dir = folderToWrite();
        if (conv) {
            make(VaeConfig.conv(), CONV_EPOCHS, dir.resolve(CONV), MADE_BY_CONV);
        } else {
            make(VaeConfig.lesson(), EPOCHS, dir.resolve(LESSON), MADE_BY);
            make(VaeConfig.lesson().withLatentSize(2), EPOCHS, dir.resolve(LATENT_2D), MADE_BY);
        }
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
        // internal: reached only from Pretrained.main, the maintainer's command
        throw new IllegalStateException("Cannot find the repository's data/ folder (with train-images-idx3-ubyte.gz) in " + start
                + " or its parents, to write the trained models to. Run " + MADE_BY + " from inside the repository, or set "
                + DataFiles.SETTING + " to the folder to write them to.");
    }

    private static void make(VaeConfig config, int epochs, Path file, String madeBy) {
        TrainingConfig training = TrainingConfig.defaults().withEpochs(epochs);
        Vae vae = new Vae(config);
        INDArray train = Mnist.train().images(), test = Mnist.test().images();
        History history = new Trainer(vae, training).onProgress(new TerminalProgressBar()).fit(train, test);
        Provenance.Data data = new Provenance.Data("MNIST digits of vae-data: train-images-idx3-ubyte.gz, test loss on test-images-idx3-ubyte.gz",
                train.rows(), test.rows());
        // No optimizer state: the lessons only read these models, and it would triple the file.
        Checkpoint.save(file, vae, null, Provenance.now(training, data, history.last().test().get(Trainable.LOSS), madeBy), null);
        System.out.println("wrote " + file + ": test loss " + history.last().test().get(Trainable.LOSS));
    }
}

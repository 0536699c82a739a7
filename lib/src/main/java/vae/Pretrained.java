package vae;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import vae.data.Mnist;
import vae.model.Checkpoint;
import vae.model.Vae;
import vae.model.VaeConfig;
import vae.train.History;
import vae.train.TerminalProgressBar;
import vae.train.Trainer;
import vae.train.TrainingConfig;

/**
 * The trained VAEs shipped in {@code data/}, so a lesson can show a trained model without waiting for one.
 * Remade by one command, which records the seed, epochs and data beside the weights:
 * {@code mvn -q -pl lib exec:java -Dexec.mainClass=vae.Pretrained}.
 */
public final class Pretrained {
    /** The lessons' model (784-400-10) trained for {@link #EPOCHS} epochs on the 9,000 training digits. */
    public static final String LESSON = "vae-lesson.zip";
    /** The same with a 2-D latent space, for drawing it. */
    public static final String LATENT_2D = "vae-latent2d.zip";
    public static final int EPOCHS = 20;

    private Pretrained() {}

    /** The trained lesson model (784-400-10). */
    public static Vae lesson() { return load(LESSON); }

    /** The trained 2-D latent model (784-400-2). */
    public static Vae latent2d() { return load(LATENT_2D); }

    private static Vae load(String name) {
        Path file = Mnist.dataDirectory().resolve(name);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: make it with mvn -q -pl lib exec:java -Dexec.mainClass=vae.Pretrained");
        }
        return Checkpoint.load(file).vae();
    }

    public static void main(String[] args) {
        Path dir = Mnist.dataDirectory();
        make(VaeConfig.lesson(), dir.resolve(LESSON));
        make(VaeConfig.lesson().withLatentSize(2), dir.resolve(LATENT_2D));
    }

    private static void make(VaeConfig config, Path file) {
        TrainingConfig training = TrainingConfig.defaults().withEpochs(EPOCHS);
        Vae vae = new Vae(config);
        History history = new Trainer(vae, training).onProgress(new TerminalProgressBar()).fit(Mnist.train().images(), Mnist.test().images());
        JsonObject notes = new JsonObject();
        notes.addProperty("training", training.toString());
        notes.addProperty("data", "data/train-images-idx3-ubyte.gz (9,000 digits); test loss on data/test-images-idx3-ubyte.gz (1,000)");
        notes.addProperty("testLoss", history.last().test().get("loss"));
        notes.addProperty("madeBy", "mvn -q -pl lib exec:java -Dexec.mainClass=vae.Pretrained");
        // No optimizer state: the lessons only read these models, and it would triple the file.
        Checkpoint.save(file, vae, null, notes);
        System.out.println("wrote " + file + ": test loss " + history.last().test().get("loss"));
    }
}

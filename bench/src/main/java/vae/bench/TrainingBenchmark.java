package vae.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import vae.runtime.Backend;
import vae.data.Mnist;
import vae.model.Vae;
import vae.model.VaeConfig;
import vae.train.History;
import vae.train.Trainer;
import vae.train.TrainingConfig;

/**
 * Times training epochs of the library's VAEs on the 9,000 shipped digits (batch 128, Adam 1e-3) and prints one JSON
 * line, the same as bench/pytorch_vae.py. Run by bench/training.sh beside PyTorch; not a test.
 *
 * <pre>java -cp … vae.bench.TrainingBenchmark mlp 4 [images]</pre>
 * ({@code images}: train on only the first so many digits, for quick comparisons)
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {}

    public static void main(String[] args) {
        vae.runtime.Launch.prepareThisJvm();
        String model = args.length > 0 ? args[0] : "mlp";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        VaeConfig config = switch (model) {
            case "mlp" -> VaeConfig.pytorchExample();   // 784-400-20, as PyTorch's examples/vae
            case "conv" -> VaeConfig.conv();
            default -> throw new IllegalArgumentException("model is '" + model + "'; expected mlp or conv");
        };
        INDArray images = Mnist.train().images();
        if (args.length > 2) images = images.get(NDArrayIndex.interval(0, Math.min(Integer.parseInt(args[2]), images.rows())), NDArrayIndex.all());
        Vae vae = new Vae(config);
        History history = new Trainer(vae, TrainingConfig.defaults().withEpochs(epochs)).fit(images, null);
        List<String> times = new ArrayList<>(), losses = new ArrayList<>();
        for (History.Epoch e : history.epochs()) {
            times.add(String.format(Locale.ROOT, "%.4f", e.seconds()));
            losses.add(String.format(Locale.ROOT, "%.4f", e.train().get("loss")));
        }
        System.out.printf(Locale.ROOT, "{\"impl\": \"samediff\", \"model\": \"%s\", \"threads\": %s, \"natives\": \"%s\", \"epochSeconds\": [%s], \"trainLoss\": [%s]}%n",
                model, System.getenv().getOrDefault("OMP_NUM_THREADS", "1"), Backend.natives(), String.join(", ", times), String.join(", ", losses));
    }
}

package vae.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import vae.runtime.Backend;
import vae.model.Vae;
import vae.model.VaeConfig;
import vae.train.Adam;

/**
 * One Adam step over every weight of a model, the library's {@link Adam} (one Java pass per weight) beside ND4J's
 * updater (libnd4j's adamUpdater, what the library used before), interleaved in rounds in one JVM so both see the
 * same machine; prints the median milliseconds per step of each and their ratio. Not a test.
 *
 * <pre>java -cp … vae.bench.AdamBenchmark [rounds] [steps per round] [mlp|conv]</pre>
 */
public final class AdamBenchmark {
    private AdamBenchmark() {}

    public static void main(String[] args) {
        vae.runtime.Launch.prepareThisJvm();
        Backend.start();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7, steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String model = args.length > 2 ? args[2] : "mlp";
        VaeConfig config = model.equals("conv") ? VaeConfig.conv() : VaeConfig.lesson().withLatentSize(20);
        Map<String, INDArray> weights = new Vae(config).parameterCopies();
        long numbers = weights.values().stream().mapToLong(INDArray::length).sum();
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        weights.forEach((k, v) -> gradients.put(k, Nd4j.randn(v.dataType(), v.shape()).muli(0.01)));

        Adam ours = new Adam(1e-3, weights);
        var config4j = new org.nd4j.linalg.learning.config.Adam(1e-3);
        Map<String, GradientUpdater<?>> nd4j = new LinkedHashMap<>();
        weights.forEach((k, v) -> nd4j.put(k, config4j.instantiate(Nd4j.zeros(v.dataType(), 1, 2 * v.length()), true)));
        List<Double> oursMs = new ArrayList<>(), nd4jMs = new ArrayList<>();
        int[] iteration = {0};
        for (int round = 0; round <= rounds; round++) {   // round 0 warms both up
            double a = time(steps, () -> ours.step(weights, copies(gradients)));
            double b = time(steps, () -> {
                Map<String, INDArray> g = copies(gradients);
                for (Map.Entry<String, GradientUpdater<?>> u : nd4j.entrySet()) {
                    u.getValue().applyUpdater(g.get(u.getKey()), iteration[0], 0);
                    weights.get(u.getKey()).subi(g.get(u.getKey()));
                }
                iteration[0]++;
            });
            double copy = time(steps, () -> copies(gradients));   // what both pay for fresh gradients, taken off
            if (round > 0) {
                oursMs.add(a - copy);
                nd4jMs.add(b - copy);
            }
        }
        double o = median(oursMs), n = median(nd4jMs);
        System.out.printf(Locale.ROOT, "Adam step, %s model (%,d weights), median of %d rounds × %d steps: library (Java) %.2f ms,"
                + " ND4J adamUpdater %.2f ms, ratio %.2f%n", model, numbers, rounds, steps, o, n, n / o);
    }

    private static Map<String, INDArray> copies(Map<String, INDArray> m) {
        Map<String, INDArray> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, v.dup()));
        return c;
    }

    private static double time(int steps, Runnable step) {
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) step.run();
        return (System.nanoTime() - t0) / 1e6 / steps;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}

package vae.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import vae.Language;

/**
 * A Tribuo logistic regression from the encoder's μ to the digit. Its softmax output is a probability vector
 * (non-negative, summing to 1); z is not, yet it carries what the digit is.
 */
public final class LatentClassifier {
    private static final LabelFactory LABELS = new LabelFactory();
    private final Model<Label> model;
    private final int features;

    private LatentClassifier(Model<Label> model, int features) {
        this.model = model;
        this.features = features;
    }

    /** Trains on rows of {@code mu} ([n, latent]) with their digit labels (Tribuo's LogisticRegressionTrainer defaults: AdaGrad, 5 epochs, seed 12345). */
    public static LatentClassifier train(INDArray mu, int[] labels) {
        if (mu.rows() != labels.length) {
            throw new IllegalArgumentException(Language.text("error.classifier.labels", mu.rows(), labels.length));
        }
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("encoder μ", LABELS), LABELS);
        for (Example<Label> e : examples(mu, labels)) data.add(e);
        return new LatentClassifier(new LogisticRegressionTrainer().train(data), (int) mu.columns());
    }

    /** The probability of each digit 0–9 for one row of μ. */
    public double[] probabilities(INDArray muRow) {
        Prediction<Label> p = model.predict(example(muRow.reshape(1, muRow.length()), 0, null));
        double[] probabilities = new double[10];
        for (Map.Entry<String, Label> e : p.getOutputScores().entrySet()) probabilities[Integer.parseInt(e.getKey())] = e.getValue().getScore();
        return probabilities;
    }

    /** The most probable digit for one row of μ. */
    public int predict(INDArray muRow) {
        return Integer.parseInt(model.predict(example(muRow.reshape(1, muRow.length()), 0, null)).getOutput().getLabel());
    }

    /** The share of rows whose predicted digit is their label. */
    public double accuracy(INDArray mu, int[] labels) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test μ", LABELS), LABELS);
        for (Example<Label> e : examples(mu, labels)) data.add(e);
        return new LabelEvaluator().evaluate(model, data).accuracy();
    }

    public int features() { return features; }

    private static List<Example<Label>> examples(INDArray mu, int[] labels) {
        List<Example<Label>> list = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) list.add(example(mu, i, String.valueOf(labels[i])));
        return list;
    }

    private static Example<Label> example(INDArray mu, int row, String label) {
        int d = (int) mu.columns();
        String[] names = new String[d];
        double[] values = new double[d];
        for (int j = 0; j < d; j++) {
            names[j] = String.format("mu%02d", j);
            values[j] = mu.getDouble(row, j);
        }
        return new ArrayExample<>(label == null ? LABELS.getUnknownOutput() : new Label(label), names, values);
    }
}

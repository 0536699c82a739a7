package vae.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import vae.Language;

/** The losses of every epoch on the training and the test images, averaged per image. */
public final class History {
    /**
     * One epoch: its 1-based number, mean train and test losses by name, and its wall time. Number 0, where
     * {@link Trainer#measureEpochZero} asked for it, holds the losses measured before the first step.
     */
    public record Epoch(int number, Map<String, Double> train, Map<String, Double> test, double seconds) {}

    private final List<Epoch> epochs = new ArrayList<>();
    private boolean interrupted;

    void add(Epoch epoch) { epochs.add(epoch); }
    void markInterrupted() { interrupted = true; }

    public List<Epoch> epochs() { return Collections.unmodifiableList(epochs); }
    /** The number of records, epoch 0 included where there is one. */
    public int size() { return epochs.size(); }
    /** The epochs trained: the records without epoch 0. */
    public int trainedEpochs() { return (int) epochs.stream().filter(e -> e.number() > 0).count(); }
    /** True when the first record is epoch 0, measured before training. */
    public boolean hasEpochZero() { return !epochs.isEmpty() && epochs.get(0).number() == 0; }
    /** The epoch numbers, record by record (0, 1, 2, … with epoch 0; else 1, 2, …), e.g. for a chart's x axis. */
    public double[] epochNumbers() { return epochs.stream().mapToDouble(Epoch::number).toArray(); }
    /** The seconds of all the trained epochs together (epoch 0's measuring not counted). */
    public double trainingSeconds() { return epochs.stream().filter(e -> e.number() > 0).mapToDouble(Epoch::seconds).sum(); }
    public Epoch last() {
        if (epochs.isEmpty()) throw new IllegalStateException(Language.text("error.history.empty"));
        return epochs.get(epochs.size() - 1);
    }
    /** True when training was stopped by an interrupt before all epochs ran. */
    public boolean interrupted() { return interrupted; }

    /** The train values of one loss ("loss", "reconstructionLoss", "kl"), epoch by epoch. */
    public double[] train(String loss) { return epochs.stream().mapToDouble(e -> e.train().get(loss)).toArray(); }

    /** The test values of one loss, epoch by epoch (NaN where there was no test set). */
    public double[] test(String loss) { return epochs.stream().mapToDouble(e -> e.test().getOrDefault(loss, Double.NaN)).toArray(); }

    @Override public String toString() {
        String zero = hasEpochZero() ? Language.text("history.andEpochZero") : "";
        String stopped = interrupted ? Language.text("history.interrupted") : "";
        StringBuilder s = new StringBuilder(trainedEpochs() == 1 ? Language.text("history.summaryOne", zero, stopped) // "1 epoch", not "1 epochs"
                : Language.text("history.summary", trainedEpochs(), zero, stopped));
        for (Epoch e : epochs) {
            s.append(String.format(Locale.ROOT, "%n  ")).append(Language.text("history.epoch", e.number(), fourDigits(e.train()), fourDigits(e.test()), e.seconds()));
        }
        return s.toString();
    }

    /**
     * {loss=536.9, reconstructionLoss=536.8, kl=0.04228}: 4 significant digits, as the lessons print a loss (the values
     * keep every digit); the names as the map holds them in English, in the lesson's words in Vietnamese ({mất mát=536.9, …}).
     */
    static String fourDigits(Map<String, Double> losses) {
        StringJoiner joined = new StringJoiner(", ", "{", "}");
        losses.forEach((name, value) -> joined.add(lossName(name) + "=" + String.format(Locale.ROOT, "%.4g", value)));
        return joined.toString();
    }

    /** A loss's name as the text form shows it: the map's key in English, the lesson's word in Vietnamese ("mất mát tái tạo"). */
    private static String lossName(String name) {
        String key = "history.lossName." + name;   // the messages name the model's losses; the trainer knows none of them
        return Language.bundle(Language.current()).containsKey(key) ? Language.text(key) : name;
    }
}

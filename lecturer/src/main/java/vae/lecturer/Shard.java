package vae.lecturer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shard {@code index} of {@code count} of a class: every {@code count}-th submission file in name order, starting at the
 * {@code index}-th, so that a batch engine (a Kubernetes indexed Job, a Slurm array, GNU parallel over ssh) can grade
 * one class on many machines, each with {@code grade --shard K/N}, and {@code grade --merge} joins their results.
 *
 * @param index from 1 to count
 */
public record Shard(int index, int count) {
    /** The whole class: shard 1 of 1. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist; expected K/N with 1 ≤ K ≤ N, e.g. --shard 2/3");
        }
    }

    /** {@code "2/3"} → shard 2 of 3; a Kubernetes index or a Slurm task id counting from 0 is given as K+1. */
    public static Shard parse(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--shard " + text + " is not K/N; expected e.g. --shard 2/3 (the second of three shards)");
    }

    /** This shard's share of the submission files (round robin, so each shard gets about as many of each notebook). */
    public List<Path> of(List<Path> files) {
        List<Path> mine = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) if (i % count == index - 1) mine.add(files.get(i));
        return mine;
    }

    @Override public String toString() { return index + "/" + count; }
}

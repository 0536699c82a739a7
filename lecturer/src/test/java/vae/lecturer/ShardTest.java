package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {
    static final List<Path> FILES = IntStream.range(0, 10).mapToObj(i -> Path.of("learner-" + i + "/09.ipynb")).toList();

    @Test
    void threeShardsTakeEveryFileOnceRoundRobin() {
        List<Path> all = new ArrayList<>();
        for (int k = 1; k <= 3; k++) all.addAll(Shard.parse(k + "/3").of(FILES));
        assertEquals(FILES.size(), all.size());
        assertEquals(FILES, all.stream().sorted().toList());
        assertEquals(List.of(FILES.get(1), FILES.get(4), FILES.get(7)), new Shard(2, 3).of(FILES));
        assertEquals(FILES, Shard.ALL.of(FILES));
    }

    @Test
    void aShardThatDoesNotExistIsRejectedWithAnExample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3"));
        assertTrue(e.getMessage().contains("shard 0/3 does not exist; expected K/N with 1 ≤ K ≤ N"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Shard.parse("two"));
        assertTrue(e.getMessage().contains("--shard two is not K/N"), e.getMessage());
    }
}

package vae.lecturer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One language's copy of the series: its notebooks with solutions (the source) and the learner versions made from
 * them. English lives in {@code notebooks/}, Vietnamese in {@code notebooks/vi/}; the code cells are the same in both.
 *
 * @param language the tag the notebooks' setup cell passes to {@code Language.use}, e.g. "vi"
 */
public record Edition(String language, String folder) {
    public static final Edition ENGLISH = new Edition("en", "notebooks");
    public static final Edition VIETNAMESE = new Edition("vi", "notebooks/vi");
    public static final List<Edition> ALL = List.of(ENGLISH, VIETNAMESE);

    /** The edition of {@code language} ("en" or "vi"). */
    public static Edition of(String language) {
        return ALL.stream().filter(e -> e.language.equals(language)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no edition in '" + language + "'; expected one of " + ALL.stream().map(Edition::language).toList()));
    }

    /** The editions whose solutions are in {@code root}, English first. */
    public static List<Edition> present(Path root) {
        return ALL.stream().filter(e -> Files.isDirectory(e.solutions(root))).toList();
    }

    public Path learner(Path root) { return root.resolve(folder); }

    public Path solutions(Path root) { return root.resolve(folder).resolve("solutions"); }

    /** The edition a notebook belongs to, from the folder it is in (…/vi/solutions/x.ipynb, …/vi/x.ipynb). */
    public static Edition ofNotebook(Path notebook) {
        Path dir = notebook.toAbsolutePath().getParent();
        if (dir.getFileName().toString().equals("solutions")) dir = dir.getParent();
        for (Edition e : ALL) if (!e.language.equals("en") && dir.getFileName().toString().equals(e.language)) return e;
        return ENGLISH;
    }
}

package vae.kernel.magic;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vae.kernel.evaluator.Evaluator;
import vae.kernel.session.Session;

/** {@code %jars}, {@code %classpath} and {@code %maven}: put more jars on the cells' classpath. */
final class ClasspathMagics {
    private ClasspathMagics() {}

    static void register(Magics m) {
        m.line("jars", "%jars PATH...           add jars, folders or globs (lib/*.jar) to the classpath", (args, s, cell, line) -> add(s, expand(args, "%jars"), "%jars"));
        m.line("classpath", "%classpath [PATH...]    without PATH: print the classpath; with: as %jars", (args, s, cell, line) -> {
            if (args.isBlank()) {
                List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
                entries.addAll(s.addedToClasspath());
                System.out.println(String.join("\n", entries));
                return Evaluator.Result.none(List.of());
            }
            return add(s, expand(args, "%classpath"), "%classpath");
        });
        m.line("maven", "%maven G:A:V...         resolve from Maven Central, with dependencies, onto the classpath", (args, s, cell, line) -> {
            if (args.isBlank()) {
                throw new MagicException("%maven needs coordinates, e.g. %maven info.picocli:picocli:4.7.7");
            }
            List<Path> jars = new ArrayList<>();
            for (String coordinates : args.trim().split("\\s+")) {
                jars.addAll(new MavenResolver().resolve(coordinates));
            }
            return add(s, jars, "%maven");
        });
    }

    /** Arguments as paths: a jar, a directory of jars (and classes), or a glob such as {@code lib/*.jar}. */
    static List<Path> expand(String args, String magic) throws MagicException {
        if (args.isBlank()) {
            throw new MagicException(magic + " needs a jar, a directory or a glob, e.g. " + magic + " lib/*.jar");
        }
        List<Path> paths = new ArrayList<>();
        for (String arg : args.trim().split("\\s+")) {
            String unquoted = arg.replaceAll("^[\"']|[\"']$", "");
            if (unquoted.contains("*") || unquoted.contains("?")) {
                Path dir = Path.of(unquoted).toAbsolutePath().getParent();
                String glob = Path.of(unquoted).getFileName().toString();
                List<Path> matched = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
                    ds.forEach(matched::add);
                } catch (IOException e) {
                    throw new MagicException(magic + " found no directory " + dir + " for " + arg);
                }
                if (matched.isEmpty()) {
                    throw new MagicException(magic + " " + arg + " matched no file in " + dir);
                }
                matched.stream().sorted().forEach(paths::add);
            } else {
                Path p = Path.of(unquoted).toAbsolutePath();
                if (!Files.exists(p)) {
                    throw new MagicException(magic + " found nothing at " + p + " (working directory: "
                            + Path.of("").toAbsolutePath() + ")");
                }
                paths.add(p);
                if (Files.isDirectory(p)) {
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(p, "*.jar")) {
                        ds.forEach(paths::add);
                    } catch (IOException e) {
                        throw new MagicException(magic + " could not list " + p + ": " + e.getMessage());
                    }
                }
            }
        }
        return paths;
    }

    private static Evaluator.Result add(Session s, List<Path> paths, String magic) {
        List<String> onKernelPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path p : paths) {
            String name = p.getFileName().toString();
            boolean already = onKernelPath.stream().anyMatch(e -> Path.of(e).getFileName() != null
                    && Path.of(e).getFileName().toString().equals(name));
            if (already && !Files.isDirectory(p)) {
                skipped.add(name);
            } else if (s.addToClasspath(p)) {
                added.add(name);
            }
        }
        System.out.println(magic + ": added " + added.size() + (added.size() == 1 ? " entry" : " entries")
                + (added.isEmpty() ? "" : ": " + String.join(", ", added))
                + (skipped.isEmpty() ? "" : "\n(already on the kernel's classpath: " + String.join(", ", skipped) + ")"));
        return Evaluator.Result.none(List.of());
    }
}

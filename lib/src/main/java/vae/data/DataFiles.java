package vae.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import vae.Language;

/**
 * Where the digits and the trained models are read from: the folder {@code VAE_DATA} names, if it is set, else the
 * classpath resources {@code vae/data/…} of the vae-data jar, which the library depends on. So a notebook finds them
 * in any working folder, and so does a kernel that added the library with {@code %maven}.
 */
public final class DataFiles {
    /** A system property or environment variable naming a folder to read the data files from instead of the jar. */
    public static final String SETTING = vae.runtime.EnvironmentNames.VAE_DATA;
    /** Where the vae-data jar holds the files: {@code vae/data/train-images-idx3-ubyte.gz}, …, {@code vae/data/vae-lesson.zip}. */
    public static final String RESOURCE_FOLDER = "vae/data/";
    /** The jar that carries the resources (built from the repository's data/ folder). */
    public static final String ARTIFACT = "io.github.vaenotebooks:vae-data";

    /** Reads one opened file; {@code name} is what its error messages call it (a path, or a resource and its jar). */
    @FunctionalInterface
    public interface Reader<T> {
        T read(InputStream in, String name);
    }

    private final Path folder;   // null: the classpath

    private DataFiles(Path folder) {
        this.folder = folder;
    }

    /** As {@code VAE_DATA} says now: a system property, else an environment variable, else unset (the classpath). */
    public static DataFiles current() {
        return fromSetting(System.getProperty(SETTING, System.getenv(SETTING)));
    }

    /** The folder {@code setting} names, or the classpath when {@code setting} is null or blank (VAE_DATA unset). */
    public static DataFiles fromSetting(String setting) {
        return new DataFiles(setting == null || setting.isBlank() ? null : Path.of(setting.strip()));
    }

    /** The folder the files are read from; empty when they are read from the classpath. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** Opens {@code file} (a name such as "vae-lesson.zip"), hands it to {@code reader} with its name, and closes it. */
    public <T> T read(String file, Reader<T> reader) {
        return folder != null ? readFromFolder(file, reader) : readFromClasspath(file, reader);
    }

    private <T> T readFromFolder(String file, Reader<T> reader) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(Language.text("data.notFolder", SETTING, folder, file, ARTIFACT));
        }
        Path path = folder.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(Language.text("data.missing", SETTING, folder, file, path, file, SETTING, ARTIFACT));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return reader.read(in, path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(Language.text("error.data.cannotRead", path, e.getMessage()), e);
        }
    }

    private static <T> T readFromClasspath(String file, Reader<T> reader) {
        String resource = RESOURCE_FOLDER + file;
        URL url = DataFiles.class.getClassLoader().getResource(resource);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (url == null && context != null) url = context.getResource(resource);   // a jar a kernel added after the library
        if (url == null) {
            throw new IllegalStateException(Language.text("data.notOnClasspath", resource, ARTIFACT, ARTIFACT, SETTING, file));
        }
        String name = describe(url, resource);
        try (InputStream in = url.openStream()) {
            return reader.read(in, name);
        } catch (IOException e) {
            throw new IllegalArgumentException(Language.text("error.data.cannotRead", name, e.getMessage()), e);
        }
    }

    /** "vae/data/f in /path/vae-data.jar" for a jar, the file's path for a folder of classes, else the URL. */
    private static String describe(URL url, String resource) {
        String s = url.toString();
        int bang = s.indexOf("!/");
        if (s.startsWith("jar:file:") && bang > 0) {
            try {
                return resource + " in " + Path.of(new java.net.URI(s.substring("jar:".length(), bang)));
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                return s;
            }
        }
        if (s.startsWith("file:")) {
            try {
                return Path.of(url.toURI()).toString();
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                return s;
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return folder != null ? "DataFiles(" + SETTING + " folder " + folder + ")" : "DataFiles(classpath " + RESOURCE_FOLDER + ", the " + ARTIFACT + " jar)";
    }
}

package vae.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/** Resolves Maven coordinates, with their runtime dependencies, from Maven Central into the user's local repository. */
public final class MavenResolver {
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path localRepository;
    private final List<RemoteRepository> repositories;

    public MavenResolver() {
        this(Path.of(System.getProperty("user.home"), ".m2", "repository"), List.of(CENTRAL));
    }

    public MavenResolver(Path localRepository, List<String> repositoryUrls) {
        this.localRepository = localRepository;
        this.repositories = new ArrayList<>();
        for (int i = 0; i < repositoryUrls.size(); i++) {
            repositories.add(new RemoteRepository.Builder(i == 0 ? "central" : "repo" + i, "default", repositoryUrls.get(i)).build());
        }
    }

    /** The jars of {@code coordinates} ({@code group:artifact:version}, or with extension/classifier) and of its runtime dependencies. */
    public List<Path> resolve(String coordinates) throws MagicException {
        DefaultArtifact artifact;
        try {
            artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new MagicException("%maven got \"" + coordinates + "\" but expects group:artifact:version, e.g. %maven info.picocli:picocli:4.7.7");
        }
        RepositorySystem system = new RepositorySystemSupplier().get();
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository).build()) {
            CollectRequest collect = new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME), repositories);
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                jars.add(r.getArtifact().getPath());
            }
            return jars;
        } catch (DependencyResolutionException e) {
            String why = e.getMessage();
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new MagicException("%maven could not resolve " + coordinates + " from Maven Central: " + why
                    + (root != e ? " (" + root.getMessage() + ")" : "")
                    + ". Check the coordinates on https://central.sonatype.com and your network.");
        } finally {
            system.shutdown();
        }
    }
}

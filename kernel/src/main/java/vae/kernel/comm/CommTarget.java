package vae.kernel.comm;

/** What a frontend's {@code comm_open} to a target name starts: it gets the new comm and the opening message. */
@FunctionalInterface
public interface CommTarget {
    void opened(Comm comm, CommMessage open);
}

package vae.runtime;

/**
 * Every environment variable the project reads, in one place (IJava keeps its own the same way). Each is also read as
 * a system property of the same name where the class that reads it says so.
 */
public final class EnvironmentNames {
    private EnvironmentNames() {}

    /** A folder holding the digits and checkpoints, read instead of the vae-data jar ({@code vae.data.DataFiles}). */
    public static final String VAE_DATA = "VAE_DATA";
    /** Caps every epoch count of the lessons ({@link vae.Settings}); the tests and CI set 1. */
    public static final String MAX_EPOCH = "MAX_EPOCH";
    /** Caps every image count of the lessons ({@link vae.Settings}); the tests and CI set 1000. */
    public static final String DATASET_LIMIT = "DATASET_LIMIT";
    /** ND4J's OpenMP threads ({@link Backend}); {@code vae/process.env} sets 1. */
    public static final String OMP_NUM_THREADS = "OMP_NUM_THREADS";
    /** Where the kernel and the runner write their log, instead of {@code ~/.cache/vae-notebooks/logs}. */
    public static final String VAE_KERNEL_LOG_DIR = "VAE_KERNEL_LOG_DIR";
    /**
     * Whether a learner may ask for an exercise's expected answer ({@code vae.exercise.Answers}): {@code ask} (default),
     * {@code hidden} for graded work (set on the hub or in the kernelspec), {@code grader} in the grader's own runs.
     */
    public static final String VAE_ANSWERS = "VAE_ANSWERS";
    /**
     * The learner whose exercise numbers a kernel uses ({@code vae.exercise.Learner}, also read as a system property):
     * the grader sets it for each submission; it wins over {@link #JUPYTERHUB_USER} and {@code Learner.name(…)}.
     */
    public static final String VAE_LEARNER = "VAE_LEARNER";
    /** Set by JupyterHub in every kernel's environment: the learner's login, their exercises' numbers ({@code vae.exercise.Learner}). */
    public static final String JUPYTERHUB_USER = "JUPYTERHUB_USER";
    /** Set by Jupyter: the process that started the kernel; the kernel exits when it is gone. */
    public static final String JPY_PARENT_PID = "JPY_PARENT_PID";
    /** Jupyter's data folder, where {@code install-kernel} writes the kernelspec by default. */
    public static final String JUPYTER_DATA_DIR = "JUPYTER_DATA_DIR";
}

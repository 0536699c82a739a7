package vae.kernel;

import java.util.concurrent.CompletableFuture;
import vae.kernel.comm.CommManager;
import vae.kernel.session.Session;
import vae.kernel.widgets.WidgetFrontend;
import vae.kernel.wire.JupyterKernel;

/**
 * The kernel's process-wide singletons, set up in the one order that works. Every JVM that runs cells goes through
 * here: the kernel and the headless runner ({@link Main}), the grader's runs, the tests.
 * <ol>
 *   <li>{@link #start}: the JVM's settings ({@link vae.runtime.Launch#prepareThisJvm}). AWT reads "headless" and
 *       JavaCPP its cache folder once, when they first load, and everything after this may load them (a renderer
 *       draws a chart with XChart, a cell starts ND4J).</li>
 *   <li>{@link #start}: the log file ({@link KernelLog}), before anything logs. java.util.logging's default handler
 *       writes to System.err, which a session routes into the running cell; outside a cell that text is logged again,
 *       and so on for ever.</li>
 *   <li>{@link Session#create}, once per notebook: System.out, System.err and System.in routed to the running cell
 *       ({@link vae.kernel.session.CellContext}), the kernel's own renderers ({@link vae.kernel.render.Renderers}, not
 *       those a previous session's {@code %jars} found), its verdicts the ones {@link vae.exercise.Check} reports,
 *       English until the notebook's setup cell says otherwise. It refuses to start before step 2.</li>
 *   <li>{@link #serve}, the kernel only: the comm targets, the widgets' among them, before the frontend connects,
 *       since its widget manager announces itself as soon as it does.</li>
 * </ol>
 */
public final class KernelRuntime {
    private static volatile String log;

    private KernelRuntime() {}

    /**
     * Steps 1 and 2, first thing in a main or a test's JVM; {@code logName} names the file ({@code kernel},
     * {@code runner}, …, see {@link KernelLog#directory()}). Later calls keep the first log.
     */
    public static synchronized void start(String logName) {
        if (log != null) return;
        vae.runtime.Launch.prepareThisJvm();
        KernelLog.toFile(logName);
        log = logName;
    }

    /** Whether {@link #start} ran. */
    public static boolean started() {
        return log != null;
    }

    /** Step 4: the kernel's comms and widget targets; call before {@code kernel.run()}. */
    public static void serve(JupyterKernel kernel, CompletableFuture<Session> session) {
        CommManager.install(kernel.comms());
        // A widget's callback that throws is shown as a cell's error would be, by the session's evaluator.
        WidgetFrontend.install(kernel.comms(), t -> session.join().evaluator().failure(t));
    }
}

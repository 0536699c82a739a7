package vae.kernel.wire;

import java.util.logging.Logger;
import vae.runtime.EnvironmentNames;

/** Ends the kernel when the process that started it ({@code JPY_PARENT_PID}, as ipykernel reads it) is gone. */
final class ParentWatch {
    private static final Logger LOG = Logger.getLogger(ParentWatch.class.getName());

    private ParentWatch() {}

    /** Starts a daemon thread that checks once a second and calls {@code exit} when the parent has gone. */
    static void start(Runnable exit) {
        String pid = System.getenv(EnvironmentNames.JPY_PARENT_PID);
        if (pid == null || pid.isBlank()) {
            return;
        }
        long parent;
        try {
            parent = Long.parseLong(pid.trim());
        } catch (NumberFormatException e) {
            return;
        }
        Thread t = new Thread(() -> {
            while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            LOG.info("Parent process " + parent + " is gone; exiting");
            exit.run();
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }
}

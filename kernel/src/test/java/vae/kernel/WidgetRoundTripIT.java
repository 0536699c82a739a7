package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vae.kernel.install.Installer;

/**
 * The kernel's side of notebook 11's slider-to-picture round trip: {@code widget_frontend.py} plays the classic
 * Notebook's widget manager (v6) or ipywidgets 8's (v8), moves z₁ and z₂ ten steps each and times each move from its
 * {@code comm_msg} to the kernel's status idle, after the redrawn picture. The figures are kept in
 * {@code target/widget-test/}; the goal is 50 ms, the test fails only far beyond it (a shared CI machine is noisy).
 * Skipped where Jupyter's client is absent.
 */
class WidgetRoundTripIT {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void install() throws Exception {
        Assumptions.assumeTrue(KernelIT.python() != null, "Skipping the widget round trips: no python3 with jupyter_client"
                + " (Debian: apt-get install python3-jupyter-client)");
        data = tmp.resolve("jupyter-data");
        Installer.install(data, Installer.currentJava(), KernelIT.kernelClasspath(), false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v6", "v8"})
    void notebook11sSliderRedrawsItsPictureQuickly(String frontend) throws Exception {
        // z₁ and z₂ each move ten steps; every move decodes a digit and draws the cross, so all are of one kind.
        JsonObject session = JupyterWidgetsJsIT.session(tmp, data, frontend, frontend,
                LessonWidgets.cells("11-the-latent-space.ipynb"), 10);
        assertEquals(new JsonArray(), session.getAsJsonArray("failures"));
        List<Double> trips = JupyterWidgetsJsIT.doubles(session.getAsJsonArray("round_trips_ms"));
        LessonWidgets.keep("kernel-round-trips-" + frontend + "-notebook-11.json", trips);
        double median = trips.stream().sorted().toList().get(trips.size() / 2);
        assertTrue(median < 150, "notebook 11's slider takes " + median + " ms in the kernel (median of " + trips
                + "); the goal is 50 ms");
    }
}

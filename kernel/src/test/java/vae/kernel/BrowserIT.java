package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's view: Jupyter Notebook on 127.0.0.1 with the kernel, a notebook opened in headless Chromium, all cells
 * run from the page, and the chart checked as an image in the page ({@link JupyterInBrowser}). The screenshot is kept
 * in {@code target/browser-test/notebook-chart.png}. Skipped where Jupyter Notebook or Chromium is absent.
 */
class BrowserIT {
    @TempDir
    Path tmp;

    @Test
    void chartIsShownWhenTheNotebookRunsInTheBrowser() throws Exception {
        String missing = JupyterInBrowser.missing(true);
        Assumptions.assumeTrue(missing == null, "Skipping the browser test: needs " + missing);
        Path notebooks = Files.createDirectories(tmp.resolve("notebooks"));
        Files.writeString(notebooks.resolve("chart.ipynb"), JupyterInBrowser.notebook("vae-java", "java", """
                var chart = new org.knowm.xchart.XYChartBuilder().width(400).height(300).title("Loss").build();
                chart.addSeries("train", new double[]{1, 2, 3, 4}, new double[]{4, 2, 1.5, 1.2});
                chart"""));
        try (JupyterInBrowser browser = new JupyterInBrowser(tmp)) {
            browser.startJupyter(notebooks);
            JupyterInBrowser.Cdp page = browser.openNotebook("chart.ipynb");
            page.eval("Jupyter.notebook.execute_all_cells(), 'started'");
            JupyterInBrowser.waitFor("the chart image in the page", 120, () -> !"0".equals(page.eval(
                    "String(document.querySelectorAll('.output_png img').length)")));
            Thread.sleep(500); // let the image decode before measuring and taking the picture
            assertEquals("400x300", page.eval("(() => { const i = document.querySelector('.output_png img');"
                    + " return i.naturalWidth + 'x' + i.naturalHeight; })()"));
            String prompt = page.eval("document.querySelector('.input_prompt').textContent");
            assertTrue(prompt.contains("[1]"), "the cell ran once: " + prompt);
            Path out = JupyterInBrowser.screenshot(page, "notebook-chart.png");
            assertTrue(Files.size(out) > 10_000, "screenshot " + out.toAbsolutePath());
        }
    }
}

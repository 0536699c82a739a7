package vae.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Widgets in the frontend most learners of these notebooks have on Debian: the classic Jupyter Notebook with Debian's
 * widget extension (jupyter-js-widgets 6.0, the frontend of ipywidgets 6.0), in headless Chromium ({@link
 * JupyterInBrowser}). A cell shows a slider; the test moves it with the keyboard (and, in notebook 11's, the mouse), as
 * a learner does, and waits for the cell's picture to change, timing each key press until the new picture has loaded
 * (figures in {@code target/widget-test/}). Python's own ipykernel with ipywidgets goes first, so a failure of the Java
 * kernel is not a broken browser or extension. Screenshots are kept in {@code target/browser-test/}. Skipped where
 * Jupyter Notebook, the widget extension or Chromium is absent.
 */
class WidgetBrowserIT {
    @TempDir
    Path tmp;

    /** Records, in the page, when a key went down and when a picture finished loading (performance.now(), ms). */
    static final String RECORDER = """
            (() => {
              const v = window.__vae = {keys: [], loads: []};
              document.addEventListener('keydown', () => v.keys.push(performance.now()), true);
              document.addEventListener('load', e => { if (e.target.tagName === 'IMG') v.loads.push(performance.now()); }, true);
              return 'recording';
            })()""";

    @Test
    void pythonSliderMovedWithTheKeyboardChangesItsLabel() throws Exception {
        String missing = JupyterInBrowser.missingWidgets();
        Assumptions.assumeTrue(missing == null, "Skipping the widget browser test: needs " + missing);
        Path notebooks = Files.createDirectories(tmp.resolve("notebooks"));
        Files.writeString(notebooks.resolve("python-slider.ipynb"), JupyterInBrowser.notebook("python3", "python", """
                import ipywidgets as w
                s = w.IntSlider(value=3, min=0, max=10, description='z')
                label = w.HTML(value='<b id="z">z is 3</b>')
                s.observe(lambda change: setattr(label, 'value', '<b id="z">z is %d</b>' % change['new']), names='value')
                w.VBox([s, label])"""));
        try (JupyterInBrowser browser = new JupyterInBrowser(tmp)) {
            browser.startJupyter(notebooks);
            JupyterInBrowser.Cdp page = browser.openNotebook("python-slider.ipynb");
            page.eval("Jupyter.notebook.execute_all_cells(), 'started'");
            JupyterInBrowser.waitFor("the slider in the page", 60, () -> "1".equals(page.eval(
                    "String(document.querySelectorAll('.widget-hslider .ui-slider-handle').length)")));
            assertEquals("z is 3", page.eval("String((document.getElementById('z') || {}).textContent)"));
            page.eval("document.querySelector('.widget-hslider .ui-slider-handle').focus(), 'focused'");
            JupyterInBrowser.press(page, "ArrowRight", 39);
            JupyterInBrowser.waitFor("the label to say z is 4", 30, () -> "z is 4".equals(
                    page.eval("String((document.getElementById('z') || {}).textContent)")));
            JupyterInBrowser.screenshot(page, "python-slider.png");
        }
    }

    @Test
    void javaSliderMovedWithTheKeyboardRedrawsTheCellsPicture() throws Exception {
        String missing = JupyterInBrowser.missingWidgets();
        Assumptions.assumeTrue(missing == null, "Skipping the widget browser test: needs " + missing);
        Path notebooks = Files.createDirectories(tmp.resolve("notebooks"));
        Files.writeString(notebooks.resolve("java-slider.ipynb"), JupyterInBrowser.notebook("vae-java", "java",
                JupyterWidgetsJsIT.CELLS.get(0), JupyterWidgetsJsIT.CELLS.get(1)));
        try (JupyterInBrowser browser = new JupyterInBrowser(tmp)) {
            browser.startJupyter(notebooks);
            JupyterInBrowser.Cdp page = browser.openNotebook("java-slider.ipynb");
            page.eval("Jupyter.notebook.execute_all_cells(), 'started'");
            try {
                JupyterInBrowser.waitFor("the slider and the picture in the page", 90, () -> "1 1".equals(page.eval(
                        "document.querySelectorAll('.widget-hslider .ui-slider-handle').length + ' '"
                                + " + document.querySelectorAll('img.widget-image').length")));
            } catch (AssertionError e) {
                JupyterInBrowser.screenshot(page, "java-slider-failed.png");
                throw new AssertionError(e.getMessage() + "\n" + page.eval("document.querySelector('#notebook').innerText")
                        + "\n" + browser.logs(), e);
            }
            page.eval(RECORDER);
            String first = page.eval("document.querySelector('img.widget-image').src");
            page.eval("document.querySelector('.widget-hslider .ui-slider-handle').focus(), 'focused'");
            List<Double> roundTrips = pressAndTime(page, 6); // 3 → 9: each step a new picture
            assertEquals("9", page.eval("document.querySelector('.widget-hslider .widget-readout').textContent"));
            assertTrue(!first.equals(page.eval("document.querySelector('img.widget-image').src")), "the picture changed");
            JupyterInBrowser.screenshot(page, "java-slider.png");
            LessonWidgets.keep("browser-round-trips-v6-toy.json", roundTrips);
        }
    }

    /**
     * Notebook 11's own widget cells (and the cells they build on), taken from the solution notebook: two sliders that
     * decode z with the 2-D model. The test moves z₁ with the keyboard and times each key press until the new
     * picture has loaded in the page (the learner's slider-to-picture round trip), then drags z₂ with the mouse.
     */
    @Test
    void notebook11sSlidersDecodeADigitLive() throws Exception {
        String missing = JupyterInBrowser.missingWidgets();
        Assumptions.assumeTrue(missing == null, "Skipping the widget browser test: needs " + missing);
        notebook11(null, new Dom(".widget-hslider .ui-slider-handle", ".widget-hslider .ui-slider",
                ".widget-hslider .widget-readout", ".widget-area .output_png img"), "v6");
    }

    /**
     * The same with ipywidgets 8's manager for the classic Notebook (widgetsnbextension 4, whose nbextension has the
     * same name as Debian's and replaces it here), which speaks protocol 2.1 to the kernel. Debian has no package of
     * it; ipywidgets 8.1.9 in the project's {@code .venv/} ({@link JupyterFrontend#venv()}) brings widgetsnbextension
     * 4.0.16, whose folder {@code share/jupyter/nbextensions/jupyter-js-widgets} this takes, or the one that {@code
     * VAE_WIDGETSNBEXTENSION} names (from the wheel: {@code pip download --no-deps widgetsnbextension==4.0.16}, then
     * {@code widgetsnbextension-4.0.16.data/data/share/jupyter/nbextensions/jupyter-js-widgets}).
     */
    @Test
    void notebook11sSlidersDecodeADigitLiveWithIpywidgets8sManager() throws Exception {
        String missing = JupyterInBrowser.missingWidgets();
        Assumptions.assumeTrue(missing == null, "Skipping the widget browser test: needs " + missing);
        String set = System.getenv("VAE_WIDGETSNBEXTENSION");
        Path extension = set != null ? Path.of(set)
                : JupyterFrontend.venv().resolve("share/jupyter/nbextensions/jupyter-js-widgets");
        Assumptions.assumeTrue(Files.isRegularFile(extension.resolve("extension.js")),
                "Skipping the ipywidgets 8 browser test: no widgetsnbextension 4 in " + extension + " (./tutorial jupyter-env"
                        + " makes .venv/ with it; or set VAE_WIDGETSNBEXTENSION to its nbextensions/jupyter-js-widgets folder)");
        notebook11(extension, new Dom(".widget-hslider .noUi-handle", ".widget-hslider .noUi-target",
                ".widget-hslider .widget-readout", ".widget-interact img"), "v8");
    }

    /** Where a frontend's page has the sliders' handles and tracks, their readouts and the picture. */
    record Dom(String handle, String track, String readout, String picture) {}

    private void notebook11(Path widgetExtension, Dom dom, String name) throws Exception {
        Path notebooks = Files.createDirectories(tmp.resolve("notebooks"));
        Files.writeString(notebooks.resolve("latent.ipynb"), JupyterInBrowser.notebook("vae-java", "java",
                LessonWidgets.cells("11-the-latent-space.ipynb").toArray(String[]::new)));
        try (JupyterInBrowser browser = new JupyterInBrowser(tmp)) {
            browser.startJupyter(notebooks, widgetExtension);
            JupyterInBrowser.Cdp page = browser.openNotebook("latent.ipynb");
            page.eval("Jupyter.notebook.execute_all_cells(), 'started'");
            String picture = "document.querySelector('" + dom.picture() + "')";
            try {
                JupyterInBrowser.waitFor("the two sliders and the picture", 180, () -> "2 true".equals(page.eval(
                        "document.querySelectorAll('" + dom.handle() + "').length + ' ' + !!" + picture)));
            } catch (AssertionError e) {
                JupyterInBrowser.screenshot(page, "notebook-11-" + name + "-failed.png");
                throw new AssertionError(e.getMessage() + "\n" + page.eval("document.querySelector('#notebook').innerText")
                        + "\n" + browser.logs(), e);
            }
            page.eval(RECORDER);
            String first = page.eval(picture + ".src");
            page.eval("document.querySelector('" + dom.handle() + "').focus(), 'focused'");
            List<Double> roundTrips = pressAndTime(page, 20); // z₁ from 0 to 1 in steps of 0.05
            assertEquals("1.00", page.eval("document.querySelector('" + dom.readout() + "').textContent"));
            LessonWidgets.keep("browser-round-trips-" + name + "-notebook-11.json", roundTrips);
            // Then z₂ dragged with the mouse, a fifth of its track upwards from 0: a new picture comes with it.
            int loads = Integer.parseInt(page.eval("String(window.__vae.loads.length)"));
            int track = (int) Double.parseDouble(page.eval("String(document.querySelectorAll('" + dom.track() + "')[1]"
                    + ".getBoundingClientRect().width)"));
            JupyterInBrowser.drag(page, dom.handle(), 1, track / 5);
            JupyterInBrowser.waitFor("z₂ to move under the mouse", 30, () -> Double.parseDouble(page.eval(
                    "document.querySelectorAll('" + dom.readout() + "')[1].textContent")) > 1);
            JupyterInBrowser.waitFor("the picture after the drag", 30, () -> loads < Integer.parseInt(
                    page.eval("String(window.__vae.loads.length)")));
            assertTrue(!first.equals(page.eval(picture + ".src")), "the picture changed");
            JupyterInBrowser.screenshot(page, "notebook-11-" + name + ".png");
        }
    }

    /**
     * Presses the right arrow {@code times} in the focused slider, each time waiting for a new picture to load; returns
     * each round trip from the key press to the picture's load event, in ms (the page's own clock).
     */
    static List<Double> pressAndTime(JupyterInBrowser.Cdp page, int times) throws Exception {
        List<Double> roundTrips = new ArrayList<>();
        for (int i = 1; i <= times; i++) {
            int loads = Integer.parseInt(page.eval("String(window.__vae.loads.length)"));
            JupyterInBrowser.press(page, "ArrowRight", 39);
            JupyterInBrowser.waitFor("picture " + i + " after the key press", 30, () -> loads < Integer.parseInt(
                    page.eval("String(window.__vae.loads.length)")));
            roundTrips.add(Double.parseDouble(page.eval("String(window.__vae.loads.at(-1) - window.__vae.keys.at(-1))")));
        }
        return roundTrips;
    }
}

package vae.lecturer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vae.kernel.notebook.Notebook;
import vae.plot.GaussianPlots;
import vae.plot.Png;

/** Slides and handouts open in Debian's headless Chromium with no network: reveal.js starts and the chart is there. */
class ExportIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Pattern REMOTE = Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//", Pattern.CASE_INSENSITIVE);
    @TempDir Path dir;

    static Notebook withChart() {
        Notebook nb = LearnerVersions.of(Notebook.read(GraderIT.SOLUTIONS.resolve(GraderIT.NB)));
        JsonObject code = nb.cells().get(1);
        JsonObject display = new JsonObject();
        display.addProperty("output_type", "display_data");
        JsonObject data = new JsonObject();
        byte[] png = Png.bytes(GaussianPlots.line("KL against μ", "μ", "KL", new double[] {-2, 0, 2}, new double[] {2, 0, 2}));
        data.addProperty("image/png", Base64.getEncoder().encodeToString(png));
        data.addProperty("text/plain", "XYChart");
        display.add("data", data);
        display.add("metadata", new JsonObject());
        JsonArray outputs = new JsonArray();
        outputs.add(display);
        code.add("outputs", outputs);
        return nb;
    }

    @Test
    void slidesAndHandoutOpenOfflineWithTheChart() throws Exception {
        Path nb = dir.resolve("01-tiny.ipynb");
        withChart().write(nb);
        List<Path> written = Export.export(nb, dir.resolve("out"));
        String html = Files.readString(written.get(0)), slides = Files.readString(written.get(1));
        assertTrue(slides.contains("text-transform:none"), "headings keep their case (σ must not become Σ)");
        for (String page : List.of(html, slides)) {
            assertFalse(REMOTE.matcher(page).find(), "a page loads something from the network");
            assertTrue(page.contains("src=\"data:image/png;base64,"), "the chart is embedded");
        }
        // Three slides (title, σ, own function); the σ slide has the z subslide: 1 + (1 + 2) + 1 sections.
        assertEquals(5, slides.split("<section>", -1).length - 1);
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed (apt-get install chromium): skipping the browser check");
        String dom = chromium(written.get(1), "--dump-dom");
        assertTrue(Pattern.compile("class=\"reveal [^\"]*ready").matcher(dom).find(), "reveal.js started from the local copy:\n" + dom.substring(0, Math.min(2000, dom.length())));
        assertTrue(dom.contains("data:image/png;base64,"));
        Path shot = dir.resolve("handout.png");
        chromium(written.get(0), "--screenshot=" + shot, "--window-size=1000,1400");
        var image = ImageIO.read(shot.toFile());
        assertTrue(image.getWidth() >= 1000, "a screenshot was taken");
        Files.copy(shot, Path.of("target/export-handout.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aVietnameseNotebookExportsAsVietnamesePages() throws Exception {
        Path nb = Files.createDirectories(dir.resolve("vi/solutions")).resolve("01-tiny.ipynb");
        withChart().write(nb);
        try {
            for (Path page : Export.export(nb, dir.resolve("out-vi"))) {
                assertTrue(Files.readString(page).startsWith("<!DOCTYPE html>\n<html lang=\"vi\">"), page + " should say it is Vietnamese");
            }
        } finally {
            vae.Language.reset();
        }
    }

    private String chromium(Path page, String... args) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium");
        List<String> command = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                // every host name fails to resolve: a page that needs the network shows it
                "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=5000", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        command.add(page.toUri().toString());
        Path log = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "chromium did not finish");
        return out;
    }
}

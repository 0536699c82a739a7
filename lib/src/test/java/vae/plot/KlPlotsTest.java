package vae.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import vae.Language;
import vae.maths.HandMaths;

class KlPlotsTest {
    @AfterEach
    void english() { Language.reset(); }

    @Test
    void theMinimumIsMarkedAtKlZeroAndTheKlAxisStartsAtZero() {
        double[] sigma = new double[80], kl = new double[80];
        for (int i = 0; i < 80; i++) {
            sigma[i] = 0.05 * (i + 1);
            kl[i] = HandMaths.kl(new double[] {0}, HandMaths.logVar(new double[] {sigma[i]}));
        }
        XYChart chart = KlPlots.againstSigma(sigma, kl);
        assertEquals(1.0, chart.getSeries("KL = 0").getXData()[0], "σ = 1, where the KL is 0, is marked");
        assertEquals(0.0, chart.getSeries("KL = 0").getYData()[0]);
        assertEquals(0.0, chart.getStyler().getXAxisMin(), "σ starts at 0, and so does its axis");
        assertEquals(0.0, chart.getStyler().getYAxisMin(), "the KL starts at 0, and so does its axis");
        assertTrue(Png.bytes(chart).length > 1000, "the chart renders");
    }

    @Test
    void theLogAxisReadsAsSigmaAndTheTitlesSpeakTheLearnersLanguage() {
        double[] sigma = {0.25, 0.5, 1, 2, 4}, kl = new double[5];
        for (int i = 0; i < 5; i++) kl[i] = HandMaths.kl(new double[] {0}, HandMaths.logVar(new double[] {sigma[i]}));
        XYChart chart = KlPlots.againstLogSigma(sigma, kl);
        assertEquals(-2.0, chart.getSeries("KL").getXData()[0], 1e-12, "σ = ¼ sits at log₂ σ = −2");
        assertEquals("¼ ½ 1 2 4 1/8", String.join(" ", KlPlots.powerOfTwo(-2), KlPlots.powerOfTwo(-1), KlPlots.powerOfTwo(0),
                KlPlots.powerOfTwo(1), KlPlots.powerOfTwo(2), KlPlots.powerOfTwo(-3)));
        assertEquals("", KlPlots.powerOfTwo(0.5), "a tick between two powers of two carries no label");
        Language.use("vi");
        assertEquals("KL theo μ (σ = 1): bằng 0 tại μ = 0", KlPlots.againstMu(new double[] {-1, 0, 1}, new double[] {0.5, 0, 0.5}).getTitle());
    }
}

package vae.plot;

import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import vae.train.History;

/** Loss curves of a training run. */
public final class TrainingPlots {
    private TrainingPlots() {}

    /** Total, reconstruction and KL loss per epoch, on the training images and (dashed) on the test images. */
    public static XYChart lossCurves(History history) {
        if (history.size() == 0) throw new IllegalArgumentException("the history has no epochs yet: train first");
        double[] epochs = IntStream.rangeClosed(1, history.size()).asDoubleStream().toArray();
        XYChart chart = new XYChartBuilder().width(560).height(340).title("Loss per image").xAxisTitle("epoch").yAxisTitle("nats").build();
        for (String loss : new String[] {"loss", "reconstructionLoss", "kl"}) {
            chart.addSeries("train " + loss, epochs, history.train(loss));
            double[] test = history.test(loss);
            if (!Double.isNaN(test[0])) {
                XYSeries s = chart.addSeries("test " + loss, epochs, test);
                s.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            }
        }
        return chart;
    }
}

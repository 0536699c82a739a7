package vae.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import vae.data.Mnist;
import vae.model.Vae;
import vae.train.Trainer;
import vae.train.TrainingConfig;

class LatentClassifierTest {
    @Test
    void probabilitiesSumToOneAndMuCarriesTheDigit() {
        Vae vae = Vae.untrained();
        new Trainer(vae, TrainingConfig.defaults().withEpochs(1)).fit(Mnist.train().images(0, 3000), null);
        INDArray muTrain = vae.encode(Mnist.train().images(0, 3000)).mu(), muTest = vae.encode(Mnist.test().images()).mu();
        LatentClassifier classifier = LatentClassifier.train(muTrain, Mnist.train().first(3000).labels());
        double[] p = classifier.probabilities(muTest.getRow(0));
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
        assertTrue(Arrays.stream(p).allMatch(v -> v >= 0));
        int[] labels = Mnist.test().labels();
        double accuracy = classifier.accuracy(muTest, labels);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) if (classifier.predict(muTest.getRow(i)) == labels[i]) correct++;
        assertEquals(correct / 1000.0, accuracy, 1e-12);
        assertTrue(accuracy > 0.4, "μ after one epoch should already tell digits apart far above chance (0.1): " + accuracy);
    }
}

package vae.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import vae.data.Mnist;
import vae.model.ForwardPass;
import vae.model.Vae;

class TablesTest {
    final Vae vae = Vae.untrained();

    @Test
    void latentTableHasOneRowPerDimensionAndImage() {
        ForwardPass one = vae.forward(Mnist.train().firstImageOfDigit(3), new Random(2));
        Table t = LatentTable.of(one);
        assertEquals(10, t.rowCount());
        assertEquals(one.z().getDouble(0, 4), t.doubleColumn("z").get(4), 0);
        assertEquals(one.mu().getDouble(0, 4) + one.sigma().getDouble(0, 4) * one.epsilon().getDouble(0, 4), t.doubleColumn("z").get(4), 1e-6);
        ForwardPass three = vae.forward(Mnist.train().batch(0, 1, 2), new Random(2));
        Table b = LatentTable.of(three);
        assertEquals(30, b.rowCount());
        assertEquals(2, b.intColumn("image").get(25));
        assertEquals(three.sigma().getDouble(2, 5), b.doubleColumn("σ").get(25), 0);
    }

    @Test
    void shapeTableListsThePipeline() {
        Table t = ShapeTable.of(vae.forward(Mnist.train().batch(0, 1, 2), new Random(2)));
        assertEquals("[3, 784]", t.stringColumn("shape").get(0));
        assertEquals("mu", t.stringColumn("value").get(1));
        assertEquals("[3, 10]", t.stringColumn("shape").get(5));
        assertEquals("[]", t.stringColumn("shape").get(9));
    }

    @Test
    void sampleTableComputesMeanAndStd() {
        Table t = SampleTable.of(new double[][] {{1, 2, 3}, {2, 4, 6}}, new double[] {2, 4}, new double[] {1, 2});
        assertEquals(4.0, t.doubleColumn("sample mean").get(1), 1e-12);
        assertEquals(2.0, t.doubleColumn("sample std").get(1), 1e-12); // √(((−2)² + 0 + 2²)/2)
    }
}

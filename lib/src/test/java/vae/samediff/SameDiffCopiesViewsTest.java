package vae.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import vae.runtime.Backend;

/**
 * M2.1's {@code sd.var(name, array)} keeps an array as it is but copies a view: so the weights cannot be views into one
 * flat vector that a fused optimizer updates in one pass (vae.model.Parameters keeps the array the graph holds; the
 * trainer's Adam updates weight by weight). If a later ND4J keeps views, this test fails.
 */
class SameDiffCopiesViewsTest {
    static { Backend.start(); }

    @Test
    void sdVarCopiesAViewButKeepsAWholeArray() {
        INDArray flat = Nd4j.zeros(DataType.FLOAT, 10);
        INDArray view = flat.get(NDArrayIndex.interval(2, 6)).reshape(2, 2);
        assertTrue(view.isView());
        SameDiff sd = SameDiff.create();
        SDVariable fromView = sd.var("fromView", view);
        assertNotSame(view, fromView.getArr());
        flat.assign(7);
        assertEquals(0, fromView.getArr().sumNumber().doubleValue(), "the variable does not see the flat vector change");

        INDArray whole = Nd4j.zeros(DataType.FLOAT, 2, 2);
        assertSame(whole, sd.var("whole", whole).getArr());
    }
}

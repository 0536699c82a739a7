package vae.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import vae.train.TrainingConfig;

/**
 * VaeConfig and TrainingConfig keep every setting with its default in one block (their Builder): the block, the
 * record and the withers name the same settings, a wither changes only its own, and toString prints them all.
 */
class ConfigBlocksTest {
    @Test
    void theDefaultsArePrintedAsTheNotebooksShowThem() {
        assertEquals("VaeConfig(architecture=MLP, hiddenSize=400, latentSize=10, reconstructionLoss=BCE, beta=1.0, seed=42, dataType=FLOAT)",
                VaeConfig.lesson().toString());
        assertEquals("TrainingConfig(epochs=5, batchSize=128, learningRate=0.001, adamBetaOne=0.9, adamBetaTwo=0.999, adamEpsilon=1.0E-8, seed=42)",
                TrainingConfig.defaults().toString());
        assertEquals("VaeConfig(architecture=CONV, hiddenSize=400, latentSize=10, reconstructionLoss=BCE, beta=1.0, seed=42, dataType=FLOAT)",
                VaeConfig.conv().toString());
        assertEquals(VaeConfig.lesson().withLatentSize(20), VaeConfig.pytorchExample());
    }

    @Test
    void theBlockOfDefaultsNamesEverySettingOfTheRecordInItsOrder() {
        for (Class<?> config : List.of(VaeConfig.class, TrainingConfig.class)) {
            Class<?> block = Arrays.stream(config.getClasses()).filter(c -> c.getSimpleName().equals("Builder")).findFirst().orElseThrow();
            List<String> settings = Arrays.stream(config.getRecordComponents()).map(RecordComponent::getName).toList();
            List<String> defaults = Arrays.stream(block.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName).toList();
            assertEquals(settings, defaults, config.getSimpleName() + ": one default per setting, in the record's order");
        }
    }

    @Test
    void eachWitherChangesItsOwnSettingAndKeepsTheOthers() throws Exception {
        check(VaeConfig.lesson(), List.of(VaeConfig.Architecture.CONV, 7, 3, VaeConfig.ReconstructionLoss.MSE, 0.25, 99L, DataType.DOUBLE));
        check(TrainingConfig.defaults(), List.of(3, 64, 2e-3, 0.8, 0.99, 1e-7, 7L));
    }

    /** For each component in turn: {@code withX(value)} gives {@code value} there and the rest as in {@code start}. */
    private static void check(Record start, List<Object> others) throws Exception {
        RecordComponent[] components = start.getClass().getRecordComponents();
        assertEquals(components.length, others.size());
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Method wither = start.getClass().getMethod("with" + Character.toUpperCase(name.charAt(0)) + name.substring(1), components[i].getType());
            Record changed = (Record) wither.invoke(start, others.get(i));
            for (int j = 0; j < components.length; j++) {
                Object before = components[j].getAccessor().invoke(start), after = components[j].getAccessor().invoke(changed);
                if (j == i) {
                    assertEquals(others.get(i), after, name);
                    assertNotEquals(before, after, name + ": the test's value should differ from the default");
                } else {
                    assertEquals(before, after, wither.getName() + " keeps " + components[j].getName());
                }
            }
            assertTrue(changed.toString().contains(name + "=" + others.get(i)), changed.toString());
        }
    }
}

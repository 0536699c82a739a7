package vae.kernel.session;

import java.util.Map;

/** Where a running cell's output goes: the kernel sends it over ZeroMQ, the headless runner writes it into the notebook. */
public interface Output {
    /** Text the cell printed; {@code name} is {@code stdout} or {@code stderr}. */
    void stream(String name, String text);

    /** A {@code display_data} (or, with {@code update}, an {@code update_display_data}) for {@code displayId}. */
    void display(Map<String, String> bundle, String displayId, boolean update);

    /** The cell's value, as {@code execute_result}. */
    void result(Map<String, String> bundle);

    /**
     * Clears what was shown so far ({@code clear_output}); with {@code wait}, only once the next output comes, so a
     * picture that is redrawn does not flicker. By default nothing is cleared (the headless runner keeps everything).
     */
    default void clear(boolean wait) {
    }

    /** An error shown among the outputs (a widget's failing callback), as the {@code error} output of a cell. */
    default void error(String ename, String evalue, java.util.List<String> traceback) {
        stream("stderr", ename + ": " + evalue + "\n" + String.join("\n", traceback) + "\n");
    }

    /**
     * A line the learner types (without its newline), for a cell reading {@code System.in}. By default nobody can type:
     * the headless runner and the grader run without a keyboard.
     */
    default String input(String prompt, boolean password) {
        throw new KeyboardUnavailableException("This notebook runs headless (the runner or the grader), without keyboard"
                + " input, so System.in cannot be read here. Put the value in the code instead, e.g. String name = \"Ada\";");
    }
}

package vae.kernel.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import vae.kernel.Display;
import vae.kernel.DisplayId;
import vae.kernel.session.CellContext;

/**
 * Controls above an {@link Output} that shows what a function returns for their values, run again on every change
 * (ipywidgets' {@code interactive}, what {@link Widgets#interact} shows). The function's result (an XChart chart, a
 * {@code BufferedImage}, a table, text) replaces the last one in place; what it prints goes there too.
 */
public final class Interactive extends VBox {
    private final Supplier<?> function;
    private final Output output;
    private final List<ValueWidget<?, ?>> controls;
    private volatile Object result;
    private volatile vae.kernel.session.Output shownUnder;
    private volatile DisplayId shownAs;

    Interactive(Supplier<?> function, List<ValueWidget<?, ?>> controls) {
        this(function, controls, new Output());
    }

    private Interactive(Supplier<?> function, List<ValueWidget<?, ?>> controls, Output output) {
        super(children(controls, output));
        this.function = function;
        this.output = output;
        this.controls = List.copyOf(controls);
        addClass("widget-interact");
        for (ValueWidget<?, ?> c : controls) {
            c.observeTrait("value", change -> update());
        }
    }

    private static List<Widget> children(List<ValueWidget<?, ?>> controls, Output output) {
        if (controls.isEmpty()) {
            throw new IllegalArgumentException("interact needs at least one control, e.g. interact(z -> decode(z), new FloatSlider(0, -3, 3))");
        }
        List<Widget> all = new ArrayList<>(controls);
        all.add(output);
        return all;
    }

    /** Runs the function for the controls' values now and shows its result. */
    public void update() {
        result = null;
        output.capture(() -> {
            CellContext.current().clear(true);
            Object r = function.get();
            result = r;
            if (r != null) {
                Display.display(r);
            }
        });
    }

    /** What the function returned last. */
    public Object result() {
        return result;
    }

    public Output output() {
        return output;
    }

    public List<ValueWidget<?, ?>> controls() {
        return controls;
    }

    /**
     * Runs the function, then shows the controls and its result. Shown once per cell: {@code interact(...)} shows it,
     * and a cell that ends with that call does not show it again.
     */
    @Override
    public DisplayId displayItself() {
        vae.kernel.session.Output cell = CellContext.current();
        if (cell != null && cell == shownUnder && shownAs != null) {
            return shownAs;
        }
        open();
        update();
        shownAs = super.displayItself();
        shownUnder = cell;
        return shownAs;
    }
}

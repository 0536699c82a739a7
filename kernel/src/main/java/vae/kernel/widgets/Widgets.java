package vae.kernel.widgets;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code interact}, as in ipywidgets: controls that re-run a function on every change and show its result in place.
 * Every cell has {@code import static vae.kernel.widgets.Widgets.*;}, so a cell writes
 * <pre>{@code
 * var model = Pretrained.latent2d();
 * interact((a, b) -> ImageGrid.of(model.decode(Nd4j.create(new double[][] {{a, b}})), 1),
 *          new FloatSlider(0, -3, 3).description("z₁"), new FloatSlider(0, -3, 3).description("z₂"));
 * }</pre>
 */
public final class Widgets {
    private Widgets() {}

    /** Something made of three values, for {@code interact} with three controls. */
    @FunctionalInterface
    public interface Function3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    /** Shows {@code control} and the result of {@code f} for its value, re-run on every change; returns the widget. */
    public static <A> Interactive interact(Function<A, ?> f, ValueWidget<A, ?> control) {
        return show(interactive(f, control));
    }

    public static <A, B> Interactive interact(BiFunction<A, B, ?> f, ValueWidget<A, ?> a, ValueWidget<B, ?> b) {
        return show(interactive(f, a, b));
    }

    public static <A, B, C> Interactive interact(Function3<A, B, C, ?> f, ValueWidget<A, ?> a, ValueWidget<B, ?> b,
                                                 ValueWidget<C, ?> c) {
        return show(interactive(f, a, b, c));
    }

    /** Any number of controls; {@code f} reads their values itself, e.g. {@code () -> plot(mu.value(), sigma.value())}. */
    public static Interactive interact(Supplier<?> f, ValueWidget<?, ?>... controls) {
        return show(interactive(f, controls));
    }

    /** As {@link #interact(Function, ValueWidget)}, but not shown yet (ipywidgets' {@code interactive}). */
    public static <A> Interactive interactive(Function<A, ?> f, ValueWidget<A, ?> control) {
        return new Interactive(() -> f.apply(control.value()), List.of(control));
    }

    public static <A, B> Interactive interactive(BiFunction<A, B, ?> f, ValueWidget<A, ?> a, ValueWidget<B, ?> b) {
        return new Interactive(() -> f.apply(a.value(), b.value()), List.of(a, b));
    }

    public static <A, B, C> Interactive interactive(Function3<A, B, C, ?> f, ValueWidget<A, ?> a, ValueWidget<B, ?> b,
                                                    ValueWidget<C, ?> c) {
        return new Interactive(() -> f.apply(a.value(), b.value(), c.value()), List.of(a, b, c));
    }

    public static Interactive interactive(Supplier<?> f, ValueWidget<?, ?>... controls) {
        return new Interactive(f, List.of(controls));
    }

    private static Interactive show(Interactive w) {
        w.displayItself();
        return w;
    }
}

package vae.kernel.widgets;

import java.util.List;

/**
 * A widget's CSS layout ({@code LayoutModel}): every property null (the browser's default) unless set, e.g.
 * {@code slider.layout().set("width", "400px")}. The properties differ a little between ipywidgets 6, 7 and 8.
 */
public final class Layout extends Widget {
    private static final List<String> COMMON = List.of("align_content", "align_items", "align_self", "bottom", "display",
            "flex", "flex_flow", "height", "justify_content", "left", "margin", "max_height", "max_width", "min_height",
            "min_width", "order", "overflow", "padding", "right", "top", "visibility", "width");
    /** ipywidgets 6 and 7 have these; 8 splits the border into four and drops overflow_x/y. */
    private static final List<String> LEGACY = List.of("border", "overflow_x", "overflow_y");
    private static final List<String> GRID = List.of("grid_area", "grid_auto_columns", "grid_auto_flow", "grid_auto_rows",
            "grid_column", "grid_gap", "grid_row", "grid_template_areas", "grid_template_columns", "grid_template_rows",
            "justify_items", "object_fit", "object_position");
    private static final List<String> V8 = List.of("border_bottom", "border_left", "border_right", "border_top");

    public Layout() {
        super("LayoutModel", WidgetProtocol.Module.BASE, "LayoutView", WidgetProtocol.Module.BASE);
        COMMON.forEach(p -> trait(p, null));
        switch (protocol()) {
            case V6 -> LEGACY.forEach(p -> trait(p, null));
            case V7 -> {
                GRID.forEach(p -> trait(p, null));
                LEGACY.forEach(p -> trait(p, null));
            }
            case V8 -> {
                GRID.forEach(p -> trait(p, null));
                V8.forEach(p -> trait(p, null));
            }
        }
    }

    /** Sets a CSS property by its ipywidgets name ({@code width}, {@code margin}, {@code border_top}, ...). */
    public Layout set(String property, String value) {
        if (!has(property) || property.startsWith("_")) {
            throw new IllegalArgumentException("Layout has no property \"" + property + "\" in " + protocol()
                    + "; it has " + keys().stream().filter(k -> !k.startsWith("_")).toList());
        }
        super.set(property, value);
        return this;
    }

    /** A CSS property's value, or null when unset. */
    public String property(String property) {
        Object v = get(property);
        return v == null ? null : v.toString();
    }
}

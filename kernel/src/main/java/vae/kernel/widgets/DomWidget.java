package vae.kernel.widgets;

import java.util.ArrayList;
import java.util.List;

/** A widget with a place on the page: CSS classes and a {@link Layout} (ipywidgets' {@code DOMWidget}). */
public abstract class DomWidget extends Widget {
    DomWidget(String modelName, WidgetProtocol.Module module, String viewName) {
        super(modelName, module, viewName, module);
        trait("_dom_classes", List.of());
        trait("layout", new Layout());
        if (protocol() == WidgetProtocol.V8) {
            trait("tabbable", null);
            trait("tooltip", null);
        }
    }

    /** The CSS layout, e.g. {@code widget.layout().set("width", "300px")}. */
    public Layout layout() {
        return (Layout) get("layout");
    }

    /** Adds a CSS class to the widget's element (ipywidgets' {@code add_class}). */
    public DomWidget addClass(String cssClass) {
        @SuppressWarnings("unchecked")
        List<String> classes = new ArrayList<>((List<String>) get("_dom_classes"));
        if (!classes.contains(cssClass)) {
            classes.add(cssClass);
            set("_dom_classes", List.copyOf(classes));
        }
        return this;
    }
}

package vae.kernel.widgets;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Widgets laid out together ({@link HBox} in a row, {@link VBox} in a column; ipywidgets' {@code Box}). */
public abstract class Box extends DomWidget {
    private final boolean horizontal;

    Box(String modelName, String viewName, boolean horizontal, List<? extends Widget> children) {
        super(modelName, WidgetProtocol.Module.CONTROLS, viewName);
        this.horizontal = horizontal;
        trait("box_style", "");
        trait("children", List.copyOf(children));
        children.forEach(c -> c.addParent(this));
    }

    @SuppressWarnings("unchecked")
    public List<Widget> children() {
        return (List<Widget>) get("children");
    }

    /** Replaces the children. */
    public Box children(List<? extends Widget> children) {
        children.forEach(c -> c.addParent(this));
        set("children", List.copyOf(children));
        pictureChanged();
        return this;
    }

    /** One of {@code success}, {@code info}, {@code warning}, {@code danger} or "". */
    public Box boxStyle(String style) {
        set("box_style", style);
        return this;
    }

    /** The children's pictures, laid out as the box lays them out. */
    @Override
    Optional<BufferedImage> picture() {
        List<BufferedImage> pictures = new ArrayList<>();
        children().forEach(c -> c.picture().ifPresent(pictures::add));
        return Pictures.compose(pictures, horizontal);
    }

    /** The children's texts, one per line (the box's text where no widget manager draws it). */
    @Override
    public String toString() {
        return children().stream().map(Widget::toString).collect(Collectors.joining("\n"));
    }
}

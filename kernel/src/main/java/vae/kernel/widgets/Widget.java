package vae.kernel.widgets;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;
import vae.kernel.DisplayId;
import vae.kernel.DisplaysItself;
import vae.kernel.comm.Comm;
import vae.kernel.comm.CommMessage;

/**
 * A widget: typed traits kept in step with a model in the frontend over a comm ({@code jupyter.widget}), in the
 * protocol the frontend announced ({@link WidgetProtocol}). The comm opens when the widget is first shown (or when a
 * widget that holds it is), so a widget made and changed in one cell costs nothing until it appears. Where no kernel
 * runs (the headless runner, the grader) there is no comm: the widget shows its picture and text instead.
 */
public abstract class Widget extends HasTraits implements DisplaysItself {
    private static final Logger LOG = Logger.getLogger(Widget.class.getName());

    private final WidgetProtocol protocol;
    private final String id = UUID.randomUUID().toString().replace("-", "");
    private final Observers observers = new Observers();
    private final List<Widget> parents = new CopyOnWriteArrayList<>();
    private final WidgetView view = new WidgetView(this);
    private volatile Comm comm;

    /** A model {@code modelName} of {@code module} with the view {@code viewName} of {@code viewModule}. */
    Widget(String modelName, WidgetProtocol.Module module, String viewName, WidgetProtocol.Module viewModule) {
        this.protocol = WidgetFrontend.current().protocol();
        trait("_model_module", protocol.module(module));
        trait("_model_module_version", protocol.moduleVersion(module));
        trait("_model_name", modelName);
        trait("_view_module", protocol.module(viewModule));
        trait("_view_module_version", protocol.moduleVersion(viewModule));
        trait("_view_name", viewName);
        if (protocol == WidgetProtocol.V6) {
            trait("msg_throttle", 1);
        } else {
            trait("_view_count", null);
        }
    }

    /** The model id, which is the id of its comm. */
    public String id() {
        return id;
    }

    /** The protocol this widget speaks, fixed when it was made. */
    public WidgetProtocol protocol() {
        return protocol;
    }

    /** A trait's value as the frontend gets it (a V6 FloatLogSlider sends its exponent). */
    JsonElement toJson(String name, Object value) {
        return StateJson.toJson(value);
    }

    /** A value the frontend sent, as the Java type of the trait. */
    Object fromJson(String name, JsonElement json, byte[] buffer) {
        return buffer != null ? buffer : StateJson.fromJson(json, get(name));
    }

    /** Calls {@code handler} with each change of the trait {@code name}, whoever made it (Java or the frontend). */
    public Widget observeTrait(String name, Consumer<Change<Object>> handler) {
        observers.add(name, handler);
        return this;
    }

    /** Runs the observers of {@code name}; all run, the first failure is rethrown after them. */
    final void fire(String name, Object old, Object value) {
        observers.fire(this, name, old, value);
    }

    /** A trait set from Java: the frontend learns the new value, then the observers run, in that order, as in ipywidgets. */
    @Override
    final void changed(String name, Object old, Object value) {
        sync(List.of(name), false);
        fire(name, old, value);
    }

    /** The frontend set {@code name}: validated (a corrected value goes back), stored, observed. */
    void setFromFrontend(String name, Object value) {
        Object v;
        try {
            v = validate(name, value);
        } catch (IllegalArgumentException e) {
            sync(List.of(name), false); // the frontend shows the kernel's value again
            throw e;
        }
        Object old = put(name, v);
        if (!Objects.equals(v, value)) {
            sync(List.of(name), false);
        }
        if (!Objects.equals(old, v)) {
            fire(name, old, v);
        }
    }

    /** Sends these keys of the state to the frontend, if the comm is open. */
    final void sync(List<String> keys, boolean echo) {
        Comm c = comm;
        if (c == null || !c.isOpen()) {
            return;
        }
        WidgetView.State s = view.state(keys);
        c.send(protocol.update(s.json(), s.bufferKeys(), echo), new JsonObject(), s.buffers());
    }

    /** Opens the comm (after those of the widgets it refers to) where a kernel runs; does nothing after the first time. */
    final void open() {
        if (comm == null) {
            WidgetFrontend.current().open(this).ifPresent(c -> comm = c);
        }
    }

    /** The open comm, if any: none until the widget is shown, and none in the headless runner. */
    final Optional<Comm> comm() {
        return Optional.ofNullable(comm);
    }

    /** A message the frontend's model sent ({@code update}/{@code backbone}, {@code request_state}, {@code custom}). */
    final void receive(CommMessage m) {
        view.receive(m);
    }

    /** A custom message from the frontend (a button's click); ignored by default. */
    void onCustom(JsonObject content, List<byte[]> buffers) {
        LOG.fine(() -> getClass().getSimpleName() + " ignores the custom message " + content);
    }

    /** A widget that holds this one, told when this one's picture changes. */
    final void addParent(Widget parent) {
        parents.add(parent);
    }

    final List<Widget> parents() {
        return parents;
    }

    /** What this widget shows where no widget manager draws it: nothing, unless it has a picture (an image, a plot). */
    Optional<java.awt.image.BufferedImage> picture() {
        return Optional.empty();
    }

    /** This widget's picture changed: its static copy under the cell is redrawn where no widget manager draws it. */
    final void pictureChanged() {
        view.refresh();
        parents.forEach(Widget::pictureChanged);
    }

    /** Shows this widget under the running cell (the frontend's view of it, and its picture and text). */
    @Override
    public DisplayId displayItself() {
        return view.display();
    }

    /** Closes the comm: the frontend removes the widget's views. */
    public void close() {
        Comm c = comm;
        if (c != null) {
            c.close();
        }
        WidgetFrontend.current().forget(this);
    }

    /** {@code IntSlider(value=3, max=10, description="z")}: the class and the traits that differ from their defaults. */
    @Override
    public String toString() {
        return WidgetView.repr(this);
    }
}

package vae.kernel.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vae.kernel.comm.CommMessage;
import vae.kernel.comm.RecordingTransport;

class WidgetTest {
    static BufferedImage square(int size) {
        return new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void aValueOutsideTheRangeIsAnErrorThatSaysWhatToDo() {
        try (FakeFrontend f = FakeFrontend.headless()) {
            IntSlider s = new IntSlider(3, 0, 10).description("z");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.value(20));
            assertEquals("IntSlider \"z\": value 20 is outside [0, 10]. Choose a value from min to max, or widen the range"
                    + " first, e.g. .max(20)", e.getMessage());
            assertEquals(3, s.value());
            assertThrows(IllegalArgumentException.class, () -> new FloatSlider(5, 1, 0));
            assertThrows(IllegalArgumentException.class, () -> new FloatSlider(0, -3, 3).value(Double.NaN));
            IllegalArgumentException log = assertThrows(IllegalArgumentException.class, () -> new FloatLogSlider(1e-7, -5, -1));
            assertTrue(log.getMessage().contains("outside"), log.getMessage());
            assertEquals(1e-5, new FloatLogSlider(1e-5, -5, -1).value(), "the ends themselves are allowed");
        }
    }

    @Test
    void movingAnEndPastTheValueTakesTheValueAlongAsIpywidgetsDoes() {
        try (FakeFrontend f = FakeFrontend.headless()) {
            IntSlider s = new IntSlider(3, 0, 10);
            List<Integer> seen = new ArrayList<>();
            s.observe("value", c -> seen.add(c.newValue()));
            s.min(5);
            assertEquals(5, s.value());
            s.max(7).max(6);
            assertEquals(List.of(5), seen);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.min(9));
            assertTrue(e.getMessage().contains("min 9 is above max 6"), e.getMessage());
        }
    }

    @Test
    void theThreeSlidersShareOneBoundedBaseInTheirOwnNumbers() {
        try (FakeFrontend f = FakeFrontend.headless()) {
            assertEquals(5.0, new FloatSlider(0, -3, 3).max(5).max(), "a whole number is a float slider's end too");
            FloatLogSlider lr = new FloatLogSlider(1e-3, -5, -1);
            lr.max(-4);
            assertEquals(1e-4, lr.value(), 1e-18, "the ends are exponents: max -4 brings the value down to 10^-4");
            IntSlider digit = new IntSlider(3, 0, 9).description("digit");
            assertEquals(12, digit.max(12.0).max());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> digit.step(0.5));
            assertEquals("IntSlider \"digit\": the step must be a whole number, got 0.5; for real numbers use a FloatSlider",
                    e.getMessage());
        }
    }

    @Test
    void observingAnotherTraitThanTheValueSaysToUseObserveTrait() {
        try (FakeFrontend f = FakeFrontend.headless()) {
            IntSlider s = new IntSlider();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.observe("max", c -> { }));
            assertTrue(e.getMessage().contains("observeTrait(\"max\""), e.getMessage());
            List<Object> seen = new ArrayList<>();
            s.observeTrait("max", c -> seen.add(c.newValue()));
            s.max(50);
            assertEquals(List.of(50), seen);
        }
    }

    @Test
    void aFrontendUpdateReachesTypedObserversAndV8EchoesItFirst() {
        try (FakeFrontend f = FakeFrontend.v8()) {
            FloatSlider mu = new FloatSlider(0, -3, 3).description("μ");
            mu.displayItself();
            List<String> order = new ArrayList<>();
            mu.observe(c -> order.add("observer " + (c.newValue() * 2) + " after " + f.messages(mu).size() + " messages"));
            f.send(mu, "{\"method\": \"update\", \"state\": {\"value\": 1.5}, \"buffer_paths\": []}");
            assertEquals(1.5, mu.value());
            assertEquals("echo_update", f.messages(mu).get(0).get("method").getAsString());
            assertEquals(1.5, f.messages(mu).get(0).getAsJsonObject("state").get("value").getAsDouble(), "what the frontend sent");
            assertEquals(List.of("observer 3.0 after 1 messages"), order);
            assertEquals(1, f.messages(mu).size(), "nothing more: the frontend has the value already");
        }
    }

    @Test
    void v6TakesBackboneMessagesAndDoesNotEcho() {
        try (FakeFrontend f = FakeFrontend.v6()) {
            IntSlider s = new IntSlider(3, 0, 10);
            s.displayItself();
            List<Integer> seen = new ArrayList<>();
            s.observe(c -> seen.add(c.newValue()));
            f.send(s, "{\"method\": \"backbone\", \"sync_data\": {\"value\": 7}, \"buffer_keys\": []}");
            assertEquals(List.of(7), seen);
            assertEquals(1, f.messages(s).size(), "only the display message: V6 does not echo");
        }
    }

    @Test
    void aFrontendValueTheControlCannotHoldIsSentBackAndReported() {
        try (FakeFrontend f = FakeFrontend.v8()) {
            IntSlider s = new IntSlider(3, 0, 10);
            s.displayItself();
            assertThrows(IllegalArgumentException.class,
                    () -> f.send(s, "{\"method\": \"update\", \"state\": {\"value\": 11}, \"buffer_paths\": []}"));
            assertEquals(3, s.value());
            JsonObject back = f.messages(s).get(1);
            assertEquals("update", back.get("method").getAsString());
            assertEquals(3, back.getAsJsonObject("state").get("value").getAsInt());
        }
    }

    @Test
    void requestStateSendsTheWholeState() {
        try (FakeFrontend f = FakeFrontend.v8()) {
            Checkbox c = new Checkbox(true).description("prior");
            c.displayItself();
            f.send(c, "{\"method\": \"request_state\"}");
            JsonObject state = f.messages(c).get(0).getAsJsonObject("state");
            assertEquals(c.keys().size(), state.size());
            assertTrue(state.get("value").getAsBoolean());
            assertEquals("IPY_MODEL_" + c.layout().id(), state.get("layout").getAsString());
        }
    }

    @Test
    void aChoiceSyncsItsIndexInV8AndItsLabelInV6AndRejectsOthers() {
        try (FakeFrontend f = FakeFrontend.v8()) {
            Dropdown<Integer> d = new Dropdown<>(List.of(2, 8, 32)).description("latent");
            d.displayItself();
            List<Integer> seen = new ArrayList<>();
            d.observe(c -> seen.add(c.newValue()));
            f.send(d, "{\"method\": \"update\", \"state\": {\"index\": 2}, \"buffer_paths\": []}");
            assertEquals(32, d.value());
            d.value(8);
            assertEquals(1, f.messages(d).get(1).getAsJsonObject("state").get("index").getAsInt());
            assertEquals(List.of(32, 8), seen);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.value(3));
            assertEquals("Dropdown \"latent\": 3 is not one of the options [2, 8, 32]", e.getMessage());
        }
        try (FakeFrontend f = FakeFrontend.v6()) {
            ToggleButtons<String> t = new ToggleButtons<>(List.of("mlp", "conv"));
            t.displayItself();
            assertEquals("mlp", f.of("comm_open").get(1).data().get("value").getAsString()); // V6: no style, so layout and buttons
            f.send(t, "{\"method\": \"backbone\", \"sync_data\": {\"value\": \"conv\"}}");
            assertEquals("conv", t.value());
            assertEquals(1, t.index());
        }
    }

    @Test
    void anImageTravelsAsABinaryBufferInV8AndAsBase64InV6() {
        try (FakeFrontend f = FakeFrontend.v8()) {
            Image image = new Image(square(4));
            image.displayItself();
            RecordingTransport.Sent open = f.of("comm_open").get(1);
            assertEquals("[[\"value\"]]", open.data().get("buffer_paths").toString());
            assertFalse(open.data().getAsJsonObject("state").has("value"));
            assertArrayEquals(image.bytes(), open.buffers().get(0));
        }
        try (FakeFrontend f = FakeFrontend.v6()) {
            Image image = new Image(square(4));
            image.displayItself();
            String b64 = f.of("comm_open").get(1).data().get("_b64value").getAsString();
            assertArrayEquals(image.bytes(), Base64.getDecoder().decode(b64));
        }
    }

    @Test
    void aClickFromTheFrontendRunsTheButtonsHandlers() {
        try (FakeFrontend f = FakeFrontend.v8()) {
            List<String> clicks = new ArrayList<>();
            Button b = new Button("Sample").onClick(button -> clicks.add(button.description()));
            b.onClick(() -> clicks.add("again"));
            b.displayItself();
            f.send(b, "{\"method\": \"custom\", \"content\": {\"event\": \"click\"}}");
            assertEquals(List.of("Sample", "again"), clicks);
        }
    }

    @Test
    void theControlCommAnswersRequestStatesWithEveryWidget() {
        try (FakeFrontend f = FakeFrontend.v8()) {
            Image image = new Image(square(2));
            image.displayItself();
            f.comms.received(new CommMessage("announce", FakeFrontend.json("{\"method\": \"request_states\"}"), null, null));
            RecordingTransport.Sent reply = f.of("comm_msg").get(0);
            assertEquals("update_states", reply.data().get("method").getAsString());
            JsonObject states = reply.data().getAsJsonObject("states");
            assertEquals("ImageModel", states.getAsJsonObject(image.id()).get("model_name").getAsString());
            assertTrue(states.has(image.layout().id()));
            assertEquals("[[\"" + image.id() + "\",\"state\",\"value\"]]", reply.data().get("buffer_paths").toString());
            assertEquals(1, reply.buffers().size());
        }
    }

    @Test
    void v6IsChosenOnlyWhenTheVersionCommAnnouncesItAndAnswersIt() {
        try (FakeFrontend f = FakeFrontend.v6()) {
            assertEquals(WidgetProtocol.V6, WidgetFrontend.current().protocol());
            assertEquals("~2.1.4", f.of("comm_msg").get(0).data().get("version").getAsString());
            assertTrue(WidgetFrontend.current().live());
        }
        try (FakeFrontend f = FakeFrontend.silent()) {
            assertEquals(WidgetProtocol.V8, WidgetFrontend.current().protocol());
            assertFalse(WidgetFrontend.current().live());
            f.comms.infoRequested("jupyter.widget");
            assertTrue(WidgetFrontend.current().live(), "asking comm_info for jupyter.widget is a widget manager");
            WidgetFrontend.defaultProtocol(WidgetProtocol.V7);
            assertEquals("1.5.0", new IntSlider().get("_model_module_version"));
        }
    }

    @Test
    void withoutAKernelAWidgetShowsItsPictureAndTextAndNoView() {
        try (FakeFrontend f = FakeFrontend.headless()) {
            FloatSlider z = new FloatSlider(0.5, -3, 3).description("z");
            Interactive w = Widgets.interact(v -> square(v > 0 ? 20 : 10), z);
            Map<String, String> shown = f.cell.displays.get(0);
            assertEquals(List.of("image/png", "text/plain"), List.copyOf(shown.keySet()));
            assertTrue(shown.get("text/plain").startsWith("FloatSlider(value=0.5, min=-3.0, max=3.0, description=\"z\")"),
                    shown.get("text/plain"));
            assertEquals(20, w.output().picture().orElseThrow().getWidth());
            assertTrue(f.sent.isEmpty());
            z.value(-1.0);
            Map<String, String> redrawn = f.cell.updates.get(0);
            assertTrue(redrawn.get("text/plain").startsWith("FloatSlider(value=-1.0"), redrawn.get("text/plain"));
            assertEquals(10, w.output().picture().orElseThrow().getWidth());
        }
    }

    @Test
    void withoutAKernelAFailingInteractFailsTheCell() {
        try (FakeFrontend f = FakeFrontend.headless()) {
            IntSlider n = new IntSlider(1, 0, 3);
            assertThrows(ArithmeticException.class, () -> Widgets.interact(v -> 6 / (v - 1), n));
        }
    }

    @Test
    void whereNoManagerAnnouncedItselfTheViewComesWithThePictureAndText() {
        try (FakeFrontend f = FakeFrontend.silent()) {
            Image image = new Image(square(3));
            image.displayItself();
            Map<String, String> shown = f.cell.displays.get(0);
            assertEquals(List.of("application/vnd.jupyter.widget-view+json", "image/png", "text/plain"), List.copyOf(shown.keySet()));
            JsonObject view = JsonParser.parseString(shown.get(WidgetProtocol.VIEW_MIME_TYPE)).getAsJsonObject();
            assertEquals(image.id(), view.get("model_id").getAsString());
            assertEquals(2, view.get("version_major").getAsInt());
            image.value(square(5));
            assertEquals(1, f.cell.updates.size(), "the static picture follows (nbclient saves it)");
        }
    }

    @Test
    void interactUnderAKernelShowsItsResultThroughTheOutputWidgetsMsgId() {
        try (FakeFrontend f = FakeFrontend.v8()) {
            IntSlider n = new IntSlider(2, 0, 5);
            Interactive w = Widgets.interact(v -> square(v + 1), n);
            Output out = w.output();
            List<String> msgIds = f.messages(out).stream().map(m -> m.getAsJsonObject("state").get("msg_id").getAsString()).toList();
            assertEquals(List.of("request-1", ""), msgIds, "capture under the request, then stop");
            assertEquals("image/png", List.copyOf(f.cell.displays.get(0).keySet()).get(0), "the result, captured");
            f.send(n, "{\"method\": \"update\", \"state\": {\"value\": 4}, \"buffer_paths\": []}");
            assertEquals(5, out.picture().orElseThrow().getWidth());
            assertTrue(f.cell.updates.isEmpty(), "a live view redraws itself");
        }
    }

    @Test
    void anInteractFunctionThatThrowsUnderAKernelShowsItsErrorInTheOutput() {
        try (FakeFrontend f = FakeFrontend.v8()) {
            IntSlider n = new IntSlider(2, 0, 5);
            Interactive w = Widgets.interact(v -> 6 / (v - 1), n);
            f.send(n, "{\"method\": \"update\", \"state\": {\"value\": 1}, \"buffer_paths\": []}");
            assertTrue(w.output().toString().contains("java.lang.ArithmeticException"), w.output().toString());
            assertNull(w.result(), "no result from the failed run");
        }
    }
}

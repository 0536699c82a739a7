package vae.kernel.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommManagerTest {
    final RecordingTransport frontend = new RecordingTransport();
    final List<RecordingTransport.Sent> sent = frontend.sent;
    final CommManager comms = new CommManager(frontend);

    @org.junit.jupiter.api.BeforeAll
    static void logToAFile() {
        vae.kernel.KernelLog.toFile("unit-tests"); // the manager logs; stderr may be a cell's stream in this JVM
    }

    static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void openSendsCommOpenWithTargetDataMetadataAndBuffers() {
        byte[] png = "png".getBytes(StandardCharsets.UTF_8);
        Comm c = comms.open("jupyter.widget", json("{\"state\": {}}"), json("{\"version\": \"2.1.0\"}"), List.of(png));
        RecordingTransport.Sent s = sent.get(0);
        assertEquals("comm_open", s.type());
        assertEquals(c.id(), s.content().get("comm_id").getAsString());
        assertEquals("jupyter.widget", s.content().get("target_name").getAsString());
        assertEquals(json("{\"state\": {}}"), s.content().get("data"));
        assertEquals("2.1.0", s.metadata().get("version").getAsString());
        assertArrayEquals(png, s.buffers().get(0));
        assertEquals("request-1", comms.parentId());
    }

    @Test
    void aFrontendCommToAnUnknownTargetIsClosedAtOnce() {
        comms.opened("abc", "no.such.target", new CommMessage("abc", null, null, null));
        assertEquals("comm_close", sent.get(0).type());
        assertEquals("abc", sent.get(0).content().get("comm_id").getAsString());
        assertTrue(comms.comm("abc").isEmpty());
    }

    @Test
    void aKnownTargetGetsTheCommAndItsMessagesUntilTheFrontendClosesIt() {
        List<String> got = new ArrayList<>();
        comms.registerTarget("echo", (comm, open) -> {
            got.add("open " + open.data());
            comm.onMessage(m -> got.add("msg " + m.method() + " " + m.buffers().size()))
                .onClose(m -> got.add("closed"));
        });
        comms.opened("c1", "echo", new CommMessage("c1", json("{\"a\": 1}"), null, null));
        comms.received(new CommMessage("c1", json("{\"method\": \"update\"}"), null, List.of(new byte[] {1, 2})));
        comms.closed(new CommMessage("c1", null, null, null));
        comms.received(new CommMessage("c1", json("{\"method\": \"late\"}"), null, null)); // dropped: closed
        assertEquals(List.of("open {\"a\":1}", "msg update 1", "closed"), got);
        assertTrue(comms.comm("c1").isEmpty());
        assertTrue(sent.isEmpty(), "the kernel sends nothing back for a frontend's close");
    }

    @Test
    void aFrontendReopeningAnOpenCommKeepsTheKernelsComm() {
        Comm c = comms.open("jupyter.widget", new JsonObject(), new JsonObject(), List.of());
        List<String> got = new ArrayList<>();
        c.onMessage(m -> got.add(m.method()));
        comms.opened(c.id(), "jupyter.widget", new CommMessage(c.id(), null, null, null)); // a reloaded page re-attaches
        comms.received(new CommMessage(c.id(), json("{\"method\": \"request_state\"}"), null, null));
        assertEquals(List.of("request_state"), got);
        assertEquals(1, sent.size(), "no comm_close for a re-attached comm");
    }

    @Test
    void commInfoListsTheOpenCommsOfATargetAndTellsListeners() {
        Comm a = comms.open("jupyter.widget", new JsonObject(), new JsonObject(), List.of());
        comms.open("other", new JsonObject(), new JsonObject(), List.of());
        List<String> asked = new ArrayList<>();
        comms.onInfoRequest(asked::add);
        JsonObject info = comms.infoRequested("jupyter.widget");
        assertEquals(json("{\"" + a.id() + "\": {\"target_name\": \"jupyter.widget\"}}"), info);
        assertEquals(2, comms.info("").size());
        assertEquals(List.of("jupyter.widget"), asked);
        a.close();
        assertFalse(comms.infoRequested("jupyter.widget").has(a.id()));
    }

    @Test
    void closingSendsCommCloseOnceAndNothingAfter() {
        Comm c = comms.open("t", new JsonObject(), new JsonObject(), List.of());
        c.close();
        c.close();
        c.send(json("{\"x\": 1}"));
        assertEquals(List.of("comm_open", "comm_close"), sent.stream().map(RecordingTransport.Sent::type).toList());
        assertFalse(c.isOpen());
    }

    @Test
    void aHandlersExceptionReachesTheCallerAndTheManagerGoesOn() {
        comms.registerTarget("fails", (comm, open) -> comm.onMessage(m -> {
            throw new IllegalStateException("boom");
        }));
        comms.opened("f", "fails", new CommMessage("f", null, null, null));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> comms.received(new CommMessage("f", new JsonObject(), null, null)));
        assertEquals("boom", e.getMessage());
        assertTrue(comms.comm("f").isPresent(), "the comm stays open after its handler failed");
    }
}

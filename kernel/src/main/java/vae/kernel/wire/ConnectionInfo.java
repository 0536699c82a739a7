package vae.kernel.wire;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The connection file Jupyter starts a kernel with: ports, transport, and the HMAC key that signs messages. */
public record ConnectionInfo(String transport, String ip, int shellPort, int controlPort, int stdinPort, int iopubPort,
                             int hbPort, String key, String signatureScheme) {

    public static ConnectionInfo read(Path file) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        String scheme = o.has("signature_scheme") ? o.get("signature_scheme").getAsString() : "hmac-sha256";
        if (!scheme.equals("hmac-sha256") && !o.get("key").getAsString().isEmpty()) {
            throw new IOException("Signature scheme " + scheme + " is not supported; Jupyter's default hmac-sha256 is");
        }
        return new ConnectionInfo(o.get("transport").getAsString(), o.get("ip").getAsString(),
                o.get("shell_port").getAsInt(), o.get("control_port").getAsInt(), o.get("stdin_port").getAsInt(),
                o.get("iopub_port").getAsInt(), o.get("hb_port").getAsInt(), o.get("key").getAsString(), scheme);
    }

    /** The ZeroMQ address of a port, e.g. {@code tcp://127.0.0.1:5555} ({@code ipc://ip-port} for ipc). */
    public String address(int port) {
        return transport.equals("ipc") ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }
}

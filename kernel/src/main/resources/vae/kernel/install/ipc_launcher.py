"""Starts the Java kernel of the VAE notebooks for a frontend that connects over ZeroMQ's ipc transport.

    python3 ipc_launcher.py CONNECTION_FILE JAVA [JVM ARGS ...] vae.kernel.Main kernel

The kernelspec "vae-java-ipc" runs this. Google Colab starts its kernels with "transport": "ipc" (Unix sockets), and so
does jupyter_client with transport='ipc'; the kernel's ZeroMQ (JeroMQ 0.6.0) has no ipc, so this launcher binds the
five ipc sockets the frontend chose, starts the kernel on loopback tcp ports (a connection file of its own, same key and
signature scheme) and passes every message through unchanged, both ways: shell, control and stdin (ROUTER to DEALER,
the frontend's identities kept), iopub (SUB to PUB, comm messages included) and the heartbeat. The kernel's exit code
is the launcher's; SIGTERM or SIGINT to the launcher stops the kernel. With a tcp connection file it just runs the
kernel on it.

It needs pyzmq, which every Jupyter has: the kernelspec names "python3", which jupyter_client replaces by the Python
it runs in. Works with pyzmq 17 or later on Python 3.6 or later.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

IDENTITY = b"vae-ipc-launcher"  # one identity for shell, control and stdin: the kernel asks for input on stdin
                                # with the identities of the shell request, as ipykernel does


def say(text):
    sys.stderr.write("vae-java-ipc: " + text + "\n")
    sys.stderr.flush()


def free_ports(count):
    """Loopback tcp ports free now (as jupyter_client picks a kernel's ports)."""
    sockets, ports = [], []
    for _ in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.1", 0))
        sockets.append(s)
        ports.append(s.getsockname()[1])
    for s in sockets:
        s.close()
    return ports


def tcp_connection_file(info, ipc_file):
    """Writes the kernel's own connection file beside the frontend's (or in the temp folder); returns its path."""
    names = ("shell", "control", "stdin", "iopub", "hb")
    tcp = {"transport": "tcp", "ip": "127.0.0.1", "key": info.get("key", ""),
           "signature_scheme": info.get("signature_scheme", "hmac-sha256")}
    for name, port in zip(names, free_ports(len(names))):
        tcp[name + "_port"] = port
    stem = os.path.splitext(os.path.basename(ipc_file))[0] + "-"
    try:
        fd, path = tempfile.mkstemp(prefix=stem, suffix="-tcp.json", dir=os.path.dirname(os.path.abspath(ipc_file)))
    except OSError:
        fd, path = tempfile.mkstemp(prefix=stem, suffix="-tcp.json")
    with os.fdopen(fd, "w") as f:  # mkstemp: readable by this user only, like the key it holds
        json.dump(tcp, f)
    return path, tcp


class Bridge:
    """The frontend's ipc sockets, bound here, each paired with a loopback tcp socket connected to the kernel."""

    def __init__(self, zmq, info, tcp):
        self.zmq = zmq
        self.context = zmq.Context()
        self.pairs = {}  # socket -> the socket its messages go to
        self.sockets = []
        ipc = lambda name: "ipc://%s-%s" % (info["ip"], info[name + "_port"])
        kernel = lambda name: "tcp://127.0.0.1:%d" % tcp[name + "_port"]
        for name in ("shell", "control", "stdin", "hb"):
            front = self.socket(zmq.ROUTER)
            front.bind(ipc(name))
            back = self.socket(zmq.DEALER)
            if name != "hb":
                back.setsockopt(zmq.IDENTITY, IDENTITY)
            back.connect(kernel(name))
            self.pairs[front] = back
            self.pairs[back] = front
        front = self.socket(zmq.PUB)
        front.setsockopt(zmq.SNDHWM, 0)  # as the kernel's own iopub: nothing dropped
        front.bind(ipc("iopub"))
        back = self.socket(zmq.SUB)
        back.setsockopt(zmq.RCVHWM, 0)
        back.setsockopt(zmq.SUBSCRIBE, b"")
        back.connect(kernel("iopub"))
        self.pairs[back] = front
        self.poller = zmq.Poller()
        for s in self.pairs:
            if s.socket_type != zmq.PUB:
                self.poller.register(s, zmq.POLLIN)

    def socket(self, kind):
        s = self.context.socket(kind)
        s.setsockopt(self.zmq.LINGER, 1000)
        self.sockets.append(s)
        return s

    def forward(self, timeout_ms):
        """Passes on what arrives within timeout_ms; returns how many messages it passed."""
        passed = 0
        for s, _ in self.poller.poll(timeout_ms):
            while True:
                try:
                    frames = s.recv_multipart(self.zmq.NOBLOCK, copy=False)
                except self.zmq.Again:
                    break
                self.pairs[s].send_multipart(frames, copy=False)
                passed += 1
        return passed

    def close(self):
        for s in self.sockets:
            s.close()
        self.context.term()


def run_kernel(command, connection_file, env=None):
    try:
        return subprocess.Popen(command + [connection_file], env=env)
    except OSError as e:
        say("cannot start the kernel %s: %s" % (command[0], e))
        sys.exit(127)


def main(argv):
    if len(argv) < 3:
        say("usage: python3 ipc_launcher.py CONNECTION_FILE JAVA [ARGS ...]")
        return 2
    ipc_file, command = argv[1], argv[2:]
    with open(ipc_file) as f:
        info = json.load(f)
    if info.get("transport", "tcp") != "ipc":
        if os.name == "posix":
            os.execv(command[0], command + [ipc_file])  # nothing to bridge: the kernel is this process
        return run_kernel(command, ipc_file).wait()
    try:
        import zmq
    except ImportError:
        say("this launcher needs pyzmq, and %s has none. Jupyter replaces the kernelspec's \"python3\" by the Python"
            " it runs in, which has it; started some other way, run it with Jupyter's Python, or"
            " pip install pyzmq" % sys.executable)
        return 3
    tcp_file, tcp = tcp_connection_file(info, ipc_file)
    stop = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda number, frame: stop.append(number))
    bridge = None
    try:
        bridge = Bridge(zmq, info, tcp)
        env = dict(os.environ)
        env["JPY_PARENT_PID"] = str(os.getpid())  # the kernel ends itself if this launcher is killed (SIGKILL)
        kernel = run_kernel(command, tcp_file, env)
        while kernel.poll() is None and not stop:
            try:
                bridge.forward(100)
            except zmq.ZMQError as e:
                if e.errno != getattr(zmq, "EINTR", 4):
                    raise
        if stop and kernel.poll() is None:
            kernel.terminate()
            try:
                kernel.wait(10)
            except subprocess.TimeoutExpired:
                kernel.kill()
        code = kernel.wait()
        # What the kernel sent before it ended (a shutdown_reply, the last outputs) still goes to the frontend.
        deadline = time.time() + 2
        while time.time() < deadline and bridge.forward(100) > 0:
            pass
        return code if code >= 0 else 128 - code
    finally:
        if bridge is not None:
            bridge.close()
        try:
            os.remove(tcp_file)
        except OSError:
            pass


if __name__ == "__main__":
    sys.exit(main(sys.argv))

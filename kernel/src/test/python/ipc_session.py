"""Starts the Java kernel the way Google Colab does, over ZeroMQ's ipc transport, with jupyter_client, and prints what
it saw as JSON (the last line).

    ipc_session.py [full|smoke] [KERNEL]

IpcTransportIT (JUnit) runs this with JUPYTER_DATA_DIR pointing at a data dir where both kernelspecs are installed.
KERNEL, by default "vae-java-ipc" (the launcher in front of the JVM; "vae-java" after install --ipc): a cell's value, an interrupt of an endless loop with a variable
still there after it, a line read from the keyboard (input_request / input_reply on stdin), a widget (the kernel's
comm_open, the frontend's comm_msg back and the observer's output), then shutdown (the launcher exits with the JVM's
code and leaves no JVM behind), or, in "smoke", a value, the keyboard and SIGTERM to the launcher, then the same
kernelspec over tcp (the launcher becomes the JVM). "vae-java" (the plain
JVM) on ipc: it must exit at once and say why on stderr.
"""
import json
import os
import signal
import stat
import sys
import tempfile
import time
from queue import Empty

from jupyter_client import KernelManager

TIMEOUT = 60


def start(name, workdir, **kw):
    km = KernelManager(kernel_name=name, transport="ipc")
    km.connection_file = os.path.join(workdir, "kernel-%s.json" % name)
    km.ip = os.path.join(workdir, "kernel-%s-ipc" % name)
    km.start_kernel(cwd=workdir, **kw)
    return km


def reply_to(kc, msg_id, timeout=TIMEOUT):
    while True:
        m = kc.get_shell_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") == msg_id:
            return m["content"]


def outputs_of(kc, msg_id, timeout=TIMEOUT):
    """The iopub messages of one request, up to its status idle."""
    seen = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=1)
        except Empty:
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return seen
        if m["msg_type"] != "status":
            seen.append(m)
    raise AssertionError("no status idle for " + msg_id)


def run(kc, code):
    msg_id = kc.execute(code)
    out = outputs_of(kc, msg_id)
    reply = reply_to(kc, msg_id)
    values = [m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "execute_result"]
    return reply, values, out


def read_line(kc, typed):
    msg_id = kc.execute("new java.util.Scanner(System.in).nextLine()", allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    kc.input(typed)
    out = outputs_of(kc, msg_id)
    reply = reply_to(kc, msg_id)
    return {"prompt_sent": request["msg_type"], "status": reply["status"],
            "values": [m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "execute_result"]}


def interrupt(km, kc):
    run(kc, "int kept = 41;")
    msg_id = kc.execute("while (true) {}")
    time.sleep(1.0)
    t0 = time.time()
    km.interrupt_kernel()  # interrupt_mode "message": an interrupt_request on the control socket
    reply = reply_to(kc, msg_id)
    outputs_of(kc, msg_id)
    took = time.time() - t0
    _, after, _ = run(kc, "kept + 1")
    return {"status": reply["status"], "ename": reply.get("ename"), "seconds": took, "after": after}


def widget(kc):
    code = ('var s = new IntSlider(3, 0, 10).description("z");\n'
            's.observe("value", change -> System.out.println("value " + change.newValue()));\n'
            's')
    msg_id = kc.execute(code)
    out = outputs_of(kc, msg_id)
    reply_to(kc, msg_id)
    opens = [m["content"] for m in out if m["msg_type"] == "comm_open"]
    slider = [c for c in opens if c["data"].get("state", {}).get("_model_name") == "IntSliderModel"]
    seen = {"comm_opens": len(opens), "slider": bool(slider)}
    if not slider:
        return seen
    comm_id = slider[0]["comm_id"]
    # The frontend moves the slider: ipywidgets 8's update message, a shell request like a cell
    msg = kc.session.msg("comm_msg", {"comm_id": comm_id,
                                      "data": {"method": "update", "state": {"value": 7}, "buffer_paths": []}})
    kc.shell_channel.send(msg)
    out = outputs_of(kc, msg["header"]["msg_id"])
    seen["printed"] = "".join(m["content"]["text"] for m in out if m["msg_type"] == "stream")
    seen["echo"] = [m["content"]["data"].get("method") for m in out if m["msg_type"] == "comm_msg"]
    _, value, _ = run(kc, "s.value()")
    seen["value_after"] = value
    return seen


def jvm_children(pid):
    """The launcher's child processes (the JVM), from /proc."""
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        children.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return children


def gone(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def ipc_kernel(workdir, mode, name):
    seen = {}
    t0 = time.time()
    km = start(name, workdir)
    kc = km.client()
    kc.start_channels()
    channels_started = time.time()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        seen["ready_s"] = time.time() - t0
        info = km.get_connection_info()
        sockets = ["%s-%s" % (info["ip"], info[name + "_port"]) for name in ("shell", "control", "stdin", "iopub", "hb")]
        seen["transport"] = info["transport"]
        seen["unix_sockets"] = sum(1 for s in sockets if os.path.exists(s) and stat.S_ISSOCK(os.stat(s).st_mode))
        launcher = km.provisioner.process.pid if hasattr(km, "provisioner") and km.provisioner else km.kernel.pid
        seen["jvms"] = len(jvm_children(launcher))
        with open("/proc/%d/cmdline" % launcher, "rb") as f:
            seen["launcher_python"] = f.read().split(b"\0")[0].decode()  # the spec's "python3", replaced by Jupyter
        # The heartbeat channel pings every second and counts as beating until a ping goes unanswered for 1 s:
        # past 2.5 s, two pings have gone through the launcher to the JVM and back.
        time.sleep(max(0.0, 2.5 - (time.time() - channels_started)))
        seen["heartbeat"] = kc.hb_channel.is_beating()
        reply, values, _ = run(kc, "1+1")
        seen["value"] = {"status": reply["status"], "values": values}
        seen["input"] = read_line(kc, "typed over ipc")
        if mode == "full":
            seen["interrupt"] = interrupt(km, kc)
            seen["widget"] = widget(kc)
        jvms = jvm_children(launcher)
        process = km.provisioner.process if hasattr(km, "provisioner") and km.provisioner else km.kernel
        if mode == "full":
            km.shutdown_kernel(now=False)  # shutdown_request over the control socket, through the launcher
            seen["exit_code"] = process.returncode if process.returncode is not None else process.wait()
        else:
            os.kill(launcher, signal.SIGTERM)
            seen["exit_code"] = process.wait(timeout=20)
        deadline = time.time() + 10
        while time.time() < deadline and not all(gone(j) for j in jvms):
            time.sleep(0.1)
        seen["jvm_left"] = not all(gone(j) for j in jvms)
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
    return seen


def over_tcp(name):
    """The same kernelspec started the usual way (tcp): the launcher runs the JVM on the frontend's own file."""
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        launcher = km.provisioner.process.pid if hasattr(km, "provisioner") and km.provisioner else km.kernel.pid
        with open("/proc/%d/cmdline" % launcher, "rb") as f:
            process = f.read().split(b"\0")[0].decode()
        reply, values, _ = run(kc, "1+1")
        return {"transport": km.transport, "process": process, "values": values}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def plain_kernel_refuses(workdir):
    err = os.path.join(workdir, "plain-stderr.txt")
    t0 = time.time()
    with open(err, "w") as f:
        km = start("vae-java", workdir, stderr=f)
        process = km.provisioner.process if hasattr(km, "provisioner") and km.provisioner else km.kernel
        try:
            code = process.wait(timeout=TIMEOUT)
        finally:
            if km.is_alive():
                km.shutdown_kernel(now=True)
            km.cleanup_resources() if hasattr(km, "cleanup_resources") else None
    with open(err) as f:
        return {"exit_code": code, "seconds": time.time() - t0, "stderr": f.read()}


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "full"
    workdir = tempfile.mkdtemp(prefix="vae-ipc-")
    name = sys.argv[2] if len(sys.argv) > 2 else "vae-java-ipc"
    seen = {"python": sys.executable, "mode": mode, "kernel": name}
    seen["ipc"] = ipc_kernel(workdir, mode, name)
    if mode == "full":
        seen["plain"] = plain_kernel_refuses(workdir)
    else:
        seen["tcp"] = over_tcp(name)
    print(json.dumps(seen))


if __name__ == "__main__":
    main()

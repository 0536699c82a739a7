"""Plays a widget frontend against a kernel over ZeroMQ with jupyter_client and prints what the kernel sent, as JSON.

    widget_session.py KERNEL FRONTEND [OUT.json]

KERNEL is a kernelspec name: "python3" (Debian's ipykernel with python3-ipywidgets 6.0, the reference), another
"python..." kernelspec (e.g. one whose python has ipywidgets 8) or "vae-java".
FRONTEND is the widget manager played: "v6" (Debian's jupyter-js-widgets 6.0: it asks comm_info for "jupyter.widget"
and opens the "jupyter.widget.version" comm), "v8" (ipywidgets 7.7+/8 managers: JupyterLab 3/4, Notebook 7, VS Code:
they open "jupyter.widget.control") or "none" (nbclient, nbconvert: no comms at all).

The session: a slider with an observer that prints; the frontend moves it, asks for its state; the kernel sets it; an
observer that throws; interact; a button click; closing from both sides. Every message is kept with the step whose
request it answers; comm ids become comm-1, comm-2, ... in order of appearance, and request ids become the step name,
so two kernels' transcripts compare field by field. WidgetReferenceIT compares vae-java's with the recording of
ipykernel (src/test/resources/vae/kernel/widgets/ipywidgets6-slider.json), made by
    /usr/bin/python3 widget_session.py python3 v6 ../resources/vae/kernel/widgets/ipywidgets6-slider.json
"""
import base64
import json
import re
import sys
import time
from queue import Empty

from jupyter_client.manager import start_new_kernel

TIMEOUT = 120

# The same session in each language: the steps' code.
CODE = {
    "python": {
        # ipywidgets registers its comm targets when imported; a notebook's first widget cell does that
        "setup": "import ipywidgets",
        "slider": "from ipywidgets import IntSlider\n"
                  "s = IntSlider(value=3, min=0, max=10, description='z')\n"
                  "s.observe(lambda change: print('value', change['new']), names='value')\n"
                  "s",
        "kernel_sets": "s.value = 5",
        "bad_value": "s.value = 20",
        "value_after": "s.value",
        "failing_observer": "def fails(change):\n    raise ValueError('no digit for ' + str(change['new']))\n"
                            "s.observe(fails, names='value')",
        "alive": "1 + 1",
        "interact": "from ipywidgets import interact\n"
                    "def twice(z):\n    print('z is', z)\n    return z * 2\n"
                    "w = interact(twice, z=(0, 10))",
        "button": "from ipywidgets import Button\n"
                  "b = Button(description='Sample')\n"
                  "b.on_click(lambda button: print('clicked', button.description))\n"
                  "b",
        "kernel_closes": "s.close()",
    },
    "java": {
        "setup": "1",
        "slider": "var s = new IntSlider(3, 0, 10).description(\"z\");\n"
                  "s.observe(\"value\", change -> System.out.println(\"value \" + change.newValue()));\n"
                  "s",
        "kernel_sets": "s.value(5);",
        "bad_value": "s.value(20);",
        "value_after": "s.value()",
        "failing_observer": "s.observe(\"value\", change -> { throw new IllegalStateException(\"no digit for \" + change.newValue()); });",
        "alive": "1 + 1",
        "interact": "int twice(int z) {\n    System.out.println(\"z is \" + z);\n    return z * 2;\n}\n"
                    "var w = interact(z -> twice(z), new IntSlider(5, 0, 10).description(\"z\"));",
        "button": "var b = new Button(\"Sample\");\n"
                  "b.onClick(button -> System.out.println(\"clicked \" + button.description()));\n"
                  "b",
        "kernel_closes": "s.close();",
        # The lesson's digit: the MLP decoder of the 2-d latent model, one picture per (z1, z2)
        "digit": "var model = vae.Pretrained.latent2d();\n"
                 "var z1 = new FloatSlider(0, -3, 3).step(0.1).description(\"z1\");\n"
                 "var z2 = new FloatSlider(0, -3, 3).step(0.1).description(\"z2\");\n"
                 "var digit = interact((a, b) -> vae.plot.ImageGrid.of(model.decode("
                 "org.nd4j.linalg.factory.Nd4j.create(new double[][] {{a, b}})), 1), z1, z2);",
    },
}

MOVES = 40  # slider moves timed for the digit

UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}|[0-9a-f]{32}")


class Session:
    def __init__(self, kernel, frontend):
        self.km, self.kc = start_new_kernel(kernel_name=kernel, startup_timeout=TIMEOUT)
        self.frontend = frontend
        self.steps = []          # [{"step", "messages": [...]}]
        self.requests = {}       # request msg_id -> step name
        self.comms = {}          # real comm id -> "comm-N"
        self.states = {}         # "comm-N" -> last full state the kernel sent (normalised)
        self.real = {}           # "comm-N" -> the id exactly as the kernel wrote it

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    # --- the wire -------------------------------------------------------------------------------------------------
    def send(self, step, msg_type, content, buffers=None):
        """Sends a shell request as the frontend; returns what the kernel sent about it once idle."""
        msg = self.kc.session.msg(msg_type, content)
        self.kc.shell_channel.send(msg) if buffers is None else self.kc.session.send(
            self.kc.shell_channel.socket, msg, buffers=buffers)
        return self.collect(step, msg["header"]["msg_id"], reply=msg_type.endswith("_request"))

    def execute(self, step, code):
        return self.collect(step, self.kc.execute(code, allow_stdin=False), reply=True)

    def collect(self, step, msg_id, reply, timeout=TIMEOUT):
        self.requests[msg_id] = step
        messages, idle, got_reply = [], False, not reply
        t0 = time.perf_counter()
        while not (idle and got_reply):
            if time.perf_counter() - t0 > timeout:
                messages.append({"timeout": True})
                break
            for channel, get in (("iopub", self.kc.get_iopub_msg), ("shell", self.kc.get_shell_msg)):
                try:
                    m = get(timeout=0.05)
                except Empty:
                    continue
                if m["parent_header"].get("msg_id") != msg_id:
                    if channel == "iopub":
                        messages.append(self.keep(channel, m, other=True))
                    continue
                if channel == "shell":
                    got_reply = True
                elif m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                    idle = True
                messages.append(self.keep(channel, m))
        self.steps.append({"step": step, "messages": messages})
        return messages

    def keep(self, channel, m, other=False):
        cid = m["content"].get("comm_id")
        if isinstance(cid, str) and UUID.fullmatch(cid):
            self.real.setdefault(self.normalise(cid), cid)
        # ipykernel's execute_reply metadata (engine id, start time) says nothing about widgets
        metadata = {} if m["msg_type"] == "execute_reply" else m["metadata"]
        kept = {"channel": channel, "msg_type": m["msg_type"], "content": m["content"], "metadata": metadata,
                "buffers": [base64.b64encode(bytes(b)).decode() for b in m.get("buffers", [])]}
        parent = m["parent_header"].get("msg_id")
        if other:
            kept["parent"] = self.requests.get(parent, "other")
        kept = self.normalise(kept)
        if m["msg_type"] == "comm_open" and m["content"].get("target_name") == "jupyter.widget":
            data = kept["content"]["data"]
            self.states[kept["content"]["comm_id"]] = data.get("state", data)
        return kept

    def normalise(self, value):
        if isinstance(value, dict):
            return {self.normalise(k): self.normalise(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.normalise(v) for v in value]
        if isinstance(value, str):
            if value in self.requests:
                return "request:" + self.requests[value]
            return UUID.sub(self.comm_name, value)
        return value

    def comm_name(self, match):
        real = match.group(0).replace("-", "")
        if real in self.requests:
            return "request:" + self.requests[real]
        if real not in self.comms:
            self.comms[real] = "comm-%d" % (len(self.comms) + 1)
        return self.comms[real]

    def comm_of(self, model_name, **state):
        """The comm id of the last widget opened with that model name and those state values."""
        found = [c for c, s in self.states.items() if s.get("_model_name") == model_name
                 and all(s.get(k) == v for k, v in state.items())]
        return found[-1] if found else None

    # --- the frontend's side of the widget protocol ----------------------------------------------------------------
    def state_message(self, state):
        if self.frontend == "v6":
            return {"method": "backbone", "sync_data": state, "buffer_keys": []}
        return {"method": "update", "state": state, "buffer_paths": []}


def run(kernel, frontend):
    language = "python" if kernel.startswith("python") else "java"
    code = CODE[language]
    s = Session(kernel, frontend)
    real = s.real
    seen = {"kernel": kernel, "frontend": frontend}
    try:
        s.execute("setup", code["setup"])
        if frontend in ("v6", "v8"):
            s.send("comm_info", "comm_info_request", {"target_name": "jupyter.widget"})
        if frontend == "v6":
            # jupyter-js-widgets 6.0 opens the version comm and expects the kernel's semver range at once.
            version_comm = "f" * 32
            msgs = s.send("version_comm", "comm_open", {"comm_id": version_comm, "target_name": "jupyter.widget.version",
                                                        "data": {}})
            sent = [m for m in msgs if m["msg_type"] == "comm_msg"]
            wanted = sent[0]["content"]["data"].get("version") if sent else None
            s.send("version_validated", "comm_msg", {"comm_id": version_comm,
                                                     "data": {"validated": True, "frontend_version": "2.1.4"}})
            seen["version_asked"] = wanted
        if frontend == "v8":
            control = "c" * 32
            s.send("control_open", "comm_open", {"comm_id": control, "target_name": "jupyter.widget.control",
                                                 "data": {}})
            s.send("control_states", "comm_msg", {"comm_id": control, "data": {"method": "request_states"}})

        s.execute("slider", code["slider"])
        slider = s.comm_of("IntSliderModel", description="z")
        if slider is not None:
            sid = real[slider]
            s.send("frontend_moves", "comm_msg", {"comm_id": sid, "data": s.state_message({"value": 7})})
            s.send("request_state", "comm_msg", {"comm_id": sid, "data": {"method": "request_state"}})
        s.execute("kernel_sets", code["kernel_sets"])
        s.execute("bad_value", code["bad_value"])
        s.execute("value_after", code["value_after"])
        s.execute("failing_observer", code["failing_observer"])
        if slider is not None:
            s.send("frontend_moves_failing", "comm_msg", {"comm_id": real[slider], "data": s.state_message({"value": 8})})
        s.execute("alive", code["alive"])

        s.execute("interact", code["interact"])
        z = s.comm_of("IntSliderModel", description="z", value=5)
        if z is not None and z != slider:
            s.send("interact_moves", "comm_msg", {"comm_id": real[z], "data": s.state_message({"value": 4})})

        s.execute("button", code["button"])
        button = s.comm_of("ButtonModel", description="Sample")
        if button is not None:
            s.send("click", "comm_msg", {"comm_id": real[button], "data": {"method": "custom",
                                                                           "content": {"event": "click"}}})
            s.send("frontend_closes", "comm_close", {"comm_id": real[button], "data": {}})
        s.execute("kernel_closes", code["kernel_closes"])
        if frontend in ("v6", "v8"):
            s.send("comm_info_after", "comm_info_request", {"target_name": "jupyter.widget"})
        if frontend == "v8":
            s.send("control_states_after", "comm_msg", {"comm_id": "c" * 32, "data": {"method": "request_states"}})
        if "digit" in code:
            s.execute("digit", code["digit"])
            z1 = s.comm_of("FloatSliderModel", description="z1")
            if z1 is not None:
                seen["latency"] = latency(s, real[z1])
    finally:
        s.close()
    seen["comms"] = {name: s.states.get(name) for name in sorted(s.states, key=lambda n: int(n.split("-")[1]))}
    seen["steps"] = s.steps
    return seen


def latency(s, comm_id):
    """Moves the slider MOVES times; per move, the time from sending the value to the new picture's arrival (round
    trip, as the client sees it) and from the kernel's busy to its picture (the kernel's own work, by its clocks)."""
    from datetime import datetime
    round_trip, kernel, pngs = [], [], 0
    for i in range(MOVES):
        value = round(-2.0 + 4.0 * i / (MOVES - 1), 2)
        msg = s.kc.session.msg("comm_msg", {"comm_id": comm_id, "data": s.state_message({"value": value})})
        t0 = time.perf_counter()
        s.kc.shell_channel.send(msg)
        busy = picture = None
        while True:
            m = s.kc.get_iopub_msg(timeout=TIMEOUT)
            if m["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
                continue
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "busy":
                busy = m["header"]["date"]
            if m["msg_type"] == "display_data" and "image/png" in m["content"]["data"] and picture is None:
                picture = m["header"]["date"]
                round_trip.append((time.perf_counter() - t0) * 1000)
                pngs += 1
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                break
        if busy is not None and picture is not None:
            def t(d):
                return d.timestamp() if isinstance(d, datetime) else datetime.fromisoformat(d.replace("Z", "+00:00")).timestamp()
            kernel.append((t(picture) - t(busy)) * 1000)

    def stats(xs):
        xs = sorted(xs)
        if not xs:
            return None
        return {"median": xs[len(xs) // 2], "p90": xs[int(len(xs) * 0.9)], "max": xs[-1], "min": xs[0]}
    # the first moves warm the JIT; the figures are of the rest
    return {"moves": MOVES, "pictures": pngs, "round_trip_ms": stats(round_trip[5:]), "kernel_ms": stats(kernel[5:])}


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    seen = run(argv[1], argv[2])
    text = json.dumps(seen, indent=1, sort_keys=True)
    if len(argv) > 3:
        with open(argv[3], "w") as f:
            f.write(text + "\n")
    print(json.dumps(seen, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

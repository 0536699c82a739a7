"""Plays a widget manager against the vae-java kernel over ZeroMQ with jupyter_client, and writes everything the
kernel sent the widgets as JSON, for check-widgets.mjs to validate against @jupyter-widgets/schema.

    widget_frontend.py v6|v7|v8 CELLS.json OUT.json [MOVES]

v7 and v8 play the managers of ipywidgets 7 and 8 (JupyterLab 3/4, Notebook 7, VS Code): they ask comm_info for
"jupyter.widget", open "jupyter.widget.control" and ask for every state ("request_states") once before the cells and
once after. v6 plays Debian's jupyter-js-widgets 6.0 (the classic Notebook): it opens "jupyter.widget.version" and
validates the version the kernel asks for, and sends state as "backbone" messages.
CELLS.json is a list of cells (the ITs write them). After them it moves each slider a step MOVES times (default 3),
clicks each button ("custom" click), picks another option of each dropdown and toggle, ticks each checkbox, asks a
widget for its state ("request_state"), and keeps how long each slider move took until the kernel had answered it all
(the slider's echo, an observer's redrawn picture, status idle): the kernel's side of a slider-to-picture round trip;
the same for each choice of a dropdown or toggle. A protocol 2.1 echo_update must repeat what the frontend sent.
OUT.json: {"protocol", "messages": [every comm_open, comm_msg, comm_close and display of the kernel, buffers in base64],
"failures": [cells or requests that did not end well], "round_trips_ms": [...]}.
"""
import base64
import json
import sys
import time
import uuid
from queue import Empty

from jupyter_client.manager import start_new_kernel

TIMEOUT = 120
KEPT = {"comm_open", "comm_msg", "comm_close", "display_data", "execute_result", "update_display_data"}
PROTOCOL = {"v6": "1.0.0", "v7": "2.0.0", "v8": "2.1.0"}


class Frontend:
    def __init__(self, dialect):
        self.dialect = dialect
        self.km, self.kc = start_new_kernel(kernel_name="vae-java", startup_timeout=TIMEOUT)
        self.messages, self.failures, self.round_trips = [], [], []
        self.models = {}  # comm id -> last full state, as the manager holds it

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def collect(self, msg_id, what, reply=True):
        """Keeps the kernel's messages about the request msg_id until it is idle again (and replied)."""
        idle, replied, last = False, not reply, time.perf_counter()
        end = time.perf_counter() + TIMEOUT
        quiet_until = time.perf_counter() + 5  # a comm_msg that gets no status at all ends after 5 s of silence
        while not (idle and replied):
            if not reply and time.perf_counter() > quiet_until:
                self.failures.append(what + ": no status idle after the request")
                return last
            if time.perf_counter() > end:
                self.failures.append(what + ": timed out")
                return last
            if reply:
                try:
                    r = self.kc.get_shell_msg(timeout=0.01)
                    if r["parent_header"].get("msg_id") == msg_id:
                        replied = True
                        if r["content"].get("status") not in (None, "ok"):
                            self.failures.append("%s: %s %s" % (what, r["content"].get("ename"), r["content"].get("evalue")))
                except Empty:
                    pass
            try:
                m = self.kc.get_iopub_msg(timeout=0.01)
            except Empty:
                continue
            t = m["msg_type"]
            quiet_until = time.perf_counter() + 5
            if t == "status" and m["parent_header"].get("msg_id") == msg_id:
                idle = m["content"]["execution_state"] == "idle"
                continue
            if t == "error":
                self.failures.append("%s: %s" % (what, "\n".join(m["content"].get("traceback", []))))
            if t == "stream" and m["content"]["name"] == "stderr":
                self.failures.append("%s printed to stderr: %s" % (what, m["content"]["text"]))
            if t in KEPT:
                last = time.perf_counter()
                self.keep(m)
        return last

    def keep(self, m):
        c = m["content"]
        self.messages.append({"msg_type": m["msg_type"], "content": c, "metadata": m["metadata"],
                              "buffers": [base64.b64encode(bytes(b)).decode() for b in m.get("buffers", [])]})
        if m["msg_type"] == "comm_open" and c.get("target_name") == "jupyter.widget":
            data = c["data"]
            self.models[c["comm_id"]] = dict(data if self.dialect == "v6" else data.get("state", {}))
        elif m["msg_type"] == "comm_msg" and c["comm_id"] in self.models and c["data"].get("method") == "update":
            self.models[c["comm_id"]].update(c["data"].get("state", {}))  # an echo_update only repeats our own change

    def request(self, what, msg_type, content):
        msg = self.kc.session.msg(msg_type, content)
        self.kc.shell_channel.send(msg)
        return self.collect(msg["header"]["msg_id"], what, reply=msg_type.endswith("_request"))

    def execute(self, code):
        return self.collect(self.kc.execute(code, allow_stdin=False), "cell " + code.splitlines()[0])

    def update(self, what, comm_id, state):
        """The frontend changed some of a model's state (V6: "backbone" with sync_data)."""
        data = {"method": "backbone", "sync_data": state, "buffer_keys": []} if self.dialect == "v6" else {
            "method": "update", "state": state, "buffer_paths": []}
        before = len(self.messages)
        took = self.comm_msg(what, comm_id, data)
        for m in self.messages[before:]:  # protocol 2.1: the echo carries what the frontend sent, to every frontend
            d = m["content"].get("data", {})
            if m["content"].get("comm_id") == comm_id and d.get("method") == "echo_update":
                echoed = {k: d.get("state", {}).get(k) for k in state}
                if echoed != state:
                    self.failures.append("%s: the frontend sent %s, the kernel's echo_update says %s" % (what, state, echoed))
        return took

    def comm_msg(self, what, comm_id, data):
        t0 = time.perf_counter()
        last = self.request(what, "comm_msg", {"comm_id": comm_id, "data": data})
        return (last - t0) * 1000


def main(argv):
    if len(argv) not in (4, 5) or argv[1] not in PROTOCOL:
        print(__doc__)
        return 2
    cells = json.load(open(argv[2]))
    moves = int(argv[4]) if len(argv) > 4 else 3
    f = Frontend(argv[1])
    try:
        control = uuid.uuid4().hex
        if argv[1] == "v6":
            f.request("version_open", "comm_open", {"comm_id": control, "target_name": "jupyter.widget.version", "data": {}})
            f.comm_msg("version_validated", control, {"validated": True, "frontend_version": "2.1.4"})
        else:
            f.request("comm_info", "comm_info_request", {"target_name": "jupyter.widget"})
            f.request("control_open", "comm_open", {"comm_id": control, "target_name": "jupyter.widget.control", "data": {}})
            f.comm_msg("request_states before", control, {"method": "request_states"})
        for code in cells:
            f.execute(code)
        for comm_id, state in list(f.models.items()):
            name = state.get("_model_name")
            if name in ("IntSliderModel", "FloatSliderModel", "FloatLogSliderModel"):
                for step in range(moves):
                    value = state["value"] + (1 if name == "IntSliderModel" else state.get("step", 0.1))
                    value = round(value, 10) if value <= state["max"] else state["min"]  # as a slider's step gives
                    state["value"] = value
                    f.round_trips.append(f.update("move " + name, comm_id, {"value": value}))
            elif name == "ButtonModel":
                f.comm_msg("click", comm_id, {"method": "custom", "content": {"event": "click"}})
            elif name in ("DropdownModel", "ToggleButtonsModel") and len(state.get("_options_labels", [])) > 1:
                for step in range(max(1, moves)):
                    i = (step + 1) % len(state["_options_labels"])
                    f.round_trips.append(f.update("choose", comm_id, {"value": state["_options_labels"][i]}
                                                  if argv[1] == "v6" else {"index": i}))
            elif name == "CheckboxModel":
                f.update("tick", comm_id, {"value": not state["value"]})
        if f.models:
            f.comm_msg("request_state", next(iter(f.models)), {"method": "request_state"})
        if argv[1] != "v6":
            f.comm_msg("request_states after", control, {"method": "request_states"})
    finally:
        f.close()
    with open(argv[3], "w") as out:
        json.dump({"protocol": PROTOCOL[argv[1]], "messages": f.messages, "failures": f.failures,
                   "round_trips_ms": f.round_trips}, out)
    print(json.dumps({"messages": len(f.messages), "failures": f.failures, "round_trips_ms": f.round_trips}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

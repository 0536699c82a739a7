"""Drives the installed vae-java kernel over ZeroMQ with jupyter_client and prints what it saw as JSON.

KernelIT (JUnit) runs this with Debian's python3 and checks every observation; run by hand with
JUPYTER_DATA_DIR pointing at a data dir that has the kernelspec:  python3 drive_kernel.py
"""
import json
import sys
import time

from jupyter_client.manager import start_new_kernel

TIMEOUT = 120


def run(kc, code, timeout=TIMEOUT):
    """Executes code; returns the reply content and the iopub messages of that request."""
    msg_id = kc.execute(code)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        t = msg["msg_type"]
        if t == "status" and msg["content"]["execution_state"] == "idle":
            break
        if t != "status":
            outputs.append({"type": t, "content": msg["content"]})
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], outputs


def shell_reply(kc, msg_id):
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
    return reply["content"]


def main():
    seen = {}
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="vae-java", startup_timeout=TIMEOUT)
    seen["ready_s"] = time.perf_counter() - t0
    try:
        info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
        seen["language"] = info["language_info"]["name"]

        reply, out = run(kc, "int x = 20;\nint y = x + 1;\nx + y")
        seen["value"] = {"status": reply["status"], "count": reply["execution_count"],
                         "results": [o["content"]["data"]["text/plain"] for o in out if o["type"] == "execute_result"]}

        reply, out = run(kc, 'System.out.println("hello from Java");')
        seen["stdout"] = "".join(o["content"]["text"] for o in out if o["type"] == "stream" and o["content"]["name"] == "stdout")

        chart = ("var chart = new org.knowm.xchart.XYChartBuilder().width(300).height(200).title(\"t\").build();\n"
                 "chart.addSeries(\"s\", new double[]{1, 2, 3}, new double[]{1, 4, 9});\n"
                 "display(chart);")
        reply, out = run(kc, chart)
        pngs = [o["content"]["data"].get("image/png", "") for o in out if o["type"] == "display_data"]
        seen["chart_png_prefix"] = pngs[0][:12] if pngs else None

        table = ("var t = tech.tablesaw.api.Table.create(\"digits\", tech.tablesaw.api.IntColumn.create(\"label\", 3, 1, 4),"
                 " tech.tablesaw.api.DoubleColumn.create(\"loss\", 0.5, 0.25, 0.125));\nt")
        reply, out = run(kc, table)
        html = [o["content"]["data"].get("text/html", "") for o in out if o["type"] == "execute_result"]
        seen["table_html"] = html[0] if html else None

        reply, out = run(kc, "org.nd4j.linalg.factory.Nd4j.create(new double[][]{{1, 2}, {3, 4}})")
        seen["ndarray"] = {"html": [o["content"]["data"].get("text/html") for o in out if o["type"] == "execute_result"],
                           "stderr": "".join(o["content"]["text"] for o in out
                                             if o["type"] == "stream" and o["content"]["name"] == "stderr")}

        reply, out = run(kc, "int z = 1;\nint w = undefinedThing + 1;")
        seen["compile_error"] = {"status": reply["status"], "ename": reply.get("ename"),
                                 "traceback": reply.get("traceback"),
                                 "iopub_errors": len([o for o in out if o["type"] == "error"])}
        reply, out = run(kc, "int div(int a, int b) {\n  return a / b;\n}\ndiv(1, 0)")
        seen["runtime_error"] = {"status": reply["status"], "ename": reply.get("ename"), "traceback": reply.get("traceback")}
        reply, out = run(kc, "x * 2")
        seen["after_error"] = [o["content"]["data"]["text/plain"] for o in out if o["type"] == "execute_result"]

        # Interrupt a running loop: the kernel must answer, the cell must fail, the rest of it must not run.
        msg_id = kc.execute("long n = 0;\nwhile (true) { n++; }\nSystem.out.println(\"after the loop\");")
        time.sleep(1.5)
        t_int = time.perf_counter()
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=30)
        seen["interrupt"] = {"status": reply["content"]["status"], "ename": reply["content"].get("ename"),
                             "seconds": time.perf_counter() - t_int}
        reply, out = run(kc, "n > 0")
        seen["after_interrupt"] = [o["content"]["data"]["text/plain"] for o in out if o["type"] == "execute_result"]

        code = "String word = \"abc\";\nMath.ma"
        reply = kc.complete(code, len(code), reply=True, timeout=TIMEOUT)["content"]
        seen["complete"] = {"matches": reply["matches"], "start": reply["cursor_start"], "end": reply["cursor_end"]}
        reply = kc.inspect("Math.max", 6, reply=True, timeout=TIMEOUT)["content"]
        seen["inspect"] = {"found": reply["found"], "text": reply["data"].get("text/plain", "")}
        seen["is_complete"] = {
            "open_brace": shell_reply(kc, kc.is_complete("for (int i = 0; i < 3; i++) {")),
            "complete": shell_reply(kc, kc.is_complete("int a = 1;")),
        }

        progress = ("var p = Progress.bar(\"Training\");\n"
                    "for (int e = 1; e <= 2; e++) for (int b = 1; b <= 5; b++) { Thread.sleep(60); p.onBatch(e, 2, b, 5, 1.0 / (e * b)); }")
        reply, out = run(kc, progress)
        ids = [o["content"]["transient"]["display_id"] for o in out if o["type"] == "display_data"]
        updates = [o["content"] for o in out if o["type"] == "update_display_data"]
        seen["progress"] = {"displays": len(ids), "updates": len(updates),
                            "same_id": bool(ids) and all(u["transient"]["display_id"] == ids[0] for u in updates),
                            "last": updates[-1]["data"]["text/plain"] if updates else None}

        # "Run All": a failing cell, and one sent behind it before it failed, which must not run.
        first = kc.execute("Thread.sleep(300);\nint boom = 1 / 0;")
        second = kc.execute("int ranAfterError = 1;")
        seen["run_all_after_error"] = [shell_reply(kc, first)["status"], shell_reply(kc, second)["status"]]
        reply, out = run(kc, "ranAfterError")
        seen["ran_after_error"] = reply["status"]

        reply, out = run(kc, "%nosuchmagic")
        seen["unknown_magic"] = {"status": reply["status"], "evalue": reply.get("evalue")}

        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=TIMEOUT)
        reply, out = run(kc, "1 + 1")
        seen["after_restart"] = [o["content"]["data"]["text/plain"] for o in out if o["type"] == "execute_result"]
        reply, out = run(kc, "x")
        seen["x_after_restart"] = reply["status"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    seen["alive_after_shutdown"] = km.is_alive()
    print(json.dumps(seen))


if __name__ == "__main__":
    sys.exit(main())

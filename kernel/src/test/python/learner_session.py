"""A learner's session through the installed vae-java kernel, over ZeroMQ, from a folder outside the repository.

LearnerSessionIT (JUnit) installs the kernelspec into a temporary JUPYTER_DATA_DIR, runs this with Debian's python3
and checks every observation; by hand:  JUPYTER_DATA_DIR=DIR python3 learner_session.py [WORK_FOLDER]
It prints one JSON line. Each part (a-g of the IT) is observed on its own: a part that fails, hangs or kills the
kernel is recorded as such ("failed", "died") and the next part gets a restarted kernel, so one missing feature
does not hide the others.
"""
import json
import os
import sys
import tempfile
import time
from queue import Empty

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

KERNEL = "vae-java"
TIMEOUT = 120
LINES = 100_000
LINE_WIDTH = 100  # "line 000042 " (12 characters) + 88 x's, then a newline
BIG_OUTPUT = ('for (int i = 0; i < 100_000; i++) System.out.println(String.format("line %06d ", i) + "x".repeat(88));')
IMPORTS = "import vae.*;\nimport vae.model.*;\nimport vae.data.*;"


class KernelDied(Exception):
    """The kernel process ended while a request was waiting for it."""


class Learner:
    """One kernel, started in `cwd` as a notebook server would start it for a notebook saved there."""

    def __init__(self, cwd):
        self.km = KernelManager(kernel_name=KERNEL)
        self.km.start_kernel(cwd=cwd)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=TIMEOUT)

    def restart(self):
        self.km.restart_kernel(now=True)
        self.kc.wait_for_ready(timeout=TIMEOUT)

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def execute(self, code, allow_stdin=False, timeout=TIMEOUT, interrupt_after=None, on_stdin=None, drain=False):
        """Runs `code`; returns everything iopub and shell said about it, once idle and the reply have both come.

        `on_stdin(request)` answers the kernel's input_requests. The cell is interrupted once after `interrupt_after`
        seconds (one waiting for input that never comes); KernelDied if the process ends, TimeoutError after
        `timeout` seconds. An idle that has not come 10 s after the reply and the last output is taken as lost
        ("idle": False), so a kernel that drops messages is observed, not waited on. With `drain`, iopub is read for
        0.5 s more, counting the cell's messages that came after its idle ("after_idle")."""
        t0 = time.perf_counter()
        msg_id = self.kc.execute(code, allow_stdin=allow_stdin)
        cell = {"msgs": [], "reply": None, "idle": False, "interrupted": False, "after_idle": 0, "input_requests": []}
        last = t0  # when the last message about this request came
        while not (cell["idle"] and cell["reply"] is not None):
            if cell["reply"] is not None and time.perf_counter() - last > 10:
                break
            elapsed = time.perf_counter() - t0
            if elapsed > timeout:
                raise TimeoutError(f"no idle/reply after {timeout} s (idle {cell['idle']}, reply {cell['reply'] is not None})")
            if interrupt_after is not None and not cell["interrupted"] and elapsed > interrupt_after:
                self.km.interrupt_kernel()
                cell["interrupted"] = True
            got = False
            if on_stdin is not None:
                try:
                    request = self.kc.get_stdin_msg(timeout=0)
                    got = True
                    cell["input_requests"].append({
                        "msg_type": request["msg_type"], "prompt": request["content"].get("prompt"),
                        "password": request["content"].get("password"),
                        "parent_is_cell": request["parent_header"].get("msg_id") == msg_id})
                    on_stdin(request)
                except Empty:
                    pass
            if cell["reply"] is None:
                try:
                    reply = self.kc.get_shell_msg(timeout=0 if not cell["idle"] else 1)
                    got = True
                    if reply["parent_header"].get("msg_id") == msg_id:
                        last = time.perf_counter()
                        cell["reply"] = reply["content"]
                        cell["reply_at"] = time.perf_counter() - t0
                except Empty:
                    pass
            if not cell["idle"]:
                try:
                    msg = self.kc.get_iopub_msg(timeout=0.2 if on_stdin else 1)
                    got = True
                    if msg["parent_header"].get("msg_id") == msg_id:
                        last = time.perf_counter()
                        t = msg["msg_type"]
                        if t == "status" and msg["content"]["execution_state"] == "idle":
                            cell["idle"] = True
                            cell["idle_at"] = time.perf_counter() - t0
                        elif t != "status":
                            cell["msgs"].append((t, msg["content"]))
                except Empty:
                    pass
            if not got and not self.km.is_alive():
                raise KernelDied("the kernel process ended")
        cell["seconds"] = max(cell.get("idle_at", last - t0), cell["reply_at"])
        # Anything published for this request after its idle is out of order (a frontend has stopped listening).
        while drain:
            try:
                msg = self.kc.get_iopub_msg(timeout=0.5)
            except Empty:
                break
            if msg["parent_header"].get("msg_id") == msg_id:
                cell["after_idle"] += 1
        return cell


def stream(cell, name):
    return "".join(c["text"] for t, c in cell["msgs"] if t == "stream" and c["name"] == name)


def results(cell):
    return [c["data"].get("text/plain") for t, c in cell["msgs"] if t == "execute_result"]


def summary(cell):
    """What a learner sees of a cell: status, value, printed text, error."""
    reply = cell["reply"]
    out = {"status": reply.get("status"), "results": results(cell), "stdout": stream(cell, "stdout"),
           "stderr": stream(cell, "stderr"), "seconds": round(cell["seconds"], 3)}
    if reply.get("status") == "error":
        out.update(ename=reply.get("ename"), evalue=reply.get("evalue"), traceback=reply.get("traceback"))
    if cell["interrupted"]:
        out["interrupted"] = True
    return out


def run_part(learner, seen, name, part):
    """Observes one part; if it fails or kills the kernel, says so and restarts the kernel for the next."""
    try:
        seen[name] = part(learner)
    except KernelDied as e:
        seen[name] = {"died": str(e)}
    except Exception as e:  # recorded, so the IT's message says what happened
        seen[name] = {"failed": f"{type(e).__name__}: {e}"}
    if "died" in seen[name] or "failed" in seen[name]:
        learner.restart()


def spec_argv():
    """g. The installed kernelspec's JVM flags (the classpath left out: it is long and not the point)."""
    argv = KernelSpecManager().get_kernel_spec(KERNEL).argv
    return {"jvm_flags": [a for a in argv if a.startswith("-X") or a.startswith("-D")]}


def outside_the_repository(learner):
    """a. The lesson's data and pretrained models load in a kernel started in a folder that is not the repository."""
    cells = {
        "imports": IMPORTS,
        "user_dir": 'System.getProperty("user.dir")',
        "vae_data_env": 'String.valueOf(System.getenv("VAE_DATA"))',
        "lesson": "Vae vae = Pretrained.lesson();",
        "train_size": "Mnist.train().size()",
        "test_size": "Mnist.test().size()",
        "latent2d_size": "Pretrained.latent2d().latentSize()",
        "lesson_size": "vae.latentSize()",
    }
    return {name: summary(learner.execute(code)) for name, code in cells.items()}


def notebook_outside_the_repository(cwd):
    """a. A notebook saved outside the repository, executed with nbclient as Jupyter would."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Java (VAE notebooks)", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(IMPORTS), nbformat.v4.new_code_cell("Mnist.train().size()"),
                nbformat.v4.new_code_cell("Pretrained.lesson().latentSize()")]
    path = os.path.join(cwd, "outside.ipynb")
    nbformat.write(nb, path)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, kernel_name=KERNEL, timeout=TIMEOUT, allow_errors=True,
                   resources={"metadata": {"path": cwd}}).execute()
    nbformat.write(nb, path)
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    return {"errors": [f"{o['ename']}: {o['evalue']}" for o in outputs if o["output_type"] == "error"],
            "results": [o["data"].get("text/plain") for o in outputs if o["output_type"] == "execute_result"]}


def big_output(learner):
    """b. 100,000 printed lines of 100 characters: all of them, in order, in few messages, before idle."""
    cell = learner.execute(BIG_OUTPUT, timeout=600, drain=True)
    texts = [c["text"] for t, c in cell["msgs"] if t == "stream" and c["name"] == "stdout"]
    text = "".join(texts)
    lines = text.split("\n")
    complete = text.endswith("\n")
    if complete:
        lines.pop()
    first_wrong = None
    for i, line in enumerate(lines):
        if line != f"line {i:06d} " + "x" * 88:
            first_wrong = {"index": i, "got": line[:120]}
            break
    last_stream = max((i for i, (t, _) in enumerate(cell["msgs"]) if t == "stream"), default=-1)
    return {"status": cell["reply"].get("status"), "chars": len(text), "expected_chars": LINES * (LINE_WIDTH + 1),
            "lines": len(lines), "ends_with_newline": complete, "first_wrong_line": first_wrong,
            "stream_messages": len(texts), "other_messages": [t for t, _ in cell["msgs"] if t != "stream"],
            "idle": cell["idle"], "after_idle": cell["after_idle"], "last_stream_index": last_stream,
            "messages": len(cell["msgs"]), "seconds": round(cell.get("idle_at", cell["seconds"]), 3),
            "stderr": stream(cell, "stderr")[:500]}


def interleaving(learner):
    """b. Printed text is sent before the cell's value."""
    cell = learner.execute('System.out.print("a"); System.err.print("b"); System.out.println("c"); 42')
    order = [t for t, _ in cell["msgs"]]
    at = order.index("execute_result") if "execute_result" in order else len(order)
    before = {"msgs": cell["msgs"][:at]}
    return {"status": cell["reply"].get("status"), "order": order, "results": results(cell),
            "stdout_before_result": stream(before, "stdout"), "stderr_before_result": stream(before, "stderr"),
            "stdout": stream(cell, "stdout"), "stderr": stream(cell, "stderr")}


def no_cell_kills_the_kernel(learner):
    """c. System.exit, halt and Runtime.exit fail the cell, not the kernel; a replaced System.out/err comes back."""
    out = {}
    for name, code, after in [("system_exit", "System.exit(3);", "keep"),
                              ("halt", "Runtime.getRuntime().halt(1);", "keep"),
                              ("runtime_exit", "Runtime.getRuntime().exit(2);", "keep + 1")]:
        try:
            learner.execute("int keep = 7;")
            case = {"exit": summary(learner.execute(code, timeout=60))}
            case["after"] = summary(learner.execute(after, timeout=60))
        except KernelDied as e:
            case = {"died": str(e)}
            learner.restart()
        out[name] = case
    try:
        learner.execute("int keep = 7;")
        out["set_out_null"] = summary(learner.execute("System.setOut(null);", timeout=60))
        out["after_set_out"] = summary(learner.execute("keep * 2", timeout=60))
        out["println_after_set_out"] = summary(learner.execute('System.out.println("still here")', timeout=60))
        out["set_err_null_stream"] = summary(learner.execute(
            "System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));", timeout=60))
        out["println_err_after_set_err"] = summary(learner.execute('System.err.println("err back")', timeout=60))
    except KernelDied as e:
        out["streams_died"] = str(e)
        learner.restart()
    return out


def answer_input(learner, code, answer):
    """Runs `code` with stdin allowed, answering each input_request with `answer`; a cell that waits for input
    without asking for it is interrupted after 20 s."""
    cell = learner.execute(code, allow_stdin=True, timeout=60, interrupt_after=20,
                           on_stdin=lambda request: learner.kc.input(answer))
    return {"input_requests": cell["input_requests"], **summary(cell)}


def keyboard_input(learner):
    """d. Reading System.in asks the frontend (input_request); a frontend that allows no stdin gets an error."""
    out = {"scanner": answer_input(learner, 'String name = new java.util.Scanner(System.in).nextLine(); "hello " + name', "Ada"),
           "reader": answer_input(learner, "new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine()",
                                  "Grace")}
    # Without stdin the cell must fail by itself, quickly; interrupted after 20 s so a hang is recorded, not waited out.
    out["no_stdin"] = summary(learner.execute("String name2 = new java.util.Scanner(System.in).nextLine();",
                                              allow_stdin=False, timeout=60, interrupt_after=20))
    out["after_no_stdin"] = summary(learner.execute("1 + 1", timeout=60))
    return out


def completion(learner):
    """e. Completion knows names declared earlier in the same, not yet run, cell."""
    out = {}
    for name, code, word in [("method_of_local", 'String s = "x"; s.toUpperCa', "toUpperCa"),
                             ("local_variable", "int counter = 1; coun", "coun"),
                             ("method_declared", "int twice(int v) { return 2 * v; }\ntwi", "twi"),
                             ("class_declared", "class Box { int size; }\nBo", "Bo")]:
        reply = learner.kc.complete(code, len(code), reply=True, timeout=TIMEOUT)["content"]
        out[name] = {"matches": reply.get("matches", [])[:200], "cursor_start": reply.get("cursor_start"),
                     "cursor_end": reply.get("cursor_end"), "word_start": len(code) - len(word), "code_length": len(code)}
    return out


def heap(learner):
    """f. Filling the heap fails the cell with a message that says how to raise the limit; the kernel lives on."""
    learner.execute("int survive = 5;")
    hog = summary(learner.execute("List<long[]> hog = new ArrayList<>(); while (true) hog.add(new long[1_000_000]);",
                                  timeout=240, interrupt_after=180))
    after = summary(learner.execute("hog = null; survive", timeout=120))
    return {"hog": hog, "after": after}


def main():
    cwd = os.path.realpath(sys.argv[1]) if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="vae-learner-")
    os.makedirs(cwd, exist_ok=True)
    os.environ.pop("VAE_DATA", None)  # the kernels started below inherit this environment
    seen = {"cwd": cwd, "vae_data_set": "VAE_DATA" in os.environ, "data_folder_above": None}
    # No folder from here up may hold data/ with the digits, or the session would not be outside the repository.
    d = cwd
    while True:
        if os.path.isfile(os.path.join(d, "data", "train-images-idx3-ubyte.gz")):
            seen["data_folder_above"] = d
        if d == os.path.dirname(d):
            break
        d = os.path.dirname(d)
    seen["spec"] = spec_argv()
    spec_env = KernelSpecManager().get_kernel_spec(KERNEL).env
    seen["spec_env_has_vae_data"] = "VAE_DATA" in spec_env

    t0 = time.perf_counter()
    learner = Learner(cwd)
    seen["ready_s"] = time.perf_counter() - t0
    try:
        run_part(learner, seen, "outside", outside_the_repository)
        try:
            seen["notebook"] = notebook_outside_the_repository(cwd)
        except Exception as e:
            seen["notebook"] = {"failed": f"{type(e).__name__}: {e}"}
        run_part(learner, seen, "completion", completion)
        run_part(learner, seen, "input", keyboard_input)
        run_part(learner, seen, "big_output", big_output)
        run_part(learner, seen, "interleaving", interleaving)
        run_part(learner, seen, "exits", no_cell_kills_the_kernel)
        learner.restart()  # the heap part must not depend on whether System.out came back (that is part c's point)
        run_part(learner, seen, "heap", heap)
    finally:
        learner.close()
    print(json.dumps(seen))


if __name__ == "__main__":
    sys.exit(main())

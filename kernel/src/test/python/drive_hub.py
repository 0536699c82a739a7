"""Starts a real JupyterHub on 127.0.0.1 with deploy/jupyterhub/jupyterhub_config.py, logs several learners in at once,
has each start a server and run notebooks in the vae-java kernel through the hub's REST API and the kernel's
websocket, and prints what it saw as one JSON line (resident memory per learner, the peak, seconds per notebook).

JupyterHubIT (JUnit) runs this with Debian's python3; by hand, with the kernel installed under PREFIX/share/jupyter:
  python3 drive_hub.py --hub-dir /tmp/hub --proxy node_modules/.bin/configurable-http-proxy \
      --kernel-prefix PREFIX --learners 2 ../../../../notebooks/solutions/09-*.ipynb
--settings full runs the notebooks as a learner gets them (no MAX_EPOCH/DATASET_LIMIT). Every process it starts
carries VAE_HUB_RUN=<id> in its environment, and every such process is killed before it exits.
"""
import argparse
import asyncio
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
CONFIG = os.path.join(ROOT, "deploy", "jupyterhub", "jupyterhub_config.py")
RUN_ID = uuid.uuid4().hex
TOKEN = secrets.token_hex(16)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def marked_processes():
    """pid -> JUPYTERHUB_USER (or '') of every process whose environment has our VAE_HUB_RUN."""
    found = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open("/proc/%s/environ" % pid, "rb") as f:
                env = dict(e.split(b"=", 1) for e in f.read().split(b"\0") if b"=" in e)
        except OSError:
            continue
        if env.get(b"VAE_HUB_RUN") == RUN_ID.encode():
            found[int(pid)] = env.get(b"JUPYTERHUB_USER", b"").decode()
    return found


def rss_mb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def is_kernel(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return b"vae.kernel.Main" in f.read()
    except OSError:
        return False


def rss_by_user(kernels_only=False):
    """Resident MB of each learner's server and kernel together (or of the kernel alone), and of the hub and proxy."""
    totals = {}
    for pid, user in marked_processes().items():
        if not kernels_only or is_kernel(pid):
            totals[user or "hub+proxy"] = totals.get(user or "hub+proxy", 0.0) + rss_mb(pid)
    return totals


CGROUP_PARENT = "vae-hub-test-" + RUN_ID


def cgroup_of(pid):
    """controller -> cgroup path of a process, from /proc/PID/cgroup (v1 lines name their controllers, v2's is '')."""
    found = {}
    try:
        with open("/proc/%d/cgroup" % pid) as f:
            for line in f:
                _, controllers, path = line.rstrip("\n").split(":", 2)
                for c in controllers.split(","):
                    found[c] = path
    except OSError:
        pass
    return found


def read(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return None


def kernel_limits(name):
    """Where the learner's kernel runs and the limits there: what the hub's limit_resources set up."""
    kernels = [pid for pid, user in marked_processes().items() if user == name and is_kernel(pid)]
    if not kernels:
        return {"kernel": None}
    groups = cgroup_of(kernels[0])
    root = "/sys/fs/cgroup"
    if os.path.exists(os.path.join(root, "cgroup.controllers")):
        where = groups.get("", "")
        return {"kernel": kernels[0], "memory_cgroup": where, "cpu_cgroup": where,
                "memory_limit": read(root + where + "/memory.max"), "cpu_quota": (read(root + where + "/cpu.max") or " ").split()[0]}
    return {"kernel": kernels[0], "memory_cgroup": groups.get("memory"), "cpu_cgroup": groups.get("cpu"),
            "memory_limit": read(root + "/memory" + groups.get("memory", "/") + "/memory.limit_in_bytes"),
            "cpu_quota": read(root + "/cpu" + groups.get("cpu", "/") + "/cpu.cfs_quota_us")}


def cgroups_writable():
    """Whether this machine lets us make cgroups (a container may not): the hub's limits need it."""
    root = "/sys/fs/cgroup"
    base = root if os.path.exists(os.path.join(root, "cgroup.controllers")) else os.path.join(root, "memory")
    probe = os.path.join(base, CGROUP_PARENT + "-probe")
    try:
        os.mkdir(probe)
        os.rmdir(probe)
        return True
    except OSError:
        return False


def remove_cgroups():
    """The per-learner cgroups the hub made for this run, and their parent (empty once every process is gone)."""
    root = "/sys/fs/cgroup"
    for base in [root, os.path.join(root, "memory"), os.path.join(root, "cpu")]:
        parent = os.path.join(base, CGROUP_PARENT)
        if not os.path.isdir(parent):
            continue
        for child in os.listdir(parent):
            if os.path.isdir(os.path.join(parent, child)):
                try:
                    os.rmdir(os.path.join(parent, child))
                except OSError:
                    pass
        try:
            os.rmdir(parent)
        except OSError:
            pass


def kill_everything(hub):
    if hub and hub.poll() is None:
        hub.send_signal(signal.SIGTERM)  # the hub stops the servers it spawned (cleanup_servers) and its proxy
        try:
            hub.wait(20)
        except subprocess.TimeoutExpired:
            pass
    for _ in range(3):
        left = marked_processes()
        if not left:
            return 0
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.5)
    return len(marked_processes())


def write_config(args, ports):
    hub_dir = args.hub_dir
    environment = {"VAE_HUB_RUN": RUN_ID, "JUPYTER_PATH": os.path.join(args.kernel_prefix, "share", "jupyter"),
                   "VAE_KERNEL_LOG_DIR": os.path.join(hub_dir, "logs", "{username}")}
    if args.settings == "test":
        environment.update({"MAX_EPOCH": "1", "DATASET_LIMIT": "1000"})
    extra_args = ["--allow-root"] if os.geteuid() == 0 else []
    text = f"""
c = get_config()
load_subconfig({CONFIG!r})
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {os.path.join(hub_dir, "home", "{username}")!r}
c.JupyterHub.bind_url = "http://127.0.0.1:{ports['public']}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{ports['hub']}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports['proxy_api']}"
c.ConfigurableHTTPProxy.command = [{args.proxy!r}]
c.ConfigurableHTTPProxy.pid_file = {os.path.join(hub_dir, "proxy.pid")!r}
c.JupyterHub.db_url = "sqlite:///{os.path.join(hub_dir, "jupyterhub.sqlite")}"
c.JupyterHub.cookie_secret_file = {os.path.join(hub_dir, "cookie_secret")!r}
c.JupyterHub.pid_file = {os.path.join(hub_dir, "hub.pid")!r}
c.Spawner.ip = "127.0.0.1"
c.Spawner.environment = {environment!r}
c.Spawner.args = c.Spawner.args + {extra_args!r}
c.JupyterHub.services = [{{"name": "class-test", "api_token": {TOKEN!r}}}]
c.JupyterHub.load_roles = [{{"name": "class-test", "services": ["class-test"],
                             "scopes": ["admin:users", "admin:servers", "access:servers", "read:users"]}}]
"""
    path = os.path.join(hub_dir, "test_config.py")
    with open(path, "w") as f:
        f.write(text)
    return path


class Hub:
    def __init__(self, base):
        self.base = base
        self.http = AsyncHTTPClient(max_clients=64)

    async def api(self, method, path, body=None, expect=(200, 201, 202, 204)):
        req = HTTPRequest(self.base + path, method=method, headers={"Authorization": "token " + TOKEN},
                          body=None if body is None and method == "GET" else json.dumps(body or {}),
                          request_timeout=120, allow_nonstandard_methods=True)
        resp = await self.http.fetch(req, raise_error=False)
        if resp.code not in expect:
            raise RuntimeError("%s %s: HTTP %s %s" % (method, path, resp.code, resp.body[:300]))
        return json.loads(resp.body) if resp.body else None

    async def login(self, name):
        """A learner logs in through the hub's login form (DummyAuthenticator: any password)."""
        req = HTTPRequest(self.base + "/hub/login", method="POST", body="username=%s&password=x" % name,
                          follow_redirects=False, request_timeout=60)
        resp = await self.http.fetch(req, raise_error=False)
        cookies = resp.headers.get_list("Set-Cookie")
        return resp.code == 302 and any(c.startswith("jupyterhub-session-id") or c.startswith("jupyterhub-hub-login")
                                        for c in cookies)


def message(msg_type, content, session):
    return json.dumps({"header": {"msg_id": uuid.uuid4().hex, "username": "learner", "session": session,
                                  "msg_type": msg_type, "version": "5.3",
                                  "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
                       "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []})


async def run_cell(ws, code, session, timeout):
    msg = message("execute_request", {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                                      "allow_stdin": False, "stop_on_error": True}, session)
    msg_id = json.loads(msg)["header"]["msg_id"]
    await ws.write_message(msg)
    errors, reply, idle, values = [], None, False, []
    deadline = time.monotonic() + timeout
    while reply is None or not idle:
        raw = await asyncio.wait_for(ws.read_message(), max(1, deadline - time.monotonic()))
        if raw is None:
            raise RuntimeError("the kernel's websocket closed")
        m = json.loads(raw)
        if m.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        t = m["msg_type"]
        if t == "error":
            errors.append(m["content"]["ename"] + ": " + m["content"]["evalue"])
        elif t == "execute_result":
            values.append(m["content"]["data"].get("text/plain", ""))
        elif t == "execute_reply":
            reply = m["content"]["status"]
        elif t == "status" and m["content"]["execution_state"] == "idle":
            idle = True
    return reply, errors, values


async def learner(hub, name, notebooks, args, seen):
    result = {"logged_in": await hub.login(name)}
    t0 = time.monotonic()
    await hub.api("POST", "/hub/api/users/%s/server" % name)
    while True:
        user = await hub.api("GET", "/hub/api/users/%s" % name)
        server = user.get("servers", {}).get("", {})
        if server.get("ready"):
            break
        if time.monotonic() - t0 > 120:
            raise RuntimeError("%s's server did not become ready: %s" % (name, user))
        await asyncio.sleep(0.3)
    result["server_ready_s"] = round(time.monotonic() - t0, 2)
    home = os.path.join(args.hub_dir, "home", name)
    result["notebooks_copied"] = sorted(os.listdir(os.path.join(home, "vae-notebooks")))
    base = "/user/%s/api" % name
    kernel = await hub.api("POST", base + "/kernels", {"name": "vae-java"})
    ws_url = hub.base.replace("http", "ws", 1) + base + "/kernels/%s/channels" % kernel["id"]
    ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": "token " + TOKEN}, request_timeout=60))
    session = uuid.uuid4().hex
    try:
        # The settings the notebooks read must reach the kernel through the spawner's environment and the kernelspec.
        status, errors, values = await run_cell(ws, 'System.getenv("MAX_EPOCH") + " " + System.getenv("DATASET_LIMIT")'
                                                ' + " " + System.getenv("OMP_NUM_THREADS")', session, 120)
        result["first_cell"] = {"status": status, "values": values}
        result["limits"] = kernel_limits(name)
        await seen["start_barrier"].wait(name)
        await asyncio.sleep(args.rest_s)
        result["rest_mb"] = round(rss_by_user().get(name, 0))
        result["rest_kernel_mb"] = round(rss_by_user(kernels_only=True).get(name, 0))
        await seen["run_barrier"].wait(name)
        result["notebooks"] = []
        for path in notebooks:
            with open(path) as f:
                cells = [("".join(c["source"]) if isinstance(c["source"], list) else c["source"])
                         for c in json.load(f)["cells"] if c["cell_type"] == "code"]
            t = time.monotonic()
            statuses, errors = [], []
            for code in cells:
                status, errs, _ = await run_cell(ws, code, session, args.cell_timeout)
                statuses.append(status)
                errors += errs
            result["notebooks"].append({"name": os.path.basename(path), "cells": len(cells),
                                        "ok": statuses.count("ok"), "errors": errors,
                                        "seconds": round(time.monotonic() - t, 1)})
        await seen["end_barrier"].wait(name)
        await asyncio.sleep(args.rest_s)
        result["after_mb"] = round(rss_by_user().get(name, 0))
        result["after_kernel_mb"] = round(rss_by_user(kernels_only=True).get(name, 0))
    finally:
        ws.close()
    return result


class Barrier:
    """Lets the learners start their notebooks together, so the peak is that of N at once."""
    def __init__(self, n):
        self.n, self.names, self.event = n, set(), asyncio.Event()

    async def wait(self, name):
        self.names.add(name)
        if len(self.names) >= self.n:
            self.event.set()
        await self.event.wait()

    def release(self):
        self.n = 0
        self.event.set()


async def drive(args, seen):
    names = ["learner%d" % i for i in range(1, args.learners + 1)]
    barriers = {k: Barrier(len(names)) for k in ("start_barrier", "run_barrier", "end_barrier")}
    seen.update(barriers)
    hub = Hub(args.base)
    peak = {"mb": 0.0}
    done = asyncio.Event()

    async def sample():
        while not done.is_set():
            by_user = rss_by_user()
            peak["mb"] = max(peak["mb"], sum(v for k, v in by_user.items() if k != "hub+proxy"))
            peak["hub_proxy_mb"] = max(peak.get("hub_proxy_mb", 0), by_user.get("hub+proxy", 0))
            await asyncio.sleep(0.5)

    sampler = asyncio.ensure_future(sample())

    async def one(name):
        try:
            return await learner(hub, name, args.notebooks, args, seen)
        except Exception as e:  # report it, and do not hold the others at a barrier
            for b in barriers.values():
                b.release()
            return {"failed": "%s: %s" % (type(e).__name__, e)}

    t0 = time.monotonic()
    results = await asyncio.gather(*(one(n) for n in names))
    seen["wall_s"] = round(time.monotonic() - t0, 1)
    done.set()
    await sampler
    seen["learners"] = dict(zip(names, results))
    seen["peak_learners_mb"] = round(peak["mb"])
    seen["peak_hub_proxy_mb"] = round(peak.get("hub_proxy_mb", 0))
    for name in names:
        await hub.api("DELETE", "/hub/api/users/%s/server" % name, expect=(202, 204, 400))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--hub-dir", required=True)
    p.add_argument("--proxy", required=True)
    p.add_argument("--kernel-prefix", required=True)
    p.add_argument("--learners", type=int, default=2)
    p.add_argument("--settings", choices=["test", "full"], default="test")
    p.add_argument("--rest-s", type=float, default=4.0)
    p.add_argument("--cell-timeout", type=float, default=300)
    p.add_argument("notebooks", nargs="+")
    args = p.parse_args()
    os.makedirs(args.hub_dir, exist_ok=True)
    ports = {k: free_port() for k in ("public", "hub", "proxy_api")}
    args.base = "http://127.0.0.1:%d" % ports["public"]
    config = write_config(args, ports)
    seen = {"run_id": RUN_ID, "learner_count": args.learners, "settings": args.settings,
            "cgroups_writable": cgroups_writable(), "cgroup_parent": CGROUP_PARENT}
    env = dict(os.environ, VAE_HUB_RUN=RUN_ID, VAE_HUB_NOTEBOOKS=os.path.join(ROOT, "notebooks"), VAE_HUB_CGROUP=CGROUP_PARENT)
    env.pop("JUPYTERHUB_API_TOKEN", None)
    hub = None
    log = open(os.path.join(args.hub_dir, "hub.log"), "w")
    try:
        hub = subprocess.Popen(["jupyterhub", "-f", config], cwd=args.hub_dir, env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
        loop = asyncio.new_event_loop()
        t0 = time.monotonic()
        while True:
            try:
                loop.run_until_complete(Hub(args.base).api("GET", "/hub/api/"))
                break
            except Exception:
                if hub.poll() is not None or time.monotonic() - t0 > 60:
                    raise RuntimeError("the hub did not start; see " + log.name)
                time.sleep(0.3)
        seen["hub_ready_s"] = round(time.monotonic() - t0, 1)
        loop.run_until_complete(drive(args, seen))
    except Exception as e:
        seen["failed"] = "%s: %s" % (type(e).__name__, e)
    finally:
        seen["left_running"] = kill_everything(hub)
        remove_cgroups()
        log.close()
    for k in ("start_barrier", "run_barrier", "end_barrier"):
        seen.pop(k, None)
    print(json.dumps(seen))


if __name__ == "__main__":
    sys.exit(main())

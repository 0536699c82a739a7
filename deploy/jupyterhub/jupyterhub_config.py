# JupyterHub for a class of the VAE notebooks, with Debian's jupyterhub 3.0 (see README.md beside this file).
#
#   apt-get install jupyterhub        # brings node-configurable-http-proxy
#   cp deploy/jupyterhub/jupyterhub_config.py /etc/jupyterhub/jupyterhub_config.py
#   systemctl restart jupyterhub
#
# Every learner is a Unix user of the machine (PAM, Debian's default); each gets a single-user server running as
# themselves, with the vae-java kernel installed once for all users and the learner versions of the notebooks copied
# into ~/vae-notebooks the first time their server starts. The settings a course changes are read from the
# environment of the hub (VAE_HUB_*), so this file can stay as it is; the test (kernel/.../JupyterHubIT) loads this
# file and replaces only the authenticator, the spawner and the addresses.
import os
import pwd
import shutil

c = get_config()  # noqa: F821 (JupyterHub defines it)

# Where the repository's learner notebooks are (notebooks/*.ipynb; not notebooks/solutions/).
NOTEBOOKS = os.environ.get("VAE_HUB_NOTEBOOKS", "/srv/vae-notebooks/notebooks")
# The folder in each learner's home that receives them.
FOLDER = os.environ.get("VAE_HUB_FOLDER", "vae-notebooks")

# Per learner, from the figures measured in README.md ("Measured"): one server + kernel rests at 0.28 GB, holds
# 0.68 GB after notebooks 09-11 and peaks at 0.9 GB; the kernelspec caps the kernel itself at heap + arrays + 0.5 GB
# for the JVM (2.5 GiB with install-kernel's defaults), the notebook server takes 0.11 GB: 3G is above both.
MEM_LIMIT = os.environ.get("VAE_HUB_MEM_LIMIT", "3G")
# The kernel trains on one OpenMP thread (lib/.../vae/process.env); one core is all a learner's cell can use anyway.
CPU_LIMIT = float(os.environ.get("VAE_HUB_CPU_LIMIT", "1"))

c.JupyterHub.bind_url = os.environ.get("VAE_HUB_BIND_URL", "http://:8000")
# Debian's proxy (node-configurable-http-proxy). Where it does not start with the machine's Node.js ("Cannot find
# module 'commander'": a Node.js from outside Debian), `npm install configurable-http-proxy@4` and point this at it.
c.ConfigurableHTTPProxy.command = [os.environ.get("VAE_HUB_PROXY", "configurable-http-proxy")]
c.JupyterHub.db_url = os.environ.get("VAE_HUB_DB_URL", "sqlite:////var/lib/jupyterhub/jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.environ.get("VAE_HUB_COOKIE_SECRET", "/var/lib/jupyterhub/jupyterhub_cookie_secret")

# JupyterLab if the learner's machine has it, else the classic interface, opened on their copy of the notebooks.
c.Spawner.default_url = "/tree/" + FOLDER
c.Spawner.notebook_dir = "~"
# The kernel needs ~0.5 s; the first start of a learner's server after a reboot, while Java warms its caches, longer.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60
# Enforced by spawners that can (systemdspawner, KubeSpawner); Debian's LocalProcessSpawner only passes them on as
# MEM_LIMIT/CPU_LIMIT, so below (limit_resources) the hub puts each learner's server, and every kernel it starts, into
# cgroups of its own with these limits, where the machine lets root make them; else the kernel's own limits hold
# (install-kernel --heap/--native-memory). With jupyterhub-systemdspawner installed (not in Debian: pip), each
# learner's server runs in a systemd unit of its own with MemoryMax and CPUQuota from these instead.
c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.cpu_limit = CPU_LIMIT
SYSTEMD_SPAWNER = False
try:
    import systemdspawner  # noqa: F401
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.unit_extra_properties = {"MemorySwapMax": "0"}
    SYSTEMD_SPAWNER = True
except ImportError:
    pass
# The cgroup (under each controller) that holds one cgroup per learner.
CGROUP_PARENT = os.environ.get("VAE_HUB_CGROUP", "vae-learners")
CGROUP_ROOT = os.environ.get("VAE_HUB_CGROUP_ROOT", "/sys/fs/cgroup")
JOIN_CGROUP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vae-join-cgroup")
CFS_PERIOD_US = 100000
# A server idle this long is stopped by the hub's culler below; a learner's work is saved, the kernel's state is not.
CULL_AFTER = int(os.environ.get("VAE_HUB_CULL_AFTER_S", "3600"))
# The single-user server's environment: what the notebooks read (MAX_EPOCH, DATASET_LIMIT) if the hub was given them,
# and VAE_ANSWERS=hidden for graded work (Check.reveal then refuses to show an exercise's answer).
c.Spawner.env_keep = ["PATH", "PYTHONPATH", "CONDA_ROOT", "CONDA_DEFAULT_ENV", "VIRTUAL_ENV", "LANG", "LC_ALL",
                      "JUPYTERHUB_SINGLEUSER_APP", "JAVA_HOME", "MAX_EPOCH", "DATASET_LIMIT", "VAE_ANSWERS"]
# An idle kernel is shut down by the learner's own server after this long (its memory comes back).
c.Spawner.args = ["--MappingKernelManager.cull_idle_timeout=%d" % CULL_AFTER,
                  "--MappingKernelManager.cull_interval=300"]


def learner_home(spawner):
    """The learner's home: the spawner's own (SimpleLocalProcessSpawner's test homes) or the Unix user's."""
    home = getattr(spawner, "home_dir", None)
    return home or pwd.getpwnam(spawner.user.name).pw_dir


def copy_notebooks(spawner):
    """On a learner's first server start, copies the notebooks into ~/vae-notebooks; later starts leave them alone."""
    home = learner_home(spawner)
    target = os.path.join(home, FOLDER)
    if os.path.exists(target) or not os.path.isdir(NOTEBOOKS):
        if not os.path.isdir(NOTEBOOKS):
            spawner.log.warning("VAE notebooks: %s is not a folder, nothing copied for %s", NOTEBOOKS, spawner.user.name)
        return
    os.makedirs(home, 0o755, exist_ok=True)
    shutil.copytree(NOTEBOOKS, target, ignore=shutil.ignore_patterns("solutions", "grading.json", ".*"))
    try:
        owner = pwd.getpwnam(spawner.user.name)
    except KeyError:
        return  # not a Unix user (the test's SimpleLocalProcessSpawner): the hub's own user owns the copy
    for root, dirs, files in os.walk(target):
        for name in [root] + [os.path.join(root, f) for f in files]:
            os.chown(name, owner.pw_uid, owner.pw_gid)
    spawner.log.info("VAE notebooks: copied %s to %s", NOTEBOOKS, target)


def cgroup_limits(mem_bytes, cpus):
    """(folder under the cgroup root, {file: value}) per controller, for cgroup v2 where it is mounted alone, else v1."""
    if os.path.exists(os.path.join(CGROUP_ROOT, "cgroup.controllers")):   # the unified hierarchy (v2) only
        files = {}
        if mem_bytes:
            files["memory.max"] = str(mem_bytes)
        if cpus:
            files["cpu.max"] = "%d %d" % (int(cpus * CFS_PERIOD_US), CFS_PERIOD_US)
        return [("", files)] if files else []
    limits = []
    if mem_bytes:
        limits.append(("memory", {"memory.limit_in_bytes": str(mem_bytes)}))
    if cpus:
        limits.append(("cpu", {"cpu.cfs_period_us": str(CFS_PERIOD_US), "cpu.cfs_quota_us": str(int(cpus * CFS_PERIOD_US))}))
    return limits


def limit_resources(spawner):
    """A cgroup per learner with its memory and CPU limits; the server joins it through vae-join-cgroup."""
    if SYSTEMD_SPAWNER:
        return
    joined = []
    try:
        for controller, files in cgroup_limits(spawner.mem_limit, spawner.cpu_limit):
            parent = os.path.join(CGROUP_ROOT, controller, CGROUP_PARENT)
            if controller == "" and not os.path.isdir(parent):   # v2: the parent passes its controllers down
                os.makedirs(parent)
                with open(os.path.join(parent, "cgroup.subtree_control"), "w") as f:
                    f.write(" ".join("+" + k.split(".")[0] for k in files))
            folder = os.path.join(parent, spawner.user.name)
            os.makedirs(folder, exist_ok=True)
            for name, value in files.items():
                with open(os.path.join(folder, name), "w") as f:
                    f.write(value)
            procs = os.path.join(folder, "cgroup.procs")
            try:
                owner = pwd.getpwnam(spawner.user.name)
                os.chown(procs, owner.pw_uid, owner.pw_gid)   # the server runs as the learner and joins by itself
            except KeyError:
                pass   # not a Unix user (the test's SimpleLocalProcessSpawner): the server runs as the hub's user
            joined.append(procs)
    except OSError as e:
        spawner.log.warning("VAE notebooks: no cgroup limits for %s (%s); the kernel's own limits hold", spawner.user.name, e)
        return
    if joined:
        spawner.environment = dict(spawner.environment, VAE_CGROUP_PROCS=" ".join(joined))
        spawner.cmd = [JOIN_CGROUP] + list(spawner.cmd)
        spawner.log.info("VAE notebooks: %s limited to %s bytes, %s CPUs (%s)", spawner.user.name, spawner.mem_limit,
                         spawner.cpu_limit, " ".join(joined))


def remove_cgroups(spawner):
    """After a learner's server stopped: its cgroups go (rmdir works once they hold no process)."""
    for controller, _ in cgroup_limits(spawner.mem_limit, spawner.cpu_limit):
        try:
            os.rmdir(os.path.join(CGROUP_ROOT, controller, CGROUP_PARENT, spawner.user.name))
        except OSError:
            pass


def prepare_server(spawner):
    copy_notebooks(spawner)
    limit_resources(spawner)


c.Spawner.pre_spawn_hook = prepare_server
c.Spawner.post_stop_hook = remove_cgroups

# The hub's own idle culler (jupyterhub-idle-culler, where installed) stops whole servers; without it the kernels'
# culling above still gives the memory back.
if shutil.which("jupyterhub-idle-culler"):
    c.JupyterHub.load_roles = [{"name": "idle-culler", "services": ["idle-culler"],
                                "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]}]
    c.JupyterHub.services = [{"name": "idle-culler",
                              "command": ["jupyterhub-idle-culler", "--timeout=%d" % CULL_AFTER]}]

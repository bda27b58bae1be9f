#!/usr/bin/env python3
"""Compare envreg with python -m venv, virtualenv, uv and virtualenvwrapper.

One run: build envreg (release), prepare the other tools in a scratch venv,
time environment creation (with and without pip), `envreg ls` at 10 and 1000
environments, shell start-up with each hook, `workon` switching, and `envreg du`
against `du -s` over 200 environments with pip; then
print a table, the ratios against envreg, and PASS/MISS for each goal.

Run from anywhere: `python3 bench/bench.py [--quick] [--keep] [--python PATH]`.
The "Benchmark" section of README.md says what is measured and how.

The goals are informational: the script exits 0 whether they PASS or MISS,
and 1 only when something it had to run failed.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

REPO = Path(__file__).resolve().parent.parent
DEFAULT_WORK = REPO / "bench" / ".work"
# PyPI name -> the module that says it is installed.
ANCHOR_PACKAGES = {"virtualenv": "virtualenv", "uv": "uv", "virtualenvwrapper": "virtualenvwrapper",
                   "virtualenv-clone": "clonevirtualenv"}

# Variables that would make a child see an environment or config other than ours.
SCRUBBED_ENV = (
    "VIRTUAL_ENV",
    "VIRTUAL_ENV_PROMPT",
    "PYTHONHOME",
    "PYTHONPATH",
    "CONDA_PREFIX",
    "WORKON_HOME",
    "PROJECT_HOME",
    "PIP_REQUIRE_VIRTUALENV",
    "ENVREG_HOME",
    "ENVREG_PYTHON",
)


SECTIONS = ("creation", "listing", "shell", "lifecycle", "disk", "packages", "auto")


class BenchError(Exception):
    """Something the benchmark had to run failed; the message says what."""


# ---------------------------------------------------------------- timing


@dataclass
class Sample:
    """Timings (ms) of one measured command, warm-up excluded."""

    label: str
    ms: List[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.ms)

    @property
    def min(self) -> float:
        return min(self.ms)


def run_checked(cmd: Sequence[str], env: Dict[str, str], what: str, **kw) -> str:
    """Run cmd outside any timing; return its stdout or raise BenchError."""
    try:
        p = subprocess.run(
            list(cmd), env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, **kw
        )
    except OSError as e:
        raise BenchError(f"{what}: cannot run `{shlex.join(cmd)}`: {e}") from e
    if p.returncode != 0:
        raise BenchError(
            f"{what}: `{shlex.join(cmd)}` exited {p.returncode}:\n{tail(p.stderr or p.stdout)}"
        )
    return p.stdout


def tail(text: str, lines: int = 12) -> str:
    return "\n".join("    " + line for line in text.strip().splitlines()[-lines:])


def time_command(
    label: str,
    runs: int,
    make_cmd: Callable[[int], Sequence[str]],
    env_for: Callable[[int], Dict[str, str]],
    before: Optional[Callable[[int], None]] = None,
    after: Optional[Callable[[int], None]] = None,
) -> Sample:
    """Time runs+1 executions of make_cmd(i); i == 0 is the discarded warm-up.

    `before`/`after` (preparing and removing targets) run outside the timed
    region. The timed region is fork+exec+wait of the command itself.
    """
    sample = Sample(label)
    for i in range(runs + 1):
        elapsed = time_once(label, i, make_cmd, env_for, before, after)
        if i > 0:
            sample.ms.append(elapsed)
    return sample


def time_once(
    label: str,
    i: int,
    make_cmd: Callable[[int], Sequence[str]],
    env_for: Callable[[int], Dict[str, str]],
    before: Optional[Callable[[int], None]] = None,
    after: Optional[Callable[[int], None]] = None,
) -> float:
    """One execution of make_cmd(i), in ms (see time_command)."""
    if before:
        before(i)
    cmd = list(make_cmd(i))
    env = env_for(i)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = (time.perf_counter() - t0) * 1000.0
    if p.returncode != 0:
        raise BenchError(
            f"{label}: `{shlex.join(cmd)}` exited {p.returncode}:\n"
            f"{tail(p.stderr.decode(errors='replace'))}"
        )
    if after:
        after(i)
    return elapsed


# ---------------------------------------------------------------- setup


def find_default_python() -> Path:
    """The newest ~/.pyenv/versions/3.12*/bin/python3.12 (a real executable, not a shim)."""
    root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    found = glob.glob(str(root / "versions" / "3.12*" / "bin" / "python3.12"))

    def key(p: str):
        ver = Path(p).parent.parent.name
        return [int(x) if x.isdigit() else 0 for x in re.split(r"[.]", ver)]

    found = sorted((p for p in found if os.access(p, os.X_OK)), key=key)
    if not found:
        raise BenchError(
            f"no Python 3.12 under {root}/versions (looked for 3.12*/bin/python3.12); "
            "install one with pyenv or pass --python PATH"
        )
    return Path(found[-1])


def resolve_python(arg: Optional[str]) -> Path:
    py = Path(arg) if arg else find_default_python()
    if not py.is_file() or not os.access(py, os.X_OK):
        raise BenchError(f"interpreter {py} is not an executable file; pass --python PATH")
    head = py.read_bytes()[:2]
    if head == b"#!":
        raise BenchError(
            f"{py} is a script (a pyenv shim?), not an interpreter; pass the real "
            "executable, e.g. ~/.pyenv/versions/3.12.1/bin/python3.12"
        )
    return py.absolute()


def build_envreg() -> Path:
    given = os.environ.get("ENVREG_BIN")
    if given:
        p = Path(given).absolute()
        if not (p.is_file() and os.access(p, os.X_OK)):
            raise BenchError(f"ENVREG_BIN={given} is not an executable file")
        print(f"using ENVREG_BIN={p} (no build)")
        return p
    print("building envreg: cargo build --release ...", flush=True)
    p = subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO)
    if p.returncode != 0:
        raise BenchError(f"cargo build --release failed in {REPO} (exit {p.returncode})")
    exe = REPO / "target" / "release" / "envreg"
    if not exe.is_file():
        raise BenchError(f"cargo build succeeded but {exe} does not exist")
    return exe


@dataclass
class Ctx:
    """Paths and settings shared by every measurement."""

    args: argparse.Namespace
    py: Path
    envreg: Path
    work: Path
    run: Path  # per-run scratch (targets, homes); tools/ and caches sit beside it
    tools: Path
    base_env: Dict[str, str]
    errors: List[str] = field(default_factory=list)
    results: Dict[str, Sample] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)
    tools_ok: bool = False

    def tool(self, name: str) -> Path:
        return self.tools / "bin" / name

    def env(self, **extra: str) -> Dict[str, str]:
        e = dict(self.base_env)
        e.update(extra)
        return e


def make_base_env(work: Path, run: Path) -> Dict[str, str]:
    """A hermetic environment: HOME, XDG dirs and every tool's cache under the work dir."""
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV
           and not k.startswith(("VIRTUALENVWRAPPER_", "UV_", "VIRTUALENV_"))}
    home = run / "home"
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        LC_ALL="C",
        TMPDIR=str(run / "tmp"),
        # uv: its normal cache, but in the work dir; never download a Python.
        UV_CACHE_DIR=str(work / "cache" / "uv"),
        UV_PYTHON_PREFERENCE="only-system",
        UV_PYTHON_DOWNLOADS="never",
        UV_NO_PROGRESS="1",
        # virtualenv: its normal app-data seeding, in the work dir; no background downloads.
        VIRTUALENV_OVERRIDE_APP_DATA=str(work / "cache" / "virtualenv"),
        VIRTUALENV_NO_PERIODIC_UPDATE="1",
    )
    return env


def prepare_tools(ctx: Ctx) -> None:
    """A scratch venv holding virtualenv, uv, virtualenvwrapper and virtualenv-clone (from PyPI if missing)."""
    py = ctx.tool("python")
    if not py.exists():
        print(f"creating the tools venv {ctx.tools} ...", flush=True)
        run_checked([str(ctx.py), "-m", "venv", str(ctx.tools)], ctx.base_env, "tools venv")
    check = ("import importlib.util, sys\n"
             "print(' '.join(p.split('=')[0] for p in sys.argv[1:]\n"
             "               if not importlib.util.find_spec(p.split('=')[1])))")
    missing = run_checked([str(py), "-c", check, *(f"{k}={m}" for k, m in ANCHOR_PACKAGES.items())],
                          ctx.base_env, "tools check").split()
    if missing:
        print(f"installing {' '.join(missing)} into the tools venv (PyPI) ...", flush=True)
        # Outside the hermetic HOME so the user's pip config (index, certificates) applies;
        # the download cache still goes to the work dir.
        env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
        env["PIP_CACHE_DIR"] = str(ctx.work / "cache" / "pip")
        env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        run_checked([str(py), "-m", "pip", "install", "--quiet", *missing], env, "pip install anchors")
    ctx.tools_ok = True


def print_versions(ctx: Ctx) -> None:
    def version(cmd: Sequence[str]) -> str:
        try:
            p = subprocess.run(list(cmd), env=ctx.base_env, capture_output=True, text=True,
                               stdin=subprocess.DEVNULL)
        except OSError:
            return "not available"
        out = (p.stdout or p.stderr).strip().splitlines()
        return out[0] if p.returncode == 0 and out else "not available"

    rows = [
        ("envreg", version([str(ctx.envreg), "--version"])),
        ("python", f"{version([str(ctx.py), '--version'])}  ({ctx.py})"),
        ("pip bundled by ensurepip",
         version([str(ctx.py), "-c", "import ensurepip; print(ensurepip.version())"])),
    ]
    if ctx.tools_ok:
        pyv = [str(ctx.tool("python")), "-c",
               "import importlib.metadata as m, sys; print(m.version(sys.argv[1]))"]
        rows += [
            ("virtualenv", version([str(ctx.tool("virtualenv")), "--version"]).split(" from ")[0]),
            ("uv", version([str(ctx.tool("uv")), "--version"])),
            ("virtualenvwrapper", version(pyv + ["virtualenvwrapper"])),
            ("virtualenv-clone", version(pyv + ["virtualenv-clone"])),
        ]
    rows += [
        ("bash", version(["bash", "--version"])),
        ("strace", version(["strace", "-V"]) if shutil.which("strace") else "not available"),
    ]
    print(f"\nmachine: {os.cpu_count()} cpus, load average {os.getloadavg()[0]:.2f} at start")
    print("versions")
    for name, ver in rows:
        print(f"  {name:<26} {ver}")
    print()


# ---------------------------------------------------------------- creation


def check_env_dir(path: Path, pip: bool, who: str) -> None:
    """Make sure a tool really produced an environment (and pip when asked)."""
    if not (path / "bin" / "python").exists() or not (path / "pyvenv.cfg").is_file():
        raise BenchError(f"{who}: {path} has no bin/python or pyvenv.cfg after creation")
    if pip and not (path / "bin" / "pip").exists():
        raise BenchError(f"{who}: {path} has no bin/pip although pip was asked for")
    if not pip and (path / "bin" / "pip").exists():
        raise BenchError(f"{who}: {path} has bin/pip although it was created without pip")
    # The environment must work, not merely look right: its python starts with
    # the env as sys.prefix, and its pip imports.
    probe = "import sys; print(sys.prefix)"
    py = str(path / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    prefix = run_checked([py, "-c", probe], env, f"{who}: checking {path}").strip()
    if Path(prefix).resolve() != path.resolve():
        raise BenchError(f"{who}: {py} reports sys.prefix {prefix}, not {path}")
    if pip:
        run_checked([py, "-m", "pip", "--version"], env, f"{who}: checking pip in {path}")


def bench_envreg_create(ctx: Ctx, pip: bool, python: Optional[Path] = None,
                        label: Optional[str] = None) -> Sample:
    label = label or "envreg mkenv" + ("" if pip else " --no-pip")
    home = ctx.run / "envreg-create"
    env = ctx.env(ENVREG_HOME=str(home))
    kind = ("pip" if pip else "nopip") + ("" if python is None else "-other")

    def cmd(i: int) -> List[str]:
        c = [str(ctx.envreg), "mkenv", f"{kind}{i}", "-p", str(python or ctx.py)]
        return c if pip else c + ["--no-pip"]

    def after(i: int) -> None:
        name = f"{kind}{i}"
        if i <= 1:
            check_env_dir(home / "envs" / name, pip, label)
        run_checked([str(ctx.envreg), "rm", "-y", name], env, f"{label}: removing {name}")

    return time_command(label, ctx.args.runs, cmd, lambda i: env, after=after)


def bench_dir_tool(ctx: Ctx, label: str, argv: Callable[[Path], List[str]], pip: bool,
                   env_for: Optional[Callable[[int], Dict[str, str]]] = None) -> Sample:
    """Time a tool that creates an environment at a directory it is given."""
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    targets = ctx.run / "targets"
    targets.mkdir(parents=True, exist_ok=True)

    def target(i: int) -> Path:
        return targets / f"{slug}-{i}"

    def before(i: int) -> None:
        shutil.rmtree(target(i), ignore_errors=True)

    def after(i: int) -> None:
        if i <= 1:
            check_env_dir(target(i), pip, label)
        shutil.rmtree(target(i))

    return time_command(label, ctx.args.runs, lambda i: argv(target(i)),
                        env_for or (lambda i: ctx.base_env), before, after)


def bench_creation(ctx: Ctx) -> None:
    py = str(ctx.py)
    uv, venv_ = str(ctx.tool("uv")), str(ctx.tool("virtualenv"))

    def uv_seed_env(i: int) -> Dict[str, str]:
        # The warm-up fills uv's cache from PyPI; timed runs then use that
        # cache offline, the best case for uv (envreg is offline by design).
        return ctx.base_env if i == 0 else ctx.env(UV_OFFLINE="1")

    groups = [
        ("nopip", [
            ("envreg mkenv --no-pip", lambda: bench_envreg_create(ctx, pip=False)),
            ("python -m venv --without-pip", lambda: bench_dir_tool(
                ctx, "python -m venv --without-pip",
                lambda d: [py, "-m", "venv", "--without-pip", str(d)], pip=False)),
            ("virtualenv --no-seed", lambda: bench_dir_tool(
                ctx, "virtualenv --no-seed",
                lambda d: [venv_, "--no-seed", "-p", py, str(d)], pip=False)),
            ("uv venv", lambda: bench_dir_tool(
                ctx, "uv venv", lambda d: [uv, "venv", "-q", "-p", py, str(d)], pip=False)),
        ]),
        ("pip", [
            ("envreg mkenv", lambda: bench_envreg_create(ctx, pip=True)),
            ("python -m venv", lambda: bench_dir_tool(
                ctx, "python -m venv", lambda d: [py, "-m", "venv", str(d)], pip=True)),
            ("virtualenv", lambda: bench_dir_tool(
                ctx, "virtualenv", lambda d: [venv_, "-p", py, str(d)], pip=True)),
            ("uv venv --seed", lambda: bench_dir_tool(
                ctx, "uv venv --seed", lambda d: [uv, "venv", "-q", "--seed", "-p", py, str(d)],
                pip=True, env_for=uv_seed_env)),
        ]),
    ]
    for group, items in groups:
        for label, fn in items:
            if not ctx.tools_ok and label.startswith(("virtualenv", "uv")):
                continue
            measure(ctx, f"{group}:{label}", label, fn)


OLD_VIRTUALENV = "virtualenv<20.22"  # the last releases that create Python 2 environments


def find_python27() -> Optional[Path]:
    root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    found = sorted(root.glob("2.7.*/bin/python2.7"))
    return found[-1] if found else None


def bench_python27(ctx: Ctx) -> None:
    """envreg mkenv -p 2.7 (with pip) against the last virtualenv that made Python 2 envs."""
    py27 = find_python27()
    if py27 is None:
        ctx.notes.append("no pyenv 2.7 found: the Python 2.7 comparison was skipped")
        return
    old = ctx.work / "tools-old-virtualenv"
    venv_bin = old / "bin" / "virtualenv"
    if not venv_bin.exists():
        # virtualenv 20.21 predates Python 3.12; run it on the newest pyenv 3.11 if there is one.
        root = py27.parent.parent.parent
        hosts = sorted(root.glob("3.11.*/bin/python3.11"))
        host = hosts[-1] if hosts else ctx.py
        print(f"installing {OLD_VIRTUALENV} into {old} (PyPI) ...", flush=True)
        try:
            run_checked([str(host), "-m", "venv", str(old)], ctx.base_env, "old virtualenv venv")
            env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
            env["PIP_CACHE_DIR"] = str(ctx.work / "cache" / "pip")
            env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
            run_checked([str(old / "bin" / "python"), "-m", "pip", "install", "--quiet", OLD_VIRTUALENV],
                        env, f"pip install {OLD_VIRTUALENV}")
        except BenchError as e:
            ctx.errors.append(f"{e}\n  (the Python 2.7 comparison is left out)")
            return
    version = run_checked([str(venv_bin), "--version"], ctx.base_env, "old virtualenv version")
    print(f"python 2.7: {py27}; {version.split(' from ')[0].strip()}")
    old_env = ctx.env(VIRTUALENV_OVERRIDE_APP_DATA=str(ctx.work / "cache" / "virtualenv-old"))
    measure(ctx, "py27:envreg mkenv -p 2.7", "envreg mkenv -p 2.7",
            lambda: bench_envreg_create(ctx, pip=True, python=py27, label="envreg mkenv -p 2.7"))
    label = f"{OLD_VIRTUALENV} -p 2.7"
    measure(ctx, f"py27:{label}", label, lambda: bench_dir_tool(
        ctx, label, lambda d: [str(venv_bin), "-p", str(py27), str(d)], pip=True,
        env_for=lambda i: old_env))


def measure(ctx: Ctx, key: str, label: str, fn: Callable[[], Sample]) -> None:
    print(f"  timing {label} ...", end="", flush=True)
    try:
        s = fn()
    except BenchError as e:
        print(" FAILED")
        ctx.errors.append(str(e))
        return
    ctx.results[key] = s
    print(f" median {s.median:.1f} ms")


# ---------------------------------------------------------------- ls


def fill_registry(ctx: Ctx, home: Path, count: int) -> None:
    """Register `count` real environments with `envreg mkenv --no-pip`."""
    env = ctx.env(ENVREG_HOME=str(home))
    t0 = time.perf_counter()
    for i in range(count):
        run_checked([str(ctx.envreg), "mkenv", f"e{i:04d}", "--no-pip", "-p", str(ctx.py)],
                    env, f"filling the registry at {home}")
        if count >= 100 and (i + 1) % 100 == 0 and sys.stdout.isatty():
            print(f"\r  creating {count} envs: {i + 1}", end="", flush=True)
    names = run_checked([str(ctx.envreg), "ls", "--names"], env, "envreg ls --names").split()
    if len(names) != count:
        raise BenchError(f"{home}: made {count} envs but `envreg ls --names` lists {len(names)}")
    if count >= 100:
        print(f"\r  created {count} envs in {time.perf_counter() - t0:.1f} s")


def bench_ls(ctx: Ctx) -> None:
    for count in (10, ctx.args.ls_envs):
        home = ctx.run / f"envreg-ls-{count}"
        label = f"envreg ls ({count} envs)"
        try:
            fill_registry(ctx, home, count)
        except BenchError as e:
            ctx.errors.append(str(e))
            return
        env = ctx.env(ENVREG_HOME=str(home))
        measure(ctx, f"ls:{count}", label, lambda: time_command(
            label, ctx.args.ls_runs, lambda i: [str(ctx.envreg), "ls"], lambda i: env))
        # Informational: names only (no table, no per-env checks) at the same size.
        label_n = f"envreg ls --names ({count} envs)"
        measure(ctx, f"lsnames:{count}", label_n, lambda: time_command(
            label_n, ctx.args.ls_runs, lambda i: [str(ctx.envreg), "ls", "--names"],
            lambda i: env))
    # `envreg doctor` (every check that needs no Python) side by side with `ls`.
    count = ctx.args.doctor_envs
    home = ctx.run / f"envreg-doctor-{count}"
    try:
        fill_registry(ctx, home, count)
    except BenchError as e:
        ctx.errors.append(str(e))
        return
    env = ctx.env(ENVREG_HOME=str(home))
    for key, args in (("ls", ["ls"]), ("doctor", ["doctor"])):
        label = f"envreg {' '.join(args)} ({count} envs)"
        measure(ctx, f"{key}:doctor{count}", label, lambda: time_command(
            label, ctx.args.ls_runs, lambda i: [str(ctx.envreg), *args], lambda i: env))


# ---------------------------------------------------------------- disk


def bench_disk(ctx: Ctx) -> None:
    """`envreg du` over --du-envs envs with pip, side by side with `du -s` of envs/."""
    count = ctx.args.du_envs
    home = ctx.run / f"envreg-du-{count}"
    env = ctx.env(ENVREG_HOME=str(home))
    t0 = time.perf_counter()
    try:
        for i in range(count):
            run_checked([str(ctx.envreg), "mkenv", f"d{i:04d}", "-p", str(ctx.py)],
                        env, f"filling the registry at {home}")
        out = run_checked([str(ctx.envreg), "du", "--json"], env, "envreg du --json")
    except BenchError as e:
        ctx.errors.append(str(e))
        return
    report = json.loads(out)
    if len(report["envs"]) != count:
        ctx.errors.append(f"envreg du lists {len(report['envs'])} envs, made {count}")
        return
    print(f"  created {count} envs with pip in {time.perf_counter() - t0:.1f} s "
          f"({report['envs_total'] / 2**20:.1f} MiB together, cache "
          f"{report['cache']['bytes'] / 2**20:.1f} MiB)")
    label = f"envreg du ({count} envs with pip)"
    measure(ctx, "du:envreg", label, lambda: time_command(
        label, ctx.args.ls_runs, lambda i: [str(ctx.envreg), "du"], lambda i: env))
    label_j = f"envreg du --json ({count} envs)"
    measure(ctx, "du:json", label_j, lambda: time_command(
        label_j, ctx.args.ls_runs, lambda i: [str(ctx.envreg), "du", "--json"], lambda i: env))
    label_d = f"du -s envs/ ({count} envs)"
    measure(ctx, "du:du", label_d, lambda: time_command(
        label_d, ctx.args.ls_runs, lambda i: ["du", "-s", str(home / "envs")], lambda i: env))
    label_g = f"envreg gc --dry-run ({count} envs)"
    measure(ctx, "du:gc", label_g, lambda: time_command(
        label_g, ctx.args.ls_runs, lambda i: [str(ctx.envreg), "gc", "--dry-run"],
        lambda i: env))


# ---------------------------------------------------------------- shell


def shell_setup(ctx: Ctx) -> Optional[Dict[str, object]]:
    """Write the rc files; return None (and say why) when a part cannot run."""
    sh = ctx.run / "shell"
    (sh / "bin").mkdir(parents=True, exist_ok=True)
    link = sh / "bin" / "envreg"
    if not link.exists():
        link.symlink_to(ctx.envreg)
    workon_home = sh / "workon-home"
    workon_home.mkdir(exist_ok=True)
    env = ctx.env(
        PATH=f"{sh / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        ENVREG_HOME=str(sh / "envreg-home"),
        WORKON_HOME=str(workon_home),
        VIRTUALENVWRAPPER_PYTHON=str(ctx.tool("python")),
        VIRTUALENVWRAPPER_VIRTUALENV=str(ctx.tool("virtualenv")),
        VIRTUALENVWRAPPER_SCRIPT=str(ctx.tool("virtualenvwrapper.sh")),
        VIRTUALENVWRAPPER_VIRTUALENV_CLONE=str(ctx.tool("virtualenv-clone")),
    )
    init = subprocess.run(["envreg", "init", "bash"], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    envreg_hook = init.returncode == 0 and init.stdout.strip() != ""
    rcs = {"empty": ""}
    if envreg_hook:
        rcs["envreg"] = 'eval "$(envreg init bash)"\n'
    else:
        msg = (init.stderr or "printed nothing").strip().splitlines()
        print(f"  skipped: envreg init not available ({msg[-1] if msg else ''})")
        ctx.notes.append("envreg shell hook: skipped: envreg init not available")
    if ctx.tools_ok:
        rcs["virtualenvwrapper.sh"] = f"source {shlex.quote(str(ctx.tool('virtualenvwrapper.sh')))}\n"
        rcs["virtualenvwrapper_lazy.sh"] = (
            f"source {shlex.quote(str(ctx.tool('virtualenvwrapper_lazy.sh')))}\n")
    paths = {}
    for name, text in rcs.items():
        p = sh / f"{re.sub(r'[^a-z0-9]+', '-', name)}.bashrc"
        p.write_text(text)
        paths[name] = p
    return {"env": env, "rcs": paths, "dir": sh, "envreg_hook": envreg_hook}


def bash_cmd(rc: Path, script: str) -> List[str]:
    return ["bash", "--noprofile", "--rcfile", str(rc), "-i", "-c", script]


def bench_startup(ctx: Ctx, s: Dict) -> None:
    env, rcs = s["env"], s["rcs"]
    for name, rc in rcs.items():
        label = f"bash start-up, rc: {name}"
        measure(ctx, f"startup:{name}", label, lambda: time_command(
            label, ctx.args.startup_runs, lambda i: bash_cmd(rc, "exit"), lambda i: env))


SWITCH_SCRIPT = r"""
{make}
workon a || exit 3
workon b || exit 3
start=$EPOCHREALTIME
# virtualenvwrapper assigns a global $i, so the loop counter has its own name.
for ((_bench_k = 0; _bench_k < {n}; _bench_k++)); do workon a; workon b; done
end=$EPOCHREALTIME
case "$VIRTUAL_ENV" in */b) ;; *) echo "workon did not switch: VIRTUAL_ENV=$VIRTUAL_ENV" >&2; exit 4 ;; esac
echo "$start $end"
"""


def bench_switch(ctx: Ctx, s: Dict) -> None:
    env, rcs = s["env"], s["rcs"]
    n = ctx.args.switches
    py = shlex.quote(str(ctx.py))
    variants = []
    if "envreg" in rcs:
        make = (f"envreg mkenv a --no-pip -p {py} >/dev/null 2>&1; "
                f"envreg mkenv b --no-pip -p {py} >/dev/null 2>&1")
        variants.append(("envreg", rcs["envreg"], make))
    if "virtualenvwrapper.sh" in rcs:
        make = (f"mkvirtualenv -p {py} a >/dev/null 2>&1; mkvirtualenv -p {py} b >/dev/null 2>&1; "
                "deactivate")
        variants.append(("virtualenvwrapper", rcs["virtualenvwrapper.sh"], make))
    for name, rc, make in variants:
        label = f"workon switch ({name})"
        print(f"  timing {label} ...", end="", flush=True)
        try:
            out = run_checked(bash_cmd(rc, SWITCH_SCRIPT.format(make=make, n=n)), env, label,
                              timeout=max(600, 5 * n))
            start, end = (float(x) for x in out.strip().splitlines()[-1].split())
        except subprocess.TimeoutExpired:
            print(" FAILED")
            ctx.errors.append(f"{label}: timed out")
            continue
        except (BenchError, ValueError) as e:
            print(" FAILED")
            ctx.errors.append(str(e) if isinstance(e, BenchError) else f"{label}: {e}")
            continue
        per = (end - start) * 1000.0 / (2 * n)
        ctx.results[f"switch:{name}"] = Sample(f"{name}'s workon", [per])
        print(f" {per:.2f} ms per switch")


FLOOR_SCRIPT = r"""
envreg mkenv a --no-pip -p {py} >/dev/null 2>&1 || exit 3
envreg mkenv b --no-pip -p {py} >/dev/null 2>&1 || exit 3
# The floor: one envreg call and sourcing the activate script, nothing else.
floor() {{ . "$(\command envreg path "$1")/bin/activate"; }}
# The same, with the call workon makes (it also records the use).
floor_w() {{ _o=$(\command envreg path --workon -- "$1"); . "${{_o%%$'\n'*}}/bin/activate"; }}
workon a && workon b && deactivate || exit 3
floor a && floor b && deactivate || exit 3
# Rounds alternate between the two loops, so both see the same machine.
for ((_bench_r = 0; _bench_r < {rounds}; _bench_r++)); do
    t0=$EPOCHREALTIME
    for ((_bench_k = 0; _bench_k < {n}; _bench_k++)); do workon a; workon b; done
    t1=$EPOCHREALTIME
    case "$VIRTUAL_ENV" in */b) ;; *) echo "workon did not switch" >&2; exit 4 ;; esac
    deactivate
    t2=$EPOCHREALTIME
    for ((_bench_k = 0; _bench_k < {n}; _bench_k++)); do floor a; floor b; done
    t3=$EPOCHREALTIME
    case "$VIRTUAL_ENV" in */b) ;; *) echo "the floor did not switch" >&2; exit 4 ;; esac
    deactivate
    t7=$EPOCHREALTIME
    for ((_bench_k = 0; _bench_k < {n}; _bench_k++)); do floor_w a; floor_w b; done
    t8=$EPOCHREALTIME
    deactivate
    # The envreg calls alone: what the binary costs, apart from the shell.
    t4=$EPOCHREALTIME
    for ((_bench_k = 0; _bench_k < {n}; _bench_k++)); do
        _o=$(\command envreg path --workon -- a); _o=$(\command envreg path --workon -- b)
    done
    t5=$EPOCHREALTIME
    for ((_bench_k = 0; _bench_k < {n}; _bench_k++)); do
        _o=$(\command envreg path a); _o=$(\command envreg path b)
    done
    t6=$EPOCHREALTIME
    echo "$t0 $t1 $t2 $t3 $t4 $t5 $t6 $t7 $t8"
done
"""


def bench_workon_floor(ctx: Ctx, s: Dict) -> None:
    """envreg's workon against its floor, side by side in one bash process.

    The floor is what no hook can beat: `. "$(envreg path NAME)/bin/activate"`,
    one envreg process plus sourcing the script. Its own registry (ENVREG_HOME
    under the run dir), so the other measurements do not share its index.
    """
    if "envreg" not in s["rcs"]:
        return
    rounds = 5
    n = max(1, ctx.args.switches // rounds)
    home = s["dir"] / "floor-home"
    shutil.rmtree(home, ignore_errors=True)
    env = dict(s["env"], ENVREG_HOME=str(home))
    label = "workon vs floor"
    print(f"  timing {label} ({rounds} rounds of {n} x `workon a; workon b`) ...", end="", flush=True)
    script = FLOOR_SCRIPT.format(py=shlex.quote(str(ctx.py)), rounds=rounds, n=n)
    try:
        out = run_checked(bash_cmd(s["rcs"]["envreg"], script), env, label,
                          timeout=max(600, 10 * n * rounds))
        rows = [[float(x) for x in line.split()] for line in out.strip().splitlines()[-rounds:]]
    except subprocess.TimeoutExpired:
        print(" FAILED")
        ctx.errors.append(f"{label}: timed out")
        return
    except (BenchError, ValueError) as e:
        print(" FAILED")
        ctx.errors.append(str(e) if isinstance(e, BenchError) else f"{label}: {e}")
        return
    per = lambda a, b: (b - a) * 1000.0 / (2 * n)  # noqa: E731
    ctx.results["floor:workon"] = Sample("envreg workon (hook)", [per(r[0], r[1]) for r in rows])
    ctx.results["floor:floor"] = Sample('floor: . "$(envreg path NAME)/bin/activate"',
                                        [per(r[2], r[3]) for r in rows])
    ctx.results["floor:call-workon"] = Sample("  its call: envreg path --workon",
                                              [per(r[4], r[5]) for r in rows])
    ctx.results["floor:call-path"] = Sample("  its call: envreg path", [per(r[5], r[6]) for r in rows])
    ctx.results["floor:floor-w"] = Sample("floor with workon's call (path --workon)",
                                         [per(r[7], r[8]) for r in rows])
    w, f = ctx.results["floor:workon"], ctx.results["floor:floor"]
    print(f" {w.median:.2f} vs {f.median:.2f} ms per switch ({w.median / f.median:.2f}x)")


def count_hook_processes(ctx: Ctx, s: Dict) -> None:
    """Processes started while bash sources each rc (strace -f), and envreg runs among them."""
    env, rcs = s["env"], s["rcs"]
    if "envreg" not in rcs:
        return
    strace = shutil.which("strace")
    counts: Dict[str, tuple] = {}
    if strace:
        for name, rc in rcs.items():
            out = s["dir"] / f"strace-{re.sub(r'[^a-z0-9]+', '-', name)}.txt"
            p = subprocess.run([strace, "-f", "-e", "trace=execve", "-o", str(out),
                                *bash_cmd(rc, "exit")], env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if p.returncode != 0 or not out.exists():
                strace = None
                ctx.notes.append(f"strace did not work here ({p.stderr.decode()[-200:].strip()}); "
                                 "counted envreg runs with a PATH wrapper instead")
                break
            pids, envreg_pids = set(), set()
            for line in out.read_text(errors="replace").splitlines():
                m = re.match(r"(\d+)\s+(.*)", line)
                if not m:
                    continue
                pids.add(m.group(1))
                if re.match(r'execve\("[^"]*/envreg"', m.group(2)):
                    envreg_pids.add(m.group(1))
            counts[name] = (len(pids) - 1, len(envreg_pids))
    if not strace:
        wrap = s["dir"] / "count-bin"
        wrap.mkdir(exist_ok=True)
        log = s["dir"] / "envreg-calls.log"
        (wrap / "envreg").write_text(
            f'#!/bin/sh\necho x >> {shlex.quote(str(log))}\nexec {shlex.quote(str(ctx.envreg))} "$@"\n')
        (wrap / "envreg").chmod(0o755)
        wenv = dict(env, PATH=f"{wrap}{os.pathsep}{env['PATH']}")
        log.write_text("")
        subprocess.run(bash_cmd(rcs["envreg"], "exit"), env=wenv, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        counts["envreg"] = (None, len(log.read_text().split()))
    ctx.results["procs"] = counts  # type: ignore[assignment]


def bench_shell(ctx: Ctx) -> None:
    s = shell_setup(ctx)
    if s is None:
        return
    bench_startup(ctx, s)
    if not s["envreg_hook"]:
        print("  workon switch (envreg): skipped: envreg init not available")
    bench_switch(ctx, s)
    bench_workon_floor(ctx, s)
    count_hook_processes(ctx, s)


# ---------------------------------------------------------------- lifecycle


def flush(i: int = 0) -> None:
    """sync(2) before a timed run that writes: the disk's writeback of earlier
    runs (copies made and removed) must not land in this run's fsyncs."""
    os.sync()


def bench_lifecycle(ctx: Ctx) -> None:
    """envreg run against the env's own python; envreg cp against cp -a; envreg mv."""
    home = ctx.run / "envreg-life"
    env = ctx.env(ENVREG_HOME=str(home))
    try:
        run_checked([str(ctx.envreg), "mkenv", "life", "-p", str(ctx.py)], env,
                    "creating the env for run/cp/mv")
    except BenchError as e:
        ctx.errors.append(str(e))
        return
    envs = home / "envs"
    py = envs / "life" / "bin" / "python"
    runs = ctx.args.runs
    measure(ctx, "run:direct", "ENV/bin/python -c pass", lambda: time_command(
        "ENV/bin/python -c pass", runs, lambda i: [str(py), "-c", "pass"], lambda i: env))
    measure(ctx, "run:envreg", "envreg run NAME -- python -c pass", lambda: time_command(
        "envreg run NAME -- python -c pass", runs,
        lambda i: [str(ctx.envreg), "run", "life", "--", "python", "-c", "pass"], lambda i: env))
    plain = ctx.run / "cp-a"

    def cp_after(i: int) -> None:
        if i <= 1:
            check_env_dir(envs / f"copy{i}", True, "envreg cp")
        run_checked([str(ctx.envreg), "rm", "-y", f"copy{i}"], env, "removing a copy")

    measure(ctx, "cp:cp -a", "cp -a ENV DEST", lambda: time_command(
        "cp -a ENV DEST", runs, lambda i: ["cp", "-a", str(envs / "life"), str(plain)],
        lambda i: env, before=flush, after=lambda i: shutil.rmtree(plain)))
    measure(ctx, "cp:envreg", "envreg cp NAME NEW", lambda: time_command(
        "envreg cp NAME NEW", runs, lambda i: [str(ctx.envreg), "cp", "life", f"copy{i}"],
        lambda i: env, before=flush, after=cp_after))
    if ctx.tools_ok:
        bench_clone(ctx, envs / "life")
    # mv back and forth: run i moves m{i-1} (or life) to m{i}.
    measure(ctx, "mv:envreg", "envreg mv NAME NEW", lambda: time_command(
        "envreg mv NAME NEW", runs,
        lambda i: [str(ctx.envreg), "mv", "life" if i == 0 else f"m{i - 1}", f"m{i}"],
        lambda i: env, before=flush))
    last = envs / f"m{runs}"
    try:
        check_env_dir(last, True, "envreg mv")
    except BenchError as e:
        ctx.errors.append(str(e))
    bench_tmpenv(ctx)


def bench_clone(ctx: Ctx, src: Path) -> None:
    """virtualenvwrapper's cpvirtualenv on the env envreg cp copies.

    cpvirtualenv is a thin wrapper over `virtualenv-clone SRC DST` (it then
    activates the copy and runs its hooks): the direct call is timed like
    envreg cp, and is the row the goal uses; cpvirtualenv itself is timed in
    one bash with virtualenvwrapper sourced, per call, for information.
    """
    runs = ctx.args.runs
    targets = ctx.run / "clones"
    targets.mkdir(parents=True, exist_ok=True)

    def after(i: int) -> None:
        if i <= 1:
            check_env_dir(targets / f"c{i}", True, "virtualenv-clone")
        shutil.rmtree(targets / f"c{i}")

    measure(ctx, "cp:clone", "virtualenv-clone ENV DEST", lambda: time_command(
        "virtualenv-clone ENV DEST", runs,
        lambda i: [str(ctx.tool("virtualenv-clone")), str(src), str(targets / f"c{i}")],
        lambda i: ctx.base_env, before=flush, after=after))
    s = shell_setup(ctx)
    if s is None or "virtualenvwrapper.sh" not in s["rcs"]:
        return
    home = s["dir"] / "cp-workon-home"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    env = dict(s["env"], WORKON_HOME=str(home))
    # Its source is an env of its own (mkvirtualenv, with pip): cpvirtualenv
    # activates the copy, and virtualenvwrapper's workon renames every
    # "deactivate" in the activate script's function, so it cannot deactivate
    # a copy of an envreg-made env (it calls _envreg_venv_virtualenv_deactivate).
    label = "cpvirtualenv NAME NEW (in bash)"
    measure(ctx, "cp:cpvirtualenv", label, lambda: bash_rounds(
        label, s["rcs"]["virtualenvwrapper.sh"], env, runs,
        setup=f"mkvirtualenv -p {shlex.quote(str(ctx.py))} src >/dev/null 2>&1 || exit 3; deactivate",
        body='cpvirtualenv src "w$_bench_r" >/dev/null 2>&1 || exit 3',
        # The copy is the active env afterwards; the first timed one must run pip.
        cleanup=('[ "$VIRTUAL_ENV" = "$WORKON_HOME/w$_bench_r" ] || exit 4; '
                 '[ "$_bench_r" -ne 1 ] || "$VIRTUAL_ENV/bin/python" -m pip --version >/dev/null '
                 '|| exit 6; deactivate; rmvirtualenv "w$_bench_r" >/dev/null 2>&1 || exit 5')))


BASH_ROUNDS = r"""
{setup}
for ((_bench_r = 0; _bench_r <= {rounds}; _bench_r++)); do
    _bench_t0=$EPOCHREALTIME
    {body}
    _bench_t1=$EPOCHREALTIME
    {cleanup}
    sync
    echo "BENCH $_bench_t0 $_bench_t1"
done
{final}
"""


def bash_rounds(label: str, rc: Path, env: Dict[str, str], rounds: int, body: str,
                cleanup: str = ":", setup: str = ":", final: str = ":",
                check: Optional[Callable[[], None]] = None) -> Sample:
    """Time `body` rounds+1 times in one interactive bash (round 0 is the warm-up).

    Each round is timed in the shell with $EPOCHREALTIME; `cleanup` and a
    `sync` (see flush) run outside the timed part. Shell functions (the hooks) can only be timed so.
    """
    script = BASH_ROUNDS.format(setup=setup, rounds=rounds, body=body, cleanup=cleanup, final=final)
    try:
        out = run_checked(bash_cmd(rc, script), env, label, timeout=max(600, 10 * rounds))
    except subprocess.TimeoutExpired as e:
        raise BenchError(f"{label}: timed out") from e
    rows = [line.split()[1:] for line in out.splitlines() if line.startswith("BENCH ")]
    if len(rows) != rounds + 1:
        raise BenchError(f"{label}: expected {rounds + 1} rounds, got {len(rows)}:\n{tail(out)}")
    if check:
        check()
    return Sample(label, [(float(b) - float(a)) * 1000.0 for a, b in rows[1:]])


def bench_tmpenv(ctx: Ctx) -> None:
    """`mktmpenv ...; deactivate` round trips in one bash: envreg's hook and virtualenvwrapper's."""
    s = shell_setup(ctx)
    if s is None:
        return
    runs = ctx.args.runs
    py = shlex.quote(str(ctx.py))
    if "envreg" in s["rcs"]:
        home = s["dir"] / "tmp-envreg-home"
        shutil.rmtree(home, ignore_errors=True)
        env = dict(s["env"], ENVREG_HOME=str(home))
        label = "mktmpenv --no-pip; deactivate (envreg)"
        measure(ctx, "tmp:envreg", label, lambda: bash_rounds(
            label, s["rcs"]["envreg"], env, runs,
            body=(f"mktmpenv --no-pip -p {py} >/dev/null 2>&1 || exit 3; "
                  "deactivate >/dev/null 2>&1 || exit 3"),
            cleanup='[ -z "${VIRTUAL_ENV-}" ] || exit 4; cd /',
            final='[ -z "$(envreg ls --names)" ] || { echo "temp envs left" >&2; exit 5; }'))
    if "virtualenvwrapper.sh" in s["rcs"]:
        home = s["dir"] / "tmp-workon-home"
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir()
        env = dict(s["env"], WORKON_HOME=str(home))
        # virtualenvwrapper's mktmpenv passes its options to virtualenv, where
        # --without-pip is --no-seed: no pip, like envreg's --no-pip.
        label = "mktmpenv --without-pip; deactivate (virtualenvwrapper)"
        measure(ctx, "tmp:virtualenvwrapper", label, lambda: bash_rounds(
            label, s["rcs"]["virtualenvwrapper.sh"], env, runs,
            body=(f"mktmpenv --cd --without-pip -p {py} >/dev/null 2>&1 || exit 3; "
                  "deactivate >/dev/null 2>&1"),
            cleanup='[ -z "${VIRTUAL_ENV-}" ] || exit 4; cd /',
            final=('for d in "$WORKON_HOME"/tmp-*; do [ -e "$d" ] || continue; '
                   'echo "temp env left: $d" >&2; exit 5; done')))



# ---------------------------------------------------------------- packages

# What the packages section installs: these and their dependencies (>= 10
# wheels), from a local wheelhouse, offline. pip is in the wheelhouse too, for
# `uv venv --seed` with an empty uv cache.
PACKAGES = ("requests", "rich", "jinja2", "click", "attrs", "packaging")
IMPORTS = "import requests, rich, jinja2, click, attrs, packaging"


def wheelhouse(ctx: Ctx) -> Path:
    """The local folder of wheels, downloaded once from PyPI into a cache
    outside the repo (`--wheelhouse`, default ~/.cache/envreg-bench/) and
    reused by later runs; one folder per interpreter version."""
    tag = run_checked([str(ctx.py), "-c", "import sys; print('cp%d%d' % sys.version_info[:2])"],
                      ctx.base_env, "interpreter tag").strip()
    root = ctx.args.wheelhouse or Path(os.environ.get("XDG_CACHE_HOME")
                                       or Path.home() / ".cache") / "envreg-bench"
    wh = root.absolute() / f"wheelhouse-{tag}"
    stamp = wh / "packages.txt"
    want = " ".join(PACKAGES + ("pip",))
    if stamp.is_file() and stamp.read_text().strip() == want and len(list(wh.glob("*.whl"))) >= 10:
        return wh
    print(f"downloading the wheelhouse {wh} (PyPI, once) ...", flush=True)
    wh.mkdir(parents=True, exist_ok=True)
    # The user's own environment and pip config (index, certificates) apply.
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    run_checked([str(ctx.py), "-m", "pip", "download", "--quiet", "--only-binary=:all:",
                 "-d", str(wh), *PACKAGES, "pip"], env, "pip download (the wheelhouse)")
    wheels = list(wh.glob("*.whl"))
    if len(wheels) < 10:
        raise BenchError(f"the wheelhouse {wh} has {len(wheels)} wheels, fewer than 10")
    stamp.write_text(want + "\n")
    return wh


def bench_packages(ctx: Ctx) -> None:
    """An env with packages: envreg mkenv -r with pip and with uv, against
    python -m venv + pip, virtualenv + pip, uv venv --seed + uv pip install;
    uv's cache warm and empty, each compared with envreg in the same state."""
    try:
        wh = wheelhouse(ctx)
    except BenchError as e:
        ctx.errors.append(str(e))
        return
    print(f"  wheelhouse: {len(list(wh.glob('*.whl')))} wheels in {wh}")
    req = ctx.run / "requirements.txt"
    req.write_text("".join(f"{p}\n" for p in PACKAGES))
    runs = ctx.args.pkg_runs
    py = str(ctx.py)
    uv, venv_ = str(ctx.tool("uv")), str(ctx.tool("virtualenv"))
    # Offline for every tool: pip reads these, envreg carries them to uv,
    # and uv's own commands get the same as options.
    offline = dict(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wh), PIP_CONFIG_FILE=os.devnull,
                   PIP_DISABLE_PIP_VERSION_CHECK="1")
    uv_offline = ["--no-index", "--find-links", str(wh)]
    warm_cache, empty_cache = ctx.work / "cache" / "uv-packages", ctx.run / "uv-empty"
    home = ctx.run / "envreg-packages"
    targets = ctx.run / "targets"
    targets.mkdir(parents=True, exist_ok=True)

    def check(path: Path, who: str) -> None:
        check_env_dir(path, True, who)
        env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
        run_checked([str(path / "bin" / "python"), "-c", IMPORTS], env,
                    f"{who}: importing the packages in {path}")

    def envreg_job(label: str, installer: str, cache: Optional[Path]) -> tuple:
        env = ctx.env(ENVREG_HOME=str(home), ENVREG_UV=uv, **offline)
        if cache:
            env["UV_CACHE_DIR"] = str(cache)
        name = f"pkg-{installer}-{'warm' if cache == warm_cache else 'empty'}"

        def before(i: int) -> None:
            if cache == empty_cache:
                shutil.rmtree(cache, ignore_errors=True)

        def after(i: int) -> None:
            if i <= 1:
                check(home / "envs" / f"{name}{i}", label)
            run_checked([str(ctx.envreg), "rm", "-y", f"{name}{i}"], env, f"{label}: rm")

        return (label, lambda i: [
            str(ctx.envreg), "mkenv", f"{name}{i}", "-p", py, "-r", str(req),
            "--installer", installer], lambda i: env, before, after)

    def dir_job(label: str, script: str, cache: Optional[Path] = None) -> tuple:
        """`sh -c SCRIPT sh DIR`: create the env at $1, then install into it."""
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        env = ctx.env(**offline)
        if cache:
            env["UV_CACHE_DIR"] = str(cache)

        def target(i: int) -> Path:
            return targets / f"{slug}-{i}"

        def before(i: int) -> None:
            shutil.rmtree(target(i), ignore_errors=True)
            if cache == empty_cache:
                shutil.rmtree(cache, ignore_errors=True)

        def after(i: int) -> None:
            if i <= 1:
                check(target(i), label)
            shutil.rmtree(target(i))

        return (label, lambda i: ["sh", "-c", script, "sh", str(target(i))],
                lambda i: env, before, after)

    q = shlex.quote
    pip_r = f'"$1/bin/python" -m pip install -q -r {q(str(req))}'
    uv_venv = f'{q(uv)} venv -q --seed -p {q(py)} {" ".join(map(q, uv_offline))} "$1"'
    uv_pip = (f'{q(uv)} pip install -q --python "$1/bin/python" {" ".join(map(q, uv_offline))} '
              f'-r {q(str(req))}')
    jobs = [
        ("pkg:envreg pip", "envreg mkenv -r (pip)",
         lambda: envreg_job("envreg mkenv -r (pip)", "pip", None)),
        ("pkg:venv pip", "python -m venv + pip install -r",
         lambda: dir_job("python -m venv + pip install -r", f'{q(py)} -m venv "$1" && {pip_r}')),
        ("pkg:virtualenv pip", "virtualenv + pip install -r",
         lambda: dir_job("virtualenv + pip install -r",
                         f'{q(venv_)} -q -p {q(py)} "$1" && {pip_r}',
                         )),
        ("pkg:envreg uv warm", "envreg mkenv -r --installer uv, warm",
         lambda: envreg_job("envreg mkenv -r --installer uv, warm", "uv", warm_cache)),
        ("pkg:uv warm", "uv venv --seed + uv pip install, warm",
         lambda: dir_job("uv venv --seed + uv pip install, warm", f"{uv_venv} && {uv_pip}",
                         warm_cache)),
        ("pkg:envreg uv empty", "envreg mkenv -r --installer uv, empty",
         lambda: envreg_job("envreg mkenv -r --installer uv, empty", "uv", empty_cache)),
        ("pkg:uv empty", "uv venv --seed + uv pip install, empty",
         lambda: dir_job("uv venv --seed + uv pip install, empty", f"{uv_venv} && {uv_pip}",
                         empty_cache)),
    ]
    # Round-robin: run i of every job, then run i + 1 of every job, so that
    # a change in the machine's load falls on every job alike.
    todo = {key: (fn(), Sample(label)) for key, label, fn in jobs
            if ctx.tools_ok or not ("virtualenv" in key or "uv" in key)}
    for i in range(runs + 1):
        print(f"  round {i}/{runs}{' (warm-up)' if i == 0 else ''}:", end="", flush=True)
        for key, ((label, cmd, env_for, before, after), sample) in list(todo.items()):
            try:
                ms = time_once(label, i, cmd, env_for, before, after)
            except BenchError as e:
                ctx.errors.append(str(e))
                del todo[key]
                print(" FAILED", end="", flush=True)
                continue
            if i > 0:
                sample.ms.append(ms)
            print(f" {ms / 1000:.1f}s", end="", flush=True)
        print()
    for key, (_, sample) in todo.items():
        ctx.results[key] = sample
# ---------------------------------------------------------------- auto-activation


AUTO_SCRIPT = r"""
eval "$(envreg init bash --auto)" || exit 3
cd {proj}/sub || exit 3
__envreg_auto_prompt
case "${{VIRTUAL_ENV-}}" in */a) ;; *) echo "auto-activation did not happen" >&2; exit 4 ;; esac
with="$PROMPT_COMMAND"
for ((_r = 0; _r <= {rounds}; _r++)); do
    PROMPT_COMMAND="$with"
    t0=$EPOCHREALTIME
    for ((_k = 0; _k < {n}; _k++)); do eval "$PROMPT_COMMAND"; done
    t1=$EPOCHREALTIME
    PROMPT_COMMAND=""
    t2=$EPOCHREALTIME
    for ((_k = 0; _k < {n}; _k++)); do eval "$PROMPT_COMMAND"; done
    t3=$EPOCHREALTIME
    PROMPT_COMMAND="$with"
    t4=$EPOCHREALTIME
    for ((_k = 0; _k < {n}; _k++)); do
        cd deeper; eval "$PROMPT_COMMAND"; cd ..; eval "$PROMPT_COMMAND"
    done
    t5=$EPOCHREALTIME
    PROMPT_COMMAND=""
    t6=$EPOCHREALTIME
    for ((_k = 0; _k < {n}; _k++)); do
        cd deeper; eval "$PROMPT_COMMAND"; cd ..; eval "$PROMPT_COMMAND"
    done
    t7=$EPOCHREALTIME
    echo "BENCH $t0 $t1 $t2 $t3 $t4 $t5 $t6 $t7"
done
case "${{VIRTUAL_ENV-}}" in */a) ;; *) echo "the environment changed while timing" >&2; exit 5 ;; esac
"""


def bench_auto(ctx: Ctx) -> None:
    """The auto-activation hook's cost per bash prompt, with and without it, in one bash.

    A registry of one env linked to 50 project directories (so the
    projects file is not trivially small); the shell sits in a subdirectory
    of one of them, where the environment is active. Timed: a prompt whose
    $PWD did not change (`eval "$PROMPT_COMMAND"`), and a cd within the
    project followed by a prompt; each with the hook's PROMPT_COMMAND and
    with an empty one, alternating rounds. No other tool is needed.
    """
    links = 50
    home = ctx.run / "auto-home"
    shutil.rmtree(home, ignore_errors=True)
    sh = ctx.run / "auto-bin"
    sh.mkdir(parents=True, exist_ok=True)
    if not (sh / "envreg").exists():
        (sh / "envreg").symlink_to(ctx.envreg)
    env = ctx.env(ENVREG_HOME=str(home), PATH=f"{sh}{os.pathsep}{os.environ.get('PATH', '')}")
    projects = ctx.run / "auto-projects"
    label = "auto-activation prompt hook"
    try:
        run_checked([str(ctx.envreg), "mkenv", "a", "--no-pip", "-p", str(ctx.py)], env,
                    "auto: mkenv")
        for i in range(links):
            d = projects / f"p{i:02d}"
            (d / "sub" / "deeper").mkdir(parents=True, exist_ok=True)
            run_checked([str(ctx.envreg), "link", "a", str(d)], env, "auto: envreg link")
    except BenchError as e:
        ctx.errors.append(str(e))
        return
    rounds, n = (3, 200) if ctx.args.quick else (10, 2000)
    print(f"  timing {label} ({rounds} rounds of {n} prompts, with and without) ...",
          end="", flush=True)
    script = AUTO_SCRIPT.format(proj=shlex.quote(str(projects / "p07")), rounds=rounds, n=n)
    try:
        out = run_checked(["bash", "--norc", "--noprofile", "-c", script], env, label,
                          timeout=600)
        rows = [[float(x) for x in line.split()[1:]] for line in out.splitlines()
                if line.startswith("BENCH ")][1:]
        if len(rows) != rounds:
            raise BenchError(f"{label}: expected {rounds} rounds, got {len(rows)}:\n{tail(out)}")
    except subprocess.TimeoutExpired:
        print(" FAILED")
        ctx.errors.append(f"{label}: timed out")
        return
    except (BenchError, ValueError) as e:
        print(" FAILED")
        ctx.errors.append(str(e) if isinstance(e, BenchError) else f"{label}: {e}")
        return
    per = lambda a, b, k=1: (b - a) * 1000.0 / (n * k)  # noqa: E731
    res = ctx.results
    res["auto:prompt-with"] = Sample("prompt, $PWD unchanged: with the hook",
                                     [per(r[0], r[1]) for r in rows])
    res["auto:prompt-without"] = Sample("prompt, $PWD unchanged: without",
                                        [per(r[2], r[3]) for r in rows])
    res["auto:cd-with"] = Sample("cd within the project + prompt: with the hook",
                                 [per(r[4], r[5], 2) for r in rows])
    res["auto:cd-without"] = Sample("cd within the project + prompt: without",
                                    [per(r[6], r[7], 2) for r in rows])
    added = res["auto:prompt-with"].median - res["auto:prompt-without"].median
    print(f" +{added * 1000:.1f} us per unchanged prompt")


# ---------------------------------------------------------------- report


def factor(other: Sample, base: Sample) -> str:
    """'3.2x slower' / '1.5x faster': other's median against base's."""
    r = other.median / base.median
    return f"{r:.1f}x slower" if r >= 1 else f"{1 / r:.1f}x faster"


def compare(other: Sample, base: Sample) -> str:
    return f"{other.label} is {factor(other, base)} than {base.label}"


def report(ctx: Ctx) -> None:
    res = ctx.results
    print("\n" + "=" * 78)
    print(f"results (ms; median and min of {ctx.args.runs} runs after one warm-up; "
          f"python {ctx.py.parent.parent.name})")
    print("=" * 78)
    header = f"{'tool':<40} {'median':>9} {'min':>9}  vs envreg"
    for group, base_key, title in (("nopip", "nopip:envreg mkenv --no-pip", "create, no pip"),
                                   ("pip", "pip:envreg mkenv", "create, with pip"),
                                   ("py27", "py27:envreg mkenv -p 2.7", "create Python 2.7, with pip")):
        rows = [(k, v) for k, v in res.items() if k.startswith(group + ":")]
        if not rows:
            continue
        print(f"\n{title}\n{header}")
        base = res.get(base_key)
        for k, v in rows:
            ratio = factor(v, base) if base and k != base_key else ""
            print(f"{v.label:<40} {v.median:>9.1f} {v.min:>9.1f}  {ratio}")
        if base:
            for k, v in rows:
                if k != base_key:
                    print(f"  {compare(v, base)}")

    ls_keys = [k for k in res if k.startswith(("ls:", "lsnames:", "doctor:"))]
    if ls_keys:
        print(f"\nlist ({ctx.args.ls_runs} runs)")
        print(f"{'command':<40} {'median':>9} {'min':>9}  vs 10 envs")
        for k in ls_keys:
            v, small = res[k], res.get(k.split(":")[0] + ":10")
            ratio = f"{v.median / small.median:.2f}x" if small and small is not v else ""
            if k.startswith("doctor:"):
                same = res.get("ls:" + k.split(":", 1)[1])
                ratio = f"{v.median / same.median:.2f}x ls at the same size" if same else ""
            print(f"{v.label:<40} {v.median:>9.2f} {v.min:>9.2f}  {ratio}")
    startup = {k.split(":", 1)[1]: v for k, v in res.items() if k.startswith("startup:")}
    if startup:
        print(f"\nbash start-up ({ctx.args.startup_runs} runs; `bash --noprofile --rcfile RC -i -c exit`)")
        print(f"{'rc file':<40} {'median':>9} {'min':>9}  added over empty")
        empty = startup.get("empty")
        for name, v in startup.items():
            added = f"{v.median - empty.median:+.1f} ms" if empty and name != "empty" else ""
            print(f"{name:<40} {v.median:>9.1f} {v.min:>9.1f}  {added}")
    switch = [v for k, v in res.items() if k.startswith("switch:")]
    if switch:
        print(f"\nworkon switching ({ctx.args.switches} x `workon a; workon b` in one bash)")
        for v in switch:
            print(f"{v.label:<40} {v.ms[0]:>9.2f} ms per switch")
        if len(switch) == 2:
            print(f"  {compare(switch[1], switch[0])}")
    wf, ff = res.get("floor:workon"), res.get("floor:floor")
    if wf and ff:
        print(f"\nworkon against its floor (one bash, {len(wf.ms)} alternating rounds; ms per switch)")
        print(f"{'':<40} {'median':>9} {'min':>9}")
        cw, cp, fw = res["floor:call-workon"], res["floor:call-path"], res["floor:floor-w"]
        for v in (wf, cw, ff, cp, fw):
            print(f"{v.label:<44} {v.median:>9.2f} {v.min:>9.2f}")
        print(f"  ratio (medians): {wf.median / ff.median:.2f}x the floor; "
              f"{wf.median / fw.median:.2f}x the floor with workon's own envreg call")
        print(f"  in the shell, envreg's run left out: workon {wf.median - cw.median:.2f} ms, "
              f"floor {ff.median - cp.median:.2f} ms")
    procs = res.get("procs")
    if procs:
        print("\nprocesses started while sourcing the rc file (bash itself not counted)")
        for name, (total, envreg_n) in procs.items():
            t = "?" if total is None else str(total)
            print(f"  {name:<38} {t:>4} process(es), {envreg_n} of them envreg")

    life = [(k, res[k]) for k in ("run:direct", "run:envreg", "cp:cp -a", "cp:envreg", "cp:clone",
                                  "cp:cpvirtualenv", "mv:envreg") if k in res]
    if life:
        print(f"\nrun, cp, mv (an env with pip; {ctx.args.runs} runs)")
        print(f"{'command':<40} {'median':>9} {'min':>9}")
        for _, v in life:
            print(f"{v.label:<40} {v.median:>9.1f} {v.min:>9.1f}")
        for a, b in (("run:envreg", "run:direct"), ("cp:envreg", "cp:cp -a"),
                     ("mv:envreg", "cp:cp -a")):
            if a in res and b in res:
                print(f"  {res[a].label} / {res[b].label} = {res[a].median / res[b].median:.2f}")
        for k in ("cp:clone", "cp:cpvirtualenv"):
            if k in res and "cp:envreg" in res:
                print(f"  {compare(res[k], res['cp:envreg'])}")
    tmp = [res[k] for k in ("tmp:envreg", "tmp:virtualenvwrapper") if k in res]
    if tmp:
        print(f"\nmktmpenv round trip (`mktmpenv ...; deactivate` in one bash, "
              f"{ctx.args.runs} rounds after one warm-up; ms per round)")
        print(f"{'command':<56} {'median':>9} {'min':>9}")
        for v in tmp:
            print(f"{v.label:<56} {v.median:>9.1f} {v.min:>9.1f}")
        if len(tmp) == 2:
            print(f"  {compare(tmp[1], tmp[0])}")

    disk = [res[k] for k in ("du:envreg", "du:json", "du:du", "du:gc") if k in res]
    if disk:
        print(f"\ndisk usage ({ctx.args.ls_runs} runs)")
        print(f"{'command':<40} {'median':>9} {'min':>9}")
        for v in disk:
            print(f"{v.label:<40} {v.median:>9.1f} {v.min:>9.1f}")
        if "du:envreg" in res and "du:du" in res:
            print(f"  {compare(res['du:envreg'], res['du:du'])}")
    pkg = [(k, v) for k, v in res.items() if k.startswith("pkg:")]
    if pkg:
        print(f"\nan env with packages ({len(PACKAGES)} requirements and their dependencies, "
              f"offline from a local wheelhouse; {ctx.args.pkg_runs} runs after one warm-up)")
        print(f"{'job':<44} {'median':>9} {'min':>9}")
        for _, v in pkg:
            print(f"{v.label:<44} {v.median:>9.1f} {v.min:>9.1f}")
        for a, b in (("pkg:envreg pip", "pkg:venv pip"), ("pkg:envreg pip", "pkg:virtualenv pip"),
                     ("pkg:envreg uv warm", "pkg:uv warm"), ("pkg:envreg uv empty", "pkg:uv empty"),
                     ("pkg:envreg uv warm", "pkg:envreg pip")):
            if a in res and b in res:
                print(f"  {res[a].label} / {res[b].label} = {res[a].median / res[b].median:.2f}")
    auto = [res[k] for k in ("auto:prompt-with", "auto:prompt-without", "auto:cd-with",
                             "auto:cd-without") if k in res]
    if auto:
        print("\nauto-activation hook (bash; one process, alternating rounds; "
              "microseconds per prompt)")
        print(f"{'':<52} {'median':>9} {'min':>9}")
        for v in auto:
            print(f"{v.label:<52} {v.median * 1000:>9.1f} {v.min * 1000:>9.1f}")

    goals(ctx)
    for n in ctx.notes:
        print(f"note: {n}")


def goals(ctx: Ctx) -> None:
    res = ctx.results
    print("\ngoals (informational)")

    def goal(desc: str, ok: Optional[bool], detail: str) -> None:
        status = "n/a " if ok is None else ("PASS" if ok else "MISS")
        print(f"  {status}  {desc}: {detail}")

    def get(k: str) -> Optional[Sample]:
        return res.get(k)

    a, b = get("nopip:envreg mkenv --no-pip"), get("nopip:uv venv")
    goal("mkenv --no-pip no slower than uv venv", a and b and a.median <= b.median,
         f"{a.median:.1f} vs {b.median:.1f} ms" if a and b else "not measured")
    a, b = get("pip:envreg mkenv"), get("pip:uv venv --seed")
    goal("mkenv (pip) no slower than uv venv --seed", a and b and a.median <= b.median,
         f"{a.median:.1f} vs {b.median:.1f} ms" if a and b else "not measured")
    c = get("pip:python -m venv")
    goal("mkenv (pip) at least 20x faster than python -m venv",
         a and c and c.median / a.median >= 20,
         f"{c.median / a.median:.1f}x" if a and c else "not measured")
    small, big = get("ls:10"), get(f"ls:{ctx.args.ls_envs}")
    goal(f"ls with {ctx.args.ls_envs} envs within 5x of ls with 10",
         small and big and big.median / small.median <= 5,
         f"{big.median / small.median:.2f}x ({big.median:.2f} vs {small.median:.2f} ms)"
         if small and big else "not measured")
    n = ctx.args.doctor_envs
    d, l = get(f"doctor:doctor{n}"), get(f"ls:doctor{n}")
    goal(f"doctor with {n} envs at most 20 ms", d and d.median <= 20,
         f"{d.median:.1f} ms (ls: {l.median:.1f} ms)" if d and l else "not measured")
    wf, ff = get("floor:workon"), get("floor:floor")
    goal("workon within 1.3x of its floor (one envreg call + sourcing the script)",
         wf and ff and wf.median / ff.median <= 1.3,
         f"{wf.median / ff.median:.2f}x ({wf.median:.2f} vs {ff.median:.2f} ms)"
         if wf and ff else "not measured")
    a, b = get("cp:envreg"), get("cp:clone")
    goal("envreg cp at least 10x faster than virtualenv-clone (cpvirtualenv's copy)",
         a and b and b.median / a.median >= 10,
         f"{b.median / a.median:.1f}x ({a.median:.1f} vs {b.median:.1f} ms)"
         if a and b else "not measured")
    t = get("tmp:envreg")
    goal("mktmpenv --no-pip + deactivate round trip at most 20 ms", t and t.median <= 20,
         f"{t.median:.1f} ms per round" if t else "not measured")
    m = get("mv:envreg")
    goal("envreg mv at most 50 ms", m and m.median <= 50,
         f"{m.median:.1f} ms" if m else "not measured")
    d = get("du:envreg")
    goal(f"envreg du with {ctx.args.du_envs} envs at most 200 ms", d and d.median <= 200,
         f"{d.median:.1f} ms" if d else "not measured")
    for state in ("warm", "empty"):
        a, b = get(f"pkg:envreg uv {state}"), get(f"pkg:uv {state}")
        goal(f"mkenv -r --installer uv at most 0.5x uv venv --seed + uv pip install ({state} cache)",
             a and b and a.median / b.median <= 0.5,
             f"{a.median / b.median:.2f}x ({a.median:.0f} vs {b.median:.0f} ms)"
             if a and b else "not measured")
    a, b = get("pkg:envreg pip"), get("pkg:venv pip")
    goal("mkenv -r (pip) at most 0.7x python -m venv + pip install -r",
         a and b and a.median / b.median <= 0.7,
         f"{a.median / b.median:.2f}x ({a.median:.0f} vs {b.median:.0f} ms)"
         if a and b else "not measured")
    w, wo = get("auto:prompt-with"), get("auto:prompt-without")
    goal("auto-activation adds at most 0.1 ms to a prompt whose directory did not change",
         w and wo and w.median - wo.median <= 0.1,
         f"+{(w.median - wo.median) * 1000:.1f} us ({w.median * 1000:.1f} vs "
         f"{wo.median * 1000:.1f} us)" if w and wo else "not measured")
    procs = res.get("procs")
    e = procs.get("envreg") if procs else None
    goal("sourcing the envreg hook starts at most one envreg process",
         None if e is None else e[1] <= 1,
         f"{e[1]} envreg process(es)" if e
         else "not measured" + (" (envreg init not available)" if "shell" in ctx.args.only else ""))


# ---------------------------------------------------------------- main


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", metavar="PATH",
                    help="interpreter for every tool (default: newest pyenv 3.12)")
    ap.add_argument("--runs", type=int, help="timed runs per creation command (default 20; quick 3)")
    ap.add_argument("--ls-envs", type=int, default=1000, help="size of the big registry (default 1000)")
    ap.add_argument("--du-envs", type=int, default=200,
                    help="envs with pip for the disk section (default 200)")
    ap.add_argument("--doctor-envs", type=int, default=200,
                    help="size of the registry `envreg doctor` is timed on, beside `ls` (default 200)")
    ap.add_argument("--ls-runs", type=int, help="timed runs of envreg ls (default 30; quick 5)")
    ap.add_argument("--startup-runs", type=int, help="timed bash start-ups per rc (default 20; quick 3)")
    ap.add_argument("--switches", type=int, help="workon a; workon b pairs (default 100; quick 10)")
    ap.add_argument("--quick", action="store_true", help="few iterations, for a smoke run")
    ap.add_argument("--workon-only", action="store_true",
                    help="only time workon against its floor (installs no other tool)")
    ap.add_argument("--no-python27", action="store_true",
                    help=f"skip envreg mkenv -p 2.7 vs {OLD_VIRTUALENV} -p 2.7")
    ap.add_argument("--pkg-runs", type=int,
                    help="timed runs per job of the packages section (default 5; quick 2)")
    ap.add_argument("--wheelhouse", type=Path, metavar="DIR",
                    help="where the packages section keeps its downloaded wheels "
                         "(default ~/.cache/envreg-bench)")
    ap.add_argument("--keep", action="store_true", help="keep the work dir (and reuse its tools venv)")
    ap.add_argument("--work-dir", type=Path, default=DEFAULT_WORK,
                    help="where everything is created (default bench/.work)")
    ap.add_argument("--only", action="append", choices=SECTIONS, metavar="SECTION",
                    help=f"run only this part (repeatable): {', '.join(SECTIONS)}; "
                         "listing, disk and auto install no tools (no network)")
    args = ap.parse_args(argv)
    args.only = args.only or list(SECTIONS)
    q = args.quick
    args.runs = args.runs or (3 if q else 20)
    args.ls_runs = args.ls_runs or (5 if q else 30)
    args.startup_runs = args.startup_runs or (3 if q else 20)
    args.switches = args.switches or (10 if q else 100)
    args.pkg_runs = args.pkg_runs or (2 if q else 5)
    for name in ("pkg_runs", "runs", "ls_runs", "startup_runs", "switches", "ls_envs", "du_envs"):
        if getattr(args, name) < 1:
            ap.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def clean_work(work: Path) -> None:
    """Remove only what this script creates, then the work dir if that left it empty."""
    for part in ("run", "tools", "tools-old-virtualenv", "cache"):
        shutil.rmtree(work / part, ignore_errors=True)
    try:
        work.rmdir()
    except OSError:
        pass


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = args.work_dir.absolute()
    run = work / "run"
    try:
        try:
            py = resolve_python(args.python)
            envreg = build_envreg()
        except BenchError as e:
            print(f"bench: {e}", file=sys.stderr)
            return 1
        shutil.rmtree(run, ignore_errors=True)  # leftovers of a --keep run
        (run / "home").mkdir(parents=True)
        (run / "tmp").mkdir()
        ctx = Ctx(args, py, envreg, work, run, work / "tools", make_base_env(work, run))
        if args.workon_only:
            s = shell_setup(ctx)
            if s is not None:
                bench_workon_floor(ctx, s)
            report(ctx)
            return 1 if ctx.errors else 0
        if {"creation", "shell", "lifecycle", "packages"} & set(args.only):
            try:
                prepare_tools(ctx)
            except BenchError as e:
                ctx.errors.append(f"{e}\n  (virtualenv, uv, virtualenvwrapper and virtualenv-clone "
                                  "are left out)")
        print_versions(ctx)
        for section, fn in (("creation", bench_creation), ("listing", bench_ls),
                            ("shell", bench_shell), ("lifecycle", bench_lifecycle),
                            ("disk", bench_disk), ("packages", bench_packages),
                            ("auto", bench_auto)):
            if section in args.only:
                print(section)
                fn(ctx)
            if section == "creation" and section in args.only and not args.no_python27:
                bench_python27(ctx)
        report(ctx)
        if ctx.errors:
            print(f"\n{len(ctx.errors)} measurement(s) failed to run:", file=sys.stderr)
            for e in ctx.errors:
                print(f"- {e}", file=sys.stderr)
            return 1
        return 0
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    finally:
        if args.keep:
            print(f"\nkept the work dir {work}")
        else:
            clean_work(work)


if __name__ == "__main__":
    sys.exit(main())

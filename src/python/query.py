# envreg's interpreter query: prints one line of JSON describing this Python:
# {"ran": sys.executable, "interpreter": <the fields of envreg's Interpreter>}.
# Run as `python -I -B -c <this>` (or `-E -s -B` where -I does not exist), so it
# must stay valid Python 2 syntax: 2.7 is queried and reported, then refused.
import sys

# Without -I, `-c` puts the working directory first on sys.path; drop it so a
# stray json.py there cannot stand in for the standard library.
sys.path = [p for p in sys.path if p not in ("", ".")]

import json
import os
import platform
import struct
import sysconfig


def version_string():
    v = sys.version_info
    text = "%d.%d.%d" % (v[0], v[1], v[2])
    if v[3] != "final":
        tags = {"alpha": "a", "beta": "b", "candidate": "rc"}
        text += tags.get(v[3], v[3]) + str(v[4])
    return text


def base_prefix():
    return getattr(sys, "base_prefix", None) or getattr(sys, "real_prefix", None) or sys.prefix


def pyvenv_home(prefix):
    try:
        with open(os.path.join(prefix, "pyvenv.cfg")) as cfg:
            for line in cfg:
                key, sep, value = line.partition("=")
                if sep and key.strip().lower() == "home":
                    return value.strip()
    except (IOError, OSError):
        pass
    return None


def base_executable(base):
    exe = getattr(sys, "_base_executable", None) or sys.executable
    if sys.prefix == base or os.path.abspath(exe) != os.path.abspath(sys.executable):
        return exe
    # Inside a venv on 3.7-3.10 (POSIX) _base_executable is missing or names the
    # venv's own python: look for the base binary next to pyvenv.cfg's home,
    # then in the base prefix.
    suffix = ".exe" if os.name == "nt" else ""
    v = sys.version_info
    names = [
        "python%d.%d%s" % (v[0], v[1], suffix),
        os.path.basename(sys.executable),
        "python%d%s" % (v[0], suffix),
        "python" + suffix,
    ]
    dirs = []
    home = pyvenv_home(sys.prefix)
    if home:
        dirs.append(home)
    dirs.append(base if os.name == "nt" else os.path.join(base, "bin"))
    for folder in dirs:
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and os.access(path, os.X_OK):
                return path
    return None


def scheme_paths():
    names = sysconfig.get_scheme_names()
    if "venv" in names:
        scheme = "venv"
    elif os.name == "nt":
        scheme = "nt"
    else:
        # Named explicitly: Debian's default scheme for 3.10 is posix_local,
        # which a venv does not use.
        scheme = "posix_prefix"
    placeholder = os.path.join(os.path.abspath(os.sep), "envreg-placeholder-prefix")
    keys = ("base", "platbase", "installed_base", "installed_platbase")
    paths = sysconfig.get_paths(scheme, vars=dict((k, placeholder) for k in keys))
    result = {}
    for key in ("purelib", "platlib", "scripts"):
        rel = os.path.relpath(paths[key], placeholder)
        result[key] = rel.replace(os.sep, "/")
    return result


def main():
    base = base_prefix()
    platform_name = sys.platform
    if platform_name.startswith("linux"):
        platform_name = "linux"
    interpreter = {
        # The base executable, or "" when a venv's base could not be found.
        "executable": base_executable(base) or "",
        "base_prefix": base,
        "version": list(sys.version_info[:3]),
        "version_string": version_string(),
        "implementation": platform.python_implementation(),
        "platform": platform_name,
        "stdlib": sysconfig.get_path("stdlib"),
        "wheel_pkg_dir": sysconfig.get_config_var("WHEEL_PKG_DIR") or None,
        "gil_disabled": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
        "pointer_size": struct.calcsize("P"),
    }
    interpreter.update(scheme_paths())
    info = {"ran": sys.executable, "interpreter": interpreter}
    sys.stdout.write("\n" + json.dumps(info) + "\n")


main()

# site.py of a Python 2 environment made by envreg.
#
# Python 2 knows nothing of pyvenv.cfg. Its executable, copied to bin/, takes
# the environment as sys.prefix because lib/pythonX.Y/os.py is here, and then
# imports this module (the first site.py on its path) before anything else.
# Only built-in modules exist at that point, so the base interpreter's
# standard library is put on sys.path first, using nothing but strings and the
# built-in posix module; then this module does what the standard `site` does,
# for the environment's prefix (and the base's, with system site-packages).
#
# Files next to this one: orig-prefix.txt holds the base interpreter's
# prefix; no-global-site-packages.txt, when present, keeps the base's
# site-packages (and the user's) off sys.path.
import sys
import posix

_HERE = __file__.rsplit("/", 1)[0]
_ENV = _HERE.rsplit("/", 2)[0]
_VERSION = "python%d.%d" % sys.version_info[:2]


def _exists(path):
    try:
        posix.stat(path)
    except OSError:
        return False
    return True


def _read_base_prefix():
    handle = open(_HERE + "/orig-prefix.txt")
    try:
        return handle.read().strip()
    finally:
        handle.close()


sys.real_prefix = _read_base_prefix()
# The interpreter found these from the copied executable already; say it
# plainly, so nothing that ran before (PYTHONHOME aside) can disagree.
sys.prefix = _ENV
sys.exec_prefix = _ENV

_BASE_STDLIB = sys.real_prefix + "/lib/" + _VERSION
for _sub in ("", "/plat-" + sys.platform, "/lib-tk", "/lib-old", "/lib-dynload"):
    _dir = _BASE_STDLIB + _sub
    if _dir not in sys.path and _exists(_dir):
        sys.path.append(_dir)

import os  # noqa: E402 (only now can the whole standard library be found)
import __builtin__  # noqa: E402

GLOBAL_SITE_PACKAGES = not os.path.exists(os.path.join(_HERE, "no-global-site-packages.txt"))
PREFIXES = [sys.prefix]
if GLOBAL_SITE_PACKAGES:
    PREFIXES.append(sys.real_prefix)

# None: decided in main(); False without global site-packages, as in a venv.
ENABLE_USER_SITE = None if GLOBAL_SITE_PACKAGES else False
USER_SITE = None
USER_BASE = None


def makepath(*parts):
    path = os.path.abspath(os.path.join(*parts))
    return path, os.path.normcase(path)


def abs__file__():
    """Make the __file__ of every module imported so far absolute."""
    for module in list(sys.modules.values()):
        if hasattr(module, "__loader__"):
            continue
        try:
            module.__file__ = os.path.abspath(module.__file__)
        except (AttributeError, OSError):
            pass


def removeduppaths():
    """Make sys.path entries absolute and drop repeats; return the set seen."""
    kept = []
    seen = set()
    for entry in sys.path:
        path, key = makepath(entry)
        if key not in seen:
            kept.append(path)
            seen.add(key)
    sys.path[:] = kept
    return seen


def _known_paths():
    seen = set()
    for entry in sys.path:
        if entry and os.path.isdir(entry):
            seen.add(makepath(entry)[1])
    return seen


def addpackage(sitedir, name, known_paths):
    """Handle one .pth file: each line is a directory to add, a comment, or
    an `import` statement to run."""
    reset = known_paths is None
    if reset:
        known_paths = _known_paths()
    try:
        handle = open(os.path.join(sitedir, name), "rU")
    except IOError:
        return known_paths
    try:
        for number, line in enumerate(handle):
            if line.startswith("#"):
                continue
            try:
                if line.startswith(("import ", "import\t")):
                    exec(line)
                    continue
                line = line.rstrip()
                path, key = makepath(sitedir, line)
                if key not in known_paths and os.path.exists(path):
                    sys.path.append(path)
                    known_paths.add(key)
            except Exception:
                sys.stderr.write("Error in %s, line %d:\n" % (os.path.join(sitedir, name), number + 1))
                import traceback

                for text in traceback.format_exception(*sys.exc_info()):
                    for part in text.splitlines():
                        sys.stderr.write("  " + part + "\n")
                sys.stderr.write("\nThe rest of the file was skipped.\n")
                break
    finally:
        handle.close()
    if reset:
        known_paths = None
    return known_paths


def addsitedir(sitedir, known_paths=None):
    """Add `sitedir` to sys.path and process the .pth files in it."""
    reset = known_paths is None
    if reset:
        known_paths = _known_paths()
    sitedir, key = makepath(sitedir)
    if key not in known_paths:
        sys.path.append(sitedir)
        known_paths.add(key)
    try:
        names = os.listdir(sitedir)
    except os.error:
        return known_paths
    for name in sorted(n for n in names if n.endswith(os.extsep + "pth")):
        addpackage(sitedir, name, known_paths)
    if reset:
        known_paths = None
    return known_paths


def getsitepackages():
    """The site-packages directories of every prefix in PREFIXES."""
    dirs = []
    for prefix in PREFIXES:
        dirs.append(os.path.join(prefix, "lib", _VERSION, "site-packages"))
        dirs.append(os.path.join(prefix, "lib", "site-python"))
    return dirs


def addsitepackages(known_paths):
    for sitedir in getsitepackages():
        if os.path.isdir(sitedir):
            addsitedir(sitedir, known_paths)
    return known_paths


def check_enableusersite():
    if sys.flags.no_user_site:
        return False
    if hasattr(os, "getuid") and hasattr(os, "geteuid") and os.geteuid() != os.getuid():
        return None
    if hasattr(os, "getgid") and hasattr(os, "getegid") and os.getegid() != os.getgid():
        return None
    return True


def getuserbase():
    global USER_BASE
    if USER_BASE is None:
        USER_BASE = os.environ.get("PYTHONUSERBASE") or os.path.expanduser("~/.local")
    return USER_BASE


def getusersitepackages():
    global USER_SITE
    if USER_SITE is None:
        USER_SITE = os.path.join(getuserbase(), "lib", _VERSION, "site-packages")
    return USER_SITE


def addusersitepackages(known_paths):
    user_site = getusersitepackages()
    if ENABLE_USER_SITE and os.path.isdir(user_site):
        addsitedir(user_site, known_paths)
    return known_paths


class _Quitter(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Use %s() or Ctrl-D (i.e. EOF) to exit" % self.name

    def __call__(self, code=None):
        try:
            sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)


class _Text(object):
    """copyright, credits, license: print their text when shown or called."""

    def __init__(self, name, text):
        self.name = name
        self.text = text

    def __repr__(self):
        return self.text

    def __call__(self):
        print(self.text)


class _Helper(object):
    def __repr__(self):
        return "Type help() for interactive help, or help(object) for help about object."

    def __call__(self, *args, **kwargs):
        import pydoc

        return pydoc.help(*args, **kwargs)


def setquit():
    __builtin__.quit = _Quitter("quit")
    __builtin__.exit = _Quitter("exit")


def setcopyright():
    __builtin__.copyright = _Text("copyright", sys.copyright)
    __builtin__.credits = _Text(
        "credits",
        "Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n"
        "for supporting Python development.  See www.python.org for more information.",
    )
    __builtin__.license = _Text(
        "license", "See https://www.python.org/psf/license/ for the license of Python %d.%d." % sys.version_info[:2]
    )


def sethelper():
    __builtin__.help = _Helper()


def execsitecustomize():
    try:
        import sitecustomize  # noqa: F401
    except ImportError:
        pass


def execusercustomize():
    try:
        import usercustomize  # noqa: F401
    except ImportError:
        pass


def main():
    global ENABLE_USER_SITE
    abs__file__()
    known_paths = removeduppaths()
    if ENABLE_USER_SITE is None:
        ENABLE_USER_SITE = check_enableusersite()
    known_paths = addsitepackages(known_paths)
    known_paths = addusersitepackages(known_paths)
    setquit()
    setcopyright()
    sethelper()
    execsitecustomize()
    if ENABLE_USER_SITE:
        execusercustomize()
    # As the standard site does: the default encoding is fixed from here on.
    if hasattr(sys, "setdefaultencoding"):
        del sys.setdefaultencoding


main()

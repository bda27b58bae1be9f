//! Environments for CPython 2.7, which has no `venv` and never reads
//! pyvenv.cfg: the layout virtualenv used before it dropped Python 2.
//!
//! How 2.7 finds its prefix decides the layout: it resolves symlinks of its
//! executable, then walks up from the executable's directory looking for
//! `lib/python2.7/os.py` (the prefix) and `lib/python2.7/lib-dynload` (the
//! exec prefix). So `bin/python` is a *copy* of the base executable (a link
//! would resolve to the base), and the environment's `lib/python2.7/` holds
//! links to `os.py`, `lib-dynload` and the few modules `os` imports, plus our
//! own `site.py` (see `python2_site.py`), which puts the base's standard
//! library on `sys.path` and adds the environment's site-packages.
//!
//! Everything here is a pure function of the interpreter and the options.

use std::path::PathBuf;

use crate::python::Interpreter;

use super::Options;
use super::layout::Link;

/// The `site.py` written into every Python 2 environment.
pub const SITE_PY: &str = include_str!("python2_site.py");

/// Standard-library modules linked into the environment's `lib/python2.7`:
/// `os` (the landmark) and what it imports, so `python -S -c 'import os'`
/// works too, and the ones virtualenv linked for `site` and `encodings`.
const MODULES: &[&str] = &[
    "os",
    "posixpath",
    "ntpath",
    "stat",
    "genericpath",
    "warnings",
    "linecache",
    "types",
    "UserDict",
    "copy_reg",
    "abc",
    "_abcoll",
    "_weakrefset",
    "re",
    "sre",
    "sre_compile",
    "sre_parse",
    "sre_constants",
    "codecs",
    "fnmatch",
    "locale",
    "traceback",
];

/// Directories linked whole: the codecs, the extension modules (the exec
/// prefix's landmark).
const DIRS: &[&str] = &["encodings", "lib-dynload"];

/// Whether `interp` gets the Python 2 layout.
pub fn applies(interp: &Interpreter) -> bool {
    interp.version.0 == 2
}

/// `lib/python2.7`, relative to the environment.
pub fn lib_dir(interp: &Interpreter) -> String {
    format!("lib/python{}.{}", interp.version.0, interp.version.1)
}

/// The symlinks to make into the base installation.
pub fn links(interp: &Interpreter) -> Vec<Link> {
    let lib = lib_dir(interp);
    let link = |path: String, target: PathBuf| Link {
        path,
        target,
        optional: false,
    };
    let mut links: Vec<Link> = MODULES
        .iter()
        .map(|m| {
            link(
                format!("{lib}/{m}.py"),
                interp.stdlib.join(format!("{m}.py")),
            )
        })
        .collect();
    links.extend(
        DIRS.iter()
            .map(|d| link(format!("{lib}/{d}"), interp.stdlib.join(d))),
    );
    // C extensions built in the environment look for Python.h under
    // sys.prefix; an installation without headers simply has none.
    let include = format!("python{}.{}", interp.version.0, interp.version.1);
    links.push(Link {
        path: format!("include/{include}"),
        target: interp.base_prefix.join("include").join(&include),
        optional: true,
    });
    links
}

/// The files to write, relative to the environment, with their contents.
pub fn files(interp: &Interpreter, opts: &Options) -> Vec<(String, Vec<u8>)> {
    let lib = lib_dir(interp);
    let mut files = vec![
        (format!("{lib}/site.py"), SITE_PY.as_bytes().to_vec()),
        (
            format!("{lib}/orig-prefix.txt"),
            interp
                .base_prefix
                .to_string_lossy()
                .into_owned()
                .into_bytes(),
        ),
    ];
    if !opts.system_site_packages {
        // pip reads this file (next to site.py) to know the base's
        // site-packages are not visible.
        files.push((format!("{lib}/no-global-site-packages.txt"), Vec::new()));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::venv::testing::fake_python27 as interp;

    #[test]
    fn files_name_the_base_prefix_and_follow_system_site_packages() {
        let mut opts = Options::default();
        let files = files(&interp(), &opts);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "lib/python2.7/site.py",
                "lib/python2.7/orig-prefix.txt",
                "lib/python2.7/no-global-site-packages.txt"
            ]
        );
        assert_eq!(files[1].1, b"/opt/py/2.7");
        assert_eq!(files[0].1, SITE_PY.as_bytes());
        opts.system_site_packages = true;
        let names: Vec<String> = super::files(&interp(), &opts)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert!(!names.iter().any(|n| n.contains("no-global")), "{names:?}");
    }

    /// site.py must stay Python 2 syntax that imports only built-ins before
    /// it has put the base's standard library on sys.path.
    #[test]
    fn site_py_imports_only_builtins_before_the_stdlib_is_found() {
        let before: Vec<&str> = SITE_PY
            .lines()
            .take_while(|l| !l.starts_with("import os"))
            .filter(|l| l.starts_with("import ") || l.starts_with("from "))
            .collect();
        assert_eq!(before, ["import sys", "import posix"]);
        assert!(SITE_PY.contains("orig-prefix.txt"));
        assert!(SITE_PY.contains("no-global-site-packages.txt"));
    }
}

//! Unit tests of the transaction layer at each of its crash points.
//!
//! Each test drives one transaction (a `Locked` method, or where a point
//! lies between two transactions, the command's own code in `src/cmd/`) on
//! a fresh home holding fake environments (a pyvenv.cfg tree with a script,
//! a `.pth` file and a symlink that name the environment's directory: no
//! interpreter is run; the few cases that need one use pyenv's 3.12 and say
//! so), first to learn which points it passes, then once per hit of each
//! point with the point armed (`crash::unit`): the transaction unwinds
//! there, as if killed, and the next `lock()` recovers. After every crash
//! the registry must hold exactly one consistent state: every entry a
//! complete environment, every directory in `envs/` registered as managed,
//! no scratch and no journal left after recovery, the bystander `keep`
//! unchanged to the byte, a project's `.venv` either absent or envreg's
//! link to a registered environment (the one recording it), and each
//! case's own invariant: for a rename exactly one of OLD and NEW
//! registered, NEW naming its old directory nowhere; for `import --move`
//! the venv registered either in place and untouched or moved in; for
//! `repair` the environment wholly old or wholly new. The real thing
//! (SIGKILL of the built binary) is `tests/core/crash.rs`.

use std::collections::BTreeMap;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{Changes, Entry, PythonRecord, Registry, entry_for_venv};
use crate::crash::unit;
use crate::home::Home;
use crate::python::{Interpreter, Platform};

/// Points no case here reaches, each with why; `tests/core/crash.rs`
/// (SIGKILL of the built binary) covers them. Keep this list short: a point
/// a command in `src/cmd/` reaches is driven through that command's code
/// where it can be (see `copy_victim`, `mkenv_real`, `cmd::import::move_one`,
/// `cmd::repair::rebuild_bare`).
const INTEGRATION_ONLY: &[&str] = &[
    // After `mkenv -i PKG` installed its packages: reaching it runs pip to
    // install a package (a wheel built for the test) at every crash, seconds
    // each; the registry side (`complete`) is the case "complete".
    "mkenv.installed",
];

struct Case {
    name: &'static str,
    /// Runs before the transaction (not armed).
    setup: fn(&Registry) -> Result<()>,
    /// The transaction.
    op: fn(&Registry) -> Result<()>,
    /// Exactly one of these names is registered after any crash (or empty).
    one_of: &'static [&'static str],
    /// The points the transaction must pass.
    points: &'static [&'static str],
    /// Names that may be an environment envreg built anew (a rebuild on a
    /// real interpreter), without the fake's script, after a crash.
    bare: &'static [&'static str],
    /// The case's own invariant, checked after the recovery.
    extra: fn(&Registry, &str),
}

fn nothing(_: &Registry, _: &str) {}

/// A fake environment at `dir` that names `lives_at` (where it will live).
fn fake_env(dir: &Path, lives_at: &Path, name: &str) {
    fake_env_on(dir, lives_at, name, OLD_PY);
}

/// The interpreter a fake environment is built on (its `bin/python` link
/// and pyvenv.cfg), and the one `repair` moves it to (nothing is run).
const OLD_PY: (&str, &str) = ("/usr/bin/python3", "3.12.1");
const NEW_PY: (&str, &str) = ("/opt/py/3.12/bin/python3.12", "3.12.9");

/// A fake environment on the interpreter `(python, version)`.
fn fake_env_on(dir: &Path, lives_at: &Path, name: &str, (python, version): (&str, &str)) {
    let d = lives_at.display();
    let home = Path::new(python).parent().unwrap().display();
    fs::create_dir_all(dir.join("bin")).unwrap();
    fs::create_dir_all(dir.join("lib/python3.12/site-packages/__pycache__")).unwrap();
    fs::write(
        dir.join("pyvenv.cfg"),
        format!(
            "home = {home}\nimplementation = CPython\nversion = {version}\n\
             include-system-site-packages = false\nexecutable = {python}\n\
             prompt = {name}\nenvreg = 0.1.0\n"
        ),
    )
    .unwrap();
    let tool = dir.join("bin/tool");
    fs::write(&tool, format!("#!{d}/bin/python\nprint('{d}')\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&tool, fs::Permissions::from_mode(0o755)).unwrap();
        std::os::unix::fs::symlink(python, dir.join("bin/python")).unwrap();
        std::os::unix::fs::symlink(format!("{d}/bin/tool"), dir.join("bin/tool-link")).unwrap();
    }
    fs::write(
        dir.join("lib/python3.12/site-packages/x.pth"),
        format!("{d}/src\n"),
    )
    .unwrap();
    fs::write(dir.join("lib/python3.12/site-packages/plain.py"), "x = 1\n").unwrap();
    fs::write(
        dir.join("lib/python3.12/site-packages/__pycache__/plain.pyc"),
        format!("{d}/lib"),
    )
    .unwrap();
}

/// `mkenv NAME` through the registry (`incomplete` marks it as `-i` does).
fn make(reg: &Registry, name: &str, incomplete: bool) -> Result<()> {
    let mut locked = reg.lock()?;
    let staging = locked.stage(name)?;
    fake_env(staging.dir(), &reg.env_dir(name), name);
    let mut entry: Entry = entry_for_venv(staging.dir()).unwrap();
    entry.path = reg.env_dir(name);
    // The prompt in pyvenv.cfg is the default (the name), not one the user set.
    entry.flags.prompt = None;
    if incomplete {
        entry.incomplete = Some("installing".into());
    }
    locked.create(name, staging, entry)
}

fn with_victim(reg: &Registry) -> Result<()> {
    make(reg, "keep", false)?;
    make(reg, "victim", false)
}

/// `envreg cp victim copy`, the command itself (it reaches `cp.copied`
/// between its two transactions).
fn copy_victim(reg: &Registry) -> Result<()> {
    let args = crate::cli::Cp {
        src: "victim".into(),
        dst: Some("copy".into()),
    };
    crate::cmd::cp::run(reg, args)
}

/// `envreg mkenv --no-pip -p PY312 victim`, the command's code.
fn mkenv_real(reg: &Registry) -> Result<()> {
    let opts = crate::cli::MkenvOpts {
        python: Some(py312().executable.display().to_string()),
        no_pip: true,
        system_site_packages: false,
        install: Vec::new(),
        requirements: Vec::new(),
        installer: crate::cli::InstallerArg { installer: None },
        prompt: None,
    };
    crate::cmd::mkenv::create(reg, "victim", false, None, &opts).map(drop)
}

/// The temporary directory holding the home, links resolved: the project
/// and the foreign venvs live beside the home.
fn base(reg: &Registry) -> PathBuf {
    let envs = reg.home.envs_dir();
    let root = envs.parent().and_then(Path::parent).unwrap();
    root.canonicalize().unwrap()
}

/// The project directory `link` binds (made when missing).
fn project(reg: &Registry) -> PathBuf {
    let dir = base(reg).join("project");
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn link_victim(reg: &Registry) -> Result<()> {
    reg.lock()?.link("victim", &project(reg), false).map(drop)
}

fn with_linked_victim(reg: &Registry) -> Result<()> {
    with_victim(reg)?;
    link_victim(reg)
}

/// `link`/`unlink`/`mv`: the project's `.venv`, when there, is envreg's
/// link to a registered environment, and to the one recording the project.
fn check_link(reg: &Registry, what: &str, index: &super::Index) {
    let dir = base(reg).join("project");
    let link = dir.join(super::links::VENV);
    let Ok(meta) = link.symlink_metadata() else {
        return;
    };
    assert!(meta.file_type().is_symlink(), "{what}: .venv is no link");
    let target = fs::read_link(&link).unwrap();
    assert!(
        index.envs.iter().any(|(n, e)| reg.dir_of(n, e) == target),
        "{what}: .venv links to {}, no registered env",
        target.display()
    );
    for (n, e) in &index.envs {
        if e.links.contains(&dir) {
            assert_eq!(
                reg.dir_of(n, e),
                target,
                "{what}: .venv is not the link to '{n}', which records it"
            );
        }
    }
}

/// The venv `import --move` takes in, outside the home.
fn foreign(reg: &Registry) -> PathBuf {
    base(reg).join("store/victim")
}

fn with_foreign(reg: &Registry) -> Result<()> {
    make(reg, "keep", false)?;
    let src = foreign(reg);
    fake_env(&src, &src, "victim");
    Ok(())
}

/// `import --move`: 'victim' is either registered in place with its
/// directory untouched and nothing in `envs/`, or moved in, its old
/// directory deleted or untouched but for the mark naming the copy.
fn moved_in_or_in_place(reg: &Registry, what: &str) {
    let src = foreign(reg);
    let reference = tempfile::tempdir().unwrap();
    fake_env(reference.path(), &src, "victim");
    let untouched = tree(reference.path());
    let index = reg.read().unwrap();
    let entry = &index.envs["victim"];
    let dest = reg.env_dir("victim");
    if entry.managed {
        assert_eq!(entry.path, dest, "{what}");
        if src.exists() {
            let mut old = tree(&src);
            assert!(
                old.remove(Path::new(super::inplace::MOVED)).is_some(),
                "{what}: the old directory is left without its mark"
            );
            assert_eq!(old, untouched, "{what}: the old directory changed");
            assert_eq!(super::inplace::moved_to(&src), Some(dest), "{what}");
        }
    } else {
        assert_eq!(entry.path, src, "{what}");
        assert_eq!(tree(&src), untouched, "{what}: the user's venv changed");
        assert!(dest.symlink_metadata().is_err(), "{what}: envs/victim left");
    }
}

/// The interpreter `repair` moves a fake environment to (nothing runs it).
fn new_python() -> Interpreter {
    let prefix = PathBuf::from("/opt/py/3.12");
    Interpreter {
        executable: NEW_PY.0.into(),
        base_prefix: prefix.clone(),
        version: (3, 12, 9),
        version_string: NEW_PY.1.into(),
        implementation: "CPython".into(),
        platform: Platform::Linux,
        stdlib: prefix.join("lib/python3.12"),
        wheel_pkg_dir: None,
        purelib: "lib/python3.12/site-packages".into(),
        platlib: "lib/python3.12/site-packages".into(),
        scripts: "bin".into(),
        gil_disabled: false,
        pointer_size: 8,
    }
}

/// `repair` without running anything: the new environment is a fake one
/// on [`NEW_PY`] (what `cmd::repair` builds and installs in between).
fn rebuild_fake(reg: &Registry) -> Result<()> {
    let (staging, expected) = reg.lock()?.stage_rebuild("victim")?;
    fake_env_on(staging.dir(), &reg.env_dir("victim"), "victim", NEW_PY);
    let record = PythonRecord {
        requested: None,
        executable: NEW_PY.0.into(),
        version: NEW_PY.1.into(),
        implementation: "CPython".into(),
    };
    reg.lock()?
        .swap_rebuilt("victim", staging, &expected, record, false)?
        .finish();
    Ok(())
}

/// Where `dir/bin/python` links and the version its pyvenv.cfg says.
fn python_of(dir: &Path) -> (PathBuf, String) {
    let link = fs::read_link(dir.join("bin/python")).unwrap();
    let cfg = fs::read_to_string(dir.join("pyvenv.cfg")).unwrap();
    let version = crate::venv::cfg::parse(&cfg)
        .into_iter()
        .find(|(k, _)| k == "version")
        .map(|(_, v)| v)
        .unwrap_or_default();
    (link, version)
}

/// `repair`: 'victim' is wholly on the old interpreter or wholly on `new`
/// (pyvenv.cfg's version is the one of bin/python's target), and its entry
/// never records the new interpreter while its files are on the old.
fn old_or_new_on(reg: &Registry, what: &str, new: (PathBuf, String)) {
    let index = reg.read().unwrap();
    let entry = &index.envs["victim"];
    let got = python_of(&reg.dir_of("victim", entry));
    let old = (PathBuf::from(OLD_PY.0), OLD_PY.1.to_string());
    assert!(
        got == old || got == new,
        "{what}: a mix: bin/python -> {}, pyvenv.cfg version {}",
        got.0.display(),
        got.1
    );
    if entry.python.executable == new.0 {
        assert_eq!(got, new, "{what}: the index is ahead of the files");
    }
}

fn old_or_new(reg: &Registry, what: &str) {
    old_or_new_on(reg, what, (NEW_PY.0.into(), NEW_PY.1.into()))
}

fn old_or_real_new(reg: &Registry, what: &str) {
    let py = py312();
    old_or_new_on(
        reg,
        what,
        (py.executable.clone(), py.version_string.clone()),
    )
}

/// pyenv's CPython 3.12, for the cases that need a real interpreter.
fn py312() -> &'static Interpreter {
    static PY: std::sync::OnceLock<Interpreter> = std::sync::OnceLock::new();
    PY.get_or_init(|| crate::venv::testing::pyenv_interpreter("3.12").expect("pyenv CPython 3.12"))
}

/// Let the homes of one `run` share a cache: the pip wheel is unpacked
/// once, not at each crash (unpacking it in a debug build is most of
/// `set --pip`'s time). The first home's cache (the probe's, which lives
/// through the whole `run`) is linked from the later ones.
fn share_cache(reg: &Registry) {
    thread_local! {
        static FIRST: std::cell::RefCell<Option<PathBuf>> = const { std::cell::RefCell::new(None) };
    }
    let cache = reg.home.cache_dir();
    let first = FIRST.with_borrow(|f| f.clone()).filter(|f| f.is_dir());
    match first {
        #[cfg(unix)]
        Some(first) if cache.symlink_metadata().is_err() => {
            fs::create_dir_all(cache.parent().unwrap()).unwrap();
            std::os::unix::fs::symlink(first, &cache).unwrap();
        }
        _ => {
            fs::create_dir_all(&cache).unwrap();
            FIRST.set(Some(cache));
        }
    }
}

/// `mkenv --no-pip NAME` on [`py312`] through the registry, with the
/// fake's script added (the checks look for it).
fn make_real(reg: &Registry, name: &str) -> Result<()> {
    share_cache(reg);
    let mut locked = reg.lock()?;
    let staging = locked.stage(name)?;
    let dir = reg.env_dir(name);
    let opts = crate::venv::Options {
        name: name.into(),
        prompt: None,
        system_site_packages: false,
        pip: false,
    };
    crate::venv::create(py312(), staging.dir(), &dir, &opts, &reg.home.cache_dir())?;
    fs::write(
        staging.dir().join("bin/tool"),
        format!("#!{}/bin/python\n", dir.display()),
    )?;
    let mut entry: Entry = entry_for_venv(staging.dir()).unwrap();
    entry.path = dir;
    entry.flags.prompt = None;
    locked.create(name, staging, entry)
}

/// `set --pip`: an entry that records pip has a whole pip (its metadata
/// and a `pip` script that is no stand-in).
fn pip_when_recorded(reg: &Registry, what: &str) {
    let index = reg.read().unwrap();
    let entry = &index.envs["victim"];
    if !entry.flags.pip {
        return;
    }
    let dir = reg.dir_of("victim", entry);
    let site = dir.join("lib/python3.12/site-packages");
    let has_dist = fs::read_dir(&site).unwrap().flatten().any(|e| {
        let n = e.file_name().to_string_lossy().into_owned();
        n.starts_with("pip-") && n.ends_with(".dist-info")
    });
    assert!(
        has_dist && site.join("pip/__init__.py").is_file(),
        "{what}: no pip"
    );
    let pip = dir.join("bin/pip");
    assert!(
        pip.is_file() && !crate::venv::is_pip_shim(&pip),
        "{what}: bin/pip is no pip"
    );
}

/// Run `op` with `point` armed for its `nth` hit; true when it crashed there.
fn crash_at(reg: &Registry, op: fn(&Registry) -> Result<()>, point: &'static str, nth: u32) {
    unit::arm(point, nth);
    let result = catch_unwind(AssertUnwindSafe(|| op(reg)));
    unit::disarm();
    match result {
        Err(payload) => match payload.downcast::<unit::Crashed>() {
            Ok(crashed) => assert_eq!(crashed.0, point),
            Err(other) => std::panic::resume_unwind(other),
        },
        Ok(r) => panic!("did not reach {point}:{nth} (returned {r:?})"),
    }
}

/// Every file below `dir`: relative path → (kind, bytes or link target).
fn tree(dir: &Path) -> BTreeMap<PathBuf, (char, Vec<u8>)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let meta = p.symlink_metadata().unwrap();
            let rel = p.strip_prefix(dir).unwrap().to_path_buf();
            if meta.file_type().is_symlink() {
                let t = fs::read_link(&p).unwrap().into_os_string();
                out.insert(rel, ('l', t.into_encoded_bytes()));
            } else if meta.is_dir() {
                out.insert(rel, ('d', vec![]));
                stack.push(p);
            } else {
                out.insert(rel, ('f', fs::read(&p).unwrap()));
            }
        }
    }
    out
}

/// Whether `data` names the directory `dir` as a whole path.
fn names_dir(data: &[u8], dir: &Path) -> bool {
    let needle = dir.as_os_str().as_encoded_bytes();
    data.windows(needle.len()).enumerate().any(|(i, w)| {
        w == needle
            && !data
                .get(i + needle.len())
                .is_some_and(|c| c.is_ascii_alphanumeric() || b"._+-".contains(c))
    })
}

/// The state after a crash and one recovery is one consistent registry.
fn check(reg: &Registry, what: &str, case: &Case, keep: &BTreeMap<PathBuf, (char, Vec<u8>)>) {
    let locked = reg.lock().unwrap_or_else(|e| panic!("{what}: lock: {e:#}"));
    let index = locked.index.clone();
    drop(locked);
    for (name, entry) in &index.envs {
        let dir = reg.dir_of(name, entry);
        assert!(
            dir.join("pyvenv.cfg").is_file() && dir.join("bin/python").symlink_metadata().is_ok(),
            "{what}: '{name}' is not a complete env"
        );
        if case.bare.contains(&name.as_str()) && !dir.join("bin/tool").exists() {
            continue;
        }
        assert!(
            dir.join("bin/tool").is_file(),
            "{what}: '{name}' lost its script"
        );
        let text = fs::read(dir.join("bin/tool")).unwrap();
        assert!(
            names_dir(&text, &dir),
            "{what}: '{name}'s script does not name its dir"
        );
    }
    let envs = reg.home.envs_dir();
    let mut leftovers = Vec::new();
    for e in fs::read_dir(&envs).unwrap().flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with('.') {
            leftovers.push(n);
        } else {
            assert!(
                index.envs.get(&n).is_some_and(|e| e.managed),
                "{what}: envs/{n} is not registered (as an env envreg manages)"
            );
        }
    }
    assert!(leftovers.is_empty(), "{what}: left {leftovers:?}");
    assert!(
        !super::rename::journal_path(reg).exists(),
        "{what}: the rename journal is left"
    );
    if !case.one_of.is_empty() {
        let n = case
            .one_of
            .iter()
            .filter(|n| index.envs.contains_key(**n))
            .count();
        assert_eq!(
            n,
            1,
            "{what}: not one of {:?}: {:?}",
            case.one_of,
            index.envs.keys()
        );
    }
    if index.envs.contains_key("moved") {
        let old = reg.env_dir("victim");
        for (rel, (kind, data)) in tree(&reg.env_dir("moved")) {
            if kind != 'd' && !rel.starts_with("lib/python3.12/site-packages/__pycache__") {
                assert!(
                    !names_dir(&data, &old),
                    "{what}: {} names OLD",
                    rel.display()
                );
            }
        }
        let cfg = fs::read_to_string(reg.env_dir("moved").join("pyvenv.cfg")).unwrap();
        assert!(cfg.contains("prompt = 'moved'"), "{what}: {cfg}");
    }
    if index.envs.contains_key("copy") {
        assert!(
            index.envs.contains_key("victim"),
            "{what}: cp lost its source"
        );
    }
    assert_eq!(&tree(&reg.env_dir("keep")), keep, "{what}: 'keep' changed");
    check_link(reg, what, &index);
    (case.extra)(reg, what);
    // Everything is usable: a second lock changes nothing and says nothing.
    let again = reg.lock().unwrap().index.clone();
    assert_eq!(again, index, "{what}: a second recovery changed the index");
}

/// A directory for one home: in memory (/dev/shm) where there is one, as
/// every transaction fsyncs its files and the index many times over, which
/// on a disk is most of these tests' time; else the usual temporary dir.
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    shm.is_dir()
        .then(|| tempfile::tempdir_in(shm).ok())
        .flatten()
        .unwrap_or_else(|| tempfile::tempdir().unwrap())
}

/// The case's transaction passes its points; a crash at each hit of each
/// point, then recovery, leaves one consistent registry.
fn run(case: &Case) {
    let probe = scratch();
    let reg = Registry::new(Home::at(probe.path().join("home")));
    (case.setup)(&reg).unwrap();
    unit::take_seen();
    (case.op)(&reg).unwrap_or_else(|e| panic!("{}: {e:#}", case.name));
    let seen = unit::take_seen();
    let mut counts: BTreeMap<&'static str, u32> = BTreeMap::new();
    for p in &seen {
        *counts.entry(p).or_default() += 1;
    }
    let mut expected: Vec<&str> = case.points.to_vec();
    expected.sort();
    assert_eq!(
        counts.keys().copied().collect::<Vec<_>>(),
        expected,
        "{}: the points it passes",
        case.name
    );
    for (point, n) in counts {
        for k in 1..=n {
            let what = format!("{} crashed at {point}:{k}", case.name);
            let home = scratch();
            let reg = Registry::new(Home::at(home.path().join("home")));
            (case.setup)(&reg).unwrap();
            let keep = tree(&reg.env_dir("keep"));
            crash_at(&reg, case.op, point, k);
            check(&reg, &what, case, &keep);
        }
    }
}

const CASES: &[Case] = &[
    Case {
        name: "create",
        setup: |r| make(r, "keep", false),
        op: |r| make(r, "victim", false),
        one_of: &[],
        bare: &[],
        extra: nothing,
        points: &["mkenv.staged", "mkenv.renamed", "mkenv.committed"],
    },
    Case {
        name: "mkenv on a real interpreter",
        setup: |r| {
            share_cache(r);
            make(r, "keep", false)
        },
        op: mkenv_real,
        one_of: &[],
        bare: &["victim"],
        extra: nothing,
        points: &[
            "mkenv.staged",
            "mkenv.built",
            "mkenv.renamed",
            "mkenv.committed",
        ],
    },
    Case {
        name: "complete",
        setup: |r| {
            make(r, "keep", false)?;
            make(r, "victim", true)
        },
        op: |r| r.lock()?.complete("victim"),
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &["mkenv.completed"],
    },
    Case {
        name: "remove",
        setup: |r| {
            with_victim(r)?;
            make(r, "victim2", false)
        },
        op: |r| {
            let removal = r
                .lock()?
                .remove(&["victim".into(), "victim2".into()], false, false)?;
            removal.finish(r);
            Ok(())
        },
        one_of: &[],
        bare: &[],
        extra: nothing,
        points: &["rm.trashed", "rm.committed", "rm.deleted"],
    },
    Case {
        name: "copy",
        setup: with_victim,
        op: copy_victim,
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &["cp.staged", "cp.copied", "cp.renamed", "cp.committed"],
    },
    Case {
        name: "rename",
        setup: with_victim,
        op: |r| r.lock()?.rename("victim", "moved", false),
        one_of: &["victim", "moved"],
        bare: &[],
        extra: nothing,
        points: &[
            "mv.journaled",
            "mv.renamed",
            "mv.rewrote",
            "mv.rewritten",
            "mv.committed",
            "mv.finished",
        ],
    },
    Case {
        name: "update",
        setup: with_victim,
        op: |r| {
            let changes = Changes {
                system_site_packages: Some(true),
                prompt: Some(Some("new prompt".into())),
                set_vars: vec![("K".into(), "V".into())],
                add_paths: vec!["/opt/lib".into()],
                project: Some(Some("/srv/project".into())),
                ..Changes::default()
            };
            r.lock()?.update("victim", &changes)
        },
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &[
            "set.cfg",
            "set.scripts",
            "set.pth",
            "set.project",
            "set.committed",
        ],
    },
    Case {
        name: "recovery of an uncommitted rm",
        setup: |r| {
            with_victim(r)?;
            crash_at(
                r,
                |r| {
                    r.lock()?
                        .remove(&["victim".into()], false, false)
                        .map(|_| ())
                },
                "rm.trashed",
                1,
            );
            Ok(())
        },
        op: |r| r.lock().map(|_| ()),
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &["recover.restored"],
    },
    Case {
        name: "recovery of an unregistered copy",
        setup: |r| {
            with_victim(r)?;
            crash_at(r, copy_victim, "cp.renamed", 1);
            Ok(())
        },
        op: |r| r.lock().map(|_| ()),
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &["recover.discarded"],
    },
    Case {
        name: "recovery of an unrecorded env",
        setup: |r| {
            make(r, "keep", false)?;
            crash_at(r, |r| make(r, "victim", false), "mkenv.renamed", 1);
            Ok(())
        },
        op: |r| r.lock().map(|_| ()),
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &["recover.adopted", "recover.saved"],
    },
    Case {
        name: "recovery of a half-rewritten rename",
        setup: |r| {
            with_victim(r)?;
            crash_at(
                r,
                |r| r.lock()?.rename("victim", "moved", false),
                "mv.rewrote",
                2,
            );
            Ok(())
        },
        op: |r| r.lock().map(|_| ()),
        one_of: &["victim", "moved"],
        bare: &[],
        extra: nothing,
        points: &["mv.rewrote", "mv.rewritten", "mv.committed", "mv.finished"],
    },
    Case {
        name: "recovery of a journaled rename",
        setup: |r| {
            with_victim(r)?;
            crash_at(
                r,
                |r| r.lock()?.rename("victim", "moved", false),
                "mv.journaled",
                1,
            );
            Ok(())
        },
        op: |r| r.lock().map(|_| ()),
        one_of: &["victim", "moved"],
        bare: &[],
        extra: nothing,
        points: &[
            "mv.renamed",
            "mv.rewrote",
            "mv.rewritten",
            "mv.committed",
            "mv.finished",
        ],
    },
    Case {
        name: "last-used record and fold",
        setup: with_victim,
        op: |r| {
            r.record_used("victim");
            r.lock().map(|_| ())
        },
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &["used.recorded", "recover.saved", "used.folded"],
    },
    Case {
        name: "link",
        setup: |r| {
            with_victim(r)?;
            project(r);
            Ok(())
        },
        op: link_victim,
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &["link.created", "link.committed"],
    },
    Case {
        name: "link --force over another env's link",
        setup: |r| {
            with_victim(r)?;
            r.lock()?.link("keep", &project(r), false).map(drop)
        },
        op: |r| r.lock()?.link("victim", &project(r), true).map(drop),
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &["link.unbound", "link.created", "link.committed"],
    },
    Case {
        name: "link where another env's link was removed by hand",
        setup: |r| {
            with_victim(r)?;
            r.lock()?.link("keep", &project(r), false)?;
            fs::remove_file(project(r).join(super::links::VENV))?;
            Ok(())
        },
        op: link_victim,
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &["link.unbound", "link.created", "link.committed"],
    },
    Case {
        name: "unlink",
        setup: with_linked_victim,
        op: |r| r.lock()?.unlink(&project(r)).map(drop),
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &["unlink.removed", "unlink.committed"],
    },
    Case {
        name: "unlink of a link removed by hand",
        setup: |r| {
            with_linked_victim(r)?;
            fs::remove_file(project(r).join(super::links::VENV))?;
            Ok(())
        },
        op: |r| r.lock()?.unlink(&project(r)).map(drop),
        one_of: &["victim"],
        bare: &[],
        extra: nothing,
        points: &["unlink.committed"],
    },
    Case {
        name: "rename of a linked env",
        setup: with_linked_victim,
        op: |r| r.lock()?.rename("victim", "moved", false),
        one_of: &["victim", "moved"],
        bare: &[],
        extra: |r, what| {
            let link = project(r).join(super::links::VENV);
            assert!(link.symlink_metadata().is_ok(), "{what}: .venv is gone");
        },
        points: &[
            "mv.journaled",
            "mv.renamed",
            "mv.rewrote",
            "mv.rewritten",
            "mv.committed",
            "mv.relinked",
            "mv.finished",
        ],
    },
    Case {
        name: "import --move",
        setup: with_foreign,
        op: |r| crate::cmd::import::move_one(r, &foreign(r), "victim"),
        one_of: &["victim"],
        bare: &[],
        extra: moved_in_or_in_place,
        points: &[
            "adopt.committed",
            "import.copied",
            "import.renamed",
            "import.committed",
            "import.deleted",
        ],
    },
    Case {
        name: "repair re-points",
        setup: with_victim,
        op: |r| r.lock()?.repoint("victim", &new_python()),
        one_of: &["victim"],
        bare: &[],
        extra: old_or_new,
        points: &["repair.repointed", "repair.recorded"],
    },
    Case {
        name: "repair rebuilds",
        setup: with_victim,
        op: rebuild_fake,
        one_of: &["victim"],
        bare: &[],
        extra: old_or_new,
        points: &[
            "repair.staged",
            "repair.trashed",
            "repair.renamed",
            "repair.committed",
            "repair.deleted",
        ],
    },
    Case {
        name: "repair rebuilds on a real interpreter",
        setup: with_victim,
        op: |r| crate::cmd::repair::rebuild_bare(r, "victim", py312()),
        one_of: &["victim"],
        bare: &["victim"],
        extra: old_or_real_new,
        points: &[
            "repair.staged",
            "repair.built",
            "repair.trashed",
            "repair.renamed",
            "repair.committed",
            "repair.deleted",
        ],
    },
    Case {
        name: "set --pip",
        setup: |r| {
            make(r, "keep", false)?;
            make_real(r, "victim")
        },
        op: |r| {
            let changes = Changes {
                pip: true,
                ..Changes::default()
            };
            r.lock()?.update("victim", &changes)
        },
        one_of: &["victim"],
        bare: &[],
        extra: pip_when_recorded,
        points: &["set.pip", "set.committed"],
    },
];

fn case(name: &str) -> &'static Case {
    CASES.iter().find(|c| c.name == name).unwrap()
}

#[test]
fn create_at_each_crash_point() {
    run(case("create"));
    run(case("complete"));
}

/// `mkenv.built` is reached only by `cmd::mkenv`, which asks the
/// interpreter about itself (no pip is seeded).
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn mkenv_on_a_real_interpreter_at_each_crash_point() {
    run(case("mkenv on a real interpreter"));
}

#[test]
fn remove_at_each_crash_point() {
    run(case("remove"));
}

#[test]
fn copy_at_each_crash_point() {
    run(case("copy"));
}

#[test]
fn rename_at_each_crash_point() {
    run(case("rename"));
}

#[test]
fn update_at_each_crash_point() {
    run(case("update"));
}

#[test]
fn link_at_each_crash_point() {
    run(case("link"));
    run(case("link --force over another env's link"));
    run(case("link where another env's link was removed by hand"));
    run(case("unlink"));
    run(case("unlink of a link removed by hand"));
    run(case("rename of a linked env"));
}

#[test]
fn import_move_at_each_crash_point() {
    run(case("import --move"));
}

#[test]
fn repair_at_each_crash_point() {
    run(case("repair re-points"));
    run(case("repair rebuilds"));
}

/// `repair.built` is reached only by `cmd::repair`, which builds the new
/// environment with a real interpreter (no packages: no pip runs).
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn repair_on_a_real_interpreter_at_each_crash_point() {
    run(case("repair rebuilds on a real interpreter"));
}

/// `set --pip` asks the environment's interpreter where its bundled pip
/// wheel is and seeds pip from it.
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn set_pip_at_each_crash_point() {
    run(case("set --pip"));
}

#[test]
fn recovery_at_each_crash_point() {
    for name in [
        "recovery of an uncommitted rm",
        "recovery of an unregistered copy",
        "recovery of an unrecorded env",
        "recovery of a half-rewritten rename",
        "recovery of a journaled rename",
        "last-used record and fold",
    ] {
        run(case(name));
    }
}

/// The cases above reach every crash point the registry has.
#[test]
fn every_point_has_a_case() {
    let mut covered: Vec<&str> = CASES
        .iter()
        .flat_map(|c| c.points.iter().copied())
        .chain(INTEGRATION_ONLY.iter().copied())
        .collect();
    covered.sort();
    covered.dedup();
    let mut all = crate::crash::POINTS.to_vec();
    all.sort();
    assert_eq!(covered, all);
    // The list of points left to the integration test stays minimal.
    for point in INTEGRATION_ONLY {
        let case = CASES.iter().find(|c| c.points.contains(point));
        assert!(
            case.is_none(),
            "{point} has a case ({}): take it out of INTEGRATION_ONLY",
            case.unwrap().name
        );
    }
}

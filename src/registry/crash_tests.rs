//! Unit tests of the transaction layer at each of its crash points.
//!
//! Each test drives one `Locked` transaction on a fresh home holding fake
//! environments (a pyvenv.cfg tree with a script, a `.pth` file and a
//! symlink that name the environment's directory: no interpreter is run),
//! first to learn which points it passes, then once per hit of each point
//! with the point armed (`crash::unit`): the transaction unwinds there, as
//! if killed, and the next `lock()` recovers. After every crash the
//! registry must hold exactly one consistent state: every entry a complete
//! environment, every directory in `envs/` registered, no scratch and no
//! journal left after recovery, the bystander `keep` unchanged to the byte,
//! and for a rename exactly one of OLD and NEW registered, NEW naming its
//! old directory nowhere. The real thing (SIGKILL of the built binary, real
//! interpreters) is `tests/core/crash.rs`.

use std::collections::BTreeMap;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{Changes, Entry, Registry, clone, entry_for_venv};
use crate::crash::unit;
use crate::home::Home;

/// Points only the commands in `src/cmd/` (or `used`'s lock-free side)
/// reach; `tests/core/crash.rs` covers them.
const OUTSIDE_THE_LOCK: &[&str] = &["mkenv.built", "mkenv.installed", "cp.copied"];

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
}

/// A fake environment at `dir` that names `lives_at` (where it will live).
fn fake_env(dir: &Path, lives_at: &Path, name: &str) {
    let d = lives_at.display();
    fs::create_dir_all(dir.join("bin")).unwrap();
    fs::create_dir_all(dir.join("lib/python3.12/site-packages/__pycache__")).unwrap();
    fs::write(
        dir.join("pyvenv.cfg"),
        format!(
            "home = /usr/bin\nimplementation = CPython\nversion = 3.12.1\n\
             include-system-site-packages = false\nexecutable = /usr/bin/python3.12\n\
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
        std::os::unix::fs::symlink("/usr/bin/python3", dir.join("bin/python")).unwrap();
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

fn copy_victim(reg: &Registry) -> Result<()> {
    let entry = reg.lock()?.index.envs["victim"].clone();
    let staging = reg.lock()?.stage_copy("copy")?;
    let src = reg.env_dir("victim");
    let dst = reg.env_dir("copy");
    clone::prepare(
        &src,
        staging.dir(),
        &src,
        &dst,
        "victim",
        "copy",
        None,
        &reg.home.cache_dir(),
    )?;
    let entry = Entry { path: dst, ..entry };
    reg.lock()?.copy("copy", staging, entry)
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
            dir.join("pyvenv.cfg").is_file() && dir.join("bin/tool").is_file(),
            "{what}: '{name}' is not a complete env"
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
                index.envs.contains_key(&n),
                "{what}: envs/{n} is not registered"
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
    // Everything is usable: a second lock changes nothing and says nothing.
    let again = reg.lock().unwrap().index.clone();
    assert_eq!(again, index, "{what}: a second recovery changed the index");
}

/// The case's transaction passes its points; a crash at each hit of each
/// point, then recovery, leaves one consistent registry.
fn run(case: &Case) {
    let probe = tempfile::tempdir().unwrap();
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
            let home = tempfile::tempdir().unwrap();
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
        points: &["mkenv.staged", "mkenv.renamed", "mkenv.committed"],
    },
    Case {
        name: "complete",
        setup: |r| {
            make(r, "keep", false)?;
            make(r, "victim", true)
        },
        op: |r| r.lock()?.complete("victim"),
        one_of: &["victim"],
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
        points: &["rm.trashed", "rm.committed", "rm.deleted"],
    },
    Case {
        name: "copy",
        setup: with_victim,
        op: copy_victim,
        one_of: &["victim"],
        points: &["cp.staged", "cp.renamed", "cp.committed"],
    },
    Case {
        name: "rename",
        setup: with_victim,
        op: |r| r.lock()?.rename("victim", "moved", false),
        one_of: &["victim", "moved"],
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
                ..Changes::default()
            };
            r.lock()?.update("victim", &changes)
        },
        one_of: &["victim"],
        points: &["set.cfg", "set.scripts", "set.pth", "set.committed"],
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
        points: &["used.recorded", "recover.saved", "used.folded"],
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
        .chain(OUTSIDE_THE_LOCK.iter().copied())
        .collect();
    covered.sort();
    covered.dedup();
    let mut all = crate::crash::POINTS.to_vec();
    all.sort();
    assert_eq!(covered, all);
}

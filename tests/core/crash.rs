//! Every crash point of every mutating command, tested deterministically:
//! the process is killed (SIGKILL) exactly at the point, then the next
//! commands must find a registry in which every promise holds.
//!
//! The points are listed in src/crash.rs (`POINTS`); this test fails when a
//! listed point is not reached by any scenario below. Crash points exist in
//! debug builds only, which is what `cargo test` runs.

use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};

use crate::common::*;

/// What a scenario runs: the setup commands, then the command that is killed.
struct Scenario {
    name: &'static str,
    setup: Vec<Vec<String>>,
    command: Vec<String>,
    /// Names whose usability is checked afterwards.
    targets: &'static [&'static str],
    /// Names of which exactly one must be registered after the crash
    /// (a rename), or empty.
    one_of: &'static [&'static str],
    /// Before the command: make the victim's pyvenv.cfg name another patch
    /// release (what `repair` re-points).
    damage: bool,
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn scenarios(py: &Path) -> Vec<Scenario> {
    let py = py.display().to_string();
    let mk = |name: &str, extra: &[&str]| {
        let mut a = args(&["mkenv", name, "-p", &py]);
        a.extend(args(extra));
        a
    };
    let keep = mk("keep", &["--no-pip"]);
    vec![
        Scenario {
            name: "mkenv",
            setup: vec![keep.clone()],
            command: mk("victim", &["--no-pip"]),
            targets: &["victim"],
            one_of: &[],
            damage: false,
        },
        Scenario {
            name: "mkenv -i",
            setup: vec![keep.clone()],
            command: mk("victim", &["-i", "crashpkg"]),
            targets: &["victim"],
            one_of: &[],
            damage: false,
        },
        Scenario {
            name: "rm",
            setup: vec![keep.clone(), mk("victim", &["--no-pip"])],
            command: args(&["rm", "-y", "victim"]),
            targets: &["victim"],
            one_of: &[],
            damage: false,
        },
        Scenario {
            name: "rm two",
            setup: vec![
                keep.clone(),
                mk("victim", &["--no-pip"]),
                mk("victim2", &["--no-pip"]),
            ],
            command: args(&["rm", "-y", "victim", "victim2"]),
            targets: &["victim", "victim2"],
            one_of: &[],
            damage: false,
        },
        Scenario {
            name: "cp",
            setup: vec![keep.clone(), mk("victim", &["--no-pip"])],
            command: args(&["cp", "victim", "copy"]),
            targets: &["victim", "copy"],
            one_of: &["victim"],
            damage: false,
        },
        Scenario {
            name: "mv",
            setup: vec![keep.clone(), mk("victim", &["--no-pip", "--prompt", "v p"])],
            command: args(&["mv", "victim", "moved"]),
            targets: &["victim", "moved"],
            one_of: &["victim", "moved"],
            damage: false,
        },
        Scenario {
            name: "set",
            setup: vec![keep.clone(), mk("victim", &["--no-pip"])],
            command: args(&[
                "set",
                "victim",
                "--prompt",
                "new prompt",
                "--system-site-packages",
                "true",
                "--add-path",
                "/opt/lib",
                "--var",
                "K=V",
                "--project",
                "/",
                "--pip",
            ]),
            targets: &["victim"],
            one_of: &["victim"],
            damage: false,
        },
        Scenario {
            name: "repair re-points",
            setup: vec![keep.clone(), mk("victim", &["--no-pip"])],
            command: args(&["repair", "victim"]),
            targets: &["victim"],
            one_of: &["victim"],
            damage: true,
        },
        Scenario {
            name: "repair rebuilds",
            setup: vec![keep.clone(), mk("victim", &["--no-pip"])],
            command: args(&["repair", "victim", "-p", &py]),
            targets: &["victim"],
            one_of: &["victim"],
            damage: false,
        },
        Scenario {
            name: "import --move",
            setup: vec![keep.clone(), args(&["!venv", "{W}/store/victim"])],
            command: args(&["import", "--move", "{W}/store"]),
            targets: &["victim"],
            one_of: &[],
            damage: false,
        },
        Scenario {
            name: "link",
            setup: vec![keep.clone(), mk("victim", &["--no-pip"])],
            command: args(&["link", "victim", "@HOME"]),
            targets: &["victim"],
            one_of: &["victim"],
            damage: false,
        },
        Scenario {
            name: "link --force over another env's link",
            setup: vec![
                keep.clone(),
                mk("victim", &["--no-pip"]),
                args(&["link", "keep", "@HOME"]),
            ],
            command: args(&["link", "--force", "victim", "@HOME"]),
            targets: &["victim"],
            one_of: &["victim"],
            damage: false,
        },
        Scenario {
            name: "mv with a .venv link",
            setup: vec![
                keep.clone(),
                mk("victim", &["--no-pip"]),
                args(&["link", "victim", "@HOME"]),
            ],
            command: args(&["mv", "victim", "moved"]),
            targets: &["victim", "moved"],
            one_of: &["victim", "moved"],
            damage: false,
        },
        Scenario {
            name: "unlink",
            setup: vec![
                keep.clone(),
                mk("victim", &["--no-pip"]),
                args(&["link", "victim", "@HOME"]),
            ],
            command: args(&["unlink", "@HOME"]),
            targets: &["victim"],
            one_of: &["victim"],
            damage: false,
        },
        Scenario {
            name: "workon records last-used",
            setup: vec![keep.clone(), mk("victim", &["--no-pip"])],
            command: args(&["path", "--workon", "victim"]),
            targets: &["victim"],
            one_of: &[],
            damage: false,
        },
        Scenario {
            name: "a locked command folds last-used",
            setup: vec![
                keep.clone(),
                mk("victim", &["--no-pip"]),
                args(&["path", "--workon", "victim"]),
            ],
            command: mk("victim2", &["--no-pip"]),
            targets: &["victim", "victim2"],
            one_of: &[],
            damage: false,
        },
    ]
}

/// Setups that leave a crash state, then a reader that recovers it.
fn recovery_scenarios(py: &Path) -> Vec<(Scenario, &'static str)> {
    let py = py.display().to_string();
    let keep = args(&["mkenv", "keep", "-p", &py, "--no-pip"]);
    vec![
        (
            Scenario {
                name: "recovery of an unrecorded mkenv",
                setup: vec![keep.clone()],
                command: args(&["ls"]),
                targets: &["victim"],
                one_of: &[],
                damage: false,
            },
            "mkenv-renamed",
        ),
        (
            Scenario {
                name: "recovery of an uncommitted rm",
                setup: vec![keep.clone()],
                command: args(&["ls"]),
                targets: &["victim"],
                one_of: &[],
                damage: false,
            },
            "rm-trashed",
        ),
        (
            Scenario {
                name: "recovery of an uncommitted cp",
                setup: vec![keep.clone()],
                command: args(&["ls"]),
                targets: &["victim", "copy"],
                one_of: &["victim"],
                damage: false,
            },
            "cp-renamed",
        ),
        (
            Scenario {
                name: "recovery of a journaled mv",
                setup: vec![keep.clone()],
                command: args(&["ls"]),
                targets: &["victim", "moved"],
                one_of: &["victim", "moved"],
                damage: false,
            },
            "mv-journaled",
        ),
        (
            Scenario {
                name: "recovery of a half-rewritten mv",
                setup: vec![keep.clone()],
                command: args(&["ls"]),
                targets: &["victim", "moved"],
                one_of: &["victim", "moved"],
                damage: false,
            },
            "mv-rewrote",
        ),
    ]
}

/// Make the victim's pyvenv.cfg say it was built for another patch release.
fn damage(w: &World) {
    let cfg = w.env_dir("victim").join("pyvenv.cfg");
    let text = std::fs::read_to_string(&cfg).unwrap();
    let edited: String = text
        .lines()
        .map(|l| match l.strip_prefix("version = ") {
            Some(v) => {
                let (minor, patch) = v.rsplit_once('.').unwrap();
                let other = if patch == "0" { "1" } else { "0" };
                format!("version = {minor}.{other}\n")
            }
            None => format!("{l}\n"),
        })
        .collect();
    assert_ne!(edited, text);
    std::fs::write(&cfg, edited).unwrap();
}

fn listed_points() -> Vec<String> {
    let src = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/crash.rs"))
        .unwrap();
    let list = src.split("pub const POINTS").nth(1).unwrap();
    let list = &list[..list.find("];").unwrap()];
    list.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('"'))
        .map(|l| l.trim_end_matches(',').trim_matches('"').to_string())
        .collect()
}

/// Every file below `dir`: path → (kind, bytes or link target, mode).
fn tree(dir: &Path) -> BTreeMap<PathBuf, (char, Vec<u8>, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let meta = p.symlink_metadata().unwrap();
            let rel = p.strip_prefix(dir).unwrap().to_path_buf();
            let mode = meta.permissions().mode();
            if meta.file_type().is_symlink() {
                let t = std::fs::read_link(&p).unwrap();
                out.insert(rel, ('l', t.into_os_string().into_encoded_bytes(), mode));
            } else if meta.is_dir() {
                out.insert(rel, ('d', vec![], mode));
                stack.push(p);
            } else {
                out.insert(rel, ('f', std::fs::read(&p).unwrap(), mode));
            }
        }
    }
    out
}

/// Files below `dir` (outside `__pycache__`) that name the directory
/// `needle` as a whole path (not as a prefix of a longer name).
fn files_naming_dir(dir: &Path, needle: &Path) -> Vec<PathBuf> {
    let needle = needle.as_os_str().as_encoded_bytes();
    let names = |data: &[u8]| {
        data.windows(needle.len()).enumerate().any(|(i, w)| {
            w == needle
                && !data
                    .get(i + needle.len())
                    .is_some_and(|c| c.is_ascii_alphanumeric() || b"._+-".contains(c))
        })
    };
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let meta = p.symlink_metadata().unwrap();
            if meta.file_type().is_symlink() {
                if names(
                    std::fs::read_link(&p)
                        .unwrap()
                        .as_os_str()
                        .as_encoded_bytes(),
                ) {
                    found.push(p);
                }
            } else if meta.is_dir() {
                if e.file_name() != "__pycache__" {
                    stack.push(p);
                }
            } else if names(&std::fs::read(&p).unwrap()) {
                found.push(p);
            }
        }
    }
    found
}

struct Run {
    w: World,
    wheels: PathBuf,
    py: PathBuf,
}

impl Run {
    fn new(py: &Path) -> Run {
        let w = World::new();
        let wheels = w.dir.path().join("wheels");
        std::fs::create_dir_all(&wheels).unwrap();
        make_wheel(py, &wheels, "crashpkg", "1.0");
        Run {
            w,
            wheels,
            py: py.to_path_buf(),
        }
    }

    /// `args` with `{W}` replaced by the world's directory, and `@HOME`
    /// standing for the world's HOME directory.
    fn subst(&self, args: &[String]) -> Vec<String> {
        let w = self.w.dir.path().display().to_string();
        let home = self.w.home().display().to_string();
        args.iter()
            .map(|a| {
                if a == "@HOME" {
                    home.clone()
                } else {
                    a.replace("{W}", &w)
                }
            })
            .collect()
    }

    fn cmd(&self, args: &[String]) -> std::process::Command {
        let mut c = self.w.cmd(self.subst(args));
        c.env("PIP_FIND_LINKS", &self.wheels);
        c
    }

    fn ok(&self, args: &[String]) -> Out {
        Out::from(self.cmd(args).output().unwrap()).ok()
    }

    /// Run `args`, killed at `point`; assert it died there.
    fn crash(&self, args: &[String], point: &str) {
        let out = self
            .cmd(args)
            .env("ENVREG_CRASH_AT", point)
            .output()
            .unwrap();
        assert_eq!(
            out.status.signal(),
            Some(9),
            "{args:?} was not killed at {point}: {:?}",
            Out::from(out)
        );
    }

    fn setup(&self, py: &Path, setup: &[Vec<String>], state: Option<&str>) {
        for s in setup {
            // `!venv DIR`: a venv made by `python -m venv`, not by envreg.
            if s[0] == "!venv" {
                let dir = &self.subst(s)[1];
                run_ok(py, &["-m", "venv", "--without-pip", dir]);
                continue;
            }
            self.ok(s);
        }
        let victim = args(&[
            "mkenv",
            "victim",
            "-p",
            &py.display().to_string(),
            "--no-pip",
        ]);
        match state {
            Some("mkenv-renamed") => self.crash(&victim, "mkenv.renamed"),
            Some("rm-trashed") => {
                self.ok(&victim);
                self.crash(&args(&["rm", "-y", "victim"]), "rm.trashed");
            }
            Some("cp-renamed") => {
                self.ok(&victim);
                self.crash(&args(&["cp", "victim", "copy"]), "cp.renamed");
            }
            Some("mv-journaled") => {
                self.ok(&victim);
                self.crash(&args(&["mv", "victim", "moved"]), "mv.journaled");
            }
            Some("mv-rewrote") => {
                self.ok(&victim);
                self.crash(&args(&["mv", "victim", "moved"]), "mv.rewrote:2");
            }
            _ => {}
        }
    }

    /// The points `args` reaches, with how often each.
    fn points(&self, args: &[String]) -> BTreeMap<String, u32> {
        let log = self.w.dir.path().join("crash.log");
        let _ = std::fs::remove_file(&log);
        Out::from(
            self.cmd(args)
                .env("ENVREG_CRASH_LOG", &log)
                .output()
                .unwrap(),
        )
        .ok();
        let mut hits = BTreeMap::new();
        for line in std::fs::read_to_string(&log).unwrap_or_default().lines() {
            *hits.entry(line.to_string()).or_insert(0) += 1;
        }
        hits
    }

    /// The promises that hold after any crash and one more command.
    fn check(
        &self,
        what: &str,
        keep: &BTreeMap<PathBuf, (char, Vec<u8>, u32)>,
        targets: &[&str],
        one_of: &[&str],
    ) {
        let w = &self.w;
        let json = w.run(["ls", "--json"]).ok().stdout;
        let listed: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        let names: Vec<String> = listed
            .iter()
            .map(|v| v["name"].as_str().unwrap().to_string())
            .collect();
        for v in &listed {
            let dir = PathBuf::from(v["path"].as_str().unwrap());
            assert!(
                dir.join("pyvenv.cfg").is_file() && dir.join("bin/python").exists(),
                "{what}: entry {v} is not a complete env"
            );
            let status = v["status"].as_str().unwrap();
            assert!(
                status == "ok" || status == "incomplete",
                "{what}: {v} has status {status}"
            );
            let ok = std::process::Command::new(dir.join("bin/python"))
                .args(["-c", "import sys"])
                .env_remove("PYTHONHOME")
                .status()
                .unwrap();
            assert!(ok.success(), "{what}: the python of {v} does not run");
            assert!(
                !dir.join(".envreg-uncommitted").exists() || status == "ok",
                "{what}"
            );
        }
        if !one_of.is_empty() {
            let n = one_of
                .iter()
                .filter(|t| names.iter().any(|n| n == *t))
                .count();
            assert_eq!(n, 1, "{what}: not exactly one of {one_of:?} in {names:?}");
        }
        for e in std::fs::read_dir(w.envreg_home().join("envs"))
            .unwrap()
            .flatten()
        {
            let n = e.file_name().to_string_lossy().into_owned();
            if !n.starts_with('.') {
                assert!(names.contains(&n), "{what}: envs/{n} is not registered");
            }
        }
        // HOME/.venv (`link`) is absent or a link to a registered env, and
        // the projects file the auto-activation hooks read binds HOME to
        // that env or to none.
        let link = w.home().join(".venv");
        if let Ok(target) = std::fs::read_link(&link) {
            let owner = listed
                .iter()
                .find(|v| Path::new(v["path"].as_str().unwrap()) == target)
                .unwrap_or_else(|| panic!("{what}: .venv links to {}", target.display()));
            let projects =
                std::fs::read_to_string(w.envreg_home().join("projects")).unwrap_or_default();
            let home = w.home().display().to_string();
            for line in projects.lines() {
                if let Some((dir, name)) = line.split_once('\t')
                    && dir == home
                {
                    assert_eq!(
                        name, owner["name"],
                        "{what}: HOME is bound to '{name}', its .venv leads to {owner}"
                    );
                }
            }
        }
        // A renamed env names its old directory nowhere (outside __pycache__).
        if names.iter().any(|n| n == "moved") {
            let naming = files_naming_dir(&w.env_dir("moved"), &w.env_dir("victim"));
            assert!(
                naming.is_empty(),
                "{what}: still name the old dir: {naming:?}"
            );
        }
        // A second command: nothing of the crash is left.
        w.run(["ls"]).ok();
        assert!(w.leftovers().is_empty(), "{what}: left {:?}", w.leftovers());
        assert_eq!(&tree(&w.env_dir("keep")), keep, "{what}: 'keep' changed");
        // Every target name is usable: either it is a working env that rm
        // removes, or it is free and mkenv takes it.
        for t in targets {
            if names.iter().any(|n| n == t) {
                let path = w.run(["path", t]).ok().stdout;
                assert!(
                    Path::new(path.trim()).join("pyvenv.cfg").is_file(),
                    "{what}"
                );
                w.run(["rm", "-y", t]).ok();
            }
            assert!(!w.env_dir(t).exists(), "{what}: {t} left on disk");
            w.mkenv(t, &self.py, &["--no-pip"]);
            w.run(["path", t]).ok();
        }
        assert_eq!(&tree(&w.env_dir("keep")), keep, "{what}: 'keep' changed");
    }
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn every_crash_point_leaves_a_consistent_registry() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let mut covered: BTreeMap<String, u32> = BTreeMap::new();
    let mut all: Vec<(Scenario, Option<&str>)> =
        scenarios(&py).into_iter().map(|s| (s, None)).collect();
    all.extend(
        recovery_scenarios(&py)
            .into_iter()
            .map(|(s, state)| (s, Some(state))),
    );
    for (scenario, state) in &all {
        // Which points does the command pass, and how often?
        let probe = Run::new(&py);
        probe.setup(&py, &scenario.setup, *state);
        if scenario.damage {
            damage(&probe.w);
        }
        let hits = probe.points(&scenario.command);
        assert!(
            !hits.is_empty(),
            "{}: reached no crash point",
            scenario.name
        );
        // By default one real SIGKILL per scenario, at the first point no
        // earlier scenario was killed at (the unit tests in
        // src/registry/crash_tests.rs simulate a crash at every hit of every
        // point, fast); the full run kills every scenario at every hit.
        let mut killed = false;
        for (point, n) in &hits {
            let before = covered.get(point).copied().unwrap_or(0);
            *covered.entry(point.clone()).or_insert(0) += n;
            for k in 1..=*n {
                if !cfg!(envreg_test_full) && (killed || k <= before) {
                    continue;
                }
                killed = true;
                let what = format!("{} killed at {point}:{k}", scenario.name);
                let run = Run::new(&py);
                run.setup(&py, &scenario.setup, *state);
                if scenario.damage {
                    damage(&run.w);
                }
                let keep = tree(&run.w.env_dir("keep"));
                run.crash(&scenario.command, &format!("{point}:{k}"));
                run.check(&what, &keep, scenario.targets, scenario.one_of);
            }
        }
    }
    let missing: Vec<String> = listed_points()
        .into_iter()
        .filter(|p| !covered.contains_key(p))
        .collect();
    assert!(
        missing.is_empty(),
        "crash points no scenario reaches: {missing:?}"
    );
}

//! run, all, cp, mv, temporary envs, wipe, set and path flags, with real
//! interpreters against the built binary.

use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

fn json(out: &Out) -> serde_json::Value {
    serde_json::from_str(&out.stdout).unwrap()
}

/// Every file under `dir` outside `__pycache__` whose bytes contain `needle`.
fn files_naming(dir: &Path, needle: &Path) -> Vec<PathBuf> {
    let needle = needle.as_os_str().as_encoded_bytes();
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let meta = p.symlink_metadata().unwrap();
            if meta.file_type().is_symlink() {
                let t = std::fs::read_link(&p).unwrap();
                if t.as_os_str()
                    .as_encoded_bytes()
                    .windows(needle.len())
                    .any(|w| w == needle)
                {
                    found.push(p);
                }
            } else if meta.is_dir() {
                if e.file_name() != "__pycache__" {
                    stack.push(p);
                }
            } else {
                let data = std::fs::read(&p).unwrap();
                if data.windows(needle.len()).any(|w| w == needle) {
                    found.push(p);
                }
            }
        }
    }
    found
}

/// A world with the wheel `hello` (console script `hello-cli`) on PIP_FIND_LINKS.
struct Wheels {
    w: World,
    py: PathBuf,
    wheels: PathBuf,
}

impl Wheels {
    fn new(py: &Path) -> Wheels {
        let w = World::new();
        let wheels = w.dir.path().join("wheels");
        std::fs::create_dir_all(&wheels).unwrap();
        make_wheel_with_script(py, &wheels, "hello", "1.0", Some("hello-cli"));
        Wheels {
            w,
            py: py.to_path_buf(),
            wheels,
        }
    }

    fn run<I: IntoIterator<Item = S>, S: AsRef<std::ffi::OsStr>>(&self, args: I) -> Out {
        Out::from(
            self.w
                .cmd(args)
                .env("PIP_FIND_LINKS", &self.wheels)
                .output()
                .unwrap(),
        )
    }

    fn mkenv(&self, name: &str, extra: &[&str]) {
        let mut a = vec!["mkenv", name, "-p", self.py.to_str().unwrap()];
        a.extend(extra);
        self.run(&a).ok();
    }
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn run_passes_environment_status_and_signals() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    w.run(["set", "a", "--var", "FOO=b a r", "--var", "X=1"])
        .ok();
    let dir = w.env_dir("a");
    let out = Out::from(
        w.cmd([
            "run",
            "a",
            "--",
            "python",
            "-c",
            "import os, sys; print(sys.prefix); print(os.environ['FOO']); \
             print(os.environ.get('PYTHONHOME')); print(os.environ['VIRTUAL_ENV']); \
             print(os.environ['PATH'].split(os.pathsep)[0])",
        ])
        .env("PYTHONHOME", "/nonexistent")
        .output()
        .unwrap(),
    )
    .ok();
    let lines: Vec<&str> = out.stdout.lines().collect();
    let d = dir.display().to_string();
    let bin = dir.join("bin").display().to_string();
    assert_eq!(
        lines,
        [d.as_str(), "b a r", "None", d.as_str(), bin.as_str()]
    );

    // Exit status and death by signal are the command's own.
    assert_eq!(
        w.run(["run", "a", "--", "sh", "-c", "exit 7"]).code,
        Some(7)
    );
    let status = w
        .cmd(["run", "a", "--", "sh", "-c", "kill -TERM $$"])
        .status()
        .unwrap();
    assert_eq!(status.signal(), Some(15));

    // Not found: 127 and a message, as a shell.
    let out = w.run(["run", "a", "--", "no-such-command-xyz"]);
    assert_eq!(out.code, Some(127), "{out:?}");
    assert!(
        out.stderr
            .starts_with("envreg: no-such-command-xyz: command not found")
    );

    // An unknown name runs nothing.
    let marker = w.dir.path().join("ran");
    let touch = ["touch", marker.to_str().unwrap()];
    let mut args = vec!["run", "zz", "--"];
    args.extend(touch);
    w.run(&args).fails_with(&["no environment named 'zz'"]);
    assert!(!marker.exists());

    // A broken env is refused with the reason, unless --force.
    std::fs::remove_file(dir.join("bin/python")).unwrap();
    std::os::unix::fs::symlink("/nonexistent/python3", dir.join("bin/python")).unwrap();
    let mut args = vec!["run", "a", "--"];
    args.extend(touch);
    w.run(&args)
        .fails_with(&["'a' is broken", "does not resolve", "--force"]);
    assert!(!marker.exists());
    let mut args = vec!["run", "--force", "a", "--"];
    args.extend(touch);
    w.run(&args).ok();
    assert!(marker.exists());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn all_runs_in_every_env_groups_output_and_summarises_failures() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    for n in ["a", "b", "c"] {
        w.mkenv(n, &py, &["--no-pip"]);
    }
    // Each env prints many lines; with -j 3 no two envs' lines interleave.
    let script = "import os, sys\n\
        name = os.path.basename(sys.prefix)\n\
        assert os.getcwd() == sys.prefix, (os.getcwd(), sys.prefix)\n\
        for i in range(3000):\n    print(name, i)\n\
        sys.exit(3 if name == 'b' else 0)\n";
    let out = w.run(["all", "-j", "3", "--", "python", "-c", script]);
    assert_eq!(out.code, Some(1), "{out:?}");
    let mut blocks: Vec<String> = Vec::new();
    for line in out.stdout.lines() {
        let name = line.split(' ').next().unwrap().to_string();
        if blocks.last() != Some(&name) {
            blocks.push(name);
        }
    }
    blocks.sort();
    assert_eq!(blocks, ["a", "b", "c"], "output interleaved");
    assert_eq!(out.stdout.lines().count(), 9000);
    assert!(
        out.stderr
            .contains("failed in 1 of 3 environments: b (exit 3)"),
        "{}",
        out.stderr
    );
    for n in ["a", "b", "c"] {
        assert!(out.stderr.contains(&format!("envreg: ==> {n} <==")));
    }
    // One job: streamed, all succeed.
    let out = w
        .run(["all", "--only", "a,c", "--", "python", "-c", "print('x')"])
        .ok();
    assert_eq!(out.stdout, "x\nx\n");
    // An unknown name in --only runs nothing.
    let marker = w.dir.path().join("ran");
    w.run([
        "all",
        "--only",
        "a,zz",
        "--",
        "touch",
        marker.to_str().unwrap(),
    ])
    .fails_with(&["no environment named 'zz'", "nothing was run"]);
    assert!(!marker.exists());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn cp_makes_an_independent_working_copy() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let t = Wheels::new(&py);
    let w = &t.w;
    let project = w.dir.path().join("proj");
    std::fs::create_dir_all(&project).unwrap();
    t.mkenv(
        "src1",
        &["-i", "hello", "--project", project.to_str().unwrap()],
    );
    let src = w.env_dir("src1");
    let dst = w.env_dir("dst1");
    // Byte code that names the old path exists in the source.
    let out = t.run(["cp", "src1", "dst1"]).ok();
    assert_eq!(out.stdout.trim(), dst.display().to_string());
    assert_eq!(files_naming(&dst, &src), Vec::<PathBuf>::new());
    assert!(dst.join("bin/hello-cli").is_file());
    assert!(!dst.join(".envreg-uncommitted").exists());
    // Symlinks stay symlinks.
    for link in ["bin/python", "lib64"] {
        assert!(
            dst.join(link)
                .symlink_metadata()
                .unwrap()
                .file_type()
                .is_symlink(),
            "{link}"
        );
    }
    // No hard links but into the seed cache.
    use std::os::unix::fs::MetadataExt;
    let mut stack = vec![dst.clone()];
    let mut cache_inodes = std::collections::HashSet::new();
    let mut cstack = vec![w.envreg_home().join("cache")];
    while let Some(d) = cstack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let m = e.path().symlink_metadata().unwrap();
            if m.is_dir() {
                cstack.push(e.path());
            } else {
                cache_inodes.insert(m.ino());
            }
        }
    }
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let m = e.path().symlink_metadata().unwrap();
            if m.is_dir() {
                stack.push(e.path());
            } else if m.is_file() && m.nlink() > 1 {
                assert!(
                    cache_inodes.contains(&m.ino()) && m.mode() & 0o222 == 0,
                    "{} is a hard link outside the seed cache",
                    e.path().display()
                );
            }
        }
    }
    // Settings come along.
    let shown = json(&t.run(["show", "dst1", "--json"]).ok());
    assert_eq!(shown["project"], project.display().to_string());
    assert_eq!(shown["status"], "ok");

    // Removing the source leaves the copy working: its console script, pip.
    t.run(["rm", "-y", "src1"]).ok();
    assert!(!src.exists());
    let out = run_ok(&dst.join("bin/hello-cli"), &[]);
    assert_eq!(out.trim(), format!("hello 1.0 from {}", dst.display()));
    let out = run_ok(&dst.join("bin/pip"), &["--version"]);
    assert!(out.contains(&dst.display().to_string()), "{out}");
    // The copy's activate script names the copy, and its prompt.
    let activate = std::fs::read_to_string(dst.join("bin/activate")).unwrap();
    assert!(activate.contains("'dst1'"), "{activate}");

    // An existing DST: exit 1, nothing touched.
    t.run(["cp", "dst1", "dst2"]).ok();
    let before = std::fs::read(dst.join("pyvenv.cfg")).unwrap();
    let index = w.index_bytes();
    t.run(["cp", "dst1", "dst2"])
        .fails_with(&["'dst2' already exists"]);
    assert_eq!(w.index_bytes(), index);
    assert_eq!(std::fs::read(dst.join("pyvenv.cfg")).unwrap(), before);
    // Names are checked as for mkenv.
    t.run(["cp", "dst1", "bad name"]).fails_with(&[
        "invalid environment name",
        "\nhint: choose a name of letters",
    ]);
    t.run(["cp", "nope", "x"])
        .fails_with(&["no environment named 'nope'"]);
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn cp_clones_an_unregistered_venv_by_path() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    let outside = w.dir.path().join("elsewhere/myvenv");
    run_ok(
        &py,
        &["-m", "venv", "--without-pip", outside.to_str().unwrap()],
    );
    w.run(["cp", outside.to_str().unwrap()]).ok();
    assert_eq!(w.names(), ["myvenv"]);
    std::fs::remove_dir_all(&outside).unwrap();
    let dst = w.env_dir("myvenv");
    assert_eq!(files_naming(&dst, &outside), Vec::<PathBuf>::new());
    let out = w
        .run([
            "run",
            "myvenv",
            "--",
            "python",
            "-c",
            "import sys; print(sys.prefix)",
        ])
        .ok();
    assert_eq!(out.stdout.trim(), dst.display().to_string());
    let shown = json(&w.run(["show", "myvenv", "--json"]).ok());
    assert_eq!(shown["status"], "ok");
    // Not a venv: refused.
    w.run(["cp", w.dir.path().to_str().unwrap(), "x"])
        .fails_with(&["is not a virtual environment"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn mv_renames_keeps_metadata_and_refuses_the_active_env() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let t = Wheels::new(&py);
    let w = &t.w;
    let project = w.dir.path().join("proj");
    std::fs::create_dir_all(&project).unwrap();
    t.mkenv(
        "old1",
        &["-i", "hello", "--project", project.to_str().unwrap()],
    );
    t.run(["set", "old1", "--var", "K=v"]).ok();
    t.run(["path", "--workon", "old1"]).ok();
    let before = json(&t.run(["show", "old1", "--json"]).ok());
    let old = w.env_dir("old1");
    let new = w.env_dir("new1");
    t.run(["mv", "old1", "new1"]).ok();
    assert_eq!(w.names(), ["new1"]);
    assert!(!old.exists());
    let after = json(&t.run(["show", "new1", "--json"]).ok());
    for key in [
        "created",
        "last_used",
        "project",
        "vars",
        "pip",
        "requested",
    ] {
        assert_eq!(before[key], after[key], "{key}");
    }
    assert_eq!(after["path"], new.display().to_string());
    assert_eq!(after["status"], "ok");
    assert_eq!(files_naming(&new, &old), Vec::<PathBuf>::new());
    let out = run_ok(&new.join("bin/hello-cli"), &[]);
    assert_eq!(out.trim(), format!("hello 1.0 from {}", new.display()));
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
    // mv renames in place and replaces each file it rewrites: nothing is
    // shared but the read-only seed files.
    {
        use std::os::unix::fs::MetadataExt;
        let mut stack = vec![new.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let m = e.path().symlink_metadata().unwrap();
                if m.is_dir() {
                    stack.push(e.path());
                } else if m.is_file() && m.nlink() > 1 {
                    assert!(m.mode() & 0o222 == 0, "{} is shared", e.path().display());
                }
            }
        }
    }

    // The active env: refused, unless --force (then: workon NEW).
    let out = Out::from(
        w.cmd(["mv", "new1", "new2"])
            .env("VIRTUAL_ENV", &new)
            .output()
            .unwrap(),
    );
    out.fails_with(&["active environment", "--force"]);
    assert_eq!(w.names(), ["new1"]);
    let out = Out::from(
        w.cmd(["mv", "--force", "new1", "new2"])
            .env("VIRTUAL_ENV", &new)
            .output()
            .unwrap(),
    )
    .ok();
    assert!(out.stderr.contains("workon new2"), "{}", out.stderr);
    assert_eq!(w.names(), ["new2"]);
    // Names are checked; an existing NEW is refused.
    t.mkenv("other", &["--no-pip"]);
    t.run(["mv", "new2", "other"])
        .fails_with(&["'other' already exists"]);
    t.run(["mv", "new2", "../x"]).fails_with(&[
        "invalid environment name",
        "\nhint: choose a name of letters",
    ]);
    t.run(["mv", "nope", "x"])
        .fails_with(&["no environment named 'nope'"]);
    assert_eq!(w.names(), ["new2", "other"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn temporary_envs_are_listed_and_removed_together() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("keep", &py, &["--no-pip"]);
    let out = w
        .run(["mkenv", "--temp", "-p", py.to_str().unwrap(), "--no-pip"])
        .ok();
    let tmp_dir = PathBuf::from(out.stdout.trim());
    let tmp = tmp_dir.file_name().unwrap().to_str().unwrap().to_string();
    assert!(tmp.starts_with("tmp-") && tmp.len() == 10, "{tmp}");
    w.run(["mkenv", "--temp", "-p", py.to_str().unwrap(), "--no-pip"])
        .ok();
    let listed = json(&w.run(["ls", "--json"]).ok());
    let temps: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["temp"] == true)
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(temps.len(), 2);
    assert!(temps.contains(&tmp.as_str()));
    assert!(w.run(["ls"]).ok().stdout.contains(&format!("{tmp} (temp)")));
    // Without -y and no terminal: refused, nothing removed.
    w.run(["rm", "--temp"]).fails_with(&["-y"]);
    let out = w.run(["rm", "--temp", "-y"]).ok();
    assert!(
        out.stderr
            .contains(&format!("temporary '{tmp}', created just now"))
    );
    assert_eq!(w.names(), ["keep"]);
    assert!(!tmp_dir.exists());
    w.run(["rm", "--temp", "-y"]).ok();
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn wipe_uninstalls_all_but_the_seed() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let t = Wheels::new(&py);
    t.mkenv("a", &["-i", "hello"]);
    let site = t.w.env_dir("a").join("lib/python3.12/site-packages");
    assert!(site.join("hello-1.0.dist-info").is_dir());
    t.run(["wipe", "a"]).fails_with(&["-y", "hello"]);
    assert!(site.join("hello-1.0.dist-info").is_dir());
    t.run(["wipe", "a", "-y"]).ok();
    assert!(!site.join("hello-1.0.dist-info").exists());
    assert!(!t.w.env_dir("a").join("bin/hello-cli").exists());
    assert!(site.join("pip").is_dir());
    run_ok(&t.w.env_dir("a").join("bin/pip"), &["--version"]);
    let out = t.run(["wipe", "a", "-y"]).ok();
    assert!(
        out.stderr.contains("nothing but its seed"),
        "{}",
        out.stderr
    );
    t.run(["wipe", "zz", "-y"])
        .fails_with(&["no environment named 'zz'"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn set_changes_files_and_index() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let dir = w.env_dir("a");
    let extra = w.dir.path().join("extra lib");
    std::fs::create_dir_all(&extra).unwrap();
    w.run([
        "set",
        "a",
        "--system-site-packages",
        "true",
        "--prompt",
        "it's mine",
        "--add-path",
        extra.to_str().unwrap(),
        "--var",
        "A=1",
    ])
    .ok();
    let cfg = std::fs::read_to_string(dir.join("pyvenv.cfg")).unwrap();
    assert!(cfg.contains("include-system-site-packages = true"), "{cfg}");
    assert!(cfg.contains("prompt = \"it's mine\""), "{cfg}");
    let activate = std::fs::read_to_string(dir.join("bin/activate")).unwrap();
    assert!(
        activate.contains("VIRTUAL_ENV_PROMPT='it'\\''s mine'"),
        "{activate}"
    );
    let probe = "import sys, site; print(site.ENABLE_USER_SITE is not None); \
                 print(any(p == sys.argv[1] for p in sys.path)); \
                 print(sum('site-packages' in p for p in sys.path))";
    let out = run_ok(
        &dir.join("bin/python"),
        &["-c", probe, extra.to_str().unwrap()],
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1], "True", "{out}");
    let with_system: usize = lines[2].parse().unwrap();
    let shown = json(&w.run(["show", "a", "--json"]).ok());
    assert_eq!(shown["system_site_packages"], true);
    assert_eq!(shown["prompt"], "it's mine");
    assert_eq!(shown["vars"]["A"], "1");
    assert_eq!(shown["extra_paths"][0], extra.display().to_string());

    w.run([
        "set",
        "a",
        "--system-site-packages",
        "false",
        "--prompt",
        "",
        "--remove-path",
        extra.to_str().unwrap(),
        "--unset-var",
        "A",
    ])
    .ok();
    let out = run_ok(
        &dir.join("bin/python"),
        &["-c", probe, extra.to_str().unwrap()],
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1], "False", "{out}");
    let without: usize = lines[2].parse().unwrap();
    assert!(without < with_system, "{without} vs {with_system}");
    let cfg = std::fs::read_to_string(dir.join("pyvenv.cfg")).unwrap();
    assert!(!cfg.contains("prompt"), "{cfg}");
    let shown = json(&w.run(["show", "a", "--json"]).ok());
    assert_eq!(shown["prompt"], serde_json::Value::Null);
    assert_eq!(shown["vars"], serde_json::json!({}));
    assert_eq!(shown["extra_paths"], serde_json::json!([]));
    // Refusals.
    w.run(["set", "a"]).fails_with(&["nothing to change"]);
    w.run(["set", "a", "--var", "PATH=/x"])
        .fails_with(&["PATH is set by activation"]);
    w.run(["set", "a", "--var", "1X=y"])
        .fails_with(&["not a variable name"]);
    w.run(["set", "zz", "--var", "A=1"])
        .fails_with(&["no environment named 'zz'"]);
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn path_prints_each_layout_answer() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let dir = w.env_dir("a");
    let p = |flag: &str| w.run(["path", "a", flag]).ok().stdout.trim().to_string();
    assert_eq!(p("--bin"), dir.join("bin").display().to_string());
    assert_eq!(p("--python"), dir.join("bin/python").display().to_string());
    assert_eq!(
        p("--site-packages"),
        dir.join("lib/python3.12/site-packages")
            .display()
            .to_string()
    );
    let out = w.run(["path", "a", "--bin", "--python"]);
    assert_eq!(out.code, Some(2));
}

/// Kill `cp` and `mv` with SIGKILL at spread-out moments (10 each by
/// default, 50 with ENVREG_TEST_FULL=1): after each, `ls` works, every
/// registered env runs, nothing half-made is registered, exactly one name
/// of a renamed env is registered, and the next command cleans up.
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn sigkill_during_cp_and_mv_leaves_a_consistent_registry() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let kills: u32 = if std::env::var_os("ENVREG_TEST_FULL").is_some() {
        50
    } else {
        10
    };
    let w = World::new();
    w.mkenv("src", &py, &[]);
    // How long an uncut copy takes here, to spread the kills over it.
    let start = std::time::Instant::now();
    w.run(["cp", "src", "probe"]).ok();
    let span = start.elapsed();
    w.run(["rm", "-y", "probe"]).ok();
    // mv (in place) is much quicker: its kills are spread over its own time.
    let start = std::time::Instant::now();
    w.run(["mv", "src", "probe"]).ok();
    let mv_span = start.elapsed();
    w.run(["mv", "probe", "src"]).ok();

    let check = |what: &str| -> BTreeMap<String, serde_json::Value> {
        let listed = json(&w.run(["ls", "--json"]).ok());
        let mut by_name = BTreeMap::new();
        for v in listed.as_array().unwrap() {
            let dir = PathBuf::from(v["path"].as_str().unwrap());
            assert_eq!(v["status"], "ok", "{what}: {v}");
            let ok = Command::new(dir.join("bin/python"))
                .args(["-c", "import sys"])
                .status()
                .unwrap();
            assert!(ok.success(), "{what}: {v} does not run");
            assert!(!dir.join(".envreg-uncommitted").exists() || v["status"] == "ok");
            by_name.insert(v["name"].as_str().unwrap().to_string(), v.clone());
        }
        for e in std::fs::read_dir(w.envreg_home().join("envs"))
            .unwrap()
            .flatten()
        {
            let n = e.file_name().to_string_lossy().into_owned();
            assert!(
                n.starts_with('.') || by_name.contains_key(&n),
                "{what}: envs/{n} is not registered"
            );
        }
        w.run(["ls"]).ok();
        assert!(w.leftovers().is_empty(), "{what}: left {:?}", w.leftovers());
        by_name
    };

    let mut current = "src".to_string();
    // What the kills left, printed as evidence of where they landed.
    let (mut copied, mut not_copied, mut moved, mut not_moved) = (0, 0, 0, 0);
    for i in 0..kills {
        let delay = span.mul_f64(f64::from(i) / f64::from(kills));
        // cp: killed at `delay`; the copy is either registered and working or absent.
        let dst = format!("c{i}");
        let mut child = w
            .cmd(["cp", current.as_str(), dst.as_str()])
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        child.wait().unwrap();
        let names = check(&format!("cp killed after {delay:?}"));
        assert!(names.contains_key(&current));
        if names.contains_key(&dst) {
            copied += 1;
            w.run(["rm", "-y", dst.as_str()]).ok();
        } else {
            not_copied += 1;
        }
        // mv: exactly one of the two names afterwards.
        let next = format!("m{i}");
        let mut child = w
            .cmd(["mv", current.as_str(), next.as_str()])
            .spawn()
            .unwrap();
        let delay = mv_span.mul_f64(f64::from(i) / f64::from(kills));
        std::thread::sleep(delay);
        let _ = child.kill();
        child.wait().unwrap();
        let what = format!("mv killed after {delay:?}");
        let names = check(&what);
        let have: Vec<&String> = [&current, &next]
            .into_iter()
            .filter(|n| names.contains_key(*n))
            .collect();
        assert_eq!(have.len(), 1, "{what}: {:?}", names.keys());
        if *have[0] == next {
            moved += 1;
        } else {
            not_moved += 1;
        }
        current = have[0].clone();
    }
    eprintln!(
        "{kills} kills each, cp over {span:?}: done {copied}, undone {not_copied}; \
         mv over {mv_span:?}: done {moved}, undone {not_moved}"
    );
    // The env that survived every kill still has a working pip.
    let pip = w.env_dir(&current).join("bin/pip");
    run_ok(&pip, &["--version"]);
}

/// An unregistered copy carrying cp's mark is deleted only while its source
/// is still a registered environment; with the index lost, it is registered
/// like any other environment (a stale mark never costs a user an env).
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn an_uncommitted_copy_is_deleted_only_while_its_source_is_registered() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let lone = w.index_bytes().unwrap();
    w.run(["cp", "a", "b"]).ok();
    let mark = w.env_dir("b").join(".envreg-uncommitted");
    let stale = format!("envreg: test\n{}\n", w.env_dir("a").display());
    // The index without b, a still registered: the copy is undone.
    std::fs::write(&mark, &stale).unwrap();
    std::fs::write(w.index(), &lone).unwrap();
    assert_eq!(w.names(), ["a"]);
    assert!(!w.env_dir("b").exists(), "the uncommitted copy stays");
    // A copy with a stale mark, and the index lost: both are registered.
    w.run(["cp", "a", "b"]).ok();
    std::fs::write(&mark, &stale).unwrap();
    std::fs::remove_file(w.index()).unwrap();
    assert_eq!(w.names(), ["a", "b"]);
    assert!(w.env_dir("b").join("pyvenv.cfg").is_file());
    assert!(!mark.exists(), "the stale mark is dropped");
}

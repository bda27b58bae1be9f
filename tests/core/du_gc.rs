//! `envreg du` against coreutils `du` on the same trees, and `envreg gc`:
//! temporary and long-unused environments, the seed cache, dry runs.

use std::path::Path;
use std::process::Command;

use crate::common::*;

/// `du -s -x -B1 PATHS...`: allocated bytes per path, hard links counted
/// once across all of them (as one du run counts).
fn du(paths: &[&Path]) -> Vec<u64> {
    let out = Command::new("du")
        .args(["-s", "-x", "-B1"])
        .args(paths)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap().parse().unwrap())
        .collect()
}

fn json(out: &Out) -> serde_json::Value {
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:#?}"))
}

/// The entries of a directory, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
#[cfg_attr(not(all(has_py_3_12, has_du)), ignore = "needs pyenv CPython 3.12, du")]
fn du_counts_shared_seed_files_once_as_du_does() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &[]);
    w.mkenv("b", &py, &[]);
    // b gets a file of its own, so it is the larger one.
    std::fs::write(w.env_dir("b").join("data.bin"), vec![7u8; 256 << 10]).unwrap();
    let report = json(&w.run(["du", "--json"]).ok());
    let (a, b) = (w.env_dir("a"), w.env_dir("b"));
    let cache = w.envreg_home().join("cache");

    let envs = report["envs"].as_array().unwrap();
    let names: Vec<&str> = envs.iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["b", "a"], "largest first: {report:#}");
    for (e, dir) in envs.iter().zip([&b, &a]) {
        let bytes = e["bytes"].as_u64().unwrap();
        assert_eq!(bytes, du(&[dir])[0], "{} alone: {report:#}", dir.display());
        assert_eq!(
            bytes,
            e["own"].as_u64().unwrap() + e["shared"].as_u64().unwrap()
        );
        // pip's files are hard links into the seed cache.
        assert!(e["shared"].as_u64().unwrap() > 1 << 20, "{report:#}");
        assert_eq!(e["path"], dir.to_str().unwrap());
        assert_eq!(e["exists"], true);
    }
    let together: u64 = du(&[&a, &b]).iter().sum();
    let envs_total = report["envs_total"].as_u64().unwrap();
    assert_eq!(envs_total, together, "{report:#}");
    let sum: u64 = envs.iter().map(|e| e["bytes"].as_u64().unwrap()).sum();
    assert!(envs_total < sum, "shared files count once: {report:#}");
    assert_eq!(report["cache"]["bytes"].as_u64().unwrap(), du(&[&cache])[0]);
    assert!(report["cache"]["shared"].as_u64().unwrap() > 0);
    let all: u64 = du(&[&a, &b, &cache]).iter().sum();
    assert_eq!(report["total"].as_u64().unwrap(), all, "{report:#}");

    // Named: only those; the table in binary units.
    let one = json(&w.run(["du", "a", "--json"]).ok());
    assert_eq!(one["envs"].as_array().unwrap().len(), 1);
    assert_eq!(one["envs_total"], envs[1]["bytes"]);
    let table = w.run(["du"]).ok().stdout;
    let first: Vec<&str> = table.lines().take(3).collect();
    assert!(
        first[0].starts_with("NAME") && first[0].contains("SHARED"),
        "{table}"
    );
    assert!(
        first[1].starts_with("b ") && first[2].starts_with("a "),
        "{table}"
    );
    assert!(
        table.contains(" MiB") && table.contains("2 environments: "),
        "{table}"
    );

    let out = w
        .run(["du", "a", "nosuch"])
        .fails_with(&["no environment named 'nosuch'"]);
    assert_eq!(out.stdout, "");
    w.run(["du", "x1", "b", "x2"])
        .fails_with(&["no environments named 'x1', 'x2'"]);
}

#[test]
#[cfg_attr(
    not(all(has_py_3_12, has_py_3_13)),
    ignore = "needs pyenv CPython 3.12, pyenv CPython 3.13"
)]
fn gc_removes_temp_envs_and_the_seed_images_only_they_used() {
    let (Some(py312), Some(py313)) = (need_python("3.12"), need_python("3.13")) else {
        return;
    };
    let w = World::new();
    w.mkenv("kept", &py313, &[]);
    let temp = w
        .run(["mkenv", "--temp", "-p", py312.to_str().unwrap()])
        .ok();
    let temp_dir = std::path::PathBuf::from(temp.stdout.trim());
    let temp_name = temp_dir.file_name().unwrap().to_str().unwrap().to_string();
    let wheels = w.envreg_home().join("cache/wheels");
    let images = listing(&wheels);
    let old = images
        .iter()
        .find(|n| n.starts_with("pip-") && !n.ends_with(".lock") && !n.starts_with("pip-24"))
        .unwrap_or_else(|| panic!("3.12's pip image: {images:?}"))
        .clone();
    assert!(images.iter().any(|n| n.starts_with("pip-24")), "{images:?}");

    // The seed cache is tagged for backup tools; environments are not.
    let tag = std::fs::read_to_string(wheels.join("CACHEDIR.TAG")).unwrap();
    assert!(
        tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55"),
        "{tag}"
    );
    assert!(!w.env_dir("kept").join("CACHEDIR.TAG").exists());
    assert!(!temp_dir.join("CACHEDIR.TAG").exists());

    // No terminal and no -y: refused, nothing changed.
    let before = (
        w.index_bytes(),
        listing(&w.envreg_home().join("envs")),
        images.clone(),
    );
    w.run(["gc"])
        .fails_with(&["not a terminal", "--yes", &temp_name]);
    // A dry run lists and changes nothing.
    let dry = w.run(["gc", "--dry-run"]).ok();
    assert!(dry.stderr.contains(&format!("'{temp_name}'")), "{dry:#?}");
    assert!(dry.stderr.contains(&old), "{dry:#?}");
    assert!(dry.stderr.contains("nothing was changed"), "{dry:#?}");
    let after = (
        w.index_bytes(),
        listing(&w.envreg_home().join("envs")),
        listing(&wheels),
    );
    assert_eq!(before, after);

    let out = w.run(["gc", "-y"]).ok();
    assert!(
        out.stderr.contains(&format!("removed '{temp_name}'")),
        "{out:#?}"
    );
    assert!(out.stderr.contains("freed "), "{out:#?}");
    assert_eq!(w.names(), ["kept"]);
    assert!(!temp_dir.exists());
    let now = listing(&wheels);
    assert!(!now.contains(&old), "{now:?}");
    assert!(
        now.iter()
            .any(|n| n.starts_with("pip-24") && !n.ends_with(".lock")),
        "{now:?}"
    );
    assert!(now.contains(&"CACHEDIR.TAG".to_string()));
    // The kept env still works from its linked seed files.
    let version = run_ok(&w.env_dir("kept").join("bin/pip"), &["--version"]);
    assert!(version.starts_with("pip 24"), "{version}");
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());

    let again = w.run(["gc", "-y"]).ok();
    assert!(again.stderr.contains("nothing to collect"), "{again:#?}");
}

/// Rewrite `created` of entry `name` in index.ron (a new file, renamed in
/// place, as envreg writes it).
fn set_created(w: &World, name: &str, created: u64) {
    let text = std::fs::read_to_string(w.index()).unwrap();
    let prefix = format!("\"{name}\": (");
    let edited: Vec<String> = text
        .lines()
        .map(|line| {
            if !line.trim_start().starts_with(&prefix) {
                return line.to_string();
            }
            let at = line.find("created: ").unwrap() + "created: ".len();
            let end = at + line[at..].find(|c: char| !c.is_ascii_digit()).unwrap();
            format!("{}{created}{}", &line[..at], &line[end..])
        })
        .collect();
    let tmp = w.index().with_extension("edit");
    std::fs::write(&tmp, edited.join("\n") + "\n").unwrap();
    std::fs::rename(&tmp, w.index()).unwrap();
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn gc_unused_for_removes_only_envs_unused_that_long() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    for name in ["old", "recent", "fresh"] {
        w.mkenv(name, &py, &["--no-pip"]);
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    set_created(&w, "old", now - 100 * 86400);
    set_created(&w, "recent", now - 100 * 86400);
    // Used now (what workon records): not unused, however old.
    w.run(["path", "--workon", "recent"]).ok();

    // Without --unused-for, no environment is a candidate.
    let out = w.run(["gc", "-y"]).ok();
    assert!(out.stderr.contains("nothing to collect"), "{out:#?}");
    w.run(["gc", "--unused-for", "soon"])
        .code
        .filter(|c| *c == 2)
        .unwrap();

    let dry = w.run(["gc", "--unused-for", "90d", "--dry-run"]).ok();
    assert!(dry.stderr.contains("'old', not used since"), "{dry:#?}");
    assert!(!dry.stderr.contains("'recent'") && !dry.stderr.contains("'fresh'"));
    assert_eq!(w.names(), ["fresh", "old", "recent"]);
    // The active environment is always kept.
    let out = Out::from(
        w.cmd(["gc", "--unused-for", "90d", "-y"])
            .env("VIRTUAL_ENV", w.env_dir("old"))
            .output()
            .unwrap(),
    )
    .ok();
    assert!(out.stderr.contains("keeping 'old'"), "{out:#?}");
    assert!(w.env_dir("old").exists());

    let out = w.run(["gc", "--unused-for", "2w", "-y"]).ok();
    assert!(out.stderr.contains("removed 'old'"), "{out:#?}");
    assert_eq!(w.names(), ["fresh", "recent"]);
    assert!(!w.env_dir("old").exists());
    assert!(w.env_dir("recent").join("pyvenv.cfg").exists());
}

/// A staging directory a killed build left: listed by a dry run and kept,
/// removed by gc (through the lock's recovery), its bytes counted.
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn gc_clears_stale_scratch_directories() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let w = World::new();
    w.mkenv("a", &py, &["--no-pip"]);
    let stale = w
        .envreg_home()
        .join("envs/.tmp-b-00000000000000000000000000000001-1x0");
    std::fs::create_dir(&stale).unwrap();
    std::fs::write(stale.join("half-built"), vec![1u8; 64 << 10]).unwrap();
    std::fs::write(stale.with_extension("lock"), "").unwrap();

    let dry = w.run(["gc", "--dry-run"]).ok();
    assert!(dry.stderr.contains("stale scratch directory"), "{dry:#?}");
    assert!(stale.join("half-built").exists());
    // No environment to remove: no question, no -y needed.
    let out = w.run(["gc"]).ok();
    assert!(out.stderr.contains("1 scratch directory"), "{out:#?}");
    assert!(!out.stderr.contains("freed 0 B"), "{out:#?}");
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
    assert_eq!(w.names(), ["a"]);
}

/// On a terminal gc asks before removing environments, as rm does.
#[test]
#[cfg_attr(not(has_tmux), ignore = "needs tmux")]
fn gc_on_a_terminal_asks_before_removing_environments() {
    require("tmux");
    let w = World::new();
    std::fs::create_dir_all(w.env_dir("tmp-x")).unwrap();
    std::fs::write(
        w.env_dir("tmp-x").join("pyvenv.cfg"),
        "home = /nonexistent\n",
    )
    .unwrap();
    let index = format!(
        "(version: 2, envs: {{\"tmp-x\": (path: {:?}, managed: true, python: (executable: \
         \"/nonexistent/python3\", version: \"3.12.1\", implementation: \"CPython\"), \
         created: 1700000000, temp: true)}})\n",
        w.env_dir("tmp-x")
    );
    std::fs::write(w.index(), index).unwrap();
    let tmux = crate::rm::Tmux::start(&w);
    let script = format!("'{BIN}' gc");
    tmux.session(&w, "no", &script);
    tmux.wait_for(&w, "no", "Remove 'tmp-x'? [y/N]");
    assert!(
        tmux.tmux(&w, &["send-keys", "-t", "no", "n"])
            .status
            .success()
    );
    let screen = tmux.wait_for(&w, "no", "EXIT=");
    assert!(
        screen.contains("EXIT=1") && screen.contains("nothing removed"),
        "{screen}"
    );
    assert!(w.env_dir("tmp-x").join("pyvenv.cfg").exists());

    tmux.session(&w, "yes", &script);
    tmux.wait_for(&w, "yes", "Remove 'tmp-x'? [y/N]");
    assert!(
        tmux.tmux(&w, &["send-keys", "-t", "yes", "y"])
            .status
            .success()
    );
    let screen = tmux.wait_for(&w, "yes", "EXIT=");
    assert!(
        screen.contains("EXIT=0") && screen.contains("removed 'tmp-x'"),
        "{screen}"
    );
    assert!(!w.env_dir("tmp-x").exists());
}

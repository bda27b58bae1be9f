use std::process::{Child, Stdio};
use std::time::Duration;

use crate::common::*;

fn spawn(w: &World, args: &[&str]) -> Child {
    w.cmd(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn parallel_mkenv_with_different_names_all_register() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let py = py.to_str().unwrap();
    let w = World::new();
    let names: Vec<String> = (0..12).map(|i| format!("env{i:02}")).collect();
    let children: Vec<Child> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            // Half with pip, half without, so they overlap at different stages.
            let mut args = vec!["mkenv", n.as_str(), "-p", py];
            if i % 2 == 0 {
                args.push("--no-pip");
            }
            spawn(&w, &args)
        })
        .collect();
    for child in children {
        Out::from(child.wait_with_output().unwrap()).ok();
    }
    assert_eq!(w.names(), names);
    for n in &names {
        assert!(w.env_dir(n).join("pyvenv.cfg").is_file(), "{n}");
    }
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn parallel_mkenv_with_the_same_name_has_one_winner() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let py = py.to_str().unwrap();
    let w = World::new();
    let children: Vec<Child> = (0..8)
        .map(|_| spawn(&w, &["mkenv", "same", "-p", py]))
        .collect();
    let outs: Vec<Out> = children
        .into_iter()
        .map(|c| Out::from(c.wait_with_output().unwrap()))
        .collect();
    let winners = outs.iter().filter(|o| o.code == Some(0)).count();
    assert_eq!(winners, 1, "{outs:#?}");
    for o in outs.iter().filter(|o| o.code != Some(0)) {
        assert_eq!(o.code, Some(1), "{o:#?}");
        assert!(o.stderr.contains("already exists"), "{o:#?}");
    }
    assert_eq!(w.names(), ["same"]);
    run_ok(&w.env_dir("same").join("bin/pip"), &["--version"]);
    assert!(w.leftovers().is_empty(), "{:?}", w.leftovers());
}

#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn interleaved_rm_and_mkenv_stay_consistent() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let py = py.to_str().unwrap();
    let w = World::new();
    for i in 0..6 {
        w.run(["mkenv", &format!("old{i}"), "--no-pip", "-p", py])
            .ok();
    }
    let mut children = Vec::new();
    for i in 0..6 {
        children.push(spawn(&w, &["rm", "-y", &format!("old{i}")]));
        children.push(spawn(
            &w,
            &["mkenv", &format!("new{i}"), "--no-pip", "-p", py],
        ));
    }
    for child in children {
        Out::from(child.wait_with_output().unwrap()).ok();
    }
    let expected: Vec<String> = (0..6).map(|i| format!("new{i}")).collect();
    assert_eq!(w.names(), expected);
    let mut dirs: Vec<String> = std::fs::read_dir(w.envreg_home().join("envs"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    assert_eq!(dirs, expected, "the directories match the index");
}

/// Kill `envreg mkenv` at many moments. Whatever the moment, the name is
/// either fully registered with a working env or absent, and the next
/// command cleans up and can create it.
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn killed_mkenv_leaves_nothing_half_built() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let py = py.to_str().unwrap();
    let w = World::new();
    // Warm the caches so later runs are short and kills land in every stage.
    w.run(["mkenv", "warm", "-p", py]).ok();
    let mut registered = 0;
    for (i, delay_us) in [
        0u64, 500, 1000, 2000, 3000, 5000, 8000, 12000, 20000, 40000, 80000,
    ]
    .into_iter()
    .enumerate()
    {
        let name = format!("k{i}");
        let mut child = spawn(&w, &["mkenv", &name, "-p", py]);
        std::thread::sleep(Duration::from_micros(delay_us));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();

        // The next command that takes the lock cleans up after the kill.
        w.run(["path", "--workon", "--", "warm"]).ok();
        let names = w.names();
        if names.contains(&name) {
            registered += 1;
            run_ok(&w.env_dir(&name).join("bin/python"), &["-c", "pass"]);
        } else {
            assert!(
                !w.env_dir(&name).exists(),
                "unregistered dir {name} after kill at {delay_us}us"
            );
            // The name is free again.
            w.run(["mkenv", &name, "--no-pip", "-p", py]).ok();
        }
        assert!(
            w.leftovers().is_empty(),
            "after kill at {delay_us}us: {:?}",
            w.leftovers()
        );
    }
    eprintln!("{registered} of 11 killed runs had already registered");
}

/// Kill `envreg rm` at many moments: each environment is either still fully
/// registered and working, or gone from both the index and envs/.
#[test]
#[cfg_attr(not(has_py_3_12), ignore = "needs pyenv CPython 3.12")]
fn killed_rm_never_leaves_an_entry_without_its_environment() {
    let Some(py) = need_python("3.12") else {
        return;
    };
    let py = py.to_str().unwrap();
    let w = World::new();
    // The crash-point test (crash.rs) is the first line of evidence; this
    // loop is the second: a few moments by default, more in the full run.
    let delays: &[u64] = if cfg!(envreg_test_full) {
        &[0, 300, 700, 1000, 1500, 2000, 3000, 5000, 8000, 15000]
    } else {
        &[0, 1000, 3000, 8000]
    };
    for i in 0..delays.len() {
        w.run(["mkenv", &format!("r{i}"), "-p", py]).ok();
    }
    for (i, &delay_us) in delays.iter().enumerate() {
        let name = format!("r{i}");
        let mut child = spawn(&w, &["rm", "-y", &name]);
        std::thread::sleep(Duration::from_micros(delay_us));
        let _ = child.kill();
        let _ = child.wait();
        // The next command that takes the lock cleans up after the kill.
        w.run(["mkenv", &format!("next{i}"), "--no-pip", "-p", py])
            .ok();
        if w.names().contains(&name) {
            run_ok(&w.env_dir(&name).join("bin/pip"), &["--version"]);
        } else {
            assert!(
                !w.env_dir(&name).exists(),
                "{name}: dir left after kill at {delay_us}us"
            );
        }
        assert!(
            w.leftovers().is_empty(),
            "after kill at {delay_us}us: {:?}",
            w.leftovers()
        );
    }
}

//! The interpreter query's limits, through the built binary: a hanging
//! "interpreter" is stopped at the time limit (shortened for tests through
//! ENVREG_QUERY_TIMEOUT_MS, which only debug builds honour).

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_envreg");

#[test]
fn mkenv_stops_a_hanging_interpreter_at_the_time_limit() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("python3");
    std::fs::write(&fake, "#!/bin/sh\nsleep 30\n").unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let home = dir.path().join("home");
    let data = dir.path().join("data");
    std::fs::create_dir(&home).unwrap();
    let out = Command::new(BIN)
        .args(["mkenv", "stuck", "--no-pip", "-p"])
        .arg(&fake)
        .env("HOME", &home)
        .env("ENVREG_HOME", &data)
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env_remove("ENVREG_PYTHON")
        .env_remove("VIRTUAL_ENV")
        .env("ENVREG_QUERY_TIMEOUT_MS", "1000")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    let expected = if cfg!(debug_assertions) {
        "did not answer the interpreter query within 1 s"
    } else {
        // Release builds ignore the variable.
        "did not answer the interpreter query within 10 s"
    };
    assert!(stderr.contains(expected), "{stderr}");
    assert!(stderr.contains("python3"), "{stderr}");
    assert!(!data.join("envs/stuck").exists());
}

//! `workon` in real shells: the hooks printed by `envreg init SHELL`, run in
//! bash, zsh, fish, tcsh, xonsh and nushell without rc files, against
//! environments made by the real `envreg mkenv`. PowerShell is not
//! installable here, so its hook is only checked as text. One module per
//! concern or shell; the shared pieces (the POSIX shells' spellings, a
//! sandbox with two environments) live here.

#[path = "../support/mod.rs"]
mod support;

use support::shell::*;

mod auto;
mod completion;
mod fish;
mod fns;
mod health;
mod hooks;
mod init;
mod lint;
mod nu;
mod papercuts;
mod posix;
mod projects;
mod quoting;
mod tcsh;
mod terminal;
mod vars;
mod vew;
mod xonsh;

/// A POSIX-family shell and the few spellings that differ between them.
struct Posix {
    program: &'static str,
    args: &'static [&'static str],
    init: &'static str,
    /// Turns on `set -eu` or its equivalent.
    strict: &'static str,
    /// Prints where a command name resolves, honouring the hash table.
    which: &'static str,
    /// Prints the names of all shell variables, one per line.
    names: &'static str,
    /// Expands to the prompt as the shell draws it.
    draw: &'static str,
}

const BASH: Posix = Posix {
    program: "bash",
    args: &["--norc", "--noprofile"],
    init: "bash",
    strict: "set -eu",
    which: "type -P",
    names: "compgen -v",
    draw: "${PS1@P}",
};

const ZSH: Posix = Posix {
    program: "zsh",
    args: &["-f"],
    init: "zsh",
    strict: "setopt err_exit nounset",
    which: "whence -p",
    names: "print -rl -- ${(k)parameters}",
    draw: "$(print -rP -- \"$PS1\")",
};

/// Two environments, each with a fake `pip` in bin (they are made with
/// --no-pip), and a `pip` on the system PATH that the shell hashes first.
fn sandbox_with_envs() -> Sandbox {
    let sb = Sandbox::new();
    sb.mkenvs(&["proj1", "proj2"]);
    for name in ["proj1", "proj2"] {
        sb.write_exe(
            &sb.env_dir(name).join("bin/pip"),
            "#!/bin/sh\necho env pip\n",
        );
    }
    sb.write_exe(&sb.sysbin.join("pip"), "#!/bin/sh\necho system pip\n");
    sb
}

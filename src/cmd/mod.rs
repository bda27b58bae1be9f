//! One file per subcommand: open the registry, do the thing, print.

mod activate;
mod adopt;
mod all;
mod confirm;
pub(crate) mod cp;
mod doctor;
mod du;
mod gc;
pub(crate) mod import;
mod init;
mod link;
mod ls;
pub(crate) mod mkenv;
mod mkproject;
mod mv;
mod path;
mod pick;
mod project;
mod python;
pub(crate) mod repair;
mod rm;
mod run;
mod set;
mod show;
mod view;
mod wipe;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::Command;
use crate::home::Home;
use crate::registry::Registry;

/// Run `command`. The exit status is the value: `Ok` with 0 when it did what
/// was asked, `Ok` with another status when it stopped on the user's word and
/// has said so (a declined `rm`: 1; a cancelled picker: 1 or 130), `Err`
/// (printed by `main`, status 1) when it failed.
pub fn run(command: Command) -> Result<ExitCode> {
    let done = |()| ExitCode::SUCCESS;
    match command {
        Command::Init(args) => init::run(args),
        Command::Python(args) => python::run(args).map(done),
        command => {
            let registry = Registry::new(Home::from_env()?);
            match command {
                Command::Mkenv(args) => mkenv::run(&registry, args).map(done),
                Command::Mkproject(args) => mkproject::run(&registry, args).map(done),
                Command::Ls(args) => ls::run(&registry, args).map(done),
                Command::Rm(args) => rm::run(&registry, args),
                Command::Adopt(args) => adopt::run(&registry, args).map(done),
                Command::Import(args) => import::run(&registry, args),
                Command::Show(args) => show::run(&registry, args).map(done),
                Command::Path(args) => path::run(&registry, args).map(done),
                Command::Activate(args) => activate::run(&registry, args).map(done),
                Command::Pick => pick::run(&registry),
                Command::Run(args) => run::run(&registry, args),
                Command::All(args) => all::run(&registry, args),
                Command::Cp(args) => cp::run(&registry, args).map(done),
                Command::Mv(args) => mv::run(&registry, args).map(done),
                Command::Wipe(args) => wipe::run(&registry, args),
                Command::Set(args) => set::run(&registry, args).map(done),
                Command::Du(args) => du::run(&registry, args).map(done),
                Command::Gc(args) => gc::run(&registry, args),
                Command::Link(args) => link::link(&registry, args).map(done),
                Command::Unlink(args) => link::unlink(&registry, args).map(done),
                Command::Doctor(args) => doctor::run(&registry, args),
                Command::Repair(args) => repair::run(&registry, args),
                Command::Init(_) | Command::Python(_) => unreachable!(),
            }
        }
    }
}

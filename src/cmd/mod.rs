//! One file per subcommand: open the registry, do the thing, print.

mod activate;
mod all;
mod confirm;
mod cp;
mod init;
mod ls;
mod mkenv;
mod mv;
mod path;
mod pick;
mod python;
mod rm;
mod run;
mod set;
mod show;
mod view;
mod wipe;

use std::fmt;

use anyhow::Result;

use crate::cli::Command;
use crate::home::Home;
use crate::registry::Registry;

/// An error that has already been reported; exit with this code, print nothing.
#[derive(Debug)]
pub struct Silent(pub u8);

impl fmt::Display for Silent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "exit status {}", self.0)
    }
}

impl std::error::Error for Silent {}

pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Init(args) => init::run(args),
        Command::Python(args) => python::run(args),
        command => {
            let registry = Registry::new(Home::from_env()?);
            match command {
                Command::Mkenv(args) => mkenv::run(&registry, args),
                Command::Ls(args) => ls::run(&registry, args),
                Command::Rm(args) => rm::run(&registry, args),
                Command::Show(args) => show::run(&registry, args),
                Command::Path(args) => path::run(&registry, args),
                Command::Activate(args) => activate::run(&registry, args),
                Command::Pick => pick::run(&registry),
                Command::Run(args) => run::run(&registry, args),
                Command::All(args) => all::run(&registry, args),
                Command::Cp(args) => cp::run(&registry, args),
                Command::Mv(args) => mv::run(&registry, args),
                Command::Wipe(args) => wipe::run(&registry, args),
                Command::Set(args) => set::run(&registry, args),
                Command::Init(_) | Command::Python(_) => unreachable!(),
            }
        }
    }
}

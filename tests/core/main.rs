//! Integration tests for the core commands, against the built binary.
//! Each test gets its own temp HOME and ENVREG_HOME (see `common`).

#[path = "../support/mod.rs"]
mod support;
/// What every core test imports: the hermetic world and the machine checks.
mod common {
    pub use crate::support::world::*;
}
mod adopt;
mod concurrency;
mod crash;
mod du_gc;
mod fuzz_index;
mod health;
mod help;
mod import;
mod index;
mod installer;
mod lifecycle;
mod link;
mod ls;
mod man;
mod messages;
mod mkenv;
mod names;
mod output;
mod projects;
mod recovery;
mod rm;
mod show_path;
mod trust;

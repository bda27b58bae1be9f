//! Integration tests for the core commands, against the built binary.
//! Each test gets its own temp HOME and ENVREG_HOME (see `common`).

mod common;
mod concurrency;
mod crash;
mod fuzz_index;
mod help;
mod index;
mod ls;
mod man;
mod messages;
mod mkenv;
mod names;
mod output;
mod recovery;
mod rm;
mod show_path;
mod trust;

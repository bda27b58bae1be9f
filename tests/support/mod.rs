//! The one test-support layer every integration test crate uses:
//! - `env`: interpreters and programs on this machine, and how to skip;
//! - `world`: a hermetic HOME/ENVREG_HOME for running the built binary;
//! - `shell`: a sandbox in which real shells run the hooks.

#![allow(dead_code, unused_imports)]

pub mod env;
pub mod shell;
pub mod world;

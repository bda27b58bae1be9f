//! The shell hooks printed by `envreg init SHELL`, embedded from `shell/`.

//! Activation scripts, rendered from the templates under `shell/`.

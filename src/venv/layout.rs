//! The directory layout of a venv, as a pure function of (platform, interpreter).

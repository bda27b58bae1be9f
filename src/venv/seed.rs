//! Seeding pip (and setuptools where `python -m venv` would) from bundled wheels.

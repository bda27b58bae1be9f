use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::cli::{Mkenv, MkenvOpts};
use crate::errors::hinted;
use crate::install::Installer;
use crate::python;
use crate::registry::env::Layout;
use crate::registry::{self, Entry, Flags, PythonRecord, Registry, Venv, name};
use crate::venv;

/// Create an environment: validate, resolve the interpreter, build in a
/// staging directory, then rename into place and register under the lock.
pub fn run(registry: &Registry, mut args: Mkenv) -> Result<()> {
    let name = match args.name.take() {
        Some(name) => name,
        None => temp_name(registry)?,
    };
    name::check_new(&name)?;
    let project = args
        .project
        .as_deref()
        .map(super::project::project_dir)
        .transpose()?;
    let final_dir = create(registry, &name, args.temp, project, &args.opts)?;
    finish(&name, &final_dir);
    Ok(())
}

/// Print the new environment's directory on stdout, and how to activate it
/// when no hook is loaded. The registry has changed: failing to print is
/// not a failure of the command (a full or closed stdout).
pub fn finish(name: &str, final_dir: &Path) {
    if let Err(err) = writeln!(std::io::stdout().lock(), "{}", final_dir.display())
        && err.kind() != std::io::ErrorKind::BrokenPipe
    {
        crate::say!("envreg: warning: cannot print the path of '{name}': {err}");
    }
    hint_workon(name);
}

/// For shells without `workon`, how to activate NAME (a loaded hook says so).
pub fn hint_workon(name: &str) {
    if !crate::shell::hook_loaded() {
        crate::say!(
            "envreg: activate it with 'workon {name}' (the shell hook: 'envreg init --help'), \
         or see 'envreg activate {name}'"
        );
    }
}

/// Create and register the environment `name` (checked with
/// `name::check_new`) with `project` (normalised by
/// `project::project_dir`); its directory. What `mkenv` and `mkproject` share.
pub fn create(
    registry: &Registry,
    name: &str,
    temp: bool,
    project: Option<PathBuf>,
    opts: &MkenvOpts,
) -> Result<PathBuf> {
    let args = Named {
        name: name.to_string(),
        temp,
        args: opts,
    };
    let installs = !(args.install.is_empty() && args.requirements.is_empty());
    // The installer is decided (and uv found) before anything is made.
    let installer = if installs {
        let installer = Installer::resolve(args.installer.installer)?;
        if installer.is_pip() {
            no_pip_conflict(args.no_pip)?;
        }
        Some(installer)
    } else {
        None
    };
    let requirements = args
        .requirements
        .iter()
        .map(|r| {
            std::path::absolute(r)
                .ok()
                .filter(|p| p.is_file())
                .ok_or_else(|| {
                    hinted(
                        format!("requirements file {} not found", r.display()),
                        "check the path given with -r",
                    )
                    .into()
                })
        })
        .collect::<Result<Vec<_>>>()?;

    // Refuse an existing name before any interpreter is queried. The staging
    // directory is made under the same lock; it is removed on any error.
    let home = registry.home();
    let staging = registry.lock()?.stage(&args.name)?;
    let interp = python::find(args.python.as_deref(), &home.cache_dir())?;
    venv::check_supported(&interp)?;
    let installer = match installer {
        Some(installer) => {
            let installer = installer.for_interpreter(&interp)?;
            if installer.is_pip() {
                no_pip_conflict(args.no_pip)?;
            }
            Some(installer)
        }
        None => None,
    };

    let final_dir = registry.env_dir(&args.name);
    let opts = venv::Options {
        name: args.name.clone(),
        prompt: args.prompt.clone(),
        system_site_packages: args.system_site_packages,
        pip: !args.no_pip,
    };
    venv::create(&interp, staging.dir(), &final_dir, &opts, &home.cache_dir())?;
    crate::crash_point!("mkenv.built");

    let entry = Entry {
        path: final_dir.clone(),
        managed: true,
        python: PythonRecord {
            requested: args.python.clone(),
            executable: interp.executable.clone(),
            version: interp.version_string.clone(),
            implementation: interp.implementation.clone(),
        },
        created: registry::now(),
        last_used: None,
        project,
        flags: Flags {
            pip: opts.pip,
            system_site_packages: opts.system_site_packages,
            prompt: opts.prompt.clone(),
        },
        // Until the packages are in, the entry says so: an install that is
        // cut off (a kill, a failing pip) never looks like a finished env.
        incomplete: installs.then(|| "installing its packages did not finish".to_string()),
        unrecorded: false,
        temp: args.temp,
        vars: Default::default(),
        links: Vec::new(),
    };
    registry.lock()?.create(&args.name, staging, entry)?;
    crate::say!(
        "envreg: created '{}' ({} {})",
        args.name,
        interp.implementation,
        interp.version_string
    );

    if let Some(installer) = installer {
        let layout = if interp.platform == python::Platform::Windows {
            Layout::Windows
        } else {
            Layout::Posix
        };
        let python = Venv::with_layout(&final_dir, layout).python();
        installer
            .install(&final_dir, &python, &args.install, &requirements)
            .map_err(|err| {
                hinted(
                    format!(
                        "'{}' was created, but installing packages failed; it is kept and marked \
                     incomplete",
                        args.name
                    ),
                    if installer.is_pip() {
                        format!(
                            "install with its pip, or start over with 'envreg rm {}'",
                            args.name
                        )
                    } else {
                        format!(
                            "install with: uv pip install --python {} PKG...; or start over \
                             with 'envreg rm {}'",
                            crate::quote::posix_quote(&python.display().to_string()),
                            args.name
                        )
                    },
                )
                .because(err)
            })?;
        crate::crash_point!("mkenv.installed");
        registry.lock()?.complete(&args.name)?;
    }

    Ok(final_dir)
}

/// The options with the name decided (given, or generated for `--temp`).
struct Named<'a> {
    name: String,
    temp: bool,
    args: &'a MkenvOpts,
}

impl std::ops::Deref for Named<'_> {
    type Target = MkenvOpts;
    fn deref(&self) -> &MkenvOpts {
        self.args
    }
}

/// A free name `tmp-XXXXXX` (six lowercase letters and digits).
fn temp_name(registry: &Registry) -> Result<String> {
    let index = registry.read()?;
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
        ^ (u64::from(std::process::id()) << 32);
    for _ in 0..100 {
        // xorshift64*: enough to spread the time and pid over the letters.
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        let mut n = seed.wrapping_mul(0x2545_f491_4f6c_dd1d);
        let mut name = String::from("tmp-");
        for _ in 0..6 {
            name.push(char::from(
                b"abcdefghijklmnopqrstuvwxyz0123456789"[(n % 36) as usize],
            ));
            n /= 36;
        }
        if !index.envs.contains_key(&name) && !registry.env_dir(&name).exists() {
            return Ok(name);
        }
    }
    bail!("cannot find a free temporary name; remove old ones with 'envreg rm --temp'")
}

/// pip installs -i/-r, and --no-pip leaves it out.
fn no_pip_conflict(no_pip: bool) -> Result<()> {
    if no_pip {
        bail!(hinted(
            "-i/-r with pip need pip in the environment, and --no-pip leaves it out",
            "drop --no-pip, or pass --installer uv (uv needs no pip in the environment)"
        ));
    }
    Ok(())
}

pub use crate::ui::stderr_as_stdio;

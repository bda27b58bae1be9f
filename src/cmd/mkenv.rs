use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::cli::Mkenv;
use crate::errors::hinted;
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
    let args = Named { name, args };
    if args.no_pip && !(args.install.is_empty() && args.requirements.is_empty()) {
        bail!(hinted(
            "-i/-r need pip in the environment, and --no-pip leaves it out",
            "drop --no-pip, or install later with the environment's pip"
        ));
    }
    let project = args.project.as_deref().map(absolute_dir).transpose()?;
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

    let final_dir = registry.env_dir(&args.name);
    let opts = venv::Options {
        name: args.name.clone(),
        prompt: args.prompt.clone(),
        system_site_packages: args.system_site_packages,
        pip: !args.no_pip,
    };
    venv::create(&interp, staging.dir(), &final_dir, &opts, &home.cache_dir())?;
    crate::crash_point!("mkenv.built");

    let installs = !(args.install.is_empty() && requirements.is_empty());
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

    if installs {
        install_packages(&final_dir, &interp, &args.install, &requirements).map_err(|err| {
            hinted(
                format!(
                    "'{}' was created, but installing packages failed; it is kept and marked \
                     incomplete",
                    args.name
                ),
                format!(
                    "install with its pip, or start over with 'envreg rm {}'",
                    args.name
                ),
            )
            .because(err)
        })?;
        crate::crash_point!("mkenv.installed");
        registry.lock()?.complete(&args.name)?;
    }

    // The registry has changed: from here on, failing to print is not a
    // failure of the command (a full or closed stdout).
    if let Err(err) = writeln!(std::io::stdout().lock(), "{}", final_dir.display())
        && err.kind() != std::io::ErrorKind::BrokenPipe
    {
        crate::say!(
            "envreg: warning: cannot print the path of '{}': {err}",
            args.name
        );
    }
    // The hint is for shells without `workon`: a loaded hook says so.
    if !crate::shell::hook_loaded() {
        crate::say!(
            "envreg: activate it with 'workon {}' (the shell hook: 'envreg init --help'), \
         or see 'envreg activate {}'",
            args.name,
            args.name
        );
    }
    Ok(())
}

/// `args` with the name decided (given, or generated for `--temp`).
struct Named {
    name: String,
    args: Mkenv,
}

impl std::ops::Deref for Named {
    type Target = Mkenv;
    fn deref(&self) -> &Mkenv {
        &self.args
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

fn absolute_dir(dir: &Path) -> Result<PathBuf> {
    let abs =
        std::path::absolute(dir).with_context(|| format!("cannot resolve {}", dir.display()))?;
    if !abs.is_dir() {
        bail!(hinted(
            format!("project directory {} does not exist", abs.display()),
            "create it first, or pass an existing directory with --project"
        ));
    }
    Ok(abs)
}

/// Run the new environment's own pip; its progress goes to our stderr.
fn install_packages(
    env: &Path,
    interp: &python::Interpreter,
    packages: &[String],
    requirements: &[PathBuf],
) -> Result<()> {
    let layout = if interp.platform == python::Platform::Windows {
        Layout::Windows
    } else {
        Layout::Posix
    };
    let python = Venv::with_layout(env, layout).python();
    let mut cmd = Command::new(&python);
    cmd.args(["-m", "pip", "install"]);
    for r in requirements {
        cmd.arg("-r").arg(r);
    }
    cmd.args(packages);
    cmd.env_remove("PYTHONHOME")
        .env("VIRTUAL_ENV", env)
        .stdout(stderr_as_stdio()?);
    let status = cmd
        .status()
        .with_context(|| format!("cannot run {}", python.display()))?;
    if !status.success() {
        bail!("pip install failed ({status})");
    }
    Ok(())
}

/// A handle to our stderr, so a child's stdout does not mix with our data.
pub fn stderr_as_stdio() -> Result<std::process::Stdio> {
    #[cfg(unix)]
    let owned = {
        use std::os::fd::AsFd;
        std::io::stderr().as_fd().try_clone_to_owned()?
    };
    #[cfg(windows)]
    let owned = {
        use std::os::windows::io::AsHandle;
        std::io::stderr().as_handle().try_clone_to_owned()?
    };
    Ok(owned.into())
}

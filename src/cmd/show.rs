use std::io::Write;

use anyhow::Result;

use crate::cli::Show;
use crate::cmd::view::{EnvView, format_time};
use crate::registry::settings::pth_paths;
use crate::registry::{Registry, Venv};
use crate::ui::escape_controls;

pub fn run(registry: &Registry, args: Show) -> Result<()> {
    let index = registry.read()?;
    let entry = Registry::get(&index, &args.name)?;
    let mut view = EnvView::new(registry, &args.name, entry, &mut Default::default());
    let venv = Venv::open(registry.dir_of(&args.name, entry));
    view.extra_paths = Some(pth_paths(&venv));
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &view)?;
        writeln!(out)?;
        return Ok(());
    }
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let rows = [
        ("name", view.name.to_string()),
        ("path", view.path.clone()),
        ("status", view.status.to_string()),
        ("why", opt(&view.status_reason)),
        ("python", format!("{} {}", view.implementation, view.python)),
        ("interpreter", view.executable.clone()),
        ("requested", opt(&view.requested)),
        ("created", format_time(Some(entry.created))),
        ("last used", format_time(entry.last_used)),
        ("project", opt(&view.project)),
        ("managed", yes_no(view.managed)),
        ("pip", yes_no(view.pip)),
        ("system site-packages", yes_no(view.system_site_packages)),
        ("prompt", opt(&view.prompt)),
        ("temporary", yes_no(view.temp)),
        (
            "variables",
            if view.vars.is_empty() {
                "-".into()
            } else {
                view.vars
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            },
        ),
        (
            "extra paths",
            match view.extra_paths.as_deref() {
                Some(p) if !p.is_empty() => p.join(" "),
                _ => "-".into(),
            },
        ),
    ];
    // Text from the index (a prompt, a project path) may hold control
    // characters: shown escaped, always; `--json` keeps it exact.
    for (key, value) in rows {
        writeln!(out, "{key:<21} {}", escape_controls(&value))?;
    }
    Ok(())
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

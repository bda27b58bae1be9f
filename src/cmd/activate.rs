//! `envreg activate NAME`: for users without the hook, tell them the exact
//! command that activates NAME in their shell, and the rc-file line that
//! gives them `workon`.

use anyhow::Result;

use crate::cli::{Activate, Shell};
use crate::registry::Registry;
use crate::shell;

/// Print (on stderr, it is for people) the activation command for the user's
/// shell. A child process cannot change its parent shell, so this is advice.
pub fn run(registry: &Registry, args: Activate) -> Result<()> {
    let index = registry.read()?;
    let dir = registry.dir_of(&args.name, Registry::get(&index, &args.name)?);
    let detected = args
        .shell
        .or_else(|| shell::detect().map(|(shell, _)| shell));
    let shell = detected.unwrap_or(Shell::Bash);
    let (rc_file, rc_line) = shell::rc_line(shell);
    let mut text = String::new();
    if detected.is_none() {
        text.push_str(
            "envreg: could not tell which shell you use; assuming bash\n\
             hint: pass --shell SHELL to choose\n",
        );
    }
    text.push_str(&format!(
        "To activate '{}' in this shell, run:\n\n    {}\n\n\
         To get `workon {}` in every new shell, add this line to {}:\n\n    {}\n",
        args.name,
        shell::activate_command(shell, &dir),
        args.name,
        rc_file,
        rc_line,
    ));
    crate::say!("{}", text.trim_end_matches('\n'));
    Ok(())
}

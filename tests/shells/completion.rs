//! completion of names and subcommands in bash and zsh (the generated scripts: papercuts.rs).

use super::*;

#[test]
#[cfg_attr(
    not(all(has_bash, has_py_3_12)),
    ignore = "needs bash, pyenv CPython 3.12"
)]
fn bash_completion_of_names_and_subcommands() {
    if !require("bash") {
        return;
    }
    let sb = Sandbox::new();
    sb.mkenvs(&["proj1", "proj2", "other"]);
    let run = sb.run_script(
        "bash",
        BASH.args,
        "sh",
        r#"set -eu
eval "$(envreg init bash)"
COMP_WORDS=(workon pr); COMP_CWORD=1; __envreg_complete_workon; echo "C1=${COMPREPLY[*]}"
COMP_WORDS=(workon ''); COMP_CWORD=1; __envreg_complete_workon; echo "C2=${COMPREPLY[*]}"
COMP_WORDS=(workon -n pr); COMP_CWORD=2; __envreg_complete_workon; echo "C3=${COMPREPLY[*]}"
COMP_WORDS=(workon --n); COMP_CWORD=1; __envreg_complete_workon; echo "C4=${COMPREPLY[*]}"
COMP_WORDS=(workon proj1 pr); COMP_CWORD=2; __envreg_complete_workon; echo "C5=${COMPREPLY[*]-}"
echo "C6=$(complete -p workon)"
echo DONE=1
"#,
    );
    run.assert_done();
    assert_eq!(run.get("C1"), "proj1 proj2");
    assert_eq!(run.get("C2"), "other proj1 proj2");
    assert_eq!(
        run.get("C3"),
        "proj1 proj2",
        "a name after workon's options"
    );
    assert_eq!(run.get("C4"), "--no-cd");
    assert_eq!(run.get("C5"), "", "one name only");
    assert_eq!(run.get("C6"), "complete -F __envreg_complete_workon workon");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
#[cfg_attr(not(has_zsh), ignore = "needs zsh")]
fn zsh_completion_with_and_without_compinit() {
    if !require("zsh") {
        return;
    }
    let sb = Sandbox::new();
    let run = sb.run_script(
        "zsh",
        ZSH.args,
        "zsh",
        r#"setopt err_exit nounset
eval "$(envreg init zsh)"
echo "BEFORE=${+functions[compdef]}"
autoload -Uz compinit
compinit -u -D
eval "$(envreg init zsh)"
echo "WORKON=${_comps[workon]-none}"
echo "ENVREG=${_comps[envreg]-none}"
echo DONE=1
"#,
    );
    run.assert_done();
    assert_eq!(run.get("BEFORE"), "0");
    assert_eq!(run.get("WORKON"), "_envreg_workon");
    assert_eq!(run.get("ENVREG"), "_envreg");
    assert!(
        run.stderr.is_empty(),
        "errors without compinit: {}",
        run.stderr
    );
}

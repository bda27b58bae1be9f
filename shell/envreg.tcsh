# envreg hook for tcsh: defines `workon` and completion for it. Add this
# line to ~/.tcshrc:
#
#     eval "`envreg init tcsh`"
#
# which also loads the completion for `envreg` (shell/completions/envreg.tcsh,
# generated from envreg's command-line definition), or source this file (and
# that one) directly. tcsh has aliases, not functions, and `eval`
# joins the lines, so every command below ends with `;` and `envreg init tcsh`
# drops these comment lines. Bare `workon` lists the names (no picker), and
# tcsh gets no user hooks: the environment's activate.csh does the work.
#
# `workon NAME` runs `envreg path --workon` once (it prints the environment's
# directory, then the hooks directory, then variables this hook does not set
# yet) and sources NAME's activate.csh, which
# leaves the current environment itself. If that script fails (an error stops
# a sourced file in tcsh), the environment that was active before is
# activated again and workon's status is 1. tcsh substitutes the variables
# of a whole `if` line before testing it, so a variable that may be unset is
# read only inside `eval '...'`. The activate script is sourced outside any
# `eval` and any `if` (an error inside `eval` would end a non-interactive
# shell and skip the rest of the line); /dev/null stands in for it when there
# is nothing to source. An alias called inside an `if` needs `eval`. No
# program is started besides envreg.
# `workon` is set up in this shell: exported so that envreg (its `mkenv`
# hint) can tell.
setenv ENVREG_SHELL tcsh;
alias workon 'set __envreg_a = (\!*:q); set __envreg_o = ( "" ); unset __envreg_go __envreg_ok __envreg_prev __envreg_missing; set __envreg_st = 1; if ($#__envreg_a == 0) \envreg ls --names; if ($#__envreg_a == 0) set __envreg_st = $status; if ($#__envreg_a > 1) echo "envreg: workon takes one environment name, not $#__envreg_a arguments" >> /dev/stderr; if ($#__envreg_a > 1) set __envreg_st = 2; if ($?_OLD_VIRTUAL_PATH && $?VIRTUAL_ENV) eval '\''set __envreg_prev = "$VIRTUAL_ENV:q"'\''; if ($#__envreg_a == 1) set __envreg_o = ( "`\envreg path --workon -- $__envreg_a[1-]:q`" "" ) && set __envreg_go; if ($#__envreg_a != 1) unset __envreg_go; set __envreg_src = /dev/null; if ($?__envreg_go) set __envreg_src = "$__envreg_o[1]:q/bin/activate.csh"; if ($?__envreg_go && ! -f "$__envreg_src") set __envreg_missing; if ($?__envreg_missing) echo "envreg: environment $__envreg_a[1-]:q has no activation script at $__envreg_src:q" >> /dev/stderr; if ($?__envreg_missing) unset __envreg_go; if ($?__envreg_missing) set __envreg_src = /dev/null; source "$__envreg_src" && set __envreg_ok; __envreg_end';
alias __envreg_end 'if ($?__envreg_go && ! $?__envreg_ok) eval __envreg_undo; if ($?__envreg_go && $?__envreg_ok) set __envreg_st = 0; eval "unset __envreg_a __envreg_o __envreg_src __envreg_go __envreg_ok __envreg_prev __envreg_missing __envreg_st; set status = $__envreg_st"';
alias __envreg_undo 'if ($?__envreg_prev) eval '\''source "$__envreg_prev:q/bin/activate.csh"'\''; if (! $?__envreg_prev && $?_OLD_VIRTUAL_PATH) eval deactivate; if ($?__envreg_prev) eval '\''echo "envreg: activating $__envreg_a[1-]:q failed in $__envreg_src:q; $__envreg_prev:q is active again" >> /dev/stderr'\''; if (! $?__envreg_prev) echo "envreg: activating $__envreg_a[1-]:q failed in $__envreg_src:q" >> /dev/stderr';
complete workon 'p/1/`\envreg ls --names`/';

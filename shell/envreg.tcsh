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
# `workon [-n|-c] [-f] NAME` runs `envreg path --workon` once (it prints the
# environment's directory, the hooks directory, the name, the project
# directory to change to, then the variables of `envreg set --var`, which
# workon exports and deactivate restores), sources NAME's activate.csh and
# then changes to the project directory (not with -n/--no-cd or
# ENVREG_WORKON_CD=0, unless -c/--cd; NAME `.` is the environment whose
# project holds the current directory; -f/--force activates even a broken
# one; `deactivate` does not change back). activate.csh
# leaves the current environment itself. If that script fails (an error stops
# a sourced file in tcsh), the environment that was active before is
# activated again and workon's status is 1. tcsh substitutes the variables
# of a whole `if` line before testing it, so a variable that may be unset is
# read only inside `eval '...'`. The activate script is sourced outside any
# `eval` and any `if` (an error inside `eval` would end a non-interactive
# shell and skip the rest of the line); /dev/null stands in for it when there
# is nothing to source. An alias called inside an `if` needs `eval`. No
# program is started besides envreg (copying `deactivate` for an environment
# with variables takes one backquote, a fork of the shell).
# `workon` is set up in this shell: exported so that envreg (its `mkenv`
# hint) can tell.
setenv ENVREG_SHELL tcsh;
alias workon 'set __envreg_a = (\!*:q); set __envreg_o = ( "" ); unset __envreg_go __envreg_ok __envreg_prev __envreg_missing __envreg_od __envreg_bad __envreg_f __envreg_cd __envreg_pj; set __envreg_st = 1 __envreg_vi = 4; repeat $#__envreg_a eval __envreg_opt1; if (! $?__envreg_cd && $?ENVREG_WORKON_CD) eval '\''if ("x$ENVREG_WORKON_CD:q" == x0) set __envreg_cd = --no-cd'\''; set __envreg_po = ( ); if ($?__envreg_f) set __envreg_po = ( --force ); if ($?__envreg_cd) eval '\''set __envreg_po = ( $__envreg_po:q $__envreg_cd )'\''; if ($?__envreg_bad) set __envreg_st = 2; if ($?__envreg_bad) set __envreg_a = ( x x ); if (! $?__envreg_bad && $#__envreg_a == 0) \envreg ls --names; if ($#__envreg_a == 0) set __envreg_st = $status; if (! $?__envreg_bad && $#__envreg_a > 1) echo "envreg: workon takes one environment name, not $#__envreg_a arguments" >> /dev/stderr; if (! $?__envreg_bad && $#__envreg_a > 1) set __envreg_st = 2; if ($?_OLD_VIRTUAL_PATH && $?VIRTUAL_ENV) eval '\''set __envreg_prev = "$VIRTUAL_ENV:q"'\''; if ($#__envreg_a == 1) set __envreg_o = ( "`\envreg path --workon $__envreg_po:q -- $__envreg_a[1-]:q`" "" ) && set __envreg_go; if ($#__envreg_a != 1) unset __envreg_go; if ($?__envreg_go) eval __envreg_parse; set __envreg_src = /dev/null; if ($?__envreg_go) set __envreg_src = "$__envreg_o[1]:q/bin/activate.csh"; if ($?__envreg_go && ! -f "$__envreg_src") set __envreg_missing; if ($?__envreg_missing) echo "envreg: environment $__envreg_a[1-]:q has no activation script at $__envreg_src:q" >> /dev/stderr; if ($?__envreg_missing) unset __envreg_go; if ($?__envreg_missing) set __envreg_src = /dev/null; if ($?__envreg_go) eval __envreg_leave; source "$__envreg_src" && set __envreg_ok; __envreg_end';
# Options (workon [-n|-c] [-f] NAME): __envreg_opt1, run once per word,
# takes the first word of __envreg_a while it is an option; `--` or a word
# not starting with `-` ends them (__envreg_od), an unknown one sets
# __envreg_bad. Words are compared with an `x` in front: a bare `-f` would be
# read as a file test.
alias __envreg_opt1 'if (! $?__envreg_od && $#__envreg_a == 0) set __envreg_od; if (! $?__envreg_od) eval __envreg_opt2';
alias __envreg_opt2 'set __envreg_w = "$__envreg_a[1]:q"; if ("x$__envreg_w:q" !~ x-?*) set __envreg_od; if (! $?__envreg_od) eval __envreg_opt3';
alias __envreg_opt3 'shift __envreg_a; set __envreg_k = 0; if ("x$__envreg_w:q" == x--) set __envreg_od; if ("x$__envreg_w:q" == x--) set __envreg_k = 1; if ("x$__envreg_w:q" == x-n || "x$__envreg_w:q" == x--no-cd) set __envreg_cd = --no-cd; if ("x$__envreg_w:q" == x-n || "x$__envreg_w:q" == x--no-cd) set __envreg_k = 1; if ("x$__envreg_w:q" == x-c || "x$__envreg_w:q" == x--cd) set __envreg_cd = --cd; if ("x$__envreg_w:q" == x-c || "x$__envreg_w:q" == x--cd) set __envreg_k = 1; if ("x$__envreg_w:q" == x-f || "x$__envreg_w:q" == x--force) set __envreg_f; if ("x$__envreg_w:q" == x-f || "x$__envreg_w:q" == x--force) set __envreg_k = 1; if ($__envreg_k == 0) set __envreg_bad __envreg_od; if ($__envreg_k == 0) echo "envreg: workon: unknown option $__envreg_w:q (workon [-n|-c] [-f] NAME)" >> /dev/stderr';
# The output of `envreg path --workon`: the directory, the hooks directory,
# the name (NAME may be `.`), the project directory to change to, then
# KEY=VALUE lines. tcsh drops the empty line of "no project": a project is
# told from a variable line by its leading `/`; __envreg_vi is where the
# variable lines start.
alias __envreg_parse 'set __envreg_a = ( "$__envreg_o[3]:q" ); if ("x$__envreg_o[4]:q" =~ x/*) set __envreg_pj = "$__envreg_o[4]:q"; if ($?__envreg_pj) set __envreg_vi = 5';
alias __envreg_end 'if ($?__envreg_go && ! $?__envreg_ok) eval __envreg_undo; if ($?__envreg_go && ! $?__envreg_ok && $?__envreg_prev) eval __envreg_rekeep; if ($?__envreg_go && $?__envreg_ok) eval __envreg_apply; if ($?__envreg_go && $?__envreg_ok) set __envreg_st = 0; if ($?__envreg_go && $?__envreg_ok && $?__envreg_pj) eval '\''if (-d "$__envreg_pj:q") cd "$__envreg_pj:q"'\''; eval "unset __envreg_a __envreg_po __envreg_pj __envreg_vi __envreg_od __envreg_bad __envreg_f __envreg_cd __envreg_k __envreg_o __envreg_src __envreg_go __envreg_ok __envreg_prev __envreg_missing __envreg_kk __envreg_ko __envreg_kn __envreg_pk __envreg_po __envreg_vl __envreg_w __envreg_k __envreg_s __envreg_x __envreg_ng __envreg_st; set status = $__envreg_st"';
alias __envreg_undo 'if ($?__envreg_prev) eval '\''source "$__envreg_prev:q/bin/activate.csh"'\''; if (! $?__envreg_prev && $?_OLD_VIRTUAL_PATH) eval deactivate; if ($?__envreg_prev) eval '\''echo "envreg: activating $__envreg_a[1-]:q failed in $__envreg_src:q; $__envreg_prev:q is active again" >> /dev/stderr'\''; if (! $?__envreg_prev) echo "envreg: activating $__envreg_a[1-]:q failed in $__envreg_src:q" >> /dev/stderr';
# The variables of `envreg set --var` (the lines after the project): once
# the activate script succeeded, workon exports them, recording in
# __envreg_vk the names and in __envreg_vo what each was ("u" for unset,
# else "=" and the value: a list cannot hold an empty word), and wraps
# `deactivate` (its text copied under __envreg_vd) to restore them. Before it
# sources the next activate.csh, workon restores them itself, keeping them and
# what they are now (__envreg_kk, __envreg_ko, __envreg_kn) for a failed
# switch to put back. tcsh aliases cannot loop: `repeat N eval ALIAS` runs an
# alias that takes the first word of a list N times. noglob is on while a
# line is split at its first `=`.
alias __envreg_set1 'set __envreg_w = "$__envreg_vl[1]:q"; shift __envreg_vl; set __envreg_k = ( $__envreg_w:s/=/ / ); set __envreg_k = "$__envreg_k[1]:q"; eval '\''set __envreg_s = $?'\''"$__envreg_k"; set __envreg_x = u; if ($__envreg_s) eval '\''set __envreg_x = "=$'\''"$__envreg_k"'\'':q"'\''; set __envreg_vk = ( $__envreg_vk:q "$__envreg_k:q" ); set __envreg_vo = ( $__envreg_vo:q "$__envreg_x:q" ); eval '\''setenv '\''"$__envreg_k"'\'' "$__envreg_w:s/'\''"$__envreg_k"'\''=//:q"'\''';
alias __envreg_put1 'if ("$__envreg_po[1]:q" == u) unsetenv $__envreg_pk[1]; if ("$__envreg_po[1]:q" != u) setenv $__envreg_pk[1] "$__envreg_po[1]:s/=//:q"; shift __envreg_pk; shift __envreg_po';
alias __envreg_snap1 'set __envreg_k = "$__envreg_pk[1]:q"; shift __envreg_pk; eval '\''set __envreg_s = $?'\''"$__envreg_k"; set __envreg_x = u; if ($__envreg_s) eval '\''set __envreg_x = "=$'\''"$__envreg_k"'\'':q"'\''; set __envreg_kn = ( $__envreg_kn:q "$__envreg_x:q" )';
alias __envreg_restore 'if ($?__envreg_vk) eval __envreg_restore2';
alias __envreg_restore2 'set __envreg_pk = ( $__envreg_vk:q ) __envreg_po = ( $__envreg_vo:q ); repeat $#__envreg_pk eval __envreg_put1; unset __envreg_vk __envreg_vo __envreg_pk __envreg_po';
# The wrapping `deactivate`, kept in a variable: an alias that defines an
# alias would hand `\!*` its own (empty) arguments, so `deactivate
# nondestructive` lost its word; a variable's text is not history-expanded.
set __envreg_dtext = 'if ("\!:*" != nondestructive) eval __envreg_restore; __envreg_vd \!*';
alias __envreg_wrap 'alias __envreg_vd "`alias deactivate`"; alias deactivate "$__envreg_dtext:q"';
alias __envreg_apply 'set __envreg_vl = ( $__envreg_o[$__envreg_vi-]:q ); if ($#__envreg_vl) eval __envreg_apply2';
alias __envreg_apply2 'set __envreg_vk = ( ) __envreg_vo = ( ) __envreg_ng = $?noglob; set noglob; repeat $#__envreg_vl eval __envreg_set1; if (! $__envreg_ng) unset noglob; eval __envreg_wrap';
alias __envreg_leave 'set __envreg_kk = ( ) __envreg_ko = ( ) __envreg_kn = ( ); if ($?__envreg_vk) eval __envreg_leave2';
alias __envreg_leave2 'set __envreg_kk = ( $__envreg_vk:q ) __envreg_ko = ( $__envreg_vo:q ) __envreg_pk = ( $__envreg_vk:q ); repeat $#__envreg_pk eval __envreg_snap1; eval __envreg_restore2';
alias __envreg_rekeep 'if ($#__envreg_kk) eval __envreg_rekeep2';
alias __envreg_rekeep2 'set __envreg_vk = ( $__envreg_kk:q ) __envreg_vo = ( $__envreg_ko:q ) __envreg_pk = ( $__envreg_kk:q ) __envreg_po = ( $__envreg_kn:q ); repeat $#__envreg_pk eval __envreg_put1; eval __envreg_wrap';
complete workon 'p/1/`\envreg ls --names`/';

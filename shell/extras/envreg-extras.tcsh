# envreg extras for tcsh, printed by `envreg init tcsh` after the main hook
# (which defines `workon`): virtualenvwrapper's mktmpenv, cdvirtualenv,
# cdsitepackages, lssitepackages, cdproject and mkproject, as aliases (every line ends with `;`
# and has no blank line between, see the main hook).
#
# __envreg_find_sp sets __envreg_s to the one lib/p*/site-packages directory
# of $VIRTUAL_ENV (python* or pypy*), globbing with nonomatch set.
alias __envreg_find_sp 'unset __envreg_s __envreg_nm; if ($?nonomatch) set __envreg_nm; set nonomatch; set __envreg_g = ( "$VIRTUAL_ENV:q"/lib/p*/site-packages ); if (! $?__envreg_nm) unset nonomatch; unset __envreg_nm; if ($#__envreg_g == 1) eval '\''if (-d "$__envreg_g[1]:q") set __envreg_s = "$__envreg_g[1]:q"'\''; if (! $?__envreg_s) echo "envreg: expected one site-packages directory in $VIRTUAL_ENV:q" >> /dev/stderr; unset __envreg_g';
alias __envreg_no_env 'echo "envreg: no environment is active; run '\''workon NAME'\'' first" >> /dev/stderr';
# cdvirtualenv [SUBDIR]: cd to the active environment (or SUBDIR in it).
alias cdvirtualenv 'set __envreg_a = (\!*:q); set __envreg_st = 1; if (! $?VIRTUAL_ENV) eval __envreg_no_env; if ($?VIRTUAL_ENV && $#__envreg_a == 0) eval '\''cd "$VIRTUAL_ENV:q" && set __envreg_st = 0'\''; if ($?VIRTUAL_ENV && $#__envreg_a > 0) eval '\''cd "$VIRTUAL_ENV:q/$__envreg_a[1]:q" && set __envreg_st = 0'\''; eval "unset __envreg_a __envreg_st; set status = $__envreg_st"';
# cdsitepackages [SUBDIR]: cd to the active environment's site-packages.
alias cdsitepackages 'set __envreg_a = (\!*:q); set __envreg_st = 1; unset __envreg_s; if (! $?VIRTUAL_ENV) eval __envreg_no_env; if ($?VIRTUAL_ENV) eval __envreg_find_sp; if ($?__envreg_s && $#__envreg_a == 0) eval '\''cd "$__envreg_s:q" && set __envreg_st = 0'\''; if ($?__envreg_s && $#__envreg_a > 0) eval '\''cd "$__envreg_s:q/$__envreg_a[1]:q" && set __envreg_st = 0'\''; eval "unset __envreg_a __envreg_s __envreg_st; set status = $__envreg_st"';
# lssitepackages [LS OPTIONS]: ls the active environment's site-packages,
# then the directories `envreg set --add-path` put in its envreg.pth.
alias lssitepackages 'set __envreg_a = (\!*:q); set __envreg_st = 1; unset __envreg_s; if (! $?VIRTUAL_ENV) eval __envreg_no_env; if ($?VIRTUAL_ENV) eval __envreg_find_sp; if ($?__envreg_s) eval '\''\ls $__envreg_a:q -- "$__envreg_s:q" && set __envreg_st = 0'\''; if ($?__envreg_s) eval '\''if (-f "$__envreg_s:q/envreg.pth") printf "\n%s:\n" "$__envreg_s:q/envreg.pth"'\''; if ($?__envreg_s) eval '\''if (-f "$__envreg_s:q/envreg.pth") \cat -- "$__envreg_s:q/envreg.pth"'\''; eval "unset __envreg_a __envreg_s __envreg_st; set status = $__envreg_st"';
# mktmpenv [MKENV OPTIONS]: make a temporary environment (`envreg mkenv
# --temp`, which prints its path last), activate it and cd into it. The next
# `deactivate` removes it, and so does a `workon` that switches away (the
# activate.csh it sources defines its own deactivate first, so that one
# cannot): the first mktmpenv copies `workon` to __envreg_tmp_inner_workon
# and makes `workon` run it, then remove the temporary env if it is no
# longer the active one (a failed switch keeps it). If mkenv fails nothing
# is activated. The `deactivate` that workon defined is kept as
# __envreg_tmp_inner_deactivate and `deactivate` becomes
# __envreg_tmp_deactivate. __envreg_tmp_name is set only once the new env is
# active, so that leaving an earlier temporary env on the way removes that
# one. (The wrappers are aliases of their own: a `\!*` in an alias that an
# alias defines would be filled in with the outer alias's arguments.)
alias mktmpenv 'set __envreg_m = (\!*:q); unset __envreg_mk __envreg_on; set __envreg_st = 1; set __envreg_t = ( "`\envreg mkenv --temp $__envreg_m:q`" ) && set __envreg_mk; if ($?__envreg_mk) eval __envreg_tmp_on; eval "unset __envreg_m __envreg_t __envreg_mk __envreg_on; set status = $__envreg_st"';
alias __envreg_tmp_on 'set __envreg_tn = "$__envreg_t[$#__envreg_t]:t"; workon "$__envreg_tn" && set __envreg_on; if (! $?__envreg_on) \envreg rm -y --force -- "$__envreg_tn"; if ($?__envreg_on) set __envreg_tmp_name = "$__envreg_tn"; unset __envreg_tn; if ($?__envreg_on) eval __envreg_tmp_wrap';
alias __envreg_tmp_wrap 'set __envreg_def = "`alias deactivate`"; alias __envreg_tmp_inner_deactivate "$__envreg_def"; unset __envreg_def; alias deactivate __envreg_tmp_deactivate; if (! $?__envreg_tmp_wk) eval __envreg_tmp_wrap_workon; cd "$__envreg_t[$#__envreg_t]:q" && set __envreg_st = 0';
alias __envreg_tmp_wrap_workon 'set __envreg_tmp_wk; alias __envreg_tmp_inner_workon "`alias workon`"; alias workon __envreg_tmp_workon';
alias __envreg_tmp_workon '__envreg_tmp_inner_workon \!*; set __envreg_tws = $status; if ($?__envreg_tmp_name) eval __envreg_tmp_left; eval "unset __envreg_tws; set status = $__envreg_tws"';
alias __envreg_tmp_left 'set __envreg_tl; if ($?VIRTUAL_ENV) eval '\''if ("$VIRTUAL_ENV:t" == "$__envreg_tmp_name:q") unset __envreg_tl'\''; if ($?__envreg_tl) eval __envreg_tmp_rm; unset __envreg_tl';
alias __envreg_tmp_deactivate '__envreg_tmp_inner_deactivate \!*; if ("\!:*" != nondestructive) eval __envreg_tmp_rm';
alias __envreg_tmp_rm 'unalias __envreg_tmp_inner_deactivate; if ($?__envreg_tmp_name) eval '\''\envreg rm -y --force -- "$__envreg_tmp_name:q"'\''; unset __envreg_tmp_name';
# cdproject: cd to the active environment's project directory, the one its
# .project file names (as virtualenvwrapper's setvirtualenvproject writes it).
alias cdproject 'set __envreg_st = 1; unset __envreg_p; if (! $?VIRTUAL_ENV) eval __envreg_no_env; if ($?VIRTUAL_ENV) eval __envreg_cdp; eval "unset __envreg_p __envreg_st; set status = $__envreg_st"';
alias __envreg_cdp 'if (-f "$VIRTUAL_ENV:q/.project") set __envreg_p = "`\head -n 1 -- '\''$VIRTUAL_ENV/.project'\''`"; if ($?__envreg_p) eval '\''if ("x$__envreg_p:q" == x) unset __envreg_p'\''; if (! $?__envreg_p) echo "envreg: the active environment $VIRTUAL_ENV:t:q has no project; set one with: envreg set $VIRTUAL_ENV:t:q --project DIR" >> /dev/stderr; if ($?__envreg_p) eval '\''if (-d "$__envreg_p:q") cd "$__envreg_p:q" && set __envreg_st = 0'\''';
# mkproject NAME [MKENV OPTIONS]: make the project directory $PROJECT_HOME/NAME
# (or --dir DIR) and the environment NAME bound to it (`envreg mkproject`,
# which prints the name with --workon), activate it and cd there (even with
# ENVREG_WORKON_CD=0). If envreg fails, nothing is activated.
alias mkproject 'set __envreg_m = (\!*:q); unset __envreg_mk; set __envreg_st = 1; set __envreg_t = ( "`\envreg mkproject --workon $__envreg_m:q`" ) && set __envreg_mk; if ($?__envreg_mk) eval '\''workon --cd -- "$__envreg_t[1]:q" && set __envreg_st = 0'\''; eval "unset __envreg_m __envreg_t __envreg_mk; set status = $__envreg_st"';

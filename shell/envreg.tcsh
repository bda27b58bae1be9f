# envreg hook for tcsh: defines `workon` and completion for it. Add this
# line to ~/.tcshrc:
#
#     eval "`envreg init tcsh`"
#
# or source this file directly. tcsh has aliases, not functions, and `eval`
# joins the lines, so every command below ends with `;` and `envreg init tcsh`
# drops these comment lines. Bare `workon` lists the names (no picker), and
# tcsh gets no user hooks: the environment's activate.csh does the work.
alias __envreg_workon 'set __envreg_d = "`\envreg path --touch -- \!:1:q`" && source "$__envreg_d/bin/activate.csh"; eval "unset __envreg_d; \test $status = 0"';
alias workon 'set __envreg_a = (\!*:q); if ($#__envreg_a == 0) \envreg ls --names; if ($#__envreg_a > 0) eval __envreg_workon $__envreg_a:q; eval "unset __envreg_a; \test $status = 0"';
complete workon 'p/1/`\envreg ls --names`/';
complete envreg 'p/1/(mkenv ls rm show path init activate help)/' 'n/init/(bash zsh fish tcsh xonsh nu powershell)/' 'n/{rm,show,path,activate}/`\envreg ls --names`/';

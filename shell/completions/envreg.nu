# Completion for envreg in nushell. Generated from envreg's command-line definition by `ENVREG_UPDATE_COMPLETIONS=1 cargo test completions`; do not edit.

module envreg_completions {

  def "nu-complete envreg names" [] {
    ^envreg ls --names | lines
  }

  # A central registry of named Python virtual environments
  export extern envreg [
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
  ]

  # Create and register a new environment
  export extern "envreg mkenv" [
    --python(-p): string      # Interpreter: a path, a command name (python3.12, pypy3) or a version (3, 3.12, 3.12.1)
    --no-pip                  # Do not install pip (and, for Python < 3.12, setuptools) into the environment
    --system-site-packages    # Give the environment access to the base interpreter's site-packages
    --install(-i): string     # Install PKG with the new environment's pip (repeatable)
    --requirement(-r): path   # Install the requirements in FILE with the new environment's pip
    --project: path           # Project directory to associate with the environment
    --prompt: string          # Prompt prefix shown while the environment is active (default: the name)
    --help(-h)                # Print help
    --version(-V)             # Print version
    name: string              # Name of the new environment ([A-Za-z0-9][A-Za-z0-9._+-]*, at most 64 characters)
  ]

  # List the registered environments
  export extern "envreg ls" [
    --json                    # Print a JSON array instead of a table
    --names                   # Print only the names, one per line
    --long(-l)                # Add the path and interpreter columns to the table
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  # Remove environments (asks first on a terminal)
  export extern "envreg rm" [
    --yes(-y)                 # Do not ask for confirmation
    --force                   # Remove the environment even if it is the active one ($VIRTUAL_ENV)
    --help(-h)                # Print help
    --version(-V)             # Print version
    ...names: string@"nu-complete envreg names"          # Names of the environments to remove
  ]

  # Show everything the registry knows about one environment
  export extern "envreg show" [
    --json                    # Print JSON instead of text
    --help(-h)                # Print help
    --version(-V)             # Print version
    name: string@"nu-complete envreg names"
  ]

  # Print an environment's directory
  export extern "envreg path" [
    --help(-h)                # Print help
    --version(-V)             # Print version
    name: string@"nu-complete envreg names"
  ]

  def "nu-complete envreg init shell" [] {
    [ "bash" "zsh" "fish" "tcsh" "xonsh" "nu" "powershell" ]
  }

  # Print the shell hook that defines `workon` for SHELL.
  export extern "envreg init" [
    --help(-h)                # Print help (see more with '--help')
    --version(-V)             # Print version
    shell?: string@"nu-complete envreg init shell" # The shell to print the hook for (default: the one running envreg, detected from the parent process, else $SHELL; said on stderr)
  ]

  def "nu-complete envreg activate shell" [] {
    [ "bash" "zsh" "fish" "tcsh" "xonsh" "nu" "powershell" ]
  }

  # Print the command that activates NAME in your shell (for use without the hook)
  export extern "envreg activate" [
    --shell: string@"nu-complete envreg activate shell" # The shell to print the command for (default: detected)
    --help(-h)                # Print help
    --version(-V)             # Print version
    name: string@"nu-complete envreg names"
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "envreg help" [
  ]

  # Create and register a new environment
  export extern "envreg help mkenv" [
  ]

  # List the registered environments
  export extern "envreg help ls" [
  ]

  # Remove environments (asks first on a terminal)
  export extern "envreg help rm" [
  ]

  # Show everything the registry knows about one environment
  export extern "envreg help show" [
  ]

  # Print an environment's directory
  export extern "envreg help path" [
  ]

  # Print the shell hook that defines `workon` for SHELL.
  export extern "envreg help init" [
  ]

  # Print the command that activates NAME in your shell (for use without the hook)
  export extern "envreg help activate" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "envreg help help" [
  ]

}

use envreg_completions *

# Sourced by the benchmark scripts: how to run seccomp-tools, and where things are.
# Sets `root` (the repository), `st` (the seccomp-tools command, empty when none was
# given), `out` (where the Markdown tables go: $OUT, or a temporary directory) and
# `seccomp` (the release binary, built here). $1 of the script is the seccomp-tools
# command (`seccomp-tools` after `gem install seccomp-tools -v 1.7.1`); a directory
# is taken as a source tree and run as `ruby -I DIR/lib DIR/bin/seccomp-tools`.
root=$(cd "$(dirname "$0")/../.." && pwd)
reference=${1:-}
if [ -d "$reference" ]; then
    st="ruby -I $reference/lib $reference/bin/seccomp-tools"
else
    st=$reference
fi
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
cargo build --quiet --release -p seccomp-cli --manifest-path "$root/Cargo.toml"
seccomp=$root/target/release/seccomp

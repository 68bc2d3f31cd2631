#!/usr/bin/env bash
# `seccomp record` against `strace -f -c` on the same programs (hyperfine,
# wall clock): the program alone, recorded with the TRACE filter (the
# default), recorded stopping at every syscall entry and exit
# (`--no-filter`), and counted by strace without and with `--seccomp-bpf`.
# Needs hyperfine and strace. Tables go to $OUT (or a temporary directory).
# Every command runs pinned to one CPU ($CPU, 1 by default): a tracer and
# its tracee on two CPUs pay a cross-CPU wake-up at every stop, which on
# some virtual machines costs ten times the stop itself and varies run to
# run; pinned, both tools are measured at their own cost.
set -euo pipefail
source "$(dirname "$0")/reference.sh"
command -v strace >/dev/null || { echo "needs strace (apt-get install strace)" >&2; exit 1; }
python=$(command -v python3)
bench() {
    local name=$1
    shift
    local pin="taskset -c ${CPU:-1}"
    hyperfine -N -w 2 -r "${RUNS:-10}" --export-markdown "$out/record-$name.md" \
        -n "$name alone" "$pin $*" \
        -n "seccomp record" "$pin $seccomp record -o /dev/null -- $*" \
        -n "seccomp record --no-filter" "$pin $seccomp record --no-filter -o /dev/null -- $*" \
        -n "strace -f -c" "$pin strace -f -c -o /dev/null $*" \
        -n "strace -f -c --seccomp-bpf" "$pin strace -f -c --seccomp-bpf -o /dev/null $*"
}
# About 34,500 syscalls, one process.
bench find find /usr/share -maxdepth 4
# About 300 syscalls.
bench ls ls -l /
# A process tree: a shell that forks and execs 100 children.
printf 'i=0\nwhile [ $i -lt 100 ]; do /bin/true; i=$((i + 1)); done\n' > "$out/forks.sh"
bench sh sh "$out/forks.sh"
# An interpreter's start-up: about 700 syscalls.
bench python "$python" -c pass
echo "tables in $out"

#!/bin/sh
# Whole-process times of `seccomp asm`, `disasm` and `emu` on the 4088-instruction
# filter of data/allow-list-4088.asm, measured with hyperfine (release build).
#
#   seccomp-cli/benches/whole-command.sh [SECCOMP_TOOLS]
#
# With SECCOMP_TOOLS, the seccomp-tools 1.7.1 command (`seccomp-tools` after
# `gem install seccomp-tools -v 1.7.1`; a directory is taken as a source tree and
# run as `ruby -I DIR/lib DIR/bin/seccomp-tools`), seccomp-tools runs the same
# commands in the same hyperfine run.
# Markdown tables are written to $OUT (default: a temporary directory).
set -eu

. "$(dirname "$0")/reference.sh"
source=$root/seccomp-cli/benches/data/allow-list-4088.asm
filter=$out/allow-list-4088.bpf
"$seccomp" asm -a amd64 -f raw -o "$filter" "$source"

# ioctl's request is tested at the end of the filter: emu runs (and, without
# -q, lists) nearly all of it.
measure() {
    name=$1
    shift
    if [ -n "$reference" ]; then
        hyperfine --warmup 3 --min-runs 20 -N --export-markdown "$out/$name.md" \
            -n "seccomp $*" "$seccomp $*" \
            -n "seccomp-tools $*" "$st $*"
    else
        hyperfine --warmup 3 --min-runs 20 -N --export-markdown "$out/$name.md" \
            -n "seccomp $*" "$seccomp $*"
    fi
}

# Starting the program and doing nothing else: the floor of every command.
measure startup --version
measure asm asm -a amd64 -f raw "$source"
measure disasm disasm -a amd64 "$filter"
measure emu emu -a amd64 "$filter" ioctl 0 0x79eb
measure emu-q emu -q -a amd64 "$filter" ioctl 0 0x79eb
echo "tables in $out"

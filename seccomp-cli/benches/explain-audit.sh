#!/bin/sh
# Whole-process times of `seccomp explain`, `audit` and `audit -f json` on the
# allow-lists of data/allow-list-{256,1024,4088}.asm and on the 4096-path filter
# `paths-00` of seccomp-conformance/data/conformance/extra/paths.jsonl, measured with
# hyperfine (release build).
#
#   seccomp-cli/benches/explain-audit.sh [SECCOMP_TOOLS]
#
# With SECCOMP_TOOLS, the seccomp-tools 1.7.1 command (`seccomp-tools` after
# `gem install seccomp-tools -v 1.7.1`; a directory is taken as a source tree and
# run as `ruby -I DIR/lib DIR/bin/seccomp-tools`), it first checks that
# seccomp-tools assembles the same bytes and prints the same stdout for every
# command, then times seccomp-tools too: fewer runs, as it takes seconds on the large filter, and
# the paths filter once with `time` (about two minutes for `explain`).
# Markdown tables are written to $OUT (default: a temporary directory).
set -eu

. "$(dirname "$0")/reference.sh"
data=$root/seccomp-cli/benches/data

# The filters go in $out, named by relative paths: both tools print the path
# they were given in their headers.
cd "$out"
for n in 256 1024 4088; do
    "$seccomp" asm -a amd64 -f raw -o "allow-list-$n.bpf" "$data/allow-list-$n.asm"
    if [ -n "$reference" ]; then
        $st asm -a amd64 -f raw -o "st-allow-list-$n.bpf" "$data/allow-list-$n.asm"
        cmp "st-allow-list-$n.bpf" "allow-list-$n.bpf"
    fi
done
sed 's/.*"hex": "\([0-9a-f]*\)".*/\1/' "$root/seccomp-conformance/data/conformance/extra/paths.jsonl" |
    xxd -r -p >paths.bpf
filters="allow-list-256.bpf allow-list-1024.bpf allow-list-4088.bpf paths.bpf"

if [ -n "$reference" ]; then
    for f in $filters; do
        for command in "explain" "audit" "audit -f json"; do
            $seccomp $command -a amd64 "$f" >ours.out
            $st $command -a amd64 "$f" >theirs.out
            cmp ours.out theirs.out
        done
    done
    echo "both tools print the same stdout for every command"
fi

for f in $filters; do
    name=${f%.bpf}
    for command in "explain" "audit" "audit -f json"; do
        tag=$(echo "$command" | tr -d ' -')
        hyperfine --warmup 3 --min-runs 20 -N --export-markdown "$out/$tag-$name.md" \
            -n "seccomp $command -a amd64 $f" "$seccomp $command -a amd64 $f"
        [ -n "$reference" ] || continue
        case $name in
        paths)
            echo "seccomp-tools $command -a amd64 $f (once):"
            /usr/bin/time -f "%e s" $st $command -a amd64 "$f" >/dev/null
            ;;
        allow-list-4088)
            hyperfine --runs 3 -N --export-markdown "$out/$tag-$name-st.md" \
                -n "seccomp-tools $command -a amd64 $f" "$st $command -a amd64 $f"
            ;;
        *)
            hyperfine --warmup 1 --min-runs 10 -N --export-markdown "$out/$tag-$name-st.md" \
                -n "seccomp-tools $command -a amd64 $f" "$st $command -a amd64 $f"
            ;;
        esac
    done
done
echo "tables in $out"

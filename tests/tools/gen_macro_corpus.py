#!/usr/bin/env python3
"""Writes tests/macro_corpus.rs: one `seccomp!` invocation per program of the
asm corpus that seccomp-tools assembles into a filter the kernel accepts with
nothing masked (that is, that `seccomp asm --strict` accepts, whatever its
lints find), each with the bytes seccomp-tools printed for it.

Run from the repository root after `cargo build -p seccomp-cli`:
    python3 tests/tools/gen_macro_corpus.py
"""
import json
import subprocess

SECCOMP = "./target/debug/seccomp"

# Which programs the macro is compared on is a matter of the assembler's
# strict rules, not of the lints `--strict` also runs.
ALL_LINTS = ",".join([
    "arch_unchecked", "x32_guard", "target_arch_killed", "syscall_alt_gap",
    "permissive_default", "dangerous_allow", "kernel_cache", "orw_chain",
])


def rust_string(s):
    out = '"'
    for ch in s:
        if ch == "\\":
            out += "\\\\"
        elif ch == '"':
            out += '\\"'
        elif ch == "\n":
            out += "\\n"
        elif ch == "\t":
            out += "\\t"
        elif ch == "\r":
            out += "\\r"
        elif ord(ch) < 32 or ord(ch) == 127:
            out += "\\u{%x}" % ord(ch)
        else:
            out += ch
    return out + '"'


def main():
    cases = []
    with open("seccomp-conformance/data/conformance/asm.jsonl") as f:
        for line in f:
            r = json.loads(line)
            if not r["ok"] or not r["hex"]:
                continue
            p = subprocess.run(
                [SECCOMP, "asm", "--strict", "--allow", ALL_LINTS, "-a", r["arch"],
                 "-f", "raw", "-"],
                input=r["src"].encode(),
                capture_output=True,
            )
            if p.returncode == 0:
                cases.append(r)
    out = [
        "//! `seccomp!` against seccomp-tools 1.7.1: every program of the asm corpus",
        "//! (`seccomp-conformance/data/conformance/asm.jsonl`) that seccomp-tools assembles into a",
        "//! filter the kernel accepts, with nothing masked, compiled by the macro",
        "//! and compared with the bytes seccomp-tools printed (`-f raw`). The programs",
        "//! are the assembler's test cases, not policies: lints are off (`allow(all)`).",
        "//!",
        "//! Written by `tests/tools/gen_macro_corpus.py`; the expected bytes are",
        "//! the corpus's.",
        "",
        "use seccomp_runtime::{seccomp, Filter};",
        "",
        "/// (corpus id, the filter, the bytes seccomp-tools printed, as hex).",
        "static CASES: &[(&str, Filter, &str)] = &[",
    ]
    for r in cases:
        out.append(
            "    (%s, seccomp!(allow(all), arch = %s, %s), %s),"
            % (json.dumps(r["id"]), r["arch"], rust_string(r["src"]), json.dumps(r["hex"]))
        )
    out += [
        "];",
        "",
        "fn hex(bytes: &[u8]) -> String {",
        '    bytes.iter().map(|b| format!("{b:02x}")).collect()',
        "}",
        "",
        "#[test]",
        "fn macro_output_matches_seccomp_tools() {",
        "    assert_eq!(CASES.len(), %d);" % len(cases),
        "    for (id, filter, expected) in CASES {",
        "        let bytes = seccomp_asm::insn::encode(filter.instructions(), filter.arch().endian());",
        '        assert_eq!(hex(&bytes), *expected, "{id}");',
        "    }",
        "}",
    ]
    with open("tests/macro_corpus.rs", "w") as f:
        f.write("\n".join(out) + "\n")
    print(len(cases), "cases")


if __name__ == "__main__":
    main()

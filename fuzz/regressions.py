#!/usr/bin/env python3
"""Writes the regression inputs (regressions/<target>/): inputs at the edges
that once broke a tool or are built to (nesting that overflowed the stack,
paths and expressions that double at every instruction, the kernel's size
limit). `cargo test` replays them, with the seeds, through the functions the
targets run (`tests/fuzz_regressions.rs`); fuzz runs take them as a corpus.

Each file starts with its target's selector bytes (see `seccomp_suite::fuzz`).
Inputs a fuzz run found are kept beside these, named `found-<what they found>`:
`explain/found-truth-check-timeout`, a filter of hundreds of paths on which the
truth check took 3 s (it now checks filters of at most 256 paths), and
`explain/found-leaf-reading-timeout` (also under `audit/`), 4096 instructions of
argument bit tests whose 24,321 leaves sit behind 33 million facts, which the
analysis read for 0.5 s (it now reads at most 2^22), and
`explain/found-large-policy-timeout`, 163 instructions whose policy is 21 MB of
conditions (the target rendered it three times; it now renders it twice), and
`macro_input/found-many-errors-timeout`, a string program of 33 KB with
thousands of errors, each of which was located by scanning the text from its
start (the lines are now indexed once), and `assemble/found-window-past-caret`,
a long line of bytes that are not UTF-8 on which the part of the line shown
around the caret ended before it (a panic), and `explain/found-ne-index-timeout`,
an s390x filter whose walk checked each `==` against every `!=` of the same
value anywhere in the tree of paths (it now reads the path's own facts when
they are fewer), and `explain/found-25mb-policy`, 159 instructions whose policy
held 2^20 conditions, 25 MB of text (the cap is now 2^18 conditions, 7 MB), and
`explain/found-repeated-conditions`, 167 instructions whose conditions every
architecture section repeats, 38 MB of text (a policy now writes at most 8 MiB),
and `record_policy/found-run-with-carriage-return`, a policy file whose `# run:`
line holds a carriage return, which the writer turned into a space and the
reader kept (both now apply one rule), and
`record_policy/found-errno-above-the-kernel-cap`, a block whose default is
`ERRNO(8582)`, which the reader took and the assembler refused (a default's
errno is now at most 4095, `Action::MAX_ERRNO`, as the assembler requires),
and `record_policy/found-amd64-number-past-the-x32-bit`, an amd64 syscall
0x81456022 that the block listed as allowed while its x32 guard, a `>=
0x40000000`, sent it to the default (the guard now tests the bit, as the kernel
does).
"""
import pathlib
import struct

HERE = pathlib.Path(__file__).resolve().parent
DEPTH = 60_000


def write(target, name, data):
    d = HERE / "regressions" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def insn(code, jt, jf, k):
    return struct.pack("<HBBI", code, jt, jf, k)


def policy(condition):
    return (
        "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_number\n"
        f"if (A >= 0x40000000) goto dead\n{condition}\nreturn ERRNO(1)\n"
        "ok: return ALLOW\ndead: return KILL\n"
    ).encode()


def main():
    # Nesting: a condition and a constant 60,000 levels deep (50,000 once
    # overflowed the assembler's stack), and one left unclosed.
    negations = policy("if (" + "!(" * DEPTH + "A == 39" + ")" * DEPTH + ") goto ok")
    parens = policy("A = " + "(" * DEPTH + "39" + ")" * DEPTH)
    unclosed = policy("if (" + "!(" * DEPTH + "A == 39")
    for name, text in [("negations", negations), ("parentheses", parens), ("unclosed", unclosed)]:
        write("assemble", f"deep-{name}", b"\0" + text)
        # String and file programs, for amd64 (selector bits: see macro_input).
        write("macro_input", f"deep-{name}-string", bytes([(1 << 4) | 1]) + text)
        write("macro_input", f"deep-{name}-file", bytes([(2 << 4) | 1]) + text)
    # Inline tokens as deep as proc-macro2 is asked to parse here, and a lint
    # list whose first entry is a deep group.
    inline = policy("if (" + "!(" * 1000 + "A == 39" + ")" * 1000 + ") goto ok")
    write("macro_input", "deep-inline", bytes([1]) + inline)
    write("macro_input", "deep-option", bytes([0]) + b"allow(" + b"(" * 1000 + b"x32_guard" + b")" * 1000 + b"), return ALLOW")

    # 4096 instructions, 2^1365 paths: 1365 bit tests on the arguments, each
    # splitting the paths in two that meet again.
    paths = b"".join(
        insn(0x20, 0, 0, 16 + 4 * (i % 12)) + insn(0x45, 0, 1, 1 << (i % 32)) + insn(0x05, 0, 0, 0)
        for i in range(1365)
    ) + insn(0x06, 0, 0, 0x7FFF0000)
    # A = args[0], then X = A; A += X 2000 times: an expression of 2^2000 leaves.
    doubling = (
        insn(0x20, 0, 0, 16)
        + (insn(0x07, 0, 0, 0) + insn(0x0C, 0, 0, 0)) * 2000
        + insn(0x15, 0, 1, 5)
        + insn(0x06, 0, 0, 0x7FFF0000)
        + insn(0x06, 0, 0, 0)
    )
    for name, prog in [("paths-4096", paths), ("doubling-expressions", doubling)]:
        write("explain", name, b"\0\0" + prog)
        write("audit", name, b"\0" + prog)
        write("disasm", name, b"\0\x03" + prog)
        write("validate", name, b"\0" + prog)
        write("emulate", name, b"\0\x06" + bytes(64) + prog)
    # One past the kernel's limit.
    write("validate", "4097-instructions", b"\0" + paths + insn(0x06, 0, 0, 0))


if __name__ == "__main__":
    main()

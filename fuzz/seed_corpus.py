#!/usr/bin/env python3
"""Writes the seed corpus (seeds/<target>/) from the conformance data in
../seccomp-conformance/data/conformance: sources for `assemble` and `macro_input`, filters
for the others.

Each file starts with the selector bytes its target reads first (see the
targets); the arch selector is an index into `Arch::ALL`, whose first five
are amd64, i386, aarch64, riscv64, s390x.
"""
import json
import pathlib
import struct

HERE = pathlib.Path(__file__).resolve().parent
CONF = HERE.parent / "seccomp-conformance" / "data" / "conformance"
ARCH_INDEX = {"amd64": 0, "i386": 1, "aarch64": 2, "riscv64": 3, "s390x": 4}


def rows(name, limit):
    with open(CONF / name) as f:
        return [json.loads(line) for line in f][:limit]


def write(target, name, data):
    d = HERE / "seeds" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def main():
    for row in rows("asm.jsonl", 40) + rows("asm-edge.jsonl", 40):
        sel = bytes([ARCH_INDEX.get(row["arch"], 0)])
        write("assemble", row["id"], sel + row["src"].encode())
    filters = {p.stem: (0, p.read_bytes()) for p in sorted((CONF / "bpf").glob("*.bpf"))}
    for row in rows("disasm.jsonl", 60)[::3]:
        filters[row["id"]] = (ARCH_INDEX.get(row["arch"], 0), bytes.fromhex(row["hex"]))
    for name, (arch, prog) in filters.items():
        big = arch == 4
        write("validate", name, bytes([int(big)]) + prog)
        write("disasm", name, bytes([arch, 3]) + prog)
    for row in rows("emu.jsonl", 30):
        arch = ARCH_INDEX.get(row["arch"], 0)
        args = (row.get("args") or []) + [0] * 6
        nr = row["nr"] if isinstance(row["nr"], int) else 0
        head = bytes([arch, 6]) + struct.pack(
            "<IIQ6Q", nr & 0xFFFFFFFF, 0, 0, *[a & (2**64 - 1) for a in args[:6]]
        )
        write("emulate", row["id"], head + bytes.fromhex(row["hex"]))
    for row in rows("explain.jsonl", 60)[::2]:
        arch = ARCH_INDEX.get(row["arch"], 0)
        prog = bytes.fromhex(row["hex"])
        write("explain", row["id"], bytes([arch, len(prog) % 256]) + prog)
    for row in rows("audit.jsonl", 60)[::2]:
        write("audit", row["id"], bytes([ARCH_INDEX.get(row["arch"], 0)]) + bytes.fromhex(row["hex"]))
    # The macro target's selector: bits 0-1 an `arch = ...` option, bit 2
    # `relax_jumps`, bit 3 `allow(all)`, bits 4+ inline / string / file /
    # raw filter.
    for i, row in enumerate(rows("asm.jsonl", 30) + rows("asm-edge.jsonl", 30)):
        form = i % 3
        write("macro_input", row["id"], bytes([(form << 4) | (i % 16)]) + row["src"].encode())
    # Raw filters for `bpf = ...`: amd64 (selector 0 adds `arch = amd64`) and aarch64.
    for row in rows("disasm.jsonl", 60)[::6]:
        arch = {"amd64": 0, "aarch64": 2}.get(row["arch"])
        if arch is not None:
            write("macro_input", row["id"], bytes([(3 << 4) | arch]) + bytes.fromhex(row["hex"]))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Raw BPF filters for the tests of `seccomp!(bpf = ...)`, written into tests/ui/filters/:

- libseccomp-allowlist.amd64.bpf: an x86_64 allow-list exported by libseccomp
  (`seccomp_export_bpf`): read, write, close, exit_group, and getpid only when its
  (absent) first argument is 0; anything else ERRNO(38) (ENOSYS).
- broken.amd64.bpf: instructions the kernel refuses (a jump past the end, a
  division by 0, no final return), written by hand.
- no-arch-check.amd64.bpf: a filter the kernel accepts that never checks the
  architecture, written by hand.
- truncated.amd64.bpf: the allow-list less its last 3 bytes.

Needs the libseccomp Python bindings (Debian: python3-seccomp, hence /usr/bin/python3).
"""

import os
import struct

import seccomp

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "ui", "filters")


def insn(code, jt, jf, k):
    return struct.pack("<HBBI", code, jt, jf, k)


def main():
    f = seccomp.SyscallFilter(defaction=seccomp.ERRNO(38))
    for name in ["read", "write", "close", "exit_group"]:
        f.add_rule(seccomp.ALLOW, name)
    f.add_rule(seccomp.ALLOW, "getpid", seccomp.Arg(0, seccomp.EQ, 0))
    path = os.path.join(OUT, "libseccomp-allowlist.amd64.bpf")
    with open(path, "wb") as out:
        f.export_bpf(out)
    with open(path, "rb") as src:
        allow = src.read()
    with open(os.path.join(OUT, "truncated.amd64.bpf"), "wb") as out:
        out.write(allow[:-3])
    broken = (
        insn(0x20, 0, 0, 4)  # A = arch
        + insn(0x15, 9, 0, 0xC000003E)  # if (A == ARCH_X86_64) goto 11: past the end
        + insn(0x34, 0, 0, 0)  # A /= 0
        + insn(0x06, 0, 0, 0x7FFF0000)  # return ALLOW
        + insn(0x04, 0, 0, 1)  # A += 1: the last instruction does not return
    )
    with open(os.path.join(OUT, "broken.amd64.bpf"), "wb") as out:
        out.write(broken)
    no_arch = (
        insn(0x20, 0, 0, 0)  # A = sys_number
        + insn(0x15, 0, 1, 101)  # if (A == ptrace) ...
        + insn(0x06, 0, 0, 0x00050001)  # return ERRNO(1)
        + insn(0x06, 0, 0, 0x7FFF0000)  # return ALLOW
    )
    with open(os.path.join(OUT, "no-arch-check.amd64.bpf"), "wb") as out:
        out.write(no_arch)


if __name__ == "__main__":
    main()

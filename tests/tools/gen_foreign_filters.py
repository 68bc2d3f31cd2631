#!/usr/bin/python3
"""Seccomp filters made by other generators (libseccomp, firejail), with seccomp-tools' verdicts.

Writes raw BPF files into seccomp-conformance/data/foreign/ (<id>.bpf, not committed) and, with --record, runs the
reference seccomp-tools 1.7.1 on each of them and writes seccomp-conformance/data/foreign/foreign.jsonl: one object
per filter with `id`, `generator`, `arch`, `file`, `hex`, `explain`, `audit`, `audit_json`.

    /usr/bin/python3 tests/tools/gen_foreign_filters.py             # write the .bpf files
    /usr/bin/python3 tests/tools/gen_foreign_filters.py --record    # ... and foreign.jsonl
    python3 tests/tools/gen_foreign_filters.py --extract            # .bpf files back from foreign.jsonl

Generating needs the libseccomp Python bindings (Debian: python3-seccomp, hence /usr/bin/python3) and
firejail; --record needs `seccomp-tools` on PATH. --extract needs nothing but Python. Run from any
directory; paths are relative to the repository root. See seccomp-conformance/data/foreign/README.md.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "seccomp-conformance", "data", "foreign")
JSONL = os.path.join(OUT, "foreign.jsonl")
TIMEOUT = 60  # seconds per seccomp-tools run; a filter that takes longer is left out

# AUDIT_ARCH_* value -> seccomp-tools arch name
AUDIT_ARCHES = {
    0xC000003E: "amd64",
    0x40000003: "i386",
    0xC00000B7: "aarch64",
    0xC00000F3: "riscv64",
    0x80000016: "s390x",
}


def log(*a):
    print(*a, file=sys.stderr)


# ----------------------------------------------------------------------------------------------------
# libseccomp

# libseccomp ABI name -> (seccomp.Arch attribute, seccomp-tools arch). x32 filters are amd64 to
# seccomp-tools (same AUDIT_ARCH, syscall numbers with bit 30 set).
LIBSECCOMP_ABIS = [
    ("x86_64", "X86_64", "amd64"),
    ("x86", "X86", "i386"),
    ("x32", "X32", "amd64"),
    ("aarch64", "AARCH64", "aarch64"),
    ("riscv64", "RISCV64", "riscv64"),
    ("s390x", "S390X", "s390x"),
]
# One filter holding several ABIs: (id part, ABIs, seccomp-tools arch of the first ABI).
LIBSECCOMP_MULTI = [("multi", ["X86_64", "X86", "X32"], "amd64")]

ALLOW_LIST = [
    "read", "write", "open", "openat", "close", "stat", "fstat", "newfstatat", "lseek", "mmap",
    "mprotect", "munmap", "brk", "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "ioctl", "pread64",
    "pwrite64", "readv", "writev", "access", "pipe", "pipe2", "select", "sched_yield", "mremap",
    "madvise", "dup", "dup2", "dup3", "nanosleep", "getpid", "socket", "connect", "sendto", "recvfrom",
    "exit", "futex", "clock_gettime", "getrandom", "epoll_wait", "epoll_pwait", "exit_group",
]


def policy_allow(sc):
    """Allow-list: the syscalls above are allowed, anything else kills the process."""
    f = sc.SyscallFilter(sc.KILL_PROCESS)
    rules = [(sc.ALLOW, name, []) for name in ALLOW_LIST]
    return f, rules


def policy_deny(sc):
    """Deny-list: default ALLOW; ERRNO, KILL, KILL_PROCESS, TRAP, LOG and TRACE rules, some on args."""
    f = sc.SyscallFilter(sc.ALLOW)
    A = sc.Arg
    rules = []
    for name in ["ptrace", "mount", "umount2", "pivot_root", "chroot"]:
        rules.append((sc.ERRNO(1), name, []))  # EPERM
    for name in ["kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module"]:
        rules.append((sc.KILL_PROCESS, name, []))
    rules += [
        (sc.KILL, "reboot", []),
        (sc.ERRNO(38), "bpf", []),  # ENOSYS
        (sc.ERRNO(13), "perf_event_open", []),  # EACCES
        (sc.TRAP, "personality", []),
        (sc.LOG, "keyctl", []),
        (sc.LOG, "add_key", []),
        (sc.LOG, "request_key", []),
        (sc.TRACE(42), "acct", []),
        (sc.ERRNO(97), "socket", [A(0, sc.EQ, 16)]),  # AF_NETLINK -> EAFNOSUPPORT
        (sc.ERRNO(97), "socket", [A(0, sc.EQ, 17)]),  # AF_PACKET
        (sc.ERRNO(1), "clone", [A(0, sc.MASKED_EQ, 0x10000000, 0x10000000)]),  # CLONE_NEWUSER
        (sc.ERRNO(1), "unshare", [A(0, sc.MASKED_EQ, 0x10000000, 0x10000000)]),
        (sc.ERRNO(1), "ioctl", [A(1, sc.EQ, 0x5412)]),  # TIOCSTI
    ]
    return f, rules


def policy_args(sc):
    """Argument checks with every operator, 64-bit values, several args per rule; default ERRNO(13)."""
    f = sc.SyscallFilter(sc.ERRNO(13))
    A = sc.Arg
    rules = [
        (sc.ALLOW, "read", [A(0, sc.EQ, 0)]),
        (sc.ALLOW, "write", [A(0, sc.LE, 2), A(2, sc.LT, 0x10000)]),
        (sc.ALLOW, "close", [A(0, sc.GT, 2)]),
        (sc.ALLOW, "lseek", [A(1, sc.LT, 0x1_0000_0000), A(2, sc.NE, 3)]),
        (sc.ALLOW, "pread64", [A(0, sc.GE, 3), A(3, sc.GE, 0x2_0000_0000)]),
        (sc.ALLOW, "pwrite64", [A(3, sc.LE, 0x7FFF_FFFF_FFFF)]),
        (sc.ALLOW, "mmap", [A(2, sc.MASKED_EQ, 0x4, 0), A(3, sc.MASKED_EQ, 0x1, 0)]),
        (sc.ALLOW, "mprotect", [A(2, sc.MASKED_EQ, 0x4, 0)]),
        (sc.ALLOW, "madvise", [A(1, sc.MASKED_EQ, 0xFFFF_FFFF_0000_0FFF, 0x1_0000_0000)]),
        (sc.ALLOW, "mremap", [A(1, sc.LE, 0x1_0000_0000), A(2, sc.GT, 0x1000)]),
        (sc.ALLOW, "getrandom", [A(1, sc.NE, 0x2_0000_0000)]),
        (sc.ALLOW, "futex", [A(1, sc.MASKED_EQ, 0x7F, 0), A(5, sc.NE, 0xDEAD_BEEF_0000_0000)]),
        (sc.ALLOW, "ioctl", [A(1, sc.EQ, 0x5401)]),  # TCGETS
        (sc.ALLOW, "ioctl", [A(1, sc.EQ, 0x5413)]),  # TIOCGWINSZ
        (sc.ALLOW, "socket", [A(0, sc.EQ, 1)]),  # AF_UNIX
        (sc.ALLOW, "socket", [A(0, sc.EQ, 2), A(1, sc.MASKED_EQ, 0xF, 1)]),  # AF_INET, SOCK_STREAM
        (sc.ALLOW, "clock_gettime", [A(0, sc.LT, 16)]),
        (sc.ALLOW, "prctl", [A(0, sc.EQ, 38), A(1, sc.EQ, 1), A(2, sc.EQ, 0)]),  # PR_SET_NO_NEW_PRIVS
        (sc.ERRNO(1), "kill", [A(1, sc.EQ, 9)]),
        (sc.TRAP, "tgkill", [A(2, sc.GE, 32)]),
        (sc.ALLOW, "exit_group", []),
    ]
    return f, rules


POLICIES = [("allow", policy_allow), ("deny", policy_deny), ("args", policy_args)]


def libseccomp_filters():
    try:
        import seccomp as sc
    except ImportError:
        log("libseccomp: no `seccomp` module (install python3-seccomp and run with /usr/bin/python3)")
        return []
    out = []
    try:
        probe = sc.SyscallFilter(sc.ALLOW)
        probe.set_attr(sc.Attr.CTL_OPTIMIZE, 2)
        layouts = [("linear", 1), ("tree", 2)]
    except Exception as e:  # libseccomp < 2.5
        log(f"libseccomp: no binary-tree layout (CTL_OPTIMIZE=2: {e}); linear only")
        layouts = [("linear", None)]
    targets = [(abi, [arch], st) for abi, arch, st in LIBSECCOMP_ABIS] + LIBSECCOMP_MULTI
    for pname, policy in POLICIES:
        for abi, arches, st_arch in targets:
            seen = {}
            for layout, opt in layouts:
                f, rules = policy(sc)
                f.remove_arch(sc.Arch.NATIVE)
                for a in arches:
                    f.add_arch(getattr(sc.Arch, a))
                if opt is not None:
                    f.set_attr(sc.Attr.CTL_OPTIMIZE, opt)
                for action, name, args in rules:
                    # A syscall the ABI lacks is dropped by libseccomp without an error.
                    f.add_rule(action, name, *args)
                data = export(f)
                if abi == "s390x":
                    data = to_big_endian(data)
                fid = f"libseccomp-{pname}-{abi}-{layout}"
                if data in seen:
                    log(f"{fid}: same bytes as {seen[data]}, left out")
                    continue
                seen[data] = fid
                out.append({"id": fid, "generator": "libseccomp", "arch": st_arch, "data": data})
    return out


def export(f):
    with tempfile.TemporaryFile() as t:
        f.export_bpf(t)
        t.seek(0)
        return t.read()


def to_big_endian(data):
    """seccomp-tools reads s390x filters as big-endian. libseccomp 2.5.4 already writes the target
    ABI's byte order, which this detects from the first instruction (`ld [4]`, code 0x20); only
    host-order (little-endian) output is swapped, instruction by instruction (u16, u8, u8, u32)."""
    if data[:2] == b"\x00\x20":
        return data
    assert data[:2] == b"\x20\x00", data[:8].hex()
    log("s390x: libseccomp wrote host byte order; swapping to big-endian")
    out = bytearray()
    for i in range(0, len(data), 8):
        ins = data[i:i + 8]
        out += ins[1::-1] + ins[2:4] + ins[7:3:-1]
    return bytes(out)


# ----------------------------------------------------------------------------------------------------
# firejail

FIREJAIL_LIB = "/usr/lib/x86_64-linux-gnu/firejail"
FIREJAIL_SHIPPED = [  # prebuilt filters in the package
    "seccomp", "seccomp.32", "seccomp.debug", "seccomp.block_secondary", "seccomp.mdwx",
    "seccomp.mdwx.32",
]
# Enough for `cat` to run under an allow-list (firejail installs the filter before exec'ing it).
CAT_KEEP = ("execve,read,write,openat,close,fstat,newfstatat,mmap,munmap,mprotect,brk,arch_prctl,"
            "access,exit_group,rt_sigaction,rt_sigprocmask,set_tid_address,set_robust_list,rseq,"
            "prlimit64,getrandom,futex,fadvise64,lseek,pread64")
# Sandboxes whose filters firejail builds at start-up (with fseccomp, fsec-optimize): id part -> options
FIREJAIL_RUNS = [
    ("drop", ["--seccomp.drop=mount,umount2,ptrace,kexec_load,open_by_handle_at"]),
    ("drop-errno", ["--seccomp.drop=mount:EPERM,ptrace:ENOSYS,kexec_load"]),
    ("default-plus", ["--seccomp=chmod,fchmod,chown"]),
    ("default-enosys", ["--seccomp", "--seccomp-error-action=ENOSYS"]),
    ("default-log", ["--seccomp", "--seccomp-error-action=log"]),
    ("default-kill", ["--seccomp", "--seccomp-error-action=kill"]),
    ("allow-debuggers", ["--allow-debuggers", "--seccomp"]),
    ("keep", ["--seccomp.keep=" + CAT_KEEP]),
    ("block-secondary", ["--seccomp.block-secondary"]),
    ("mdwx", ["--memory-deny-write-execute"]),
    ("protocol", ["--protocol=unix,inet,inet6,netlink"]),
    ("namespaces", ["--restrict-namespaces"]),
    ("namespaces-user-net", ["--restrict-namespaces=user,net"]),
]
SECCOMP_DIR = "/run/firejail/mnt/seccomp"
# firejail 0.9.72 installs its prebuilt 32-bit filter for --seccomp.32.drop and --seccomp.32=..., and
# builds --seccomp.32.keep with the 64-bit `keep` (which then kills the 64-bit `cat`), so its 32-bit
# custom lists come from its generator, fseccomp, run directly: id part -> fseccomp arguments (FILE
# and POST are the filter and post-exec files). `fsec-optimize` runs after a drop list, as in firejail.
FSECCOMP_RUNS = [
    ("drop32", ["drop32", "FILE", "POST", "mount,umount,ptrace,kexec_load,open_by_handle_at"], True),
    ("default32-drop", ["default32", "drop", "FILE", "POST", "chmod,fchmod,chown"], True),
    ("keep32", ["keep32", "FILE", "POST", "read,write,open,close,brk,exit,exit_group"], False),
]


def filter_arch(data):
    """seccomp-tools arch of a filter: the first AUDIT_ARCH constant it compares A with."""
    for i in range(0, len(data) - 7, 8):
        code = int.from_bytes(data[i:i + 2], "little")
        k = int.from_bytes(data[i + 4:i + 8], "little")
        if code == 0x15 and k in AUDIT_ARCHES:
            return AUDIT_ARCHES[k]
    return "amd64"


def firejail_cat(opts, path):
    cmd = ["firejail", "--quiet", "--noprofile"] + opts + ["cat", path]
    p = subprocess.run(cmd, capture_output=True, timeout=120, cwd=tempfile.gettempdir())
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}: {p.stderr.decode()[-300:]}")
    return p.stdout


def firejail_filters():
    out = []
    seen = {}

    def add(fid, data):
        if len(data) == 0 or len(data) % 8:
            log(f"{fid}: {len(data)} bytes, not a filter; left out")
            return
        if data in seen:
            log(f"{fid}: same bytes as {seen[data]}, left out")
            return
        seen[data] = fid
        out.append({"id": fid, "generator": "firejail", "arch": filter_arch(data), "data": data})

    for name in FIREJAIL_SHIPPED:
        path = os.path.join(FIREJAIL_LIB, name)
        if os.path.exists(path):
            with open(path, "rb") as f:
                add(f"firejail-shipped-{name.replace('.', '-')}", f.read())
        else:
            log(f"firejail: no {path}")
    if shutil.which("firejail") is None:
        log("firejail: not installed; shipped filters only")
        return out
    for run, opts in FIREJAIL_RUNS:
        try:
            listing = firejail_cat(opts, SECCOMP_DIR + "/seccomp.list").decode().split()
            for path in dict.fromkeys(listing):  # the list may name a file twice
                name = os.path.basename(path)
                add(f"firejail-{run}-{name.replace('.', '-')}", firejail_cat(opts, path))
        except Exception as e:
            log(f"firejail {run}: {e}; left out (can firejail create its namespaces here?)")
    for run, args, optimize in FSECCOMP_RUNS:
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "filter")
            argv = [{"FILE": path, "POST": path + ".post"}.get(a, a) for a in args]
            try:
                subprocess.run([os.path.join(FIREJAIL_LIB, "fseccomp")] + argv, check=True,
                               capture_output=True, timeout=60)
                if optimize:
                    subprocess.run([os.path.join(FIREJAIL_LIB, "fsec-optimize"), path], check=True,
                                   capture_output=True, timeout=60)
                with open(path, "rb") as f:
                    add(f"firejail-fseccomp-{run}", f.read())
            except Exception as e:
                log(f"fseccomp {run}: {e}; left out")
    return out


# ----------------------------------------------------------------------------------------------------
# seccomp-tools


def seccomp_tools(args, cwd):
    p = subprocess.run(["seccomp-tools"] + args, cwd=cwd, capture_output=True, timeout=TIMEOUT)
    if p.returncode != 0:
        raise RuntimeError(f"exit {p.returncode}: {p.stderr.decode()[-500:]}")
    return p.stdout.decode()


def record(filters):
    rows = []
    for flt in filters:
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "filter.bpf"), "wb") as f:
                f.write(flt["data"])
            a = ["-a", flt["arch"], "filter.bpf"]
            try:
                explain = seccomp_tools(["explain"] + a, d)
                audit = seccomp_tools(["audit"] + a, d)
                audit_json = seccomp_tools(["audit", "-a", flt["arch"], "-f", "json", "filter.bpf"], d)
            except subprocess.TimeoutExpired:
                log(f"{flt['id']}: seccomp-tools took more than {TIMEOUT} s; left out")
                continue
            except RuntimeError as e:
                log(f"{flt['id']}: seccomp-tools failed ({e}); left out")
                continue
        rows.append({
            "id": flt["id"], "generator": flt["generator"], "arch": flt["arch"], "file": "filter.bpf",
            "hex": flt["data"].hex(), "explain": explain, "audit": audit, "audit_json": audit_json,
        })
        log(f"recorded {flt['id']} ({flt['arch']}, {len(flt['data']) // 8} instructions)")
    with open(JSONL, "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    log(f"{len(rows)} records in {os.path.relpath(JSONL, ROOT)}")


def write_bpf(filters):
    os.makedirs(OUT, exist_ok=True)
    for flt in filters:
        with open(os.path.join(OUT, flt["id"] + ".bpf"), "wb") as f:
            f.write(flt["data"])
    log(f"{len(filters)} .bpf files in {os.path.relpath(OUT, ROOT)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--record", action="store_true", help="also run seccomp-tools and write foreign.jsonl")
    ap.add_argument("--extract", action="store_true", help="only write the .bpf files held in foreign.jsonl")
    ap.add_argument("--no-bpf", action="store_true", help="do not write the .bpf files")
    opts = ap.parse_args()
    if opts.extract:
        with open(JSONL) as f:
            rows = [json.loads(line) for line in f]
        write_bpf([{"id": r["id"], "data": bytes.fromhex(r["hex"])} for r in rows])
        return
    filters = libseccomp_filters() + firejail_filters()
    ids = [x["id"] for x in filters]
    assert len(ids) == len(set(ids)), "duplicate ids"
    if not opts.no_bpf:
        write_bpf(filters)
    if opts.record:
        record(filters)
    for flt in filters:
        digest = hashlib.sha256(flt["data"]).hexdigest()[:12]
        print(f"{flt['id']}\t{flt['arch']}\t{len(flt['data']) // 8}\t{digest}")


if __name__ == "__main__":
    main()

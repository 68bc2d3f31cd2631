// Each lint at its default level. Without `arch = ...` the filter is built
// for the target being compiled (x86_64 here).
use seccomp_runtime::{seccomp, Filter};

// The classic bypassable denylist: execve is still reachable as x32 execve.
static DENY: Filter = seccomp! {
    A = arch
    if (A != ARCH_X86_64) goto dead
    A = sys_number
    if (A == execve) goto dead
    return ALLOW
dead:
    return KILL
};

// No arch check at all: open to other ABIs' numbers and to x32 numbers.
static NO_ARCH: Filter = seccomp! {
    A = sys_number
    if (A == write) goto deny
    return ALLOW
deny:
    return ERRNO(1)
};

// An x86_64 filter built for aarch64: every call of that program is killed.
static ELSEWHERE: Filter = seccomp! {
    arch = aarch64,
    A = arch
    if (A != ARCH_X86_64) goto dead
    A = sys_number
    if (A >= 0x40000000) goto dead
    if (A == 0) goto ok
    return ERRNO(1)
ok:
    return ALLOW
dead:
    return KILL
};

// Guarded, but a denylist that leaves execveat open: warnings only.
static WARNS: Filter = seccomp! {
    A = arch
    if (A != ARCH_X86_64) goto dead
    A = sys_number
    if (A >= 0x40000000) goto dead
    if (A == execve) goto dead
    return ALLOW
dead:
    return KILL
};

// Arguments read before the dispatch: the kernel's cache loses read and
// write, which are always allowed.
static CACHE: Filter = seccomp! {
    A = arch
    if (A != ARCH_X86_64) goto dead
    A = args[0]
    if (A == 0x1234) goto next
    A = sys_number
    if (A >= 0x40000000) goto dead
    if (A == read) goto ok
    if (A == write) goto ok
    return ERRNO(1)
ok:
    return ALLOW
dead:
    return KILL
};

fn main() {}

// Levels set per invocation.
use seccomp_runtime::{seccomp, Filter};

// Allowed: compiles, the other findings still warn.
static ALLOWED: Filter = seccomp! {
    allow(x32_guard, permissive_default),
    A = arch
    if (A != ARCH_X86_64) goto dead
    A = sys_number
    if (A == execve) goto dead
    return ALLOW
dead:
    return KILL
};

// A warning made an error, and an error made a warning.
static DENIED: Filter = seccomp! {
    deny(dangerous_allow), warn(x32_guard), allow(permissive_default),
    A = arch
    if (A != ARCH_X86_64) goto dead
    A = sys_number
    if (A == ptrace) goto dead
    return ALLOW
dead:
    return KILL
};

// `all` sets every lint; the open-read-write chain, off by default, on.
static ORW: Filter = seccomp! {
    allow(all), warn(orw_chain),
    A = arch
    if (A != ARCH_X86_64) goto dead
    A = sys_number
    if (A >= 0x40000000) goto dead
    if (A == open) goto ok
    if (A == read) goto ok
    if (A == write) goto ok
    return ERRNO(1)
ok:
    return ALLOW
dead:
    return KILL
};

// No arch check: refused for both bypasses until both are allowed.
static BOTH_ALLOWED: Filter = seccomp! {
    allow(arch_unchecked, x32_guard, permissive_default, dangerous_allow, syscall_alt_gap),
    A = sys_number
    if (A == write) goto deny
    return ALLOW
deny:
    return ERRNO(1)
};

// An unknown lint name suggests the closest.
static TYPO: Filter = seccomp!(allow(x32_gaurd), return ALLOW);

fn main() {}

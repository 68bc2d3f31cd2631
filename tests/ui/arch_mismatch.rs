use seccomp_runtime::{seccomp, Filter};

// The arch check lets only aarch64 through, but `openat` is resolved for the
// target (x86_64 here), whose number means something else on aarch64.
static FILTER: Filter = seccomp! {
    A = arch
    if (A != ARCH_AARCH64) goto dead
    A = sys_number
    if (A == openat) goto deny
    return ALLOW
deny:
    return ERRNO(1)
dead:
    return KILL
};

fn main() {}

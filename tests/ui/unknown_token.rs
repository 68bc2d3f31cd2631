use seccomp_runtime::{seccomp, Filter};

static FILTER: Filter = seccomp! {
    A = sys_numbr
    return ALLOW
};

// seccomp-tools crashes on an `ARCH_*` constant in lower case.
static LOWER_CASE_ARCH: Filter = seccomp! {
    A = arch
    if (A == arch_x86_64) goto ok
    return KILL
ok:
    return ALLOW
};

fn main() {}

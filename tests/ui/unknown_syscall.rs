use seccomp_runtime::{seccomp, Filter};

// `open` has no number on aarch64.
static FILTER: Filter = seccomp!(arch = aarch64,
    A = sys_number
    if (A == open) goto deny
    return ALLOW
deny:
    return ERRNO(1)
);

// A qualified name that does not exist on its arch.
static QUALIFIED: Filter = seccomp! {
    A = sys_number
    if (A == aarch64.open) goto deny
    return ALLOW
deny:
    return ERRNO(1)
};

fn main() {}

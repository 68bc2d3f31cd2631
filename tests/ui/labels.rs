use seccomp_runtime::{seccomp, Filter};

static DUPLICATE: Filter = seccomp! {
    A = sys_number
    if (A == 0) goto out
out:
    return ALLOW
out:
    return KILL
};

static UNDEFINED: Filter = seccomp! {
    A = sys_number
    if (A == 0) goto nowhere
    return ALLOW
};

static BACKWARD: Filter = seccomp! {
top:
    A = sys_number
    goto top
    return ALLOW
};

fn main() {}

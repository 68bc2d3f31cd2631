use seccomp_runtime::{seccomp, Filter};

static FILTER: Filter = seccomp! {
    A = sys_numbr
    return ALLOW
};

fn main() {}

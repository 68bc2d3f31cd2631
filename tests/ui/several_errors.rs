use seccomp_runtime::{seccomp, Filter};

// Every error of one invocation is reported, not just the first.
static FILTER: Filter = seccomp! {
    A = mem[16]
    X = 0x123456789
    if (A == 1) goto missing
    A /= 0
    return ERRNO(70000)
};

fn main() {}

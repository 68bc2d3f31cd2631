use seccomp_runtime::{seccomp, Filter};

// `_llseek` exists on 32-bit ABIs but not on x86_64: compiling for x86_64
// reports it, compiling for i386 or arm would not.
static FILTER: Filter = seccomp! {
    A = sys_number
    if (A == _llseek) goto deny
    return ALLOW
deny:
    return ERRNO(1)
};

fn main() {}

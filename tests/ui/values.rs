use seccomp_runtime::{seccomp, Filter};

// seccomp-tools masks each of these silently; the macro refuses them.
static WIDE_CONSTANT: Filter = seccomp! { A = sys_number if (A == 0x100000000) goto ok return KILL ok: return ALLOW };
static WIDE_DATA: Filter = seccomp! { return ERRNO(65536) };
static ERRNO_CAP: Filter = seccomp! { return ERRNO(5000) };
static NEGATIVE: Filter = seccomp! { A = -2147483649 return A };
static PAST_THE_END: Filter = seccomp! { A = sys_number if (A == 1) goto 5 return ALLOW };

fn main() {}

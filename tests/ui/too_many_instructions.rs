use seccomp_runtime::{seccomp, Filter};

// 4097 instructions: one more than the kernel accepts.
static FILTER: Filter = seccomp!(file = "filters/too_long.asm");

fn main() {}

use seccomp_runtime::{seccomp, Filter};

// 300 instructions between the jump and its target; `relax_jumps` would
// route it through a `goto`.
static FILTER: Filter = seccomp!(file = "filters/long_jump.asm");

fn main() {}

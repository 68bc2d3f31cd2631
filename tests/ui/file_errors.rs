use seccomp_runtime::{seccomp, Filter};

// Errors in a file quote file:line:col, the line and carets.
static FILTER: Filter = seccomp!(file = "filters/errors.asm");

fn main() {}

use seccomp_runtime::{seccomp, Filter};

static FILTER: Filter = seccomp!("A = sys_number\nif (A == 1) goto ok\n\treturn ERRNO(1)\nok: return ALOW\n");

fn main() {}

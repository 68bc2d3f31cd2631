use seccomp_runtime::{seccomp, Filter};

static UNKNOWN_ARCH: Filter = seccomp!(arch = vax, return ALLOW);
static TWICE: Filter = seccomp!(arch = amd64, arch = i386, return ALLOW);
static BOTH_INPUTS: Filter = seccomp!(file = "filters/allow.asm", return ALLOW);
static MISSING_FILE: Filter = seccomp!(file = "filters/does-not-exist.asm");

fn main() {}

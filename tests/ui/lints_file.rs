// A lint in a program read from a file points at its line.
use seccomp_runtime::{seccomp, Filter};

static FROM_FILE: Filter = seccomp!(file = "filters/denylist.asm");
static FROM_STRING: Filter = seccomp!(
    "A = arch\nif (A != ARCH_X86_64) goto dead\nA = sys_number\nif (A == execve) goto dead\nreturn ALLOW\ndead: return KILL\n"
);

fn main() {}

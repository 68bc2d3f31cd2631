use seccomp_runtime::{seccomp, Filter};

// Every rule of the kernel the filter breaks, each at its instruction.
static BROKEN: Filter = seccomp!(arch = amd64, bpf = "filters/broken.amd64.bpf");
// Not a whole number of instructions.
static TRUNCATED: Filter = seccomp!(arch = amd64, bpf = "filters/truncated.amd64.bpf");
// The kernel takes it; the lints do not.
static NO_ARCH_CHECK: Filter = seccomp!(arch = amd64, bpf = "filters/no-arch-check.amd64.bpf");
// A raw filter needs its ABI.
static NO_ARCH: Filter = seccomp!(bpf = "filters/libseccomp-allowlist.amd64.bpf");
static TWO_PROGRAMS: Filter = seccomp!(arch = amd64, bpf = "filters/libseccomp-allowlist.amd64.bpf", return ALLOW);
static BOTH_FILES: Filter = seccomp!(arch = amd64, file = "filters/allow.asm", bpf = "filters/libseccomp-allowlist.amd64.bpf");
static RELAXED: Filter = seccomp!(arch = amd64, relax_jumps, bpf = "filters/libseccomp-allowlist.amd64.bpf");
static MISSING: Filter = seccomp!(arch = amd64, bpf = "filters/missing.bpf");

fn main() {}

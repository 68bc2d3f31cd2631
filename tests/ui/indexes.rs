use seccomp_runtime::{seccomp, Filter};

static MEM: Filter = seccomp! { A = mem[16] return A };
static ARGS: Filter = seccomp! { A = args[6] return A };
static ARGS_H: Filter = seccomp! { A = args_h[7] return A };
static DATA_ALIGN: Filter = seccomp! { A = data[3] return A };
static DATA_END: Filter = seccomp! { A = data[64] return A };
static SHIFT: Filter = seccomp! { A = args[0] >> 16 return A };
static HIGH_SHIFT: Filter = seccomp! { A = args_h[0] >> 32 return A };

fn main() {}

use seccomp_runtime::{seccomp, Filter};

static DIVIDE_BY_ZERO: Filter = seccomp! { A = sys_number A /= 0 return A };
static SHIFT_TOO_FAR: Filter = seccomp! { A = sys_number A <<= 32 return A };
static NO_RETURN: Filter = seccomp! { A = sys_number };
static EMPTY: Filter = seccomp! {};

// The kernel's example: every real path writes mem[0] before reading it,
// but its single forward pass cannot see that.
static MEM_BEFORE_WRITE: Filter = seccomp! {
    A = sys_number
    if (A == 1) goto store else goto deny
store:
    mem[0] = A
    goto load
deny:
    return KILL
load:
    A = mem[0]
    return A
};

fn main() {}

use seccomp_runtime::{seccomp, Filter};

static SELF_ASSIGN: Filter = seccomp! { A = A return A };
static X_FROM_ARGS: Filter = seccomp! { X = args[0] return ALLOW };
static RETURN_X: Filter = seccomp! { return X };
static UNARY_PLUS: Filter = seccomp! { A = +A return A };
static NEXT_LABEL: Filter = seccomp! { next: return ALLOW };
static MISSING_TARGET: Filter = seccomp! { if (A == 1) return ALLOW };

fn main() {}

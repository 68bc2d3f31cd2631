//! A crate that knows the runtime as `sandbox`: `seccomp!` must expand
//! without assuming the runtime's crate name.

use sandbox::{seccomp, Filter};

/// A filter built through the renamed runtime.
// Allowing everything is the point here, so the lints that say so are off.
pub static ALLOW_ALL: Filter = seccomp!(
    arch = amd64,
    allow(arch_unchecked, permissive_default, dangerous_allow),
    return ALLOW
);

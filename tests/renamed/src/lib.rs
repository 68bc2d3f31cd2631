//! A crate that knows the runtime as `sandbox`: `seccomp!` must expand
//! without assuming the runtime's crate name.

use sandbox::{seccomp, Filter};

/// A filter built through the renamed runtime.
pub static ALLOW_ALL: Filter = seccomp!(arch = amd64, return ALLOW);

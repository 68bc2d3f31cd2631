//! `seccomp!` works when the runtime is renamed in Cargo.toml (this crate
//! knows it as `sandbox`): the expansion names the runtime through the
//! `$crate` of its own `macro_rules!` wrapper, never by crate name.

use sandbox::{seccomp, Arch, Filter};

static FILTER: Filter = sandbox::seccomp!(
    arch = amd64,
    allow(arch_unchecked, permissive_default, dangerous_allow),
    return ALLOW
);
const ALSO: Filter = seccomp!(arch = aarch64, allow(arch_unchecked), "A = arch\nreturn A");

#[test]
fn the_renamed_runtime_builds_filters() {
    assert_eq!(FILTER.instructions().len(), 1);
    assert_eq!(FILTER.instructions()[0].k, 0x7fff_0000);
    assert_eq!(ALSO.arch(), Arch::Aarch64);
    assert_eq!(ALSO.len(), 2);
    assert_eq!(seccomp_renamed_user::ALLOW_ALL, FILTER);
}

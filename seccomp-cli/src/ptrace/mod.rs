//! The ptrace machinery that `dump` and `record` share (Linux only).
//!
//! [`sys`] wraps the system calls; [`spawn`] starts a program stopped for
//! its tracer, optionally under a filter that makes every syscall a
//! `SECCOMP_RET_TRACE` stop; [`call`] reads a stopped syscall (its ABI,
//! number and arguments); [`tracees`] keeps the set of traced processes and
//! kills what is left of them; [`status`] reads why a tracee stopped;
//! [`stop`] ends a trace on a timeout or a signal without losing a wake-up.

pub mod call;
pub mod spawn;
pub mod status;
pub mod stop;
pub mod sys;
pub mod tracees;

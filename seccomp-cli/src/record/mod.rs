//! `seccomp record`: an allow-list from what a program does.
//!
//! [`trace`] runs or attaches to a program and gives a [`Recording`] of
//! its syscalls; [`policy`] writes a recording as seccomp-tools assembly,
//! the recorded block of a policy file; [`block`] reads a policy file back
//! (the block's recording, and the text around it, which is the user's) so
//! that a new recording can be merged in; [`layout`] keeps every jump of
//! the written assembly within reach.

pub mod block;
pub mod layout;
pub mod policy;
pub mod recording;
#[cfg(target_os = "linux")]
pub mod trace;

pub use recording::Recording;

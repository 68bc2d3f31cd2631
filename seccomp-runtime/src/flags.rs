//! `SECCOMP_FILTER_FLAG_*` and the kernel's rules for combining them.

use core::fmt;

bitflags::bitflags! {
    /// Flags of `seccomp(SECCOMP_SET_MODE_FILTER, flags, ...)`.
    ///
    /// ```
    /// use seccomp_runtime::Flags;
    ///
    /// let flags = Flags::TSYNC | Flags::LOG;
    /// assert_eq!(flags.bits(), 0b11);
    /// assert_eq!(flags.check(), Ok(()));
    /// ```
    #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
    pub struct Flags: u32 {
        /// Apply the filter to every thread of the process, not only the
        /// calling one (Linux 3.17). Fails, naming the thread, if a thread
        /// cannot take it.
        const TSYNC = 1 << 0;
        /// Log every action except ALLOW (Linux 4.14).
        const LOG = 1 << 1;
        /// Leave the Speculative Store Bypass mitigation off (Linux 4.17).
        const SPEC_ALLOW = 1 << 2;
        /// Return a listener file descriptor for USER_NOTIF (Linux 5.0).
        const NEW_LISTENER = 1 << 3;
        /// With TSYNC, fail with ESRCH instead of returning a thread id, so
        /// that it can be combined with NEW_LISTENER (Linux 5.7).
        const TSYNC_ESRCH = 1 << 4;
        /// A notified task waits killably once the listener has received the
        /// notification (Linux 5.19).
        const WAIT_KILLABLE_RECV = 1 << 5;
    }
}

/// A combination of flags refused before any system call: one the kernel
/// always refuses with EINVAL, or one that contradicts the installer's
/// choice of threads.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum FlagConflict {
    /// TSYNC and NEW_LISTENER without TSYNC_ESRCH: both would be reported
    /// through the one return value (a thread id or the listener).
    TsyncWithListener,
    /// WAIT_KILLABLE_RECV without NEW_LISTENER, the listener it is about.
    KillableRecvWithoutListener,
    /// TSYNC among the flags of an installer told to install on the calling
    /// thread only ([`Threads::Calling`](crate::Threads::Calling)).
    TsyncForCallingThread,
}

impl Flags {
    /// Checks the kernel's rules for combining flags (the flag checks of
    /// `seccomp_set_mode_filter`), without any system call.
    pub const fn check(self) -> Result<(), FlagConflict> {
        if self.contains(Flags::TSYNC)
            && self.contains(Flags::NEW_LISTENER)
            && !self.contains(Flags::TSYNC_ESRCH)
        {
            return Err(FlagConflict::TsyncWithListener);
        }
        if self.contains(Flags::WAIT_KILLABLE_RECV) && !self.contains(Flags::NEW_LISTENER) {
            return Err(FlagConflict::KillableRecvWithoutListener);
        }
        Ok(())
    }
}

impl fmt::Display for FlagConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FlagConflict::TsyncWithListener => {
                "flags TSYNC and NEW_LISTENER need TSYNC_ESRCH as well: without it a TSYNC \
                 failure and the listener would share one return value; add Flags::TSYNC_ESRCH"
            }
            FlagConflict::KillableRecvWithoutListener => {
                "flag WAIT_KILLABLE_RECV needs NEW_LISTENER: it changes how a listener receives \
                 notifications; add Flags::NEW_LISTENER or drop WAIT_KILLABLE_RECV"
            }
            FlagConflict::TsyncForCallingThread => {
                "flag TSYNC applies the filter to every thread, and the installer was told to \
                 install on the calling thread only (Threads::Calling); drop one of the two"
            }
        })
    }
}

impl std::error::Error for FlagConflict {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_are_the_kernel_values() {
        assert_eq!(Flags::TSYNC.bits(), 1);
        assert_eq!(Flags::LOG.bits(), 2);
        assert_eq!(Flags::SPEC_ALLOW.bits(), 4);
        assert_eq!(Flags::NEW_LISTENER.bits(), 8);
        assert_eq!(Flags::TSYNC_ESRCH.bits(), 16);
        assert_eq!(Flags::WAIT_KILLABLE_RECV.bits(), 32);
        assert_eq!(Flags::all().bits(), 0x3f);
    }

    #[test]
    fn conflicts_follow_the_kernel_rules() {
        use Flags as F;
        assert_eq!(F::empty().check(), Ok(()));
        assert_eq!(F::all().check(), Ok(()));
        assert_eq!(
            (F::TSYNC | F::NEW_LISTENER).check(),
            Err(FlagConflict::TsyncWithListener)
        );
        assert_eq!(
            (F::TSYNC | F::NEW_LISTENER | F::TSYNC_ESRCH).check(),
            Ok(())
        );
        assert_eq!(
            F::WAIT_KILLABLE_RECV.check(),
            Err(FlagConflict::KillableRecvWithoutListener)
        );
        assert_eq!(
            (F::WAIT_KILLABLE_RECV | F::TSYNC | F::TSYNC_ESRCH).check(),
            Err(FlagConflict::KillableRecvWithoutListener)
        );
        assert_eq!((F::WAIT_KILLABLE_RECV | F::NEW_LISTENER).check(), Ok(()));
        assert_eq!((F::TSYNC | F::LOG | F::SPEC_ALLOW).check(), Ok(()));
    }

    #[test]
    fn conflicts_say_what_to_add() {
        assert!(FlagConflict::TsyncWithListener
            .to_string()
            .contains("add Flags::TSYNC_ESRCH"));
        assert!(FlagConflict::KillableRecvWithoutListener
            .to_string()
            .contains("add Flags::NEW_LISTENER"));
    }
}

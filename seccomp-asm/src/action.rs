//! What a filter returns: `SECCOMP_RET_*` actions and their 16 data bits.
//!
//! Takes a filter's 32-bit return value; gives the [`Action`] it stands for,
//! and back. [`ACTIONS`] are the names the assembly language spells them with.

use core::fmt;

/// The action bits of a return value.
pub const ACTION_MASK: u32 = 0xffff_0000;
/// The data bits of a return value.
pub const DATA_MASK: u32 = 0x0000_ffff;

/// The value a filter returns, split into its action and data.
///
/// `Action::from(ret)` never loses information: values whose action bits the
/// kernel does not know are kept whole in [`Action::Unknown`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Action {
    /// `SECCOMP_RET_KILL_PROCESS`; the data is kept though the kernel ignores it.
    KillProcess(u16),
    /// `SECCOMP_RET_KILL_THREAD` (also spelled `KILL`); the data is kept.
    KillThread(u16),
    /// `SECCOMP_RET_TRAP`: SIGSYS with the data in `si_errno`.
    Trap(u16),
    /// `SECCOMP_RET_ERRNO`: the call fails with this errno (the kernel caps it at 4095).
    Errno(u16),
    /// `SECCOMP_RET_USER_NOTIF`.
    UserNotif(u16),
    /// `SECCOMP_RET_TRACE`: the tracer sees the data.
    Trace(u16),
    /// `SECCOMP_RET_LOG`.
    Log(u16),
    /// `SECCOMP_RET_ALLOW`.
    Allow(u16),
    /// A value with action bits the kernel does not define; it acts as
    /// KILL_PROCESS.
    Unknown(u32),
}

/// An action's name as the assembler spells it and its base value, in the
/// order seccomp-tools lists them.
pub const ACTIONS: [(&str, u32); 9] = [
    ("KILL_PROCESS", Action::KILL_PROCESS),
    ("KILL_THREAD", Action::KILL_THREAD),
    ("KILL", Action::KILL_THREAD),
    ("TRAP", Action::TRAP),
    ("ERRNO", Action::ERRNO),
    ("USER_NOTIF", Action::USER_NOTIF),
    ("LOG", Action::LOG),
    ("TRACE", Action::TRACE),
    ("ALLOW", Action::ALLOW),
];

impl Action {
    /// Kill the whole process (`SECCOMP_RET_KILL_PROCESS`).
    pub const KILL_PROCESS: u32 = 0x8000_0000;
    /// Kill the calling thread (`SECCOMP_RET_KILL_THREAD`, also `KILL`).
    pub const KILL_THREAD: u32 = 0x0000_0000;
    /// Send `SIGSYS` to the thread (`SECCOMP_RET_TRAP`); the low 16 bits go to `si_errno`.
    pub const TRAP: u32 = 0x0003_0000;
    /// Fail the call with the errno in the low 16 bits (`SECCOMP_RET_ERRNO`).
    pub const ERRNO: u32 = 0x0005_0000;
    /// Notify a user-space supervisor (`SECCOMP_RET_USER_NOTIF`).
    pub const USER_NOTIF: u32 = 0x7fc0_0000;
    /// Notify a ptrace tracer, with the low 16 bits as its message (`SECCOMP_RET_TRACE`).
    pub const TRACE: u32 = 0x7ff0_0000;
    /// Allow the call and log it (`SECCOMP_RET_LOG`).
    pub const LOG: u32 = 0x7ffc_0000;
    /// Allow the call (`SECCOMP_RET_ALLOW`).
    pub const ALLOW: u32 = 0x7fff_0000;

    /// The largest errno the kernel returns for `ERRNO(n)` (`MAX_ERRNO`); a
    /// larger `n` reaches the caller as 4095.
    pub const MAX_ERRNO: u32 = 4095;

    /// The base value of an action name as the assembler spells it
    /// (`KILL_PROCESS`, `KILL`, `ERRNO`, ...).
    pub fn value_of_name(name: &str) -> Option<u32> {
        ACTIONS.iter().find(|(n, _)| *n == name).map(|&(_, v)| v)
    }

    /// Splits a raw return value.
    pub const fn from_ret(ret: u32) -> Action {
        let data = (ret & DATA_MASK) as u16;
        match ret & ACTION_MASK {
            Self::KILL_PROCESS => Action::KillProcess(data),
            Self::KILL_THREAD => Action::KillThread(data),
            Self::TRAP => Action::Trap(data),
            Self::ERRNO => Action::Errno(data),
            Self::USER_NOTIF => Action::UserNotif(data),
            Self::TRACE => Action::Trace(data),
            Self::LOG => Action::Log(data),
            Self::ALLOW => Action::Allow(data),
            _ => Action::Unknown(ret),
        }
    }

    /// The raw return value.
    pub const fn to_ret(self) -> u32 {
        match self {
            Action::KillProcess(d) => Self::KILL_PROCESS | d as u32,
            Action::KillThread(d) => Self::KILL_THREAD | d as u32,
            Action::Trap(d) => Self::TRAP | d as u32,
            Action::Errno(d) => Self::ERRNO | d as u32,
            Action::UserNotif(d) => Self::USER_NOTIF | d as u32,
            Action::Trace(d) => Self::TRACE | d as u32,
            Action::Log(d) => Self::LOG | d as u32,
            Action::Allow(d) => Self::ALLOW | d as u32,
            Action::Unknown(v) => v,
        }
    }

    /// The action's name, as seccomp-tools prints it (`KILL` for KILL_THREAD);
    /// `None` for an unknown action.
    pub const fn name(self) -> Option<&'static str> {
        Some(match self {
            Action::KillProcess(_) => "KILL_PROCESS",
            Action::KillThread(_) => "KILL",
            Action::Trap(_) => "TRAP",
            Action::Errno(_) => "ERRNO",
            Action::UserNotif(_) => "USER_NOTIF",
            Action::Trace(_) => "TRACE",
            Action::Log(_) => "LOG",
            Action::Allow(_) => "ALLOW",
            Action::Unknown(_) => return None,
        })
    }

    /// How the kernel ranks results of stacked filters: the lowest wins.
    pub const fn precedence(self) -> i32 {
        (self.to_ret() & ACTION_MASK) as i32
    }
}

impl From<u32> for Action {
    fn from(ret: u32) -> Action {
        Action::from_ret(ret)
    }
}

impl From<Action> for u32 {
    fn from(action: Action) -> u32 {
        action.to_ret()
    }
}

/// Prints the action as a filter author writes it: `ALLOW`, `ERRNO(1)`,
/// `TRAP(7)`, or the hex value of an unknown action. Data is shown whenever it
/// is not zero (and always for ERRNO), so nothing is hidden.
impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Action::Unknown(v) => write!(f, "{v:#x}"),
            Action::Errno(d) => write!(f, "ERRNO({d})"),
            other => {
                let data = other.to_ret() & DATA_MASK;
                let name = other.name().unwrap_or_default();
                if data == 0 {
                    f.write_str(name)
                } else {
                    write!(f, "{name}({data})")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips() {
        for ret in [
            0,
            5,
            0x8000_0000,
            0x8000_0001,
            0x0005_0001,
            0x7fff_0000,
            0x1234_0000,
            u32::MAX,
        ] {
            assert_eq!(Action::from_ret(ret).to_ret(), ret, "{ret:#x}");
        }
    }

    #[test]
    fn unknown_actions_are_kept_whole() {
        assert_eq!(Action::from_ret(0x1234_5678), Action::Unknown(0x1234_5678));
        assert_eq!(Action::from_ret(0x8000_0001), Action::KillProcess(1));
    }

    #[test]
    fn precedence_is_signed() {
        assert!(Action::KillProcess(0).precedence() < Action::KillThread(0).precedence());
        assert!(Action::Errno(1).precedence() < Action::Allow(0).precedence());
        assert!(Action::Unknown(0x9000_0000).precedence() < Action::KillThread(0).precedence());
    }

    #[test]
    fn display() {
        assert_eq!(Action::Allow(0).to_string(), "ALLOW");
        assert_eq!(Action::Errno(0).to_string(), "ERRNO(0)");
        assert_eq!(Action::Trap(7).to_string(), "TRAP(7)");
        assert_eq!(Action::KillThread(0).to_string(), "KILL");
        assert_eq!(Action::Unknown(0x1234_0000).to_string(), "0x12340000");
    }
}

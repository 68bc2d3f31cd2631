//! Ending a trace from outside the tracer's wait: a timeout, or SIGINT,
//! SIGTERM or SIGHUP sent to the tracer.
//!
//! The tracer blocks in `waitpid`, and only the thread that attached may
//! make ptrace requests, so another thread cannot end the trace itself. A
//! [`Stopper`] thread sets the reason and then signals the tracer thread
//! with SIGUSR1, whose handler does nothing but make `waitpid` fail with
//! EINTR; it repeats the signal until the tracer says it has seen the
//! reason, so a signal that lands just before `waitpid` blocks is not lost.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use libc::{c_int, pid_t};

/// Why a trace was ended from outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// The timeout expired.
    Timeout,
    /// The tracer was sent this signal (SIGINT, SIGTERM or SIGHUP).
    Signal(i32),
}

/// The signal that ended the trace, from the handler; 0 for none.
static SIGNALLED: AtomicI32 = AtomicI32::new(0);

extern "C" fn remember_signal(signal: c_int) {
    SIGNALLED.store(signal, Ordering::SeqCst);
}

extern "C" fn wake(_: c_int) {}

/// How often the reason is looked at and the tracer woken.
const TICK: Duration = Duration::from_millis(20);

pub struct Stopper {
    /// Set by the stopper thread; `Timeout` is 1, a signal is its number + 2.
    reason: Arc<AtomicI32>,
    seen: Arc<AtomicBool>,
    cancel: mpsc::Sender<()>,
    thread: thread::JoinHandle<()>,
}

impl Stopper {
    /// Starts watching for `timeout` and, if `signals`, for SIGINT, SIGTERM
    /// and SIGHUP. Must be called on the tracer thread.
    pub fn start(timeout: Option<Duration>, signals: bool) -> Stopper {
        // SAFETY: the handlers only store to an atomic (async-signal-safe);
        // no SA_RESTART, so a blocked `waitpid` returns EINTR.
        unsafe {
            set_handler(libc::SIGUSR1, wake);
            if signals {
                for s in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                    set_handler(s, remember_signal);
                }
            }
        }
        // SAFETY: plain getters.
        let (process, tracer) = unsafe { (libc::getpid(), libc::gettid()) };
        let deadline = timeout.map(|t| Instant::now() + t);
        let reason = Arc::new(AtomicI32::new(0));
        let seen = Arc::new(AtomicBool::new(false));
        let (cancel, cancelled) = mpsc::channel::<()>();
        let thread = {
            let (reason, seen) = (reason.clone(), seen.clone());
            thread::spawn(move || loop {
                match cancelled.recv_timeout(TICK) {
                    Err(RecvTimeoutError::Timeout) => {}
                    _ => return,
                }
                if reason.load(Ordering::SeqCst) == 0 {
                    let signal = SIGNALLED.load(Ordering::SeqCst);
                    if signal != 0 {
                        reason.store(signal + 2, Ordering::SeqCst);
                    } else if deadline.is_some_and(|d| Instant::now() >= d) {
                        reason.store(1, Ordering::SeqCst);
                    }
                }
                if reason.load(Ordering::SeqCst) != 0 && !seen.load(Ordering::SeqCst) {
                    kick(process, tracer);
                }
            })
        };
        Stopper {
            reason,
            seen,
            cancel,
            thread,
        }
    }

    /// Why the trace should end, if it should; the tracer calls this after
    /// every wake-up. Once it has returned a reason, the tracer is no
    /// longer signalled.
    pub fn reason(&self) -> Option<StopReason> {
        let reason = match self.reason.load(Ordering::SeqCst) {
            0 => return None,
            1 => StopReason::Timeout,
            n => StopReason::Signal(n - 2),
        };
        self.seen.store(true, Ordering::SeqCst);
        Some(reason)
    }

    /// Stops the watching thread. The signal handlers stay: a second Ctrl-C
    /// while the recording is written is remembered, not fatal.
    pub fn finish(self) {
        drop(self.cancel);
        let _ = self.thread.join();
    }
}

/// # Safety
/// `handler` must be async-signal-safe.
unsafe fn set_handler(signal: c_int, handler: extern "C" fn(c_int)) {
    let mut action: libc::sigaction = std::mem::zeroed();
    action.sa_sigaction = handler as usize;
    action.sa_flags = 0;
    libc::sigemptyset(&mut action.sa_mask);
    libc::sigaction(signal, &action, std::ptr::null_mut());
}

fn kick(process: pid_t, thread: pid_t) {
    // SAFETY: tgkill takes plain integers; the tracer thread outlives the
    // stopper (it joins it in `finish`).
    unsafe {
        libc::syscall(libc::SYS_tgkill, process, thread, libc::SIGUSR1);
    }
}

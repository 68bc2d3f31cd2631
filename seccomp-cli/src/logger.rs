//! Log lines in seccomp-tools' style: `[WARN] message` on stdout, the
//! severity coloured on a terminal.

use crate::io::{stdout_color, write_stdout};
use crate::Failure;

use seccomp_asm::disasm::color::{ERROR as ERROR_COLOR, RESET, WARN as WARN_COLOR};

/// Formats one log line. Continuation lines are indented under the message,
/// as seccomp-tools' logger does.
pub fn format_line(severity: &str, message: &str, color: bool) -> String {
    let indent = " ".repeat(severity.len() + 3);
    let mut body = String::new();
    for (i, line) in message.split_inclusive('\n').enumerate() {
        if i > 0 && !line.trim().is_empty() {
            body.push_str(&indent);
        }
        body.push_str(line);
    }
    if !body.ends_with('\n') {
        body.push('\n');
    }
    if color {
        let code = if severity == "ERROR" {
            ERROR_COLOR
        } else {
            WARN_COLOR
        };
        format!("[{code}{severity}{RESET}] {body}")
    } else {
        format!("[{severity}] {body}")
    }
}

/// Writes `[WARN] message` to stdout.
pub fn warn(message: &str) -> Result<(), Failure> {
    write_stdout(format_line("WARN", message, stdout_color()).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_coloured_lines() {
        assert_eq!(
            format_line("WARN", "No seccomp filter was installed.", false),
            "[WARN] No seccomp filter was installed.\n"
        );
        assert_eq!(
            format_line("WARN", "x", true),
            "[\x1b[38;5;230mWARN\x1b[0m] x\n"
        );
        assert_eq!(
            format_line("ERROR", "x", true),
            "[\x1b[38;5;196mERROR\x1b[0m] x\n"
        );
    }

    #[test]
    fn continuation_lines_are_indented() {
        assert_eq!(
            format_line("ERROR", "a\nb\n\nc\n", false),
            "[ERROR] a\n        b\n\n        c\n"
        );
    }
}

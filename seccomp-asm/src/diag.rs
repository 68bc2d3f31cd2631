//! Diagnostics of the assembler: what is wrong, where (as byte ranges of the
//! source), and how to print it.
//!
//! Takes the [`Diagnostic`]s the stages of assembly found and the source they
//! are about; gives the text that reports them ([`render`], [`render_bytes`],
//! [`render_each`]).
//!
//! Two renderings exist. [`Mode::Compatible`] reproduces seccomp-tools 1.7.1
//! byte for byte, including its row counting, which loses a row whenever
//! blanks (or a `\r`) come before a newline. [`Mode::Strict`] prints the exact
//! row and column of each span.

use crate::arch::Arch;
use crate::options::Mode;
use core::fmt;

/// A byte range `start..end` of the source.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, PartialOrd, Ord)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// The span of the bytes `start..end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The number of bytes covered.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte (a position between two bytes, such as
    /// the end of input).
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A zero-based row and byte column, as seccomp-tools counts them.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct Pos {
    /// Zero-based row: the number of newlines before the position.
    pub row: usize,
    /// Zero-based byte offset within the row.
    pub col: usize,
}

/// The kind of a diagnostic. The first six are seccomp-tools' exception
/// classes; the others are what strict mode adds.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[non_exhaustive]
pub enum ErrorClass {
    /// A statement that does not follow the grammar (`unexpected string ...`),
    /// or an operand out of its range, such as `data[3]` or `mem[16]`.
    ParseError,
    /// A token the lexer cannot read (`unknown token ...`).
    UnrecognizedTokenError,
    /// A jump to a label no statement defines (`Cannot find label ...`).
    UndefinedLabelError,
    /// A label defined twice.
    DuplicateLabelError,
    /// A jump to a label defined at or above the jump (`Does not support
    /// backward jumping ...`).
    BackwardJumpError,
    /// A jump that would skip more than 255 instructions, the most `jt` and
    /// `jf` can hold (`Does not support jumping farther than 255 ...`).
    LongJumpError,
    /// A constant wider than 32 bits, action data wider than 16 bits, or an
    /// errno above the kernel's cap of 4095: seccomp-tools masks these.
    ValueOutOfRange,
    /// `args_h[i] >> 32`, which seccomp-tools assembles as the low word.
    HighWordShift,
    /// An `ARCH_*` constant in the wrong case (seccomp-tools crashes on it).
    UnknownConstant,
    /// A numeric jump target past the last instruction.
    TargetOutOfRange,
    /// A program without instructions; the kernel needs at least one.
    EmptyProgram,
    /// An instruction the kernel would refuse (see [`crate::validate`]).
    KernelRule,
    /// A syscall name resolved for one architecture on a path the program's
    /// own arch check pins to another.
    ArchMismatch,
    /// A finding of a lint ([`crate::lint`]) at the level of an error or a
    /// warning.
    Lint,
}

impl ErrorClass {
    /// The class name as printed before the message, e.g. `ParseError`.
    pub const fn name(self) -> &'static str {
        match self {
            ErrorClass::ParseError => "ParseError",
            ErrorClass::UnrecognizedTokenError => "UnrecognizedTokenError",
            ErrorClass::UndefinedLabelError => "UndefinedLabelError",
            ErrorClass::DuplicateLabelError => "DuplicateLabelError",
            ErrorClass::BackwardJumpError => "BackwardJumpError",
            ErrorClass::LongJumpError => "LongJumpError",
            ErrorClass::ValueOutOfRange => "ValueOutOfRange",
            ErrorClass::HighWordShift => "HighWordShift",
            ErrorClass::UnknownConstant => "UnknownConstant",
            ErrorClass::TargetOutOfRange => "TargetOutOfRange",
            ErrorClass::EmptyProgram => "EmptyProgram",
            ErrorClass::KernelRule => "KernelRule",
            ErrorClass::ArchMismatch => "ArchMismatch",
            ErrorClass::Lint => "Lint",
        }
    }

    /// Whether seccomp-tools raises this class itself.
    pub const fn is_reference(self) -> bool {
        matches!(
            self,
            ErrorClass::ParseError
                | ErrorClass::UnrecognizedTokenError
                | ErrorClass::UndefinedLabelError
                | ErrorClass::DuplicateLabelError
                | ErrorClass::BackwardJumpError
                | ErrorClass::LongJumpError
        )
    }
}

impl fmt::Display for ErrorClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether a diagnostic stops assembly.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Severity {
    /// No program is produced.
    Error,
    /// Compatible mode only: the output is what seccomp-tools gives, but it
    /// masks a value or is something the kernel refuses.
    Warning,
}

/// A secondary location, such as the first definition of a duplicate label.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Note {
    /// The bytes the note points at.
    pub span: Span,
    /// What the note says of them (`previously defined here`).
    pub message: String,
    /// Where seccomp-tools places `span` (see [`Diagnostic::reference_pos`]).
    pub reference_pos: Option<Pos>,
}

/// One problem found in a source.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Diagnostic {
    /// What kind of problem this is.
    pub class: ErrorClass,
    /// Whether it stops assembly.
    pub severity: Severity,
    /// The message printed after the location, without the class name.
    pub message: String,
    /// The exact bytes of the offending token or statement.
    pub span: Span,
    /// Where seccomp-tools places `span`, which may be rows above the real
    /// place; `None` when seccomp-tools has no such diagnostic (the exact
    /// position is then used in both renderings).
    pub reference_pos: Option<Pos>,
    /// Other places the message refers to.
    pub notes: Vec<Note>,
    /// For a name that is a syscall of other architectures but not of the
    /// one assembled for: the name and that architecture, for callers that
    /// explain it their own way (the macro names the target being compiled).
    pub missing_syscall: Option<MissingSyscall>,
}

/// A syscall name unknown to the architecture assembled for, though other
/// architectures have it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MissingSyscall {
    /// The name as written.
    pub name: String,
    /// The architecture assembled for.
    pub arch: Arch,
}

impl Diagnostic {
    /// An error of `class` at `span`, with no reference position or notes.
    pub fn error(class: ErrorClass, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            class,
            severity: Severity::Error,
            message: message.into(),
            span,
            reference_pos: None,
            notes: Vec::new(),
            missing_syscall: None,
        }
    }

    /// A warning of `class` at `span`, with no reference position or notes.
    pub fn warning(class: ErrorClass, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(class, message, span)
        }
    }

    /// A diagnostic of something seccomp-tools lets through: an error when
    /// `strict`, a warning otherwise.
    pub(crate) fn error_if(
        strict: bool,
        class: ErrorClass,
        message: impl Into<String>,
        span: Span,
    ) -> Diagnostic {
        if strict {
            Diagnostic::error(class, message, span)
        } else {
            Diagnostic::warning(class, message, span)
        }
    }

    /// Sets where seccomp-tools reports the diagnostic
    /// ([`Diagnostic::reference_pos`]).
    pub fn at(mut self, pos: Pos) -> Diagnostic {
        self.reference_pos = Some(pos);
        self
    }

    /// Adds a note at `span`; `pos` is where seccomp-tools would place it.
    pub fn with_note(mut self, span: Span, message: impl Into<String>, pos: Option<Pos>) -> Self {
        self.notes.push(Note {
            span,
            message: message.into(),
            reference_pos: pos,
        });
        self
    }

    /// Whether this is an error rather than a warning.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// The class and message alone, without a location.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class, self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// Tab width seccomp-tools assumes when it underlines a token.
const TAB_WIDTH: usize = 4;

/// Renders diagnostics as seccomp-tools prints its errors:
///
/// ```text
/// <file>:<row>:<col> <message>
/// <source line, tabs as 4 spaces>
/// <spaces>^^^
/// ```
///
/// Diagnostics are separated by a blank line; the notes of a diagnostic follow
/// it directly. In [`Mode::Compatible`] rows and columns are seccomp-tools'
/// (see [`Diagnostic::reference_pos`]); in [`Mode::Strict`] they are exact,
/// and a line longer than [`MAX_SHOWN_LINE`] bytes is shown around the caret
/// only, its cut ends marked `...`.
/// Bytes that are not UTF-8 are replaced; see [`render_bytes`] for the exact
/// bytes.
pub fn render(diags: &[Diagnostic], src: &[u8], file_name: &str, mode: Mode) -> String {
    String::from_utf8_lossy(&render_bytes(diags, src, file_name, mode)).into_owned()
}

/// [`render`], keeping the source's bytes as they are.
pub fn render_bytes(diags: &[Diagnostic], src: &[u8], file_name: &str, mode: Mode) -> Vec<u8> {
    let lines = Lines::new(src);
    let mut out = Vec::new();
    for (i, d) in diags.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        render_one(&mut out, d, &lines, file_name, mode);
    }
    out
}

/// An I/O error as the messages here quote it: the operating system's
/// wording (`No such file or directory`), without the `(os error 2)` that
/// Rust's `Display` appends.
pub fn describe_io(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.rfind(" (os error ") {
        Some(i) if text.ends_with(')') => text[..i].to_string(),
        _ => text,
    }
}

/// Each diagnostic rendered on its own, as [`render_bytes`] renders a list
/// of one (its notes follow it), for callers that report them apart; the
/// source is indexed once for all of them.
pub fn render_each(diags: &[Diagnostic], src: &[u8], file_name: &str, mode: Mode) -> Vec<Vec<u8>> {
    let lines = Lines::new(src);
    diags
        .iter()
        .map(|d| {
            let mut out = Vec::new();
            render_one(&mut out, d, &lines, file_name, mode);
            out
        })
        .collect()
}

/// One diagnostic and its notes.
fn render_one(out: &mut Vec<u8>, d: &Diagnostic, lines: &Lines<'_>, file_name: &str, mode: Mode) {
    let message = match d.severity {
        Severity::Error => d.message.clone(),
        Severity::Warning => format!("warning: {}", d.message),
    };
    block(
        out,
        lines,
        file_name,
        mode,
        d.span,
        d.reference_pos,
        &message,
    );
    for note in &d.notes {
        block(
            out,
            lines,
            file_name,
            mode,
            note.span,
            note.reference_pos,
            &note.message,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn block(
    out: &mut Vec<u8>,
    lines: &Lines<'_>,
    file_name: &str,
    mode: Mode,
    span: Span,
    reference_pos: Option<Pos>,
    message: &str,
) {
    match (mode, reference_pos) {
        (Mode::Compatible, Some(pos)) => {
            // seccomp-tools' arithmetic: the caret count is the token's byte
            // length, the indent the bytes of the (possibly wrong) line before
            // the column, tabs counting 4.
            let line = lines.row(pos.row);
            let prefix = &line[..pos.col.min(line.len())];
            let indent = prefix.len() + count_tabs(prefix) * (TAB_WIDTH - 1);
            write_block(out, file_name, pos, message, line, indent, span.len());
        }
        _ => {
            let pos = lines.pos(span.start);
            let content = strip_newline(lines.around(span.start));
            let at = pos.col.min(content.len());
            let col = Pos {
                row: pos.row,
                col: String::from_utf8_lossy(&content[..at]).chars().count(),
            };
            // Underline the span's part on its first line, at least one column.
            let end = (pos.col + span.len()).min(content.len()).max(at);
            let (shown, from, to) = window(content, at);
            let lead = if from > 0 { ELLIPSIS.len() } else { 0 };
            let indent = lead + display_width(&content[from..at]);
            let width = display_width(&content[at..end.min(to)]).max(1);
            write_block(out, file_name, col, message, &shown, indent, width);
        }
    }
}

/// Lines longer than this many bytes are shown in part in exact-position
/// diagnostics: a generated program can hold a line of megabytes, and an
/// error quoting all of it would bury the caret.
pub const MAX_SHOWN_LINE: usize = 160;

/// Bytes shown before the caret when a line is cut.
const SHOWN_BEFORE_CARET: usize = 60;

/// What marks a cut end of a shown line.
const ELLIPSIS: &str = "...";

/// The part of `line` to show around byte `at`: the text (with an ellipsis
/// at each cut end) and the byte range of `line` it holds. Cuts fall on
/// character boundaries.
fn window(line: &[u8], at: usize) -> (Vec<u8>, usize, usize) {
    if line.len() <= MAX_SHOWN_LINE {
        return (line.to_vec(), 0, line.len());
    }
    // Back to the start of the character at `i`: at most 3 bytes, as far as
    // UTF-8 goes (bytes that are not UTF-8 are cut where they fall).
    let boundary = |mut i: usize| {
        let mut back = 0;
        while back < 3 && i > 0 && i < line.len() && line[i] & 0xc0 == 0x80 {
            i -= 1;
            back += 1;
        }
        i
    };
    let from = boundary(at.saturating_sub(SHOWN_BEFORE_CARET));
    let to = boundary((from + MAX_SHOWN_LINE).min(line.len()));
    let mut shown = Vec::with_capacity(to - from + 2 * ELLIPSIS.len());
    if from > 0 {
        shown.extend_from_slice(ELLIPSIS.as_bytes());
    }
    shown.extend_from_slice(&line[from..to]);
    if to < line.len() {
        shown.extend_from_slice(ELLIPSIS.as_bytes());
    }
    (shown, from, to)
}

/// The lines of a source, indexed once per rendering: each diagnostic then
/// finds its line and row by a binary search, so rendering thousands of
/// diagnostics of a large source stays linear in its size.
struct Lines<'a> {
    src: &'a [u8],
    /// The offset where each line starts (the first is 0).
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(src: &'a [u8]) -> Lines<'a> {
        let starts = core::iter::once(0)
            .chain(
                src.iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Lines { src, starts }
    }

    /// Line `row` (from 0) with its newline, or nothing past the end.
    fn row(&self, row: usize) -> &'a [u8] {
        match self.starts.get(row) {
            Some(&start) => {
                let end = self.starts.get(row + 1).copied().unwrap_or(self.src.len());
                &self.src[start.min(self.src.len())..end]
            }
            None => b"",
        }
    }

    /// The zero-based row of byte `offset` and the offset its line starts at.
    fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let row = self.starts.partition_point(|&start| start <= offset) - 1;
        (row, self.starts[row])
    }

    /// The exact zero-based row and byte column of byte `offset`.
    fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.src.len());
        let (row, start) = self.locate(offset);
        Pos {
            row,
            col: offset - start,
        }
    }

    /// The line holding byte `offset`, with its newline.
    fn around(&self, offset: usize) -> &'a [u8] {
        self.row(self.locate(offset).0)
    }
}

fn write_block(
    out: &mut Vec<u8>,
    file_name: &str,
    pos: Pos,
    message: &str,
    line: &[u8],
    indent: usize,
    carets: usize,
) {
    out.extend_from_slice(
        format!(
            "{}:{}:{} {}\n",
            file_name,
            pos.row + 1,
            pos.col + 1,
            message
        )
        .as_bytes(),
    );
    for &b in strip_newline(line) {
        if b == b'\t' {
            out.extend_from_slice(&[b' '; TAB_WIDTH]);
        } else {
            out.push(b);
        }
    }
    out.push(b'\n');
    out.extend(core::iter::repeat_n(b' ', indent));
    out.extend(core::iter::repeat_n(b'^', carets));
    out.push(b'\n');
}

fn strip_newline(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\n").unwrap_or(line)
}

fn count_tabs(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\t').count()
}

/// Columns taken on a terminal: one per character, four per tab.
fn display_width(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes)
        .chars()
        .map(|c| if c == '\t' { TAB_WIDTH } else { 1 })
        .sum()
}

/// The exact zero-based row and byte column of a byte offset.
pub fn exact_pos(src: &[u8], offset: usize) -> Pos {
    let before = &src[..offset.min(src.len())];
    let row = before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    Pos {
        row,
        col: before.len() - line_start,
    }
}

/// Ruby's `String#inspect` of a binary string: how seccomp-tools quotes a
/// token in a message.
pub fn ruby_inspect(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() + 2);
    s.push('"');
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            b'#' if matches!(bytes.get(i + 1), Some(b'{' | b'$' | b'@')) => s.push_str("\\#"),
            b'\n' => s.push_str("\\n"),
            b'\t' => s.push_str("\\t"),
            b'\r' => s.push_str("\\r"),
            0x0b => s.push_str("\\v"),
            0x0c => s.push_str("\\f"),
            0x07 => s.push_str("\\a"),
            0x08 => s.push_str("\\b"),
            0x1b => s.push_str("\\e"),
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02X}")),
        }
    }
    s.push('"');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inspect_matches_ruby() {
        assert_eq!(ruby_inspect(b"foo"), r#""foo""#);
        assert_eq!(ruby_inspect(b"\n\n"), r#""\n\n""#);
        assert_eq!(ruby_inspect("≠".as_bytes()), r#""\xE2\x89\xA0""#);
        assert_eq!(ruby_inspect(b"\"x\""), r#""\"x\"""#);
        assert_eq!(ruby_inspect(b"\\"), r#""\\""#);
        assert_eq!(ruby_inspect(b"$x#{y}#z"), r#""$x\#{y}#z""#);
        assert_eq!(ruby_inspect(b"\x1b\x7f\x00"), r#""\e\x7F\x00""#);
    }

    #[test]
    fn exact_positions() {
        let src = b"ab\n\tcd\n";
        assert_eq!(exact_pos(src, 0), Pos { row: 0, col: 0 });
        assert_eq!(exact_pos(src, 4), Pos { row: 1, col: 1 });
        assert_eq!(exact_pos(src, 7), Pos { row: 2, col: 0 });
    }

    #[test]
    fn reference_rendering_uses_the_given_row_and_tab_arithmetic() {
        let src = b"A = 1   \n\tfoo\n";
        let d = Diagnostic::error(ErrorClass::ParseError, "m", Span::new(10, 13))
            .at(Pos { row: 1, col: 1 });
        assert_eq!(
            render(core::slice::from_ref(&d), src, "<inline>", Mode::Compatible),
            "<inline>:2:2 m\n    foo\n    ^^^\n"
        );
        // A drifted row: seccomp-tools shows the wrong line, clipping the indent.
        let drifted = Diagnostic {
            reference_pos: Some(Pos { row: 0, col: 12 }),
            ..d.clone()
        };
        assert_eq!(
            render(&[drifted], src, "<inline>", Mode::Compatible),
            "<inline>:1:13 m\nA = 1   \n         ^^^\n"
        );
        assert_eq!(
            render(&[d], src, "f.asm", Mode::Strict),
            "f.asm:2:2 m\n    foo\n    ^^^\n"
        );
    }

    #[test]
    fn blocks_are_separated_by_blank_lines_and_notes_follow_directly() {
        let src = b"a: b: c\n";
        let d1 = Diagnostic::error(ErrorClass::DuplicateLabelError, "dup", Span::new(3, 4))
            .with_note(Span::new(0, 1), "first", None);
        let d2 = Diagnostic::warning(ErrorClass::KernelRule, "w", Span::new(6, 7));
        assert_eq!(
            render(&[d1, d2], src, "f", Mode::Strict),
            "f:1:4 dup\na: b: c\n   ^\nf:1:1 first\na: b: c\n^\n\nf:1:7 warning: w\na: b: c\n      ^\n"
        );
    }

    #[test]
    fn long_lines_are_shown_around_the_caret_in_strict_mode() {
        // 1000 `!(` then the error, as a generated program would put it.
        let mut src = "if (".to_string() + &"!(".repeat(1000) + "A == 1\n";
        let at = src.len() - 1;
        let d = Diagnostic::error(ErrorClass::ParseError, "m", Span::new(at, at + 1));
        let expected = format!(
            "f:1:{} m\n...{}\n{}^\n",
            at + 1,
            &src[at - 60..at],
            " ".repeat(63)
        );
        assert_eq!(
            render(std::slice::from_ref(&d), src.as_bytes(), "f", Mode::Strict),
            expected
        );
        // Cut on both sides when the caret is in the middle.
        let d = Diagnostic::error(ErrorClass::ParseError, "m", Span::new(500, 502));
        let shown = format!("...{}...", &src[440..600]);
        let expected = format!("f:1:501 m\n{shown}\n{}^^\n", " ".repeat(63));
        assert_eq!(
            render(std::slice::from_ref(&d), src.as_bytes(), "f", Mode::Strict),
            expected
        );
        // The reference's layout prints the whole line, as seccomp-tools does.
        let d = d.at(Pos { row: 0, col: 500 });
        let out = render(&[d], src.as_bytes(), "f", Mode::Compatible);
        assert!(out.contains(src.trim_end()), "{out}");
        // Cuts never split a character.
        src = "é".repeat(300) + "x\n";
        let d = Diagnostic::error(ErrorClass::ParseError, "m", Span::new(600, 601));
        let out = render(&[d], src.as_bytes(), "f", Mode::Strict);
        assert_eq!(
            out,
            format!("f:1:301 m\n...{}x\n{}^\n", "é".repeat(30), " ".repeat(33))
        );
    }

    #[test]
    fn rendering_each_is_rendering_one_by_one() {
        let src = b"a: b: c\n\tfoo\nbar";
        let diags =
            [
                Diagnostic::error(ErrorClass::DuplicateLabelError, "dup", Span::new(3, 4))
                    .with_note(Span::new(0, 1), "first", None),
                Diagnostic::warning(ErrorClass::KernelRule, "w", Span::new(9, 12)),
                Diagnostic::error(ErrorClass::ParseError, "end", Span::new(17, 17)),
            ];
        for mode in [Mode::Compatible, Mode::Strict] {
            let each = render_each(&diags, src, "f", mode);
            let one_by_one: Vec<Vec<u8>> = diags
                .iter()
                .map(|d| render_bytes(std::slice::from_ref(d), src, "f", mode))
                .collect();
            assert_eq!(each, one_by_one);
        }
        assert_eq!(
            String::from_utf8(render_each(&diags[2..], src, "f", Mode::Strict).remove(0)).unwrap(),
            "f:3:4 end\nbar\n   ^\n"
        );
    }

    #[test]
    fn long_lines_that_are_not_utf8_are_cut_near_the_caret() {
        // Continuation bytes with no character to belong to.
        let mut src = vec![0x80u8; 8000];
        src.extend_from_slice(b"x\n");
        let d = Diagnostic::error(ErrorClass::ParseError, "m", Span::new(8000, 8001));
        let out = render_bytes(&[d], &src, "f", Mode::Strict);
        let text = String::from_utf8_lossy(&out);
        assert!(text.starts_with("f:1:"), "{text}");
        let lines: Vec<&[u8]> = out.split(|&b| b == b'\n').collect();
        // The shown part ends with the x, and the caret is under it.
        assert!(lines[1].ends_with(b"x"), "{text}");
        assert_eq!(
            lines[2].iter().position(|&b| b == b'^'),
            Some(lines[1].len() - 1),
            "{text}"
        );
        assert!(lines[1].len() <= MAX_SHOWN_LINE + 2 * ELLIPSIS.len());
    }
}

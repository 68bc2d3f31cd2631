//! Source bytes to tokens, by seccomp-tools' scanning rules.
//!
//! Takes the source's bytes, the arch whose syscall names it knows and the
//! [`Mode`]; gives [`Token`]s one at a time, each with what the scan found
//! out about it ([`TokenKind`]: a syscall's table entry, an action's value,
//! an operator), so that no later stage looks a name up again.
//!
//! At each position the first rule that matches wins:
//!
//! 1. `\n+`: a newline token (never the first token);
//! 2. blanks `\s+` (which may run over newlines) and `#` comments are skipped;
//! 3. `(\w+):` is a label;
//! 4. `(goto|jmp|jump)\s+(\w+)`, any case: a goto and its target;
//! 5. keywords, any case: `a x if else return mem args args_h data len
//!    sys_number arch instruction_pointer`;
//! 6. actions, upper case: `KILL_PROCESS KILL_THREAD KILL TRAP ERRNO
//!    USER_NOTIF LOG TRACE ALLOW`;
//! 7. `ARCH_*` constants, any case (only the exact case has a value);
//! 8. a syscall name of the selected arch, or `<arch>.<name>`;
//! 9. `-?0x[0-9a-f]+` then 10. `-?[0-9]+`, each ending at a word boundary;
//! 11. operators `+ - * / | ^ << >>`, comparisons `== != >= <= > <`, then
//!     `( ) = [ ] & !`;
//! 12. `?\s*(\w+)\s*:\s*(\w+)`: the two targets of a ternary;
//! 13. anything else: the run of non-blank bytes is an unknown token.
//!
//! Strict mode adds one rule before the last: `;` is a statement separator
//! (seccomp-tools has none but newlines; for it `;` starts an unknown token).
//!
//! Each token keeps its exact byte span and the row and column seccomp-tools
//! gives it. The latter only counts rows in rule 1, so blanks before a newline
//! (or a CRLF line end) make it lose rows; compatible error messages reproduce
//! that.

use crate::action::Action;
use crate::arch::{Arch, SyscallEntry};
use crate::bpf::AluOp;
use crate::diag::{Pos, Span};
use crate::options::Mode;

/// What a token is, with what the lexer looked up to classify it (an
/// action's value, a name's syscall, an operator), so that no later stage
/// looks it up again.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum TokenKind {
    /// A run of newlines, ending a statement (never the first token).
    Newline,
    /// `name:`; the span covers `name` only.
    Label,
    /// `goto`, `jmp` or `jump`, always followed by a [`TokenKind::Target`].
    Goto,
    /// A jump target: after a goto, or either side of a ternary's `:`.
    Target,
    /// A keyword, in any case.
    Keyword(Keyword),
    /// An action name in upper case: `ALLOW`, `KILL`, `ERRNO`, ...; its
    /// `SECCOMP_RET_*` value, without data.
    Action(u32),
    /// `ARCH_X86_64` and the like, in any case.
    ArchConst {
        /// The arch whose constant it spells (amd64 for `ARCH_X86_64`, as
        /// [`Arch::from_constant`] gives).
        arch: Arch,
        /// Whether in the constant's own case: only then it has a value.
        exact: bool,
    },
    /// A syscall name of the selected arch (`read`), or qualified with an
    /// arch that has it (`i386.read`).
    Syscall {
        /// The syscall, in the selected arch's table or the qualifying one's.
        entry: SyscallEntry,
        /// Whether written `<arch>.<name>`.
        qualified: bool,
    },
    /// `<arch>.<name>` where that arch has no syscall of the name, but
    /// another arch has.
    SyscallElsewhere {
        /// Where the dot is in the token.
        dot: u8,
    },
    /// A hexadecimal integer, `-?0x[0-9a-f]+`.
    HexInt,
    /// A decimal integer, `-?[0-9]+`.
    Int,
    /// `+ - * / | ^ << >>`.
    AluOp(AluOp),
    /// `== != >= <= > <`.
    Compare(CmpOp),
    /// `(`, opening a condition, a constant or an action's data.
    LParen,
    /// `)`, closing what `(` opened.
    RParen,
    /// `=`, in assignments and after an operator (`A += 1`).
    Assign,
    /// `[`, opening an index: `mem[0]`, `args[1]`.
    LBracket,
    /// `]`, closing an index.
    RBracket,
    /// `&`, the bit test of `if (A & k)`.
    Amp,
    /// `!`, negating a condition.
    Bang,
    /// `;`, in strict mode only.
    Semicolon,
    /// A run of non-blank bytes no other rule matches.
    Unknown,
}

/// A comparison as written; `!=`, `<` and `<=` have no instruction of
/// their own and assemble to the opposite jump with its targets swapped.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum CmpOp {
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `>`, unsigned.
    Gt,
    /// `>=`, unsigned.
    Ge,
    /// `<`, unsigned.
    Lt,
    /// `<=`, unsigned.
    Le,
    /// `&`: some bit of the right side is set in A.
    Set,
}

/// The case-insensitive keywords.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Keyword {
    /// `A`, the accumulator.
    A,
    /// `X`, the index register.
    X,
    /// `if`, opening a conditional jump.
    If,
    /// `else`, the not-taken target of an `if`.
    Else,
    /// `return`, followed by `A`, an action or a constant.
    Return,
    /// `mem`, scratch memory: `mem[k]`.
    Mem,
    /// `args`, the arguments: `args[i]`, and `args[i] >> 32` for the high word.
    Args,
    /// `args_h`, the high words of the arguments: `args_h[i]`.
    ArgsH,
    /// `data`, a word of `seccomp_data` by byte offset: `data[k]`.
    Data,
    /// `len`, the size of `seccomp_data`.
    Len,
    /// `sys_number`, the syscall number word.
    SysNumber,
    /// `arch`, the `AUDIT_ARCH_*` word.
    Arch,
    /// `instruction_pointer`, and `instruction_pointer >> 32` for its high word.
    InstructionPointer,
}

const KEYWORDS: [(&str, Keyword); 13] = [
    ("a", Keyword::A),
    ("x", Keyword::X),
    ("if", Keyword::If),
    ("else", Keyword::Else),
    ("return", Keyword::Return),
    ("mem", Keyword::Mem),
    ("args", Keyword::Args),
    ("args_h", Keyword::ArgsH),
    ("data", Keyword::Data),
    ("len", Keyword::Len),
    ("sys_number", Keyword::SysNumber),
    ("arch", Keyword::Arch),
    ("instruction_pointer", Keyword::InstructionPointer),
];

/// One token.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Token {
    /// Which scanning rule matched.
    pub kind: TokenKind,
    /// Its exact bytes in the source.
    pub span: Span,
    /// Row and column as seccomp-tools computes them (see the module docs).
    pub pos: Pos,
}

impl Token {
    /// The token's bytes in `src`, the source it was scanned from.
    pub fn text(self, src: &[u8]) -> &[u8] {
        &src[self.span.start..self.span.end]
    }
}

/// The classes of every byte, looked up rather than computed: the lexer
/// tests each byte of a source at least once.
const CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            class[b] |= SPACE;
        }
        if c.is_ascii_alphanumeric() || c == b'_' {
            class[b] |= WORD;
        }
        b += 1;
    }
    class
};
const SPACE: u8 = 1;
const WORD: u8 = 2;

/// Regex `\s`: space, `\t`, `\n`, `\v`, `\f`, `\r`.
pub(crate) fn is_space(b: u8) -> bool {
    CLASS[usize::from(b)] & SPACE != 0
}

/// Regex `\w` on bytes.
pub(crate) fn is_word(b: u8) -> bool {
    CLASS[usize::from(b)] & WORD != 0
}

/// How many bytes at the start of `s` are word bytes (regex `\w+`).
pub(crate) fn word_len(s: &[u8]) -> usize {
    s.iter().take_while(|&&b| is_word(b)).count()
}

fn space_len(s: &[u8]) -> usize {
    s.iter().take_while(|&&b| is_space(b)).count()
}

/// The arch whose `ARCH_*` constant is spelled like this, ignoring case.
fn arch_const_matching(word: &str) -> Option<Arch> {
    Arch::ALL
        .into_iter()
        .find(|a| a.constant().eq_ignore_ascii_case(word))
}

/// The tokens of a source, scanned one at a time as they are asked for:
/// the parser needs only the next two, so a large source is never held as
/// a list of tokens.
#[derive(Clone, Debug)]
pub struct Lexer<'a> {
    src: &'a [u8],
    arch: Arch,
    mode: Mode,
    /// Where scanning resumes, and the reference's row and column there.
    at: usize,
    row: usize,
    col: usize,
    /// Whether a token was produced: a newline token never comes first.
    started: bool,
    /// The second token of a goto (its target) or a ternary (the false
    /// target), scanned with the first.
    queued: Option<Token>,
    /// The unknown tokens scanned so far, when asked for.
    unknown: Option<Vec<Token>>,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `src`, naming syscalls from `arch`'s table and
    /// scanning by `mode`'s rules.
    pub fn new(src: &'a [u8], arch: Arch, mode: Mode) -> Lexer<'a> {
        Lexer {
            src,
            arch,
            mode,
            at: 0,
            row: 0,
            col: 0,
            started: false,
            queued: None,
            unknown: None,
        }
    }

    /// Keeps the unknown tokens it scans, for [`Lexer::take_unknown`].
    pub fn keeping_unknown(mut self) -> Lexer<'a> {
        self.unknown = Some(Vec::new());
        self
    }

    /// The unknown tokens scanned so far, if they are kept.
    pub fn take_unknown(&mut self) -> Vec<Token> {
        self.unknown
            .as_mut()
            .map(core::mem::take)
            .unwrap_or_default()
    }

    /// A token of `len` bytes at `start`, at the current row and `col`.
    fn token(&mut self, kind: TokenKind, start: usize, len: usize, col: usize) -> Token {
        self.started = true;
        Token {
            kind,
            span: Span::new(start, start + len),
            pos: Pos { row: self.row, col },
        }
    }

    /// A token of `len` bytes where scanning is, and moves past it.
    fn take(&mut self, kind: TokenKind, len: usize) -> Token {
        let token = self.token(kind, self.at, len, self.col);
        self.col += len;
        self.at += len;
        token
    }

    /// Moves past `len` bytes of the current line.
    fn skip(&mut self, len: usize) {
        self.col += len;
        self.at += len;
    }
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let mut slot = None;
        self.next_into(&mut slot);
        slot
    }
}

impl Lexer<'_> {
    /// Scans the next token into `slot` (`None` at the end). Each token is
    /// written where it is kept: the parser's token window gives its slots
    /// here, and a token that went through a temporary would be copied
    /// while its fields are still being stored, which stalls the copy.
    pub fn next_into(&mut self, slot: &mut Option<Token>) {
        if let Some(token) = self.queued.take() {
            *slot = Some(token);
            return;
        }
        while self.at < self.src.len() {
            let at = self.at;
            let rest = &self.src[at..];
            // The rules are tried in order, but the first byte already rules
            // most of them out: only a word character starts a label, a goto,
            // a name or an unsigned number, and only `\n` a newline token.
            let first = rest[0];

            // 1. Newlines.
            if first == b'\n' {
                let n = rest.iter().take_while(|&&b| b == b'\n').count();
                let token = self
                    .started
                    .then(|| self.token(TokenKind::Newline, at, n, self.col));
                self.row += n;
                self.col = 0;
                self.at += n;
                if token.is_some() {
                    *slot = token;
                    return;
                }
                continue;
            }
            // 2. Blanks (running over newlines without counting them) and comments.
            if is_space(first) {
                self.skip(space_len(rest));
                continue;
            }
            if first == b'#' {
                self.skip(rest.iter().take_while(|&&b| b != b'\n').count());
                continue;
            }

            if is_word(first) {
                let word = word_len(rest);
                // 3. Labels.
                if rest.get(word) == Some(&b':') {
                    let token = self.take(TokenKind::Label, word);
                    self.skip(1);
                    *slot = Some(token);
                    return;
                }
                // 4. goto / jmp / jump and a target.
                if let Some(len) = lex_goto(rest) {
                    let target = &rest[len..];
                    let blanks = space_len(target);
                    let target_len = word_len(&target[blanks..]);
                    if blanks > 0 && target_len > 0 {
                        let goto = self.take(TokenKind::Goto, len);
                        self.skip(blanks);
                        self.queued = Some(self.take(TokenKind::Target, target_len));
                        *slot = Some(goto);
                        return;
                    }
                }
                // No keyword, action, constant, syscall or arch name starts
                // with a digit: such a word can only be a number.
                if !first.is_ascii_digit() {
                    if let Some(kind) = lex_word(&rest[..word], self.arch) {
                        *slot = Some(self.take(kind, word));
                        return;
                    }
                    // 8b. <arch>.<name>
                    if let Some((kind, len)) = lex_qualified(rest) {
                        *slot = Some(self.take(kind, len));
                        return;
                    }
                }
            }
            // 9, 10. Numbers.
            if let Some((kind, len)) = lex_number(rest) {
                *slot = Some(self.take(kind, len));
                return;
            }
            if !is_word(first) {
                // 11. Operators and punctuation.
                if let Some((kind, len)) = lex_punct(rest) {
                    *slot = Some(self.take(kind, len));
                    return;
                }
                // 12. Ternary targets.
                if let Some((jt, jf, len)) = lex_ternary(rest) {
                    let col = self.col;
                    let first =
                        self.token(TokenKind::Target, at + jt.start, jt.len(), col + jt.start);
                    let second =
                        self.token(TokenKind::Target, at + jf.start, jf.len(), col + jf.start);
                    self.queued = Some(second);
                    self.skip(len);
                    *slot = Some(first);
                    return;
                }
                if self.mode == Mode::Strict && first == b';' {
                    *slot = Some(self.take(TokenKind::Semicolon, 1));
                    return;
                }
            }
            // 13. Unknown: up to the next blank.
            let len = rest.iter().take_while(|&&b| !is_space(b)).count();
            let token = self.take(TokenKind::Unknown, len);
            if let Some(unknown) = &mut self.unknown {
                unknown.push(token);
            }
            *slot = Some(token);
            return;
        }
        *slot = None;
    }
}

fn lex_goto(rest: &[u8]) -> Option<usize> {
    if !matches!(rest[0], b'g' | b'G' | b'j' | b'J') {
        return None;
    }
    ["goto", "jmp", "jump"]
        .into_iter()
        .find(|kw| rest.len() >= kw.len() && rest[..kw.len()].eq_ignore_ascii_case(kw.as_bytes()))
        .map(str::len)
}

/// Rules 5 to 8a, for a whole word: keywords, actions, arch constants and
/// syscall names all end at a word boundary.
fn lex_word(word: &[u8], arch: Arch) -> Option<TokenKind> {
    if let Some(&(_, kw)) = KEYWORDS
        .iter()
        .find(|(k, _)| k.as_bytes().eq_ignore_ascii_case(word))
    {
        return Some(TokenKind::Keyword(kw));
    }
    // A word is ASCII by construction.
    let text = core::str::from_utf8(word).ok()?;
    // Actions are upper case, and every constant starts with `ARCH_`: a
    // byte or two rule most words out before the tables are searched.
    if word[0].is_ascii_uppercase() {
        if let Some(value) = Action::value_of_name(text) {
            return Some(TokenKind::Action(value));
        }
    }
    if word.len() > 5 && word[..5].eq_ignore_ascii_case(b"ARCH_") {
        if let Some(arch) = arch_const_matching(text) {
            let exact = arch.constant() == text;
            return Some(TokenKind::ArchConst { arch, exact });
        }
    }
    let entry = arch.syscall_entry(text)?;
    Some(TokenKind::Syscall {
        entry,
        qualified: false,
    })
}

/// `<arch>.<name>`: an arch name or alias, a dot, and a whole word that is a
/// syscall name of any arch. Returns the token and its length.
fn lex_qualified(rest: &[u8]) -> Option<(TokenKind, usize)> {
    let run = rest.iter().take_while(|&&b| !is_space(b)).count();
    let dot = rest[..run].iter().position(|&b| b == b'.')?;
    let arch = Arch::from_name(core::str::from_utf8(&rest[..dot]).ok()?)?;
    let name_len = word_len(&rest[dot + 1..]);
    if name_len == 0 {
        return None;
    }
    let name = core::str::from_utf8(&rest[dot + 1..dot + 1 + name_len]).ok()?;
    let kind = match arch.syscall_entry(name) {
        Some(entry) => TokenKind::Syscall {
            entry,
            qualified: true,
        },
        None => {
            Arch::first_with_syscall(name)?;
            // Arch names are short; a longer word before the dot is none.
            let dot = u8::try_from(dot).ok()?;
            TokenKind::SyscallElsewhere { dot }
        }
    };
    Some((kind, dot + 1 + name_len))
}

fn lex_number(rest: &[u8]) -> Option<(TokenKind, usize)> {
    let sign = usize::from(rest.first() == Some(&b'-'));
    let body = &rest[sign..];
    if body.starts_with(b"0x") {
        let digits = body[2..]
            .iter()
            .take_while(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            .count();
        let end = sign + 2 + digits;
        if digits > 0 && !rest.get(end).copied().is_some_and(is_word) {
            return Some((TokenKind::HexInt, end));
        }
    }
    let digits = body.iter().take_while(|b| b.is_ascii_digit()).count();
    let end = sign + digits;
    (digits > 0 && !rest.get(end).copied().is_some_and(is_word)).then_some((TokenKind::Int, end))
}

/// Rule 11, in the reference's order of preference: ALU operators
/// (`+ - * / | ^ << >>`), then comparisons (`== != >= <=`, then `> <`), then
/// `( ) = [ ] &`, then `!`. So `>>=` is `>>` then `=`, and `>=` a comparison.
fn lex_punct(rest: &[u8]) -> Option<(TokenKind, usize)> {
    use TokenKind::{AluOp as Alu, Compare as Cmp};
    let second = rest.get(1).copied();
    Some(match (rest[0], second) {
        (b'+', _) => (Alu(AluOp::Add), 1),
        (b'-', _) => (Alu(AluOp::Sub), 1),
        (b'*', _) => (Alu(AluOp::Mul), 1),
        (b'/', _) => (Alu(AluOp::Div), 1),
        (b'|', _) => (Alu(AluOp::Or), 1),
        (b'^', _) => (Alu(AluOp::Xor), 1),
        (b'<', Some(b'<')) => (Alu(AluOp::Lsh), 2),
        (b'>', Some(b'>')) => (Alu(AluOp::Rsh), 2),
        (b'=', Some(b'=')) => (Cmp(CmpOp::Eq), 2),
        (b'!', Some(b'=')) => (Cmp(CmpOp::Ne), 2),
        (b'>', Some(b'=')) => (Cmp(CmpOp::Ge), 2),
        (b'<', Some(b'=')) => (Cmp(CmpOp::Le), 2),
        (b'>', _) => (Cmp(CmpOp::Gt), 1),
        (b'<', _) => (Cmp(CmpOp::Lt), 1),
        (b'(', _) => (TokenKind::LParen, 1),
        (b')', _) => (TokenKind::RParen, 1),
        (b'=', _) => (TokenKind::Assign, 1),
        (b'[', _) => (TokenKind::LBracket, 1),
        (b']', _) => (TokenKind::RBracket, 1),
        (b'&', _) => (TokenKind::Amp, 1),
        (b'!', _) => (TokenKind::Bang, 1),
        _ => return None,
    })
}

/// `?\s*(\w+)\s*:\s*(\w+)`: the spans of both targets relative to `rest`, and
/// the length of the match.
fn lex_ternary(rest: &[u8]) -> Option<(Span, Span, usize)> {
    if rest[0] != b'?' {
        return None;
    }
    let mut i = 1 + space_len(&rest[1..]);
    let jt = Span::new(i, i + word_len(&rest[i..]));
    if jt.is_empty() {
        return None;
    }
    i = jt.end + space_len(&rest[jt.end..]);
    if rest.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    i += space_len(&rest[i..]);
    let jf = Span::new(i, i + word_len(&rest[i..]));
    (!jf.is_empty()).then_some((jt, jf, jf.end))
}

#[cfg(test)]
mod tests {
    use super::{AluOp as Op, Arch, CmpOp, Lexer, Mode, Span, Token, TokenKind};
    use TokenKind::*;
    type Kw = super::Keyword;

    /// A syscall name of `arch`, written without the arch or with it.
    fn sys(arch: Arch, name: &str, qualified: bool) -> TokenKind {
        let entry = arch.syscall_entry(name).expect("a syscall of the arch");
        Syscall { entry, qualified }
    }

    /// An ALU operator token, by the symbol `AluOp` prints.
    fn alu(symbol: &str) -> (TokenKind, String) {
        let op = Op::from_symbol(symbol).expect("an ALU operator");
        k(AluOp(op), symbol)
    }

    fn cmp(symbol: &str) -> (TokenKind, String) {
        let op = match symbol {
            "==" => CmpOp::Eq,
            "!=" => CmpOp::Ne,
            ">" => CmpOp::Gt,
            ">=" => CmpOp::Ge,
            "<" => CmpOp::Lt,
            "<=" => CmpOp::Le,
            other => panic!("not a comparison: {other}"),
        };
        k(Compare(op), symbol)
    }

    fn action(name: &str) -> TokenKind {
        Action(crate::action::Action::value_of_name(name).expect("an action"))
    }

    /// Every token of a source.
    fn lex(src: &[u8], arch: Arch, mode: Mode) -> Vec<Token> {
        Lexer::new(src, arch, mode).collect()
    }

    fn kinds(src: &str) -> Vec<(TokenKind, String)> {
        lex(src.as_bytes(), Arch::X86_64, Mode::Compatible)
            .into_iter()
            .map(|t| {
                (
                    t.kind,
                    String::from_utf8_lossy(t.text(src.as_bytes())).into_owned(),
                )
            })
            .collect()
    }

    fn k(kind: TokenKind, s: &str) -> (TokenKind, String) {
        (kind, s.to_string())
    }

    #[test]
    fn statement_tokens() {
        assert_eq!(
            kinds("A = args[0] >> 32"),
            vec![
                k(Keyword(Kw::A), "A"),
                k(Assign, "="),
                k(Keyword(Kw::Args), "args"),
                k(LBracket, "["),
                k(Int, "0"),
                k(RBracket, "]"),
                k(AluOp(Op::Rsh), ">>"),
                k(Int, "32"),
            ]
        );
        assert_eq!(
            kinds("if (!(a >= 0x1f)) GoTo out else jump 3"),
            vec![
                k(Keyword(Kw::If), "if"),
                k(LParen, "("),
                k(Bang, "!"),
                k(LParen, "("),
                k(Keyword(Kw::A), "a"),
                k(Compare(CmpOp::Ge), ">="),
                k(HexInt, "0x1f"),
                k(RParen, ")"),
                k(RParen, ")"),
                k(Goto, "GoTo"),
                k(Target, "out"),
                k(Keyword(Kw::Else), "else"),
                k(Goto, "jump"),
                k(Target, "3"),
            ]
        );
    }

    #[test]
    fn labels_win_over_keywords_and_numbers() {
        assert_eq!(
            kinds("return: 0000:"),
            vec![k(Label, "return"), k(Label, "0000")]
        );
        assert_eq!(kinds("A:"), vec![k(Label, "A")]);
    }

    #[test]
    fn newline_tokens_and_comments() {
        assert_eq!(
            kinds("\n\n# c\nreturn ALLOW # x\n\n"),
            vec![
                k(Keyword(Kw::Return), "return"),
                k(action("ALLOW"), "ALLOW"),
                k(Newline, "\n\n"),
            ]
        );
    }

    #[test]
    fn names_and_constants() {
        let x86_64 = |name| sys(Arch::X86_64, name, false);
        assert_eq!(kinds("read"), vec![k(x86_64("read"), "read")]);
        assert_eq!(kinds("x32_read"), vec![k(x86_64("x32_read"), "x32_read")]);
        assert_eq!(kinds("sys_read"), vec![k(Unknown, "sys_read")]);
        assert_eq!(
            kinds("i386.read arm64.read mips.open"),
            vec![
                k(sys(Arch::I386, "read", true), "i386.read"),
                k(sys(Arch::Aarch64, "read", true), "arm64.read"),
                k(sys(Arch::Mips, "open", true), "mips.open"),
            ]
        );
        // A name of another arch is one token, for the parser to report.
        assert_eq!(
            kinds("arm64.open"),
            vec![k(SyscallElsewhere { dot: 5 }, "arm64.open")]
        );
        assert_eq!(kinds("i386.nosuch"), vec![k(Unknown, "i386.nosuch")]);
        assert_eq!(
            kinds("ARCH_X86_64 arch_i386 ARCH_ARM"),
            vec![
                k(
                    ArchConst {
                        arch: Arch::X86_64,
                        exact: true
                    },
                    "ARCH_X86_64"
                ),
                k(
                    ArchConst {
                        arch: Arch::I386,
                        exact: false
                    },
                    "arch_i386"
                ),
                k(
                    ArchConst {
                        arch: Arch::Arm,
                        exact: true
                    },
                    "ARCH_ARM"
                ),
            ]
        );
        assert_eq!(
            kinds("kill KILL Kill"),
            vec![
                k(x86_64("kill"), "kill"),
                k(action("KILL"), "KILL"),
                k(Unknown, "Kill"),
            ]
        );
        assert_eq!(
            kinds("KILL_PROCESS"),
            vec![k(action("KILL_PROCESS"), "KILL_PROCESS")]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            kinds("-0x1f 010 -5"),
            vec![k(HexInt, "-0x1f"), k(Int, "010"), k(Int, "-5")]
        );
        assert_eq!(kinds("0X1F"), vec![k(Unknown, "0X1F")]);
        assert_eq!(kinds("0xg"), vec![k(Unknown, "0xg")]);
        assert_eq!(kinds("5-1"), vec![k(Int, "5"), k(Int, "-1")]);
        assert_eq!(kinds("-A"), vec![alu("-"), k(Keyword(Kw::A), "A")]);
    }

    #[test]
    fn operators_prefer_alu_then_compare() {
        assert_eq!(
            kinds(">>= <= << < != !("),
            vec![
                alu(">>"),
                k(Assign, "="),
                cmp("<="),
                alu("<<"),
                cmp("<"),
                cmp("!="),
                k(Bang, "!"),
                k(LParen, "("),
            ]
        );
        assert_eq!(
            kinds("=== >=> <<= &=)[]+-*/|^"),
            vec![
                cmp("=="),
                k(Assign, "="),
                cmp(">="),
                cmp(">"),
                alu("<<"),
                k(Assign, "="),
                k(Amp, "&"),
                k(Assign, "="),
                k(RParen, ")"),
                k(LBracket, "["),
                k(RBracket, "]"),
                alu("+"),
                alu("-"),
                alu("*"),
                alu("/"),
                alu("|"),
                alu("^"),
            ]
        );
    }

    #[test]
    fn every_alu_operator_but_and_is_lexed_as_it_prints() {
        // `&` is a token of its own, an ALU operator or a comparison by
        // what follows.
        for op in Op::ALL {
            let want = if op == Op::And {
                k(Amp, "&")
            } else {
                alu(op.symbol())
            };
            assert_eq!(kinds(op.symbol()), vec![want]);
        }
    }

    #[test]
    fn no_name_starts_with_a_digit() {
        // The lexer takes a word that starts with a digit for a number
        // without looking it up, and looks up `<arch>.<name>` only after a
        // word; these are all the names it looks up.
        let starts_with_digit = |name: &str| name.starts_with(|c: char| c.is_ascii_digit());
        let starts_with_letter = |name: &str| name.starts_with(|c: char| c.is_ascii_alphabetic());
        for arch in Arch::ALL {
            assert!(starts_with_letter(arch.name()), "{arch}");
            assert!(!starts_with_digit(arch.constant()), "{arch}");
            assert!(
                arch.aliases().iter().all(|a| starts_with_letter(a)),
                "{arch}"
            );
            assert!(
                arch.syscalls().all(|(name, _)| !starts_with_digit(name)),
                "{arch}"
            );
        }
        assert!(super::KEYWORDS.iter().all(|(k, _)| !starts_with_digit(k)));
        assert!(crate::action::ACTIONS
            .iter()
            .all(|(a, _)| !starts_with_digit(a)));
        // Nor is an action looked up unless it starts upper case, nor a
        // constant unless it starts with `ARCH_`.
        let upper = |name: &str| name.starts_with(|c: char| c.is_ascii_uppercase());
        assert!(crate::action::ACTIONS.iter().all(|(a, _)| upper(a)));
        assert!(Arch::ALL.iter().all(|a| a.constant().starts_with("ARCH_")));
    }

    #[test]
    fn ternary_targets() {
        assert_eq!(
            kinds("A==1?a:b"),
            vec![
                k(Keyword(Kw::A), "A"),
                cmp("=="),
                k(Int, "1"),
                k(Target, "a"),
                k(Target, "b"),
            ]
        );
        // A lone `?` is unknown, and takes the rest of the non-blank run.
        assert_eq!(kinds("?= 1"), vec![k(Unknown, "?="), k(Int, "1")]);
    }

    #[test]
    fn semicolons_separate_in_strict_mode_only() {
        let strict: Vec<TokenKind> = lex(b"A = 1;;X = 2;", Arch::X86_64, Mode::Strict)
            .into_iter()
            .map(|t| t.kind)
            .collect();
        let kw = |k| Keyword(k);
        assert_eq!(
            strict,
            [
                kw(Kw::A),
                Assign,
                Int,
                Semicolon,
                Semicolon,
                kw(Kw::X),
                Assign,
                Int,
                Semicolon
            ]
        );
        assert_eq!(
            kinds("A = 1;;X"),
            vec![
                k(Keyword(Kw::A), "A"),
                k(Assign, "="),
                k(Int, "1"),
                k(Unknown, ";;X"),
            ]
        );
    }

    #[test]
    fn unknown_tokens_are_kept_when_asked() {
        let src = b"A = %1\nreturn $ALLOW @";
        let mut lexer = super::Lexer::new(src, Arch::X86_64, Mode::Compatible).keeping_unknown();
        let all: Vec<_> = lexer.by_ref().collect();
        let unknown: Vec<&[u8]> = lexer.take_unknown().iter().map(|t| t.text(src)).collect();
        assert_eq!(unknown, [&b"%1"[..], b"$ALLOW", b"@"]);
        assert_eq!(all.iter().filter(|t| t.kind == Unknown).count(), 3);
        // Taken once; a lexer not asked keeps none.
        assert!(lexer.take_unknown().is_empty());
        let mut plain = super::Lexer::new(src, Arch::X86_64, Mode::Compatible);
        plain.by_ref().for_each(drop);
        assert!(plain.take_unknown().is_empty());
    }

    #[test]
    fn unknown_runs_to_the_next_blank() {
        assert_eq!(
            kinds("x32_read) %= ≠"),
            vec![
                k(sys(Arch::X86_64, "x32_read", false), "x32_read"),
                k(RParen, ")"),
                k(Unknown, "%="),
                k(Unknown, "≠"),
            ]
        );
        assert_eq!(kinds("goto"), vec![k(Unknown, "goto")]);
    }

    #[test]
    fn reference_rows_drift_over_blank_newlines() {
        let src = b"A = 1   \nA = 2\r\nfoo\ngoto\n  x";
        let toks = lex(src, Arch::X86_64, Mode::Compatible);
        let pos: Vec<(usize, usize)> = toks.iter().map(|t| (t.pos.row, t.pos.col)).collect();
        // `   \n` and `\r\n` are skipped as blanks: the row stays 0 until the
        // newline after `foo`; the goto target keeps the goto's row.
        assert_eq!(
            pos,
            vec![
                (0, 0),
                (0, 2),
                (0, 4),
                (0, 9),
                (0, 11),
                (0, 13),
                (0, 16),
                (0, 19),
                (1, 0),
                (1, 7)
            ]
        );
        assert_eq!(toks[9].span, Span::new(src.len() - 1, src.len()));
    }
}

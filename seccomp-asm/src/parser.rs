//! Tokens to statements, following seccomp-tools' grammar (`asm/sasm.y`).
//!
//! Takes the lexer's tokens as it scans them; gives [`Statement`]s one at a
//! time ([`Statements`]) and, once they are all taken, the errors and the
//! labels of what did not parse ([`Parsed`]).
//!
//! ```text
//! program    := NL* (labels statement NL*)*          ; separators are optional
//! labels     := (LABEL NL*)*                         ; `next` is reserved
//! statement  := A op= NL* (X | const)                ; op: + - * / | & ^ << >>
//!             | A = (X | const | load | mem[c] | len | -A)
//!             | X = (const | mem[c] | A)
//!             | mem[c] = (A | X)
//!             | if cond NL* GOTO T (NL* else NL* GOTO T)?
//!             | A cmp (X | const) ?T : T
//!             | GOTO T
//!             | return (A | ACTION | ACTION(const) | const)
//! cond       := ( NL* cmp_ NL* )
//! cmp_       := A NL* cmp NL* (X | const) | !( cmp_ )
//! load       := sys_number | arch | data[c] | long (>> 32)?
//! long       := args[c] | args_h[c] | instruction_pointer
//! const      := number | ( const )
//! ```
//!
//! seccomp-tools parses with an LALR(1) table and reports the first token that
//! cannot continue a valid program (or the last token, at the end of input);
//! checks inside a construct (an index range, a syscall of another arch) fire
//! as soon as its last token is read. This parser reports the same tokens.

use crate::arch::Arch;
pub use crate::bpf::{AluOp, Reg};
use crate::data::{is_word_offset, Field, SECCOMP_DATA_SIZE};
use crate::diag::{ruby_inspect, Diagnostic, ErrorClass, Pos, Span};
pub use crate::lexer::CmpOp;
use crate::lexer::{Keyword, Lexer, Token, TokenKind};

/// A constant as written, with the 32-bit value seccomp-tools gives it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Value {
    /// The value masked to 32 bits, as seccomp-tools assembles it.
    pub value: u32,
    /// Whether the written value survives the 32-bit masking: `0..2^32`, or
    /// a negative value down to `-2^31` (taken as two's complement).
    pub fits: bool,
    /// The number or name token.
    pub span: Span,
    /// Set when the value is a syscall name or an `ARCH_*` constant.
    pub name: Option<Name>,
}

impl Value {
    /// See [`Value::fits`].
    pub fn fits_u32(&self) -> bool {
        self.fits
    }

    /// The value as written, if it fits an `i128` (a number that does not
    /// [fit](Value::fits) is read again from its text).
    pub fn exact(&self, src: &[u8]) -> Option<i128> {
        let text = core::str::from_utf8(&src[self.span.start..self.span.end]).ok();
        match text {
            Some(text) if self.name.is_none() && !self.fits => {
                let radix = if text.contains("0x") { 16 } else { 10 };
                parse_number(text, radix).1
            }
            _ => Some(i128::from(self.value)),
        }
    }
}

/// Whether a written value survives the 32-bit masking (see [`Value::fits`]).
fn fits_u32(raw: Option<i128>) -> bool {
    raw.is_some_and(|r| (-(1i128 << 31)..(1i128 << 32)).contains(&r))
}

/// A syscall name or `ARCH_*` constant used as a value.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Name {
    /// The syscall or constant, without an arch qualifier.
    pub name: &'static str,
    /// The arch written before the dot, for `i386.read`.
    pub qualified: Option<Arch>,
    /// The arch whose table gave the value.
    pub resolved_for: Arch,
}

/// The right side of an ALU operation or comparison.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Operand {
    /// The X register.
    X,
    /// A constant.
    K(Value),
}

/// A word of `seccomp_data`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DataLoad {
    /// The byte offset loaded, as seccomp-tools computes it.
    pub offset: u32,
    /// The field as written, which the offset was computed from.
    pub source: DataSource,
    /// The whole load expression (`args[1] >> 32`).
    pub span: Span,
}

/// How a load names its word of `seccomp_data`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum DataSource {
    /// `sys_number`.
    SysNumber,
    /// `arch`.
    Arch,
    /// `data[k]`, by byte offset.
    Data(Value),
    /// `instruction_pointer`, optionally `>> 32`.
    InstructionPointer {
        /// Whether `>> 32` selects the high word.
        shifted: bool,
    },
    /// `args[i]` or `args_h[i]` (`high`), optionally `>> 32` (`shifted`).
    Arg {
        /// The argument index, 0 to 5.
        index: Value,
        /// Written `args_h`: the high word.
        high: bool,
        /// Followed by `>> 32`.
        shifted: bool,
        /// The `>> 32` operator, when present.
        shift_span: Option<Span>,
    },
}

/// What `A =` or `X =` loads.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Load {
    /// A constant (`A = 5`, `A = read`).
    Const(Value),
    /// A scratch slot, `mem[k]`.
    Mem(Value),
    /// A word of `seccomp_data`.
    Data(DataLoad),
    /// `len`, the size of `seccomp_data`.
    Len,
    /// The other register (`A = X`, `X = A`).
    Reg,
}

/// The test of a conditional jump: `A op rhs`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Condition {
    /// The comparison operator as written (a `!` swaps the targets instead).
    pub op: CmpOp,
    /// What A is compared with.
    pub rhs: Operand,
}

/// A jump target as written.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Target<'a> {
    /// No `else`: the next instruction.
    Next,
    /// A label, `next`, or a number of instructions to skip.
    Named {
        /// The target's text.
        text: &'a str,
        /// Its bytes in the source.
        span: Span,
        /// Where seccomp-tools places it in its errors.
        pos: Pos,
    },
}

/// What a `return` statement returns.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ReturnValue<'a> {
    /// `return A`.
    A,
    /// A number (`return 0x7fff0000`).
    K(Value),
    /// `ALLOW`, `ERRNO(1)`, ...
    Action {
        /// The action's name as written.
        name: &'a str,
        /// Its `SECCOMP_RET_*` value, without data.
        base: u32,
        /// The data in parentheses, if given.
        data: Option<Value>,
        /// From the name to the closing parenthesis, if any.
        span: Span,
    },
}

/// What a statement does. Text (labels, targets, action names) is borrowed
/// from the source.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum StmtKind<'a> {
    /// `A = ...` or `X = ...`.
    Load {
        /// The register loaded.
        dst: Reg,
        /// What it is loaded with.
        src: Load,
    },
    /// `mem[k] = A` or `mem[k] = X`.
    Store {
        /// The scratch slot written.
        index: Value,
        /// The register stored.
        src: Reg,
    },
    /// `A op= operand`.
    Alu {
        /// The operator, `+` in `A += 1`.
        op: AluOp,
        /// The second operand: X or a constant.
        rhs: Operand,
    },
    /// `A = -A`.
    Neg,
    /// `if`, ternary or `goto` (no condition). `!(…)` is already applied:
    /// an odd number of negations swapped `jt` and `jf`.
    Jump {
        /// The test; `None` for a `goto`.
        cond: Option<Condition>,
        /// Where to go when the test holds (or always, for a `goto`).
        jt: Target<'a>,
        /// Where to go when it does not.
        jf: Target<'a>,
    },
    /// `return ...`.
    Return(ReturnValue<'a>),
}

/// A label definition, `name:`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Label<'a> {
    /// The label, without the colon.
    pub name: &'a str,
    /// The bytes of `name` in the source.
    pub span: Span,
    /// Where seccomp-tools places it in its errors.
    pub pos: Pos,
}

/// One statement; each becomes one instruction.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Statement<'a> {
    /// The labels defined just before it.
    pub labels: Vec<Label<'a>>,
    /// The operation and its operands.
    pub kind: StmtKind<'a>,
    /// From the statement's first token (after its labels) to its last.
    pub span: Span,
}

/// What parsing found besides the statements.
#[derive(Clone, Debug, Default)]
pub struct Parsed<'a> {
    /// Errors in source order (at most one when parsing stops at the first).
    pub errors: Vec<Diagnostic>,
    /// Labels of statements that did not parse; they count as defined.
    pub orphan_labels: Vec<Label<'a>>,
    /// Whether every statement parsed (after a syntax error a statement is
    /// missing, so instruction indices are unreliable).
    pub complete: bool,
}

/// The statements of a source's tokens, parsed one at a time as they are
/// asked for. With `first_only`, parsing stops at the first error as
/// seccomp-tools does, leaving the rest of the tokens unread; otherwise every
/// error is reported, skipping to the next line after a syntax error.
/// Unknown tokens are taken as already reported. Once the statements are all
/// taken, [`Statements::finish`] gives the rest of what it found;
/// [`Statements::errors`] are the errors so far, in the order found.
pub struct Statements<'a> {
    parser: Parser<'a>,
    started: bool,
    stopped: bool,
}

impl<'a> Statements<'a> {
    /// A parser of `tokens`, scanned from `src` for `arch`, before its first
    /// statement.
    pub fn new(src: &'a [u8], tokens: Lexer<'a>, arch: Arch, first_only: bool) -> Statements<'a> {
        Statements {
            parser: Parser {
                src,
                // Tokens other than unknown ones are ASCII, so in a UTF-8
                // source (the usual case) their text is a slice of it,
                // checked once here rather than token by token.
                utf8: core::str::from_utf8(src).ok(),
                window: Window::new(tokens),
                last_content: Span::default(),
                arch,
                first_only,
                out: Parsed {
                    complete: true,
                    ..Parsed::default()
                },
            },
            started: false,
            stopped: false,
        }
    }

    /// The errors found so far.
    pub fn errors(&self) -> &[Diagnostic] {
        &self.parser.out.errors
    }

    /// The errors, the orphan labels and whether every statement parsed (the
    /// statements themselves were taken one by one), and the lexer: when
    /// parsing stopped at a first error (`first_only`), what it has not yet
    /// scanned is left in it (but for the two tokens read ahead).
    pub fn finish(self) -> (Parsed<'a>, Lexer<'a>) {
        (self.parser.out, self.parser.window.tokens)
    }
}

impl<'a> Iterator for Statements<'a> {
    type Item = Statement<'a>;

    fn next(&mut self) -> Option<Statement<'a>> {
        let p = &mut self.parser;
        if !self.started {
            self.started = true;
            p.skip_separators();
        }
        while !self.stopped && p.window.at(0).is_some() {
            let mut labels = Vec::new();
            let parsed = p.statement(&mut labels);
            match parsed {
                Ok(stmt) => {
                    p.skip_separators();
                    return Some(stmt);
                }
                Err(Stop) => {
                    p.out.complete = false;
                    p.out.orphan_labels.append(&mut labels);
                    if p.first_only {
                        self.stopped = true;
                        return None;
                    }
                    p.recover();
                }
            }
            p.skip_separators();
        }
        None
    }
}

/// The tokens around the parser's position: the next two (the grammar needs
/// one, `A & =` two) and the last two taken (errors inside `[...]` blame the
/// token before the `]`). A ring of four, so that taking a token moves no
/// other.
struct Window<'a> {
    tokens: Lexer<'a>,
    ring: [Option<Token>; 4],
    /// Where the next token is in `ring`.
    next: usize,
}

impl<'a> Window<'a> {
    fn new(mut tokens: Lexer<'a>) -> Window<'a> {
        let mut ring = [None; 4];
        tokens.next_into(&mut ring[0]);
        if ring[0].is_some() {
            tokens.next_into(&mut ring[1]);
        }
        Window {
            tokens,
            ring,
            next: 0,
        }
    }

    /// The `n`th token ahead (0 or 1), or the `n`th taken (-1 or -2).
    fn at(&self, n: isize) -> Option<Token> {
        *self.get(n)
    }

    /// [`Window::at`], without copying the token.
    fn get(&self, n: isize) -> &Option<Token> {
        &self.ring[(self.next as isize + n).rem_euclid(4) as usize]
    }

    fn take(&mut self) -> Option<Token> {
        let t = self.ring[self.next]?;
        self.next = (self.next + 1) % 4;
        // The slot of the token taken two tokens ago receives the one two
        // ahead (none past the end).
        let two_ahead = (self.next + 1) % 4;
        if self.ring[self.next].is_some() {
            self.tokens.next_into(&mut self.ring[two_ahead]);
        } else {
            self.ring[two_ahead] = None;
        }
        Some(t)
    }
}

/// A syntax error (or, in first-only mode, any error) was recorded.
struct Stop;

type PResult<T> = Result<T, Stop>;

struct Parser<'a> {
    src: &'a [u8],
    /// The source, if it is UTF-8.
    utf8: Option<&'a str>,
    window: Window<'a>,
    /// The latest token taken that is not a newline: where a statement ends.
    last_content: Span,
    arch: Arch,
    first_only: bool,
    out: Parsed<'a>,
}

impl<'a> Parser<'a> {
    /// Newlines, and in strict mode `;`, between statements.
    fn skip_separators(&mut self) {
        while matches!(self.peek(), Some(TokenKind::Newline | TokenKind::Semicolon)) {
            self.bump();
        }
    }

    /// Skips to the first token after the line of the offending token.
    fn recover(&mut self) {
        let Some(bad) = self.window.at(0) else {
            return;
        };
        let line_end = self.src[bad.span.start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.src.len(), |n| bad.span.start + n);
        while self.window.at(0).is_some_and(|t| t.span.start <= line_end) {
            self.bump();
        }
    }

    // ---- token helpers

    fn peek(&self) -> Option<TokenKind> {
        self.window.get(0).as_ref().map(|t| t.kind)
    }

    fn peek_second(&self) -> Option<TokenKind> {
        self.window.get(1).as_ref().map(|t| t.kind)
    }

    fn is(&self, kind: TokenKind) -> bool {
        self.peek() == Some(kind)
    }

    fn is_kw(&self, kw: Keyword) -> bool {
        self.is(TokenKind::Keyword(kw))
    }

    /// Takes the next token; only called where one is known to be there.
    fn bump(&mut self) -> Token {
        let t = self
            .window
            .take()
            .expect("a token was peeked before it is taken");
        if t.kind != TokenKind::Newline {
            self.last_content = t.span;
        }
        t
    }

    fn text(&self, t: Token) -> &'a str {
        // Every token but an unknown one is ASCII; those never get here.
        match self.utf8.and_then(|src| src.get(t.span.start..t.span.end)) {
            Some(text) => text,
            None => core::str::from_utf8(t.text(self.src)).unwrap_or(""),
        }
    }

    fn skip_newlines(&mut self) {
        while self.is(TokenKind::Newline) {
            self.bump();
        }
    }

    /// The latest token taken.
    fn prev(&self) -> Token {
        self.window.at(-1).expect("a token was taken")
    }

    /// The token taken before the latest one.
    fn before_prev(&self) -> Token {
        self.window.at(-2).expect("two tokens were taken")
    }

    /// The token seccomp-tools blames for a syntax error here: the next one,
    /// or the last one at the end of input.
    fn unexpected(&mut self) -> Stop {
        let t = match self.window.at(0) {
            Some(t) => t,
            // At the end every token has been taken.
            None => self.prev(),
        };
        if t.kind != TokenKind::Unknown {
            let msg = format!("unexpected string {}", ruby_inspect(t.text(self.src)));
            self.out
                .errors
                .push(Diagnostic::error(ErrorClass::ParseError, msg, t.span).at(t.pos));
        }
        Stop
    }

    fn expect(&mut self, kind: TokenKind) -> PResult<Token> {
        if self.is(kind) {
            Ok(self.bump())
        } else {
            Err(self.unexpected())
        }
    }

    fn expect_kw(&mut self, kw: Keyword) -> PResult<Token> {
        self.expect(TokenKind::Keyword(kw))
    }

    /// An error raised by a check inside the grammar, blaming token `t`.
    fn check_failed(&mut self, class: ErrorClass, msg: String, t: Token) -> PResult<()> {
        self.out
            .errors
            .push(Diagnostic::error(class, msg, t.span).at(t.pos));
        if self.first_only {
            Err(Stop)
        } else {
            Ok(())
        }
    }

    // ---- statements

    fn statement(&mut self, labels: &mut Vec<Label<'a>>) -> PResult<Statement<'a>> {
        while self.is(TokenKind::Label) {
            let t = self.bump();
            let name = self.text(t);
            labels.push(Label {
                name,
                span: t.span,
                pos: t.pos,
            });
            if name == "next" {
                self.check_failed(
                    ErrorClass::ParseError,
                    "'next' is a reserved label".into(),
                    t,
                )?;
            }
            self.skip_newlines();
        }
        let first = self.window.at(0);
        let kind = match self.peek() {
            Some(TokenKind::Keyword(Keyword::A)) => self.a_statement()?,
            Some(TokenKind::Keyword(Keyword::X)) => {
                self.bump();
                self.expect(TokenKind::Assign)?;
                let src = self.x_rval()?;
                StmtKind::Load { dst: Reg::X, src }
            }
            Some(TokenKind::Keyword(Keyword::Mem)) => {
                let index = self.mem_index()?;
                self.expect(TokenKind::Assign)?;
                let src = match self.peek() {
                    Some(TokenKind::Keyword(Keyword::A)) => Reg::A,
                    Some(TokenKind::Keyword(Keyword::X)) => Reg::X,
                    _ => return Err(self.unexpected()),
                };
                self.bump();
                StmtKind::Store { index, src }
            }
            Some(TokenKind::Keyword(Keyword::If)) => self.if_statement()?,
            Some(TokenKind::Goto) => {
                let jt = self.goto()?;
                StmtKind::Jump {
                    cond: None,
                    jf: jt.clone(),
                    jt,
                }
            }
            Some(TokenKind::Keyword(Keyword::Return)) => {
                self.bump();
                StmtKind::Return(self.return_value()?)
            }
            _ => return Err(self.unexpected()),
        };
        // An `if` looks past newlines for an `else`; they are not part of it.
        let first = first.expect("a statement has a token");
        Ok(Statement {
            labels: core::mem::take(labels),
            kind,
            span: first.span.to(self.last_content),
        })
    }

    /// Statements starting with `A`: assignment, ALU, ternary.
    fn a_statement(&mut self) -> PResult<StmtKind<'a>> {
        self.bump();
        match self.peek() {
            Some(TokenKind::Assign) => {
                self.bump();
                self.a_rval()
            }
            Some(TokenKind::AluOp(op)) => self.alu_assignment(op),
            // `&` is an ALU operator before `=`, a comparison otherwise.
            Some(TokenKind::Amp) if self.peek_second() == Some(TokenKind::Assign) => {
                self.alu_assignment(AluOp::And)
            }
            Some(TokenKind::Compare(op)) => self.ternary(op),
            Some(TokenKind::Amp) => self.ternary(CmpOp::Set),
            _ => Err(self.unexpected()),
        }
    }

    /// `A op= operand`, from the operator on.
    fn alu_assignment(&mut self, op: AluOp) -> PResult<StmtKind<'a>> {
        self.bump();
        self.expect(TokenKind::Assign)?;
        self.skip_newlines();
        let rhs = self.x_constexpr()?;
        Ok(StmtKind::Alu { op, rhs })
    }

    /// `A cmp operand ? jt : jf`, from the comparison on.
    fn ternary(&mut self, op: CmpOp) -> PResult<StmtKind<'a>> {
        self.bump();
        let rhs = self.x_constexpr()?;
        let jt = self.target()?;
        let jf = self.target()?;
        Ok(StmtKind::Jump {
            cond: Some(Condition { op, rhs }),
            jt,
            jf,
        })
    }

    fn a_rval(&mut self) -> PResult<StmtKind<'a>> {
        let src = match self.peek() {
            Some(TokenKind::Keyword(Keyword::X)) => {
                self.bump();
                Load::Reg
            }
            Some(TokenKind::Keyword(Keyword::Mem)) => Load::Mem(self.mem_index()?),
            Some(TokenKind::Keyword(Keyword::Len)) => {
                self.bump();
                Load::Len
            }
            Some(TokenKind::Keyword(
                Keyword::Args
                | Keyword::ArgsH
                | Keyword::InstructionPointer
                | Keyword::SysNumber
                | Keyword::Arch
                | Keyword::Data,
            )) => Load::Data(self.argument()?),
            Some(TokenKind::AluOp(op)) => {
                let t = self.bump();
                self.expect_kw(Keyword::A)?;
                if op != AluOp::Sub {
                    self.check_failed(ErrorClass::ParseError, "do you mean A = -A?".into(), t)?;
                }
                return Ok(StmtKind::Neg);
            }
            _ => Load::Const(self.constexpr()?),
        };
        Ok(StmtKind::Load { dst: Reg::A, src })
    }

    fn x_rval(&mut self) -> PResult<Load> {
        match self.peek() {
            Some(TokenKind::Keyword(Keyword::Mem)) => Ok(Load::Mem(self.mem_index()?)),
            Some(TokenKind::Keyword(Keyword::A)) => {
                self.bump();
                Ok(Load::Reg)
            }
            _ => Ok(Load::Const(self.constexpr()?)),
        }
    }

    /// `sys_number`, `arch`, `data[c]`, or a 64-bit word optionally `>> 32`.
    fn argument(&mut self) -> PResult<DataLoad> {
        let kw_tok = self.bump();
        let TokenKind::Keyword(kw) = kw_tok.kind else {
            unreachable!("argument() is entered on a keyword")
        };
        let endian = self.arch.endian();
        let (offset, source) = match kw {
            Keyword::SysNumber => (Field::SysNumber.offset(endian), DataSource::SysNumber),
            Keyword::Arch => (Field::Arch.offset(endian), DataSource::Arch),
            Keyword::Data => {
                self.expect(TokenKind::LBracket)?;
                let index = self.constexpr()?;
                self.expect(TokenKind::RBracket)?;
                let idx = index.value;
                if !is_word_offset(idx) {
                    let msg = format!(
                        "index of data[] must be a multiple of 4 and less than {SECCOMP_DATA_SIZE}, got {idx}"
                    );
                    self.check_failed(ErrorClass::ParseError, msg, self.before_prev())?;
                }
                (idx, DataSource::Data(index))
            }
            Keyword::InstructionPointer => {
                let low = Field::InstructionPointer { high: false }.offset(endian);
                let shifted = self.shift_32()?;
                let offset = if shifted { low ^ 4 } else { low };
                (offset, DataSource::InstructionPointer { shifted })
            }
            _ => {
                let spelled = self.text(kw_tok);
                self.expect(TokenKind::LBracket)?;
                let index = self.constexpr()?;
                self.expect(TokenKind::RBracket)?;
                let high = kw == Keyword::ArgsH;
                let i = index.value;
                if i > 5 {
                    let msg = format!("index of {spelled}[] must between 0 and 5, got {i}");
                    self.check_failed(ErrorClass::ParseError, msg, self.before_prev())?;
                }
                // A bad index was reported; any offset will do then.
                let word = Field::Arg {
                    index: i.min(5) as u8,
                    high,
                }
                .offset(endian);
                let shift_op = self.window.at(0);
                let shifted = self.shift_32()?;
                let offset = if shifted { word ^ 4 } else { word };
                let shift_span = shift_op.filter(|_| shifted).map(|t| t.span);
                (
                    offset,
                    DataSource::Arg {
                        index,
                        high,
                        shifted,
                        shift_span,
                    },
                )
            }
        };
        Ok(DataLoad {
            offset,
            source,
            span: kw_tok.span.to(self.prev().span),
        })
    }

    /// An optional `>> 32` after a 64-bit word; any other operator is an error.
    fn shift_32(&mut self) -> PResult<bool> {
        if !matches!(self.peek(), Some(TokenKind::AluOp(_) | TokenKind::Amp)) {
            return Ok(false);
        }
        let op = self.bump();
        let n = self.expect(TokenKind::Int)?;
        let is_rsh = op.kind == TokenKind::AluOp(AluOp::Rsh);
        if !is_rsh || parse_number(self.text(n), 10).1 != Some(32) {
            let msg = "operator after an argument can only be '>> 32'".to_string();
            self.check_failed(ErrorClass::ParseError, msg, if is_rsh { n } else { op })?;
        }
        Ok(true)
    }

    /// `mem[c]`, checking `c` is 0 to 15 after masking.
    fn mem_index(&mut self) -> PResult<Value> {
        self.expect_kw(Keyword::Mem)?;
        self.expect(TokenKind::LBracket)?;
        let index = self.constexpr()?;
        self.expect(TokenKind::RBracket)?;
        if index.value > 15 {
            let msg = format!("index of mem[] must between 0 and 15, got {}", index.value);
            self.check_failed(ErrorClass::ParseError, msg, self.before_prev())?;
        }
        Ok(index)
    }

    fn if_statement(&mut self) -> PResult<StmtKind<'a>> {
        self.bump();
        self.expect(TokenKind::LParen)?;
        self.skip_newlines();
        let (op, rhs, negations) = self.comparison()?;
        self.skip_newlines();
        self.expect(TokenKind::RParen)?;
        self.skip_newlines();
        let mut jt = self.goto()?;
        self.skip_newlines();
        let mut jf = if self.is_kw(Keyword::Else) {
            self.bump();
            self.skip_newlines();
            self.goto()?
        } else {
            Target::Next
        };
        if negations % 2 == 1 {
            core::mem::swap(&mut jt, &mut jf);
        }
        Ok(StmtKind::Jump {
            cond: Some(Condition { op, rhs }),
            jt,
            jf,
        })
    }

    /// `A cmp v`, or `!( … )` around it; returns the number of negations.
    fn comparison(&mut self) -> PResult<(CmpOp, Operand, u32)> {
        // Counted rather than recursed, so that no nesting depth can exhaust
        // the stack; the tokens are consumed, and errors found, in the same
        // order as the grammar's recursion would.
        let mut negations = 0u32;
        while self.is(TokenKind::Bang) {
            self.bump();
            self.expect(TokenKind::LParen)?;
            negations += 1;
        }
        let (op, rhs) = self.plain_comparison()?;
        for _ in 0..negations {
            self.expect(TokenKind::RParen)?;
        }
        Ok((op, rhs, negations))
    }

    /// `A cmp v`.
    fn plain_comparison(&mut self) -> PResult<(CmpOp, Operand)> {
        self.expect_kw(Keyword::A)?;
        self.skip_newlines();
        let op = match self.peek() {
            Some(TokenKind::Compare(op)) => op,
            Some(TokenKind::Amp) => CmpOp::Set,
            _ => return Err(self.unexpected()),
        };
        self.bump();
        self.skip_newlines();
        Ok((op, self.x_constexpr()?))
    }

    fn goto(&mut self) -> PResult<Target<'a>> {
        self.expect(TokenKind::Goto)?;
        self.target()
    }

    fn target(&mut self) -> PResult<Target<'a>> {
        let t = self.expect(TokenKind::Target)?;
        Ok(Target::Named {
            text: self.text(t),
            span: t.span,
            pos: t.pos,
        })
    }

    fn return_value(&mut self) -> PResult<ReturnValue<'a>> {
        match self.peek() {
            Some(TokenKind::Keyword(Keyword::A)) => {
                self.bump();
                Ok(ReturnValue::A)
            }
            Some(TokenKind::Action(base)) => {
                let t = self.bump();
                let name = self.text(t);
                let data = if self.is(TokenKind::LParen) {
                    self.bump();
                    let v = self.constexpr()?;
                    self.expect(TokenKind::RParen)?;
                    Some(v)
                } else {
                    None
                };
                Ok(ReturnValue::Action {
                    name,
                    base,
                    data,
                    span: t.span.to(self.prev().span),
                })
            }
            _ => Ok(ReturnValue::K(self.constexpr()?)),
        }
    }

    fn x_constexpr(&mut self) -> PResult<Operand> {
        if self.is_kw(Keyword::X) {
            self.bump();
            Ok(Operand::X)
        } else {
            Ok(Operand::K(self.constexpr()?))
        }
    }

    /// A number or name, in any number of parentheses.
    fn constexpr(&mut self) -> PResult<Value> {
        // Parentheses are counted, not recursed (see `comparison`).
        let mut open = 0usize;
        while self.is(TokenKind::LParen) {
            self.bump();
            open += 1;
        }
        let v = match self.peek() {
            Some(
                TokenKind::Int
                | TokenKind::HexInt
                | TokenKind::ArchConst { .. }
                | TokenKind::Syscall { .. }
                | TokenKind::SyscallElsewhere { .. },
            ) => {
                let t = self.bump();
                self.number(t)?
            }
            _ => return Err(self.unexpected()),
        };
        for _ in 0..open {
            self.expect(TokenKind::RParen)?;
        }
        Ok(v)
    }

    fn number(&mut self, t: Token) -> PResult<Value> {
        let text = self.text(t);
        let (value, raw, name) = match t.kind {
            TokenKind::Int => {
                let (v, raw) = parse_number(text, 10);
                (v, raw, None)
            }
            TokenKind::HexInt => {
                let (v, raw) = parse_number(text, 16);
                (v, raw, None)
            }
            TokenKind::ArchConst { arch, exact: true } => (
                arch.audit(),
                Some(i128::from(arch.audit())),
                Some(Name {
                    name: arch.constant(),
                    qualified: None,
                    resolved_for: arch,
                }),
            ),
            TokenKind::ArchConst { arch, exact: false } => {
                let upper = arch.constant();
                let msg =
                    format!("unknown constant '{text}'; arch constants are upper case: {upper}");
                self.check_failed(ErrorClass::UnknownConstant, msg, t)?;
                (0, Some(0), None)
            }
            TokenKind::Syscall { entry, qualified } => {
                let nr = entry.nr();
                let name = Name {
                    name: entry.name(),
                    qualified: qualified.then_some(entry.arch()),
                    resolved_for: entry.arch(),
                };
                (nr, Some(i128::from(nr)), Some(name))
            }
            TokenKind::SyscallElsewhere { dot } => {
                let (arch_text, sys) = (&text[..usize::from(dot)], &text[usize::from(dot) + 1..]);
                let msg = format!("syscall '{sys}' doesn't exist on {arch_text}");
                self.check_failed(ErrorClass::ParseError, msg, t)?;
                (0, Some(0), None)
            }
            _ => unreachable!("number() is entered on a number or name token"),
        };
        Ok(Value {
            value,
            fits: fits_u32(raw),
            span: t.span,
            name,
        })
    }
}

/// Parses `-?[0-9]+` (radix 10) or `-?0x[0-9a-f]+` (radix 16): the value
/// modulo 2^32, as seccomp-tools masks it, and the exact value if it fits an
/// `i128`.
pub(crate) fn parse_number(text: &str, radix: u32) -> (u32, Option<i128>) {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let digits = if radix == 16 {
        body.strip_prefix("0x").unwrap_or(body)
    } else {
        body
    };
    // The common case, a number that fits 64 bits, in one library call.
    if let Ok(value) = u64::from_str_radix(digits, radix) {
        let masked = value as u32;
        let exact = i128::from(value);
        return if negative {
            (masked.wrapping_neg(), Some(-exact))
        } else {
            (masked, Some(exact))
        };
    }
    let mut masked: u64 = 0;
    let mut exact: Option<i128> = Some(0);
    for c in digits.chars() {
        let d = c.to_digit(radix).expect("the lexer checked the digits");
        masked = (masked * u64::from(radix) + u64::from(d)) & 0xffff_ffff;
        exact = exact
            .and_then(|e| e.checked_mul(i128::from(radix)))
            .and_then(|e| e.checked_add(i128::from(d)));
    }
    let masked = masked as u32;
    if negative {
        (masked.wrapping_neg(), exact.map(|e| -e))
    } else {
        (masked, exact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Mode;

    /// Every statement of a strict-mode source for `arch`, and the errors.
    fn parse(src: &str, arch: Arch) -> (Vec<Statement<'_>>, Vec<Diagnostic>) {
        let lexer = Lexer::new(src.as_bytes(), arch, Mode::Strict);
        let mut statements = Statements::new(src.as_bytes(), lexer, arch, false);
        let parsed = statements.by_ref().collect();
        (parsed, statements.finish().0.errors)
    }

    fn parse_ok(src: &str) -> Vec<StmtKind<'_>> {
        let (statements, errors) = parse(src, Arch::X86_64);
        assert!(errors.is_empty(), "{src:?}: {errors:?}");
        statements.into_iter().map(|s| s.kind).collect()
    }

    fn parse_err(src: &str) -> Vec<String> {
        let (_, errors) = parse(src, Arch::X86_64);
        errors.into_iter().map(|d| d.message).collect()
    }

    fn k(value: u32) -> impl Fn(&Value) -> bool {
        move |v| v.value == value
    }

    #[test]
    fn numbers_are_masked_and_kept_exact() {
        assert_eq!(parse_number("-1", 10), (u32::MAX, Some(-1)));
        assert_eq!(parse_number("010", 10), (10, Some(10)));
        assert_eq!(parse_number("-0x10", 16), (0xffff_fff0, Some(-16)));
        assert_eq!(parse_number("4294967296", 10), (0, Some(1 << 32)));
        assert_eq!(
            parse_number("100000000000", 10),
            (1215752192, Some(100000000000))
        );
        let huge = "9".repeat(60);
        assert_eq!(parse_number(&huge, 10).1, None);
        // Either side of 64 bits.
        let max = i128::from(u64::MAX);
        assert_eq!(
            parse_number("18446744073709551615", 10),
            (u32::MAX, Some(max))
        );
        assert_eq!(parse_number("18446744073709551616", 10), (0, Some(max + 1)));
        assert_eq!(parse_number("-0xffffffffffffffff", 16), (1, Some(-max)));
        assert_eq!(parse_number("0x10000000000000001", 16), (1, Some(max + 2)));
    }

    #[test]
    fn every_statement_form() {
        let s = parse_ok(
            "A = 1\nX = 0x10\nA = X\nX = A\nA = mem[3]\nX = mem[(4)]\nmem[5] = A\nmem[6] = X\n\
             A = len\nA = sys_number\nA = arch\nA = data[8]\nA = args[1]\nA = args_h[1]\n\
             A = args[1] >> 32\nA = instruction_pointer >> 32\nA += X\nA &= 3\nA = -A\nreturn A\n\
             return 5\nreturn ERRNO(1)\nreturn ALLOW\ngoto next\n",
        );
        assert_eq!(s.len(), 24);
        assert!(matches!(&s[0], StmtKind::Load { dst: Reg::A, src: Load::Const(v) } if k(1)(v)));
        assert!(matches!(&s[1], StmtKind::Load { dst: Reg::X, src: Load::Const(v) } if k(16)(v)));
        assert!(matches!(
            &s[2],
            StmtKind::Load {
                dst: Reg::A,
                src: Load::Reg
            }
        ));
        assert!(matches!(
            &s[3],
            StmtKind::Load {
                dst: Reg::X,
                src: Load::Reg
            }
        ));
        assert!(matches!(&s[5], StmtKind::Load { dst: Reg::X, src: Load::Mem(v) } if k(4)(v)));
        assert!(matches!(&s[7], StmtKind::Store { src: Reg::X, index } if k(6)(index)));
        assert!(matches!(&s[8], StmtKind::Load { src: Load::Len, .. }));
        let offsets: Vec<u32> = s[9..16]
            .iter()
            .map(|s| match s {
                StmtKind::Load {
                    src: Load::Data(d), ..
                } => d.offset,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(offsets, [0, 4, 8, 24, 28, 28, 12]);
        assert!(matches!(
            &s[16],
            StmtKind::Alu {
                op: AluOp::Add,
                rhs: Operand::X
            }
        ));
        assert!(matches!(&s[17], StmtKind::Alu { op: AluOp::And, rhs: Operand::K(v) } if k(3)(v)));
        assert!(matches!(&s[18], StmtKind::Neg));
        assert!(matches!(&s[19], StmtKind::Return(ReturnValue::A)));
        assert!(
            matches!(&s[21], StmtKind::Return(ReturnValue::Action { base: 0x50000, data: Some(v), .. }) if k(1)(v))
        );
        assert!(matches!(&s[23], StmtKind::Jump { cond: None, .. }));
    }

    #[test]
    fn big_endian_arg_words() {
        let src = "A = args[0]\nA = args_h[0]\nA = instruction_pointer";
        let (statements, _) = parse(src, Arch::S390x);
        let offsets: Vec<u32> = statements
            .iter()
            .map(|s| match &s.kind {
                StmtKind::Load {
                    src: Load::Data(d), ..
                } => d.offset,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(offsets, [20, 16, 12]);
    }

    #[test]
    fn jumps_negation_and_separators() {
        let s = parse_ok("if (!(!(!(A == 1)))) goto a else goto b A > X ? c : d if (A & 4)\n goto e\n else\n jmp f");
        let names = |t: &Target| match t {
            Target::Named { text, .. } => text.to_string(),
            Target::Next => "<next>".to_string(),
        };
        let got: Vec<(String, String)> = s
            .iter()
            .map(|s| match s {
                StmtKind::Jump { jt, jf, .. } => (names(jt), names(jf)),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            got,
            [
                ("b".into(), "a".into()),
                ("c".into(), "d".into()),
                ("e".into(), "f".into())
            ]
        );
        let s = parse_ok("if (A != 1) goto x");
        assert!(matches!(
            &s[0],
            StmtKind::Jump {
                jf: Target::Next,
                ..
            }
        ));
    }

    #[test]
    fn reference_errors_inside_the_grammar() {
        assert_eq!(parse_err("next: A = 1"), ["'next' is a reserved label"]);
        assert_eq!(parse_err("A = +A"), ["do you mean A = -A?"]);
        assert_eq!(
            parse_err("A = mem[16]"),
            ["index of mem[] must between 0 and 15, got 16"]
        );
        assert_eq!(
            parse_err("A = ARGS[6]"),
            ["index of ARGS[] must between 0 and 5, got 6"]
        );
        assert_eq!(
            parse_err("A = data[3]"),
            ["index of data[] must be a multiple of 4 and less than 64, got 3"]
        );
        assert_eq!(
            parse_err("A = args[0] << 32"),
            ["operator after an argument can only be '>> 32'"]
        );
        assert_eq!(
            parse_err("A = aarch64.open"),
            ["syscall 'open' doesn't exist on aarch64"]
        );
        assert_eq!(
            parse_err("A = arch_x86_64"),
            ["unknown constant 'arch_x86_64'; arch constants are upper case: ARCH_X86_64"]
        );
    }

    #[test]
    fn syntax_errors_name_the_first_token_that_cannot_continue() {
        assert_eq!(parse_err("A = A"), [r#"unexpected string "A""#]);
        assert_eq!(parse_err("X = args[0]"), [r#"unexpected string "args""#]);
        assert_eq!(parse_err("return X"), [r#"unexpected string "X""#]);
        assert_eq!(parse_err("X += 1"), [r#"unexpected string "+""#]);
        assert_eq!(
            parse_err("if (X == 1) goto a"),
            [r#"unexpected string "X""#]
        );
        // Recovery resumes on the next line, where `1` cannot start a statement.
        assert_eq!(
            parse_err("A =\n1"),
            [r#"unexpected string "\n""#, r#"unexpected string "1""#]
        );
        // At the end of input, the last token is blamed.
        assert_eq!(parse_err("if (A == 1)\n"), [r#"unexpected string "\n""#]);
        assert_eq!(parse_err("a:"), [r#"unexpected string "a""#]);
    }

    #[test]
    fn semicolons_separate_statements_only() {
        assert_eq!(parse_ok(";A = 1; X = 2;;return A;").len(), 3);
        assert_eq!(parse_err("A = ;1"), [r#"unexpected string ";""#]);
        assert_eq!(
            parse_err("if (A == 1) goto x; else goto y"),
            [r#"unexpected string "else""#]
        );
    }

    #[test]
    fn every_line_is_checked_after_an_error() {
        assert_eq!(
            parse_err("A = A\nX = X\nreturn ALLOW\nA = mem[99]\nA = data[1]"),
            [
                r#"unexpected string "A""#,
                r#"unexpected string "X""#,
                "index of mem[] must between 0 and 15, got 99",
                "index of data[] must be a multiple of 4 and less than 64, got 1",
            ]
        );
    }
}

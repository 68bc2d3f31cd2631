//! Inline programs: Rust tokens back to seccomp-tools text.
//!
//! The assembler reads text, so the tokens of `seccomp! { ... }` are laid out
//! again as the user wrote them: each token at its own line and column (Rust
//! has already dropped the `//` comments). Every byte of the text remembers the
//! token it came from, so an error at a byte range of the text points at the
//! right token in the user's source.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};

/// The text of an inline program and the token each part of it came from.
pub struct InlineSource {
    pub text: String,
    /// `(start, end, span)` for each token, in text order; `start..end` are
    /// byte offsets into `text`.
    pieces: Vec<(usize, usize, Span)>,
    /// Where the writer stands: the line and column (in chars) of the next byte,
    /// in the user's file.
    line: usize,
    column: usize,
    /// Whether tokens have usable positions; if not, tokens are joined with
    /// the heuristics of [`InlineSource::glue`].
    positioned: bool,
    /// The kind of the last token written, for the heuristic layout.
    last: Last,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Word,
    Punct(char, bool),
    Open,
    Close,
}

impl InlineSource {
    pub fn new(tokens: TokenStream) -> InlineSource {
        let first = tokens.clone().into_iter().next().map(|t| t.span().start());
        let mut src = InlineSource {
            text: String::new(),
            pieces: Vec::new(),
            line: first.map_or(1, |p| p.line),
            column: first.map_or(0, |p| p.column),
            // Spans without location answer line 0 (or 1, column 0, for
            // every token, e.g. from a macro_rules expansion); detected below.
            positioned: first.is_some_and(|p| p.line > 0),
            last: Last::Nothing,
        };
        src.positioned &= positions_increase(tokens.clone());
        // Keep the user's indentation of the first line so columns line up.
        src.text.extend(std::iter::repeat_n(' ', src.column));
        src.write_stream(tokens);
        src
    }

    /// Writes a stream, groups included, with a stack of open groups rather
    /// than recursion: the compiler lets inline tokens nest thousands deep.
    fn write_stream(&mut self, tokens: TokenStream) {
        let mut open: Vec<(proc_macro2::token_stream::IntoIter, Option<(&str, Span)>)> =
            vec![(tokens.into_iter(), None)];
        while let Some((iter, _)) = open.last_mut() {
            let Some(token) = iter.next() else {
                if let Some((_, Some((close, span)))) = open.pop() {
                    self.write(close, span, Last::Close);
                }
                continue;
            };
            match token {
                TokenTree::Group(group) => {
                    let (opener, close) = match group.delimiter() {
                        Delimiter::Parenthesis => ("(", ")"),
                        Delimiter::Bracket => ("[", "]"),
                        Delimiter::Brace => ("{", "}"),
                        Delimiter::None => {
                            open.push((group.stream().into_iter(), None));
                            continue;
                        }
                    };
                    self.write(opener, group.span_open(), Last::Open);
                    open.push((
                        group.stream().into_iter(),
                        Some((close, group.span_close())),
                    ));
                }
                TokenTree::Ident(ident) => self.write(&ident.to_string(), ident.span(), Last::Word),
                TokenTree::Literal(lit) => self.write(&lit.to_string(), lit.span(), Last::Word),
                TokenTree::Punct(p) => {
                    let joint = p.spacing() == proc_macro2::Spacing::Joint;
                    self.write(
                        &p.as_char().to_string(),
                        p.span(),
                        Last::Punct(p.as_char(), joint),
                    );
                }
            }
        }
    }

    fn write(&mut self, text: &str, span: Span, kind: Last) {
        if self.positioned {
            let at = span.start();
            if at.line > self.line {
                for _ in self.line..at.line {
                    self.text.push('\n');
                }
                self.line = at.line;
                self.column = 0;
            }
            if at.column > self.column {
                self.text
                    .extend(std::iter::repeat_n(' ', at.column - self.column));
                self.column = at.column;
            }
        } else if !self.glue(kind) {
            self.text.push(' ');
        }
        let start = self.text.len();
        self.text.push_str(text);
        self.pieces.push((start, self.text.len(), span));
        self.column += text.chars().count();
        self.last = kind;
    }

    /// Without positions: whether `next` follows the last token with no space.
    /// Labels (`name:`), operators that Rust split (`>>=`, `==`) and negative
    /// numbers must stay together for the assembler to read them.
    fn glue(&self, next: Last) -> bool {
        matches!(
            (self.last, next),
            (Last::Nothing, _)
                | (Last::Punct(_, true), _)
                | (Last::Word | Last::Close, Last::Punct(':', _))
                | (Last::Punct('-', false), Last::Word)
        )
    }

    /// The spans of the first and last token overlapping a byte range of the
    /// text, or `None` if the range touches no token (it then means the end of
    /// the input).
    pub fn spans(&self, start: usize, end: usize) -> Option<(Span, Span)> {
        let end = end.max(start + 1);
        let first = self.pieces.partition_point(|&(_, e, _)| e <= start);
        let covered = &self.pieces[first..];
        let last = covered.partition_point(|&(s, _, _)| s < end);
        match last {
            0 => None,
            n => Some((covered[0].2, covered[n - 1].2)),
        }
    }

    /// The span of the last token, for errors at the end of the input.
    pub fn last_span(&self) -> Option<Span> {
        self.pieces.last().map(|p| p.2)
    }
}

/// Whether token positions strictly increase through the stream, i.e. come
/// from one piece of source text the user wrote. Walked with a stack of open
/// groups, as [`InlineSource::write_stream`] is.
fn positions_increase(tokens: TokenStream) -> bool {
    let mut prev = (0, 0);
    let mut after = |span: Span| {
        let at = span.start();
        let ok = (at.line, at.column) >= prev;
        prev = (at.line, at.column + 1);
        ok
    };
    let mut open: Vec<(proc_macro2::token_stream::IntoIter, Option<Span>)> =
        vec![(tokens.into_iter(), None)];
    while let Some((iter, _)) = open.last_mut() {
        match iter.next() {
            None => {
                if let Some((_, Some(close))) = open.pop() {
                    if !after(close) {
                        return false;
                    }
                }
            }
            Some(TokenTree::Group(g)) => {
                if !after(g.span_open()) {
                    return false;
                }
                open.push((g.stream().into_iter(), Some(g.span_close())));
            }
            Some(other) => {
                if !after(other.span()) {
                    return false;
                }
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    // Outside a compiler invocation, proc-macro2 parses the string itself and
    // gives real positions, so these exercise the positioned layout.
    fn layout(src: &str) -> String {
        InlineSource::new(TokenStream::from_str(src).unwrap()).text
    }

    #[test]
    fn tokens_keep_their_lines_and_columns() {
        let src = "A = arch\n  if (A != ARCH_X86_64) goto dead\nok: return ALLOW // gone\ndead: return KILL";
        assert_eq!(
            layout(src),
            "A = arch\n  if (A != ARCH_X86_64) goto dead\nok: return ALLOW\ndead: return KILL"
        );
    }

    #[test]
    fn multi_char_operators_and_negatives_survive() {
        assert_eq!(
            layout("A >>= 4\nA = -A\nif (A == -1) goto x"),
            "A >>= 4\nA = -A\nif (A == -1) goto x"
        );
        assert_eq!(layout("A = args[0] >> 32"), "A = args[0] >> 32");
    }

    #[test]
    fn spans_cover_overlapping_tokens() {
        let src = InlineSource::new(TokenStream::from_str("A = sys_number\nreturn ALLOW").unwrap());
        let at = src.text.find("sys_number").unwrap();
        let (first, last) = src.spans(at, at + 3).unwrap();
        assert_eq!(first.start().column, 4);
        assert_eq!(last.start().column, 4);
        let (first, last) = src.spans(0, src.text.len()).unwrap();
        assert_eq!((first.start().line, last.start().line), (1, 2));
        assert!(src.spans(src.text.len(), src.text.len()).is_none());
    }

    #[test]
    fn heuristic_layout_without_positions() {
        let mut src = InlineSource {
            text: String::new(),
            pieces: Vec::new(),
            line: 0,
            column: 0,
            positioned: false,
            last: Last::Nothing,
        };
        src.write_stream(TokenStream::from_str("ok : A >>= 4 A = - 1 x ? a : b").unwrap());
        assert_eq!(src.text, "ok: A >>= 4 A = -1 x ? a: b");
    }
}

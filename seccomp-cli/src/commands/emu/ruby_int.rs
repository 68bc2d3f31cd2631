//! Numbers on the `emu` command line, read as seccomp-tools reads them:
//! Ruby's `Integer()` for the syscall number and the arguments, and the
//! stricter `Integer` option type of Ruby's `OptionParser` for `-i`.
//!
//! Takes the text of one argument; gives the number, or a
//! [`ParseIntegerError`] that says why there is none.

use std::fmt;

use seccomp_asm::Arch;

/// A string that is not an integer in Ruby's `Integer()` syntax, or one too
/// large to represent.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct ParseIntegerError {
    /// The string as given.
    pub input: String,
    /// Whether it is not an integer at all or only out of range.
    pub kind: ParseIntegerErrorKind,
}

/// Why one of the integer parsers ([`parse_integer`], [`parse_sys_nr`], ...)
/// rejected a string.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ParseIntegerErrorKind {
    /// Not in `Integer()` syntax.
    Invalid,
    /// An integer, but outside the range the caller accepts.
    OutOfRange,
}

impl fmt::Display for ParseIntegerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ParseIntegerErrorKind::Invalid => {
                write!(f, "invalid value for Integer(): {:?}", self.input)
            }
            ParseIntegerErrorKind::OutOfRange => write!(f, "{:?} is out of range", self.input),
        }
    }
}

impl std::error::Error for ParseIntegerError {}

/// Parses an integer as Ruby's `Integer(str)` does: optional blanks around,
/// one optional sign, then decimal, `0x`/`0X` hex, `0b` binary, `0o` or a
/// bare leading `0` octal, or `0d` decimal, with single `_` allowed between
/// digits (`1_000`). Values beyond `i128` are an error (Ruby would make a
/// bignum).
pub fn parse_integer(s: &str) -> Result<i128, ParseIntegerError> {
    let invalid = || ParseIntegerError {
        input: s.to_string(),
        kind: ParseIntegerErrorKind::Invalid,
    };
    // Ruby's `isspace`: blank, \t, \n, \v, \f, \r.
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let bytes = s.as_bytes();
    let start = bytes
        .iter()
        .position(|&c| !is_space(c))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&c| !is_space(c))
        .map_or(start, |i| i + 1);
    let mut rest = &bytes[start..end];
    let negative = match rest.first() {
        Some(b'-') => {
            rest = &rest[1..];
            true
        }
        Some(b'+') => {
            rest = &rest[1..];
            false
        }
        _ => false,
    };
    let base: u32 = match rest {
        [b'0', p, tail @ ..]
            if matches!(p, b'x' | b'X' | b'b' | b'B' | b'o' | b'O' | b'd' | b'D') =>
        {
            let base = match p.to_ascii_lowercase() {
                b'x' => 16,
                b'b' => 2,
                b'o' => 8,
                _ => 10,
            };
            rest = tail;
            base
        }
        // A leading 0 followed by anything else is octal ("017", "0_7").
        [b'0', _, ..] => 8,
        _ => 10,
    };
    // digit ( "_"? digit )*
    let mut magnitude: u128 = 0;
    let mut after_digit = false;
    let mut overflow = false;
    for &c in rest {
        if c == b'_' {
            if !after_digit {
                return Err(invalid());
            }
            after_digit = false;
            continue;
        }
        let digit = (c as char).to_digit(base).ok_or_else(invalid)?;
        after_digit = true;
        match magnitude
            .checked_mul(u128::from(base))
            .and_then(|m| m.checked_add(u128::from(digit)))
        {
            Some(m) => magnitude = m,
            None => overflow = true,
        }
    }
    if !after_digit {
        // Empty, or ending in "_".
        return Err(invalid());
    }
    let value = if overflow {
        None
    } else if negative {
        0i128.checked_sub_unsigned(magnitude)
    } else {
        i128::try_from(magnitude).ok()
    };
    value.ok_or(ParseIntegerError {
        input: s.to_string(),
        kind: ParseIntegerErrorKind::OutOfRange,
    })
}

/// Parses the value of an `Integer` option as Ruby's `OptionParser` does
/// (`seccomp-tools emu -i`): `Integer()` syntax without the blanks around it
/// and without the `0o` and `0d` prefixes.
pub fn parse_option_integer(s: &str) -> Result<i128, ParseIntegerError> {
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let prefix = unsigned.get(..2).map(str::to_ascii_lowercase);
    let blank = |c: Option<char>| c.is_some_and(|c| c.is_ascii_whitespace() || c == '\x0b');
    if blank(s.chars().next())
        || blank(s.chars().last())
        || matches!(prefix.as_deref(), Some("0o" | "0d"))
    {
        return Err(ParseIntegerError {
            input: s.to_string(),
            kind: ParseIntegerErrorKind::Invalid,
        });
    }
    parse_integer(s)
}

/// Reads a 64-bit input word (an argument or the instruction pointer):
/// `Integer()` syntax, from `-2^63` to `2^64 - 1`; negative values are taken
/// in two's complement, as a C caller would pass them.
pub fn parse_u64(s: &str) -> Result<u64, ParseIntegerError> {
    to_u64(s, parse_integer(s)?)
}

/// [`parse_u64`] for the value of `-i`, in [`parse_option_integer`] syntax.
pub fn parse_option_u64(s: &str) -> Result<u64, ParseIntegerError> {
    to_u64(s, parse_option_integer(s)?)
}

fn to_u64(s: &str, value: i128) -> Result<u64, ParseIntegerError> {
    if (i128::from(i64::MIN)..=i128::from(u64::MAX)).contains(&value) {
        Ok(value as u64)
    } else {
        Err(ParseIntegerError {
            input: s.to_string(),
            kind: ParseIntegerErrorKind::OutOfRange,
        })
    }
}

/// Resolves the `sys_nr` argument of `seccomp-tools emu`: a syscall name of
/// `arch`'s table, else an integer in `Integer()` syntax from `-2^31` to
/// `2^32 - 1` (negative values in two's complement, as the kernel's `int nr`).
pub fn parse_sys_nr(arch: Arch, s: &str) -> Result<u32, ParseIntegerError> {
    if let Some(nr) = arch.syscall_nr(s) {
        return Ok(nr);
    }
    let value = parse_integer(s)?;
    if (i128::from(i32::MIN)..=i128::from(u32::MAX)).contains(&value) {
        Ok(value as u32)
    } else {
        Err(ParseIntegerError {
            input: s.to_string(),
            kind: ParseIntegerErrorKind::OutOfRange,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_syntax() {
        let ok = [
            ("0", 0),
            ("42", 42),
            ("-42", -42),
            ("+42", 42),
            ("  42\n", 42),
            ("\t-0x1f ", -31),
            ("0x1F", 31),
            ("0XfF", 255),
            ("0b101", 5),
            ("0B11", 3),
            ("0o17", 15),
            ("0O17", 15),
            ("017", 15),
            ("0_7", 7),
            ("00", 0),
            ("0d19", 19),
            ("0D019", 19),
            ("1_000_000", 1_000_000),
            ("-0b1_1", -3),
        ];
        for (text, value) in ok {
            assert_eq!(parse_integer(text), Ok(value), "{text:?}");
        }
        let bad = [
            "", " ", "-", "+", "0x", "0b", "0o", "0d", "0x_1", "_1", "1_", "1__0", "08", "0b102",
            "1e5", "1.0", "- 1", "+-1", "0x1g", "12abc", "0_", "0__1", "1 2", "٣", "1\u{0}",
        ];
        for text in bad {
            let err = parse_integer(text).unwrap_err();
            assert_eq!(err.kind, ParseIntegerErrorKind::Invalid, "{text:?}");
        }
        assert_eq!(
            parse_integer("foo").unwrap_err().to_string(),
            "invalid value for Integer(): \"foo\""
        );
        assert_eq!(
            parse_integer("170141183460469231731687303715884105727"),
            Ok(i128::MAX)
        );
        assert_eq!(
            parse_integer("-170141183460469231731687303715884105728"),
            Ok(i128::MIN)
        );
        assert_eq!(
            parse_integer("170141183460469231731687303715884105728")
                .unwrap_err()
                .kind,
            ParseIntegerErrorKind::OutOfRange
        );
    }

    #[test]
    fn input_words_and_syscall_numbers() {
        assert_eq!(parse_u64("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(parse_u64("-1"), Ok(u64::MAX));
        assert_eq!(parse_u64("-100"), Ok(-100i64 as u64));
        assert_eq!(parse_u64("-9223372036854775808"), Ok(1 << 63));
        assert!(parse_u64("18446744073709551616").is_err());
        assert!(parse_u64("-9223372036854775809").is_err());
        assert_eq!(parse_sys_nr(Arch::X86_64, "read"), Ok(0));
        assert_eq!(parse_sys_nr(Arch::X86_64, "x32_read"), Ok(0x4000_0000));
        assert_eq!(parse_sys_nr(Arch::I386, "read"), Ok(3));
        assert_eq!(parse_sys_nr(Arch::Aarch64, "0x3f"), Ok(63));
        assert_eq!(parse_sys_nr(Arch::Aarch64, "-1"), Ok(u32::MAX));
        assert_eq!(parse_sys_nr(Arch::X86_64, "4294967295"), Ok(u32::MAX));
        assert!(parse_sys_nr(Arch::X86_64, "4294967296").is_err());
        assert!(parse_sys_nr(Arch::X86_64, "-2147483649").is_err());
        // Names are looked up in the given arch's table only.
        assert!(parse_sys_nr(Arch::Aarch64, "open").is_err());
        assert!(parse_sys_nr(Arch::X86_64, "sys_read").is_err());
    }

    #[test]
    fn option_integer_syntax() {
        // `-i` goes through OptionParser's Integer pattern before `Integer()`.
        assert_eq!(parse_option_integer("0x10"), Ok(16));
        assert_eq!(parse_option_integer("-0b11"), Ok(-3));
        assert_eq!(parse_option_integer("017"), Ok(15));
        assert_eq!(parse_option_integer("0_7"), Ok(7));
        assert_eq!(parse_option_integer("1_000"), Ok(1000));
        for text in [" 1", "1 ", "\t1", "0o17", "0O17", "-0d9", "0D9", "08", ""] {
            assert!(parse_option_integer(text).is_err(), "{text:?}");
        }
        assert_eq!(parse_option_u64("-1"), Ok(u64::MAX));
        assert!(parse_option_u64(" 1").is_err());
    }
}

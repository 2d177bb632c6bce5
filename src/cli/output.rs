//! Standard output for the scripted views: written as produced (through a
//! buffer, never built whole in memory), a closed pipe (`| head`) taken as
//! success, and JSON that carries no raw control character.
//!
//! serde_json escapes only C0 controls; [`SafeJson`] also writes DEL, the
//! C1 controls (U+009B is a one-byte CSI), the bidirectional controls and
//! the line/paragraph separators as `\uXXXX` escapes, the characters
//! [`crate::layout::safe`] replaces in the reader: the text is intact and
//! nothing reaches a terminal. YAML needs nothing: libyaml escapes every
//! C0/C1 control, DEL and the separators itself (`\e`, `\x9B`, `\L`),
//! leaving only the bidirectional marks as they are (they are not escape
//! sequences, and YAML counts them as printable).

use std::io::{self, BufWriter, StdoutLock, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::{CliError, Format};
use crate::layout::safe::placeholder;

/// Buffered standard output that remembers a closed pipe.
pub struct Out {
    inner: BufWriter<StdoutLock<'static>>,
    broken: bool,
}

impl Out {
    pub fn stdout() -> Out {
        Out {
            inner: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            broken: false,
        }
    }

    /// Flushes; an error is a [`CliError`] unless the reader of the pipe
    /// has gone, which is success (like `grep | head`).
    pub fn finish(mut self, written: io::Result<()>) -> Result<(), CliError> {
        let result = written.and_then(|_| self.flush());
        match result {
            Err(_) if self.broken => Ok(()),
            Err(e) => Err(e.into()),
            Ok(()) => Ok(()),
        }
    }

    fn note(&mut self, e: io::Error) -> io::Error {
        if e.kind() == io::ErrorKind::BrokenPipe {
            self.broken = true;
        }
        e
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.note(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(|e| self.note(e))
    }
}

/// Writes a value as JSON ([`SafeJson`], pretty) or YAML, as serde walks
/// it: a value whose parts are produced while it is written (the hits of
/// `--search`) is never held whole.
pub fn write_serialized<T: Serialize>(
    out: &mut impl Write,
    value: &T,
    format: Format,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeJson::default());
            value.serialize(&mut ser)?;
            out.write_all(b"\n")
        }
        Format::Yaml => serde_yaml::to_writer(&mut *out, value).map_err(io::Error::other),
        Format::Text | Format::Csv | Format::Md | Format::Org => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "this view has no such format",
        )),
    }
}

/// serde_json's pretty printer, with the characters a terminal could act
/// on written as `\uXXXX` escapes.
#[derive(Default)]
pub struct SafeJson {
    pretty: PrettyFormatter<'static>,
}

impl Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((i, c)) = rest.char_indices().find(|&(_, c)| placeholder(c).is_some()) {
            w.write_all(&rest.as_bytes()[..i])?;
            write!(w, "\\u{:04x}", c as u32)?;
            rest = &rest[i + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_array(w)
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_array(w)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.pretty.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(w)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_object(w)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_object(w)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.pretty.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(v: &impl Serialize) -> String {
        let mut out = Vec::new();
        write_serialized(&mut out, v, Format::Json).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_is_serde_json_pretty_with_every_control_escaped() {
        let plain = serde_json::json!({"a": [1, "大零号湾"], "b": {"c": null}});
        assert_eq!(
            json(&plain),
            serde_json::to_string_pretty(&plain).unwrap() + "\n"
        );
        let hostile = "a\u{1b}[2Jb\u{7f}c\u{9b}d\u{85}e\u{202e}f\u{2028}g\"\\";
        let s = json(&vec![hostile]);
        assert_eq!(
            s,
            "[\n  \"a\\u001b[2Jb\\u007fc\\u009bd\\u0085e\\u202ef\\u2028g\\\"\\\\\"\n]\n"
        );
        assert!(!s.chars().any(|c| placeholder(c).is_some()));
        let back: Vec<String> = serde_json::from_str(&s).unwrap();
        assert_eq!(back, [hostile]);
    }

    #[test]
    fn yaml_escapes_every_control_itself() {
        let hostile = "a\u{1b}[2Jb\u{7f}c\u{9b}d\u{85}e\u{2028}f";
        let mut out = Vec::new();
        write_serialized(&mut out, &vec![hostile], Format::Yaml).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(!s.chars().any(|c| placeholder(c).is_some()), "{s:?}");
        let back: Vec<String> = serde_yaml::from_str(&s).unwrap();
        assert_eq!(back, [hostile]);
    }
}

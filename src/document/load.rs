//! Reading a report from disk or standard input and decoding it to UTF-8.
//!
//! Accepts UTF-8 (a BOM is removed), UTF-16 with a BOM, and GB18030/GBK
//! (detected with chardetng, decoded with encoding_rs). Invalid byte
//! sequences become U+FFFD and are counted, never dropped. Nothing else in
//! the text is changed: line endings and indentation stay as they were, so
//! byte offsets into the decoded text are stable.
//!
//! A report can be opened in two steps ([`Opening`]): its head (the first
//! [`HEAD_BYTES`]) is read at once, so that a reader can show its first
//! screens, and the rest is read and the whole decoded later, on another
//! thread.

use std::fmt;
use std::io::Read;
use std::path::Path;

use encoding_rs::{DecoderResult, Encoding, UTF_8};

/// The largest report gangmu opens.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// How the bytes were decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoding {
    /// The encoding used (`UTF-8`, `UTF-16LE`, `GBK`, …).
    pub encoding: &'static str,
    /// Whether a byte-order mark was removed.
    pub bom: bool,
    /// How many invalid byte sequences were replaced with U+FFFD.
    pub replaced: usize,
}

impl Default for Decoding {
    /// Text that was UTF-8 already.
    fn default() -> Self {
        Decoding {
            encoding: "UTF-8",
            bom: false,
            replaced: 0,
        }
    }
}

impl Decoding {
    /// A one-line warning when bytes had to be replaced, for stderr.
    pub fn warning(&self) -> Option<String> {
        (self.replaced > 0).then(|| {
            format!(
                "{} invalid byte sequence{} replaced with U+FFFD (decoded as {})",
                self.replaced,
                if self.replaced == 1 { "" } else { "s" },
                self.encoding
            )
        })
    }
}

/// Why a report could not be opened. `Display` gives one line for stderr.
#[derive(Debug)]
pub enum LoadError {
    NotFound(String),
    IsDirectory(String),
    PermissionDenied(String),
    TooLarge(String, u64),
    Binary(String),
    Io(String, std::io::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound(p) => write!(f, "{p}: no such file"),
            LoadError::IsDirectory(p) => write!(f, "{p}: is a directory, not a report"),
            LoadError::PermissionDenied(p) => write!(f, "{p}: permission denied"),
            LoadError::TooLarge(p, n) => write!(
                f,
                "{p}: too large ({} MiB; gangmu opens reports up to {} MiB)",
                n / (1024 * 1024),
                MAX_BYTES / (1024 * 1024)
            ),
            LoadError::Binary(p) => {
                write!(
                    f,
                    "{p}: looks like a binary file (contains NUL bytes), not a text report"
                )
            }
            LoadError::Io(p, e) => write!(f, "{p}: {e}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// How much of a report is read before the rest: enough for its first
/// screens and the first parts of its outline (a few milliseconds' work).
pub const HEAD_BYTES: usize = 64 * 1024;

/// A report being opened: its head read, the rest still to read.
pub struct Opening {
    label: String,
    /// What has been read (the head, or everything).
    bytes: Vec<u8>,
    /// Where the rest comes from; `None` once everything is read.
    rest: Option<Box<dyn Read + Send>>,
}

impl fmt::Debug for Opening {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Opening")
            .field("label", &self.label)
            .field("read", &self.bytes.len())
            .field("complete", &self.rest.is_none())
            .finish()
    }
}

impl Opening {
    /// Opens a report and reads its first `head` bytes: a path, `-` for
    /// standard input, `None` for the bundled report.
    pub fn open(path: Option<&Path>, head: usize) -> Result<Opening, LoadError> {
        match path {
            None => Ok(Opening::bytes("<bundled>", super::BUNDLED.to_vec())),
            Some(p) if p.as_os_str() == "-" => Opening::stdin(head),
            Some(p) => Opening::file(p, head),
        }
    }

    /// Opens a file with the checks above and reads its first `head`
    /// bytes.
    pub fn file(path: &Path, head: usize) -> Result<Opening, LoadError> {
        let label = path.display().to_string();
        let io_err = |e| io_error(&label, e);
        let meta = std::fs::metadata(path).map_err(io_err)?;
        if meta.is_dir() {
            return Err(LoadError::IsDirectory(label));
        }
        if meta.len() > MAX_BYTES {
            return Err(LoadError::TooLarge(label, meta.len()));
        }
        let file = std::fs::File::open(path).map_err(io_err)?;
        // Sized from the metadata: one allocation, no copies while growing
        // (untouched pages cost nothing until the rest is read).
        let bytes = Vec::with_capacity(meta.len() as usize + 1);
        Opening::reader(label, Box::new(file), bytes, head)
    }

    /// Opens standard input and reads its first `head` bytes.
    pub fn stdin(head: usize) -> Result<Opening, LoadError> {
        Opening::reader(
            "-".to_string(),
            Box::new(std::io::stdin()),
            Vec::new(),
            head,
        )
    }

    /// Bytes already in memory (the bundled report).
    pub fn bytes(label: impl Into<String>, bytes: Vec<u8>) -> Opening {
        Opening {
            label: label.into(),
            bytes,
            rest: None,
        }
    }

    fn reader(
        label: String,
        reader: Box<dyn Read + Send>,
        mut bytes: Vec<u8>,
        head: usize,
    ) -> Result<Opening, LoadError> {
        let mut reader = reader.take(MAX_BYTES + 1);
        let want = u64::try_from(head).unwrap_or(u64::MAX);
        (&mut reader)
            .take(want)
            .read_to_end(&mut bytes)
            .map_err(|e| io_error(&label, e))?;
        // Fewer bytes than asked for: that was all.
        let done = (bytes.len() as u64) < want;
        let rest: Option<Box<dyn Read + Send>> = match done {
            true => None,
            false => Some(Box::new(reader)),
        };
        Ok(Opening { label, bytes, rest })
    }

    /// Where the report comes from: a path, `-`, or what [`Opening::bytes`]
    /// was given.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Whether the whole report has been read.
    pub fn is_complete(&self) -> bool {
        self.rest.is_none()
    }

    /// The head's text, to show before the rest is read, when there is a
    /// rest and the head can be shown on its own: decoded as a report of
    /// its own up to its last line break (so no character is cut; a line
    /// longer than the head is cut at its last whole UTF-8 character),
    /// neither UTF-16 (whose line breaks are two bytes) nor holding a NUL
    /// byte. The whole report decodes the same way in practice; where it
    /// does not (invalid bytes past the head), the head's text is only a
    /// preview, replaced by the whole.
    pub fn head_text(&self) -> Option<String> {
        self.rest.as_ref()?;
        let head = &self.bytes;
        if matches!(Encoding::for_bom(head), Some((enc, _)) if enc != UTF_8) {
            return None;
        }
        let cut = match memchr::memrchr(b'\n', head) {
            Some(i) => i + 1,
            None => match std::str::from_utf8(head) {
                Ok(_) => head.len(),
                // Only the last character is cut short.
                Err(e) if e.error_len().is_none() => e.valid_up_to(),
                Err(_) => return None,
            },
        };
        decode(&head[..cut], &self.label).ok().map(|(text, _)| text)
    }

    /// Reads the rest (at most [`MAX_BYTES`] in all).
    pub fn read_all(mut self) -> Result<Vec<u8>, LoadError> {
        if let Some(rest) = self.rest.take() {
            let left = MAX_BYTES + 1 - self.bytes.len() as u64;
            rest.take(left)
                .read_to_end(&mut self.bytes)
                .map_err(|e| io_error(&self.label, e))?;
        }
        if self.bytes.len() as u64 > MAX_BYTES {
            return Err(LoadError::TooLarge(self.label, self.bytes.len() as u64));
        }
        Ok(self.bytes)
    }

    /// Reads the rest and decodes the whole report.
    pub fn finish(self) -> Result<(String, Decoding), LoadError> {
        let label = self.label.clone();
        decode_owned(self.read_all()?, &label)
    }
}

/// The load error for an I/O error on `label`.
fn io_error(label: &str, e: std::io::Error) -> LoadError {
    let label = label.to_string();
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(label),
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied(label),
        std::io::ErrorKind::IsADirectory => LoadError::IsDirectory(label),
        _ => LoadError::Io(label, e),
    }
}

/// Decodes a report's bytes, reusing the buffer when they are UTF-8 already
/// (no copy: peak memory stays at one text's size).
pub fn decode_owned(mut bytes: Vec<u8>, label: &str) -> Result<(String, Decoding), LoadError> {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    if memchr::memchr(0, &bytes).is_some() {
        return decode(&bytes, label);
    }
    if bom {
        bytes.drain(..3);
    }
    // One validation pass: on a 13 MB report it is a third of loading.
    match String::from_utf8(bytes) {
        Ok(text) => Ok((
            text,
            Decoding {
                bom,
                ..Decoding::default()
            },
        )),
        Err(e) if bom => {
            let (text, replaced) = decode_counting(UTF_8, e.as_bytes());
            Ok((
                text,
                Decoding {
                    encoding: UTF_8.name(),
                    bom,
                    replaced,
                },
            ))
        }
        Err(e) => decode(e.as_bytes(), label),
    }
}

/// Decodes a report's bytes. Fails only on binary input (NUL bytes outside
/// UTF-16).
pub fn decode(bytes: &[u8], label: &str) -> Result<(String, Decoding), LoadError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, replaced) = decode_counting(enc, &bytes[bom_len..]);
        if enc == UTF_8 && text.contains('\0') {
            return Err(LoadError::Binary(label.to_string()));
        }
        return Ok((
            text,
            Decoding {
                encoding: enc.name(),
                bom: true,
                replaced,
            },
        ));
    }
    if memchr::memchr(0, bytes).is_some() {
        return Err(LoadError::Binary(label.to_string()));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        let decoding = Decoding {
            encoding: "UTF-8",
            bom: false,
            replaced: 0,
        };
        return Ok((s.to_string(), decoding));
    }
    let (enc, text, replaced) = decode_best(bytes);
    Ok((
        text,
        Decoding {
            encoding: enc.name(),
            bom: false,
            replaced,
        },
    ))
}

/// Guesses the encoding of bytes that are not valid UTF-8. Chinese reports
/// are GB18030/GBK in practice; chardetng confirms it, and when it guesses
/// some other legacy encoding on a short input (it is weak under about six
/// Han characters) we keep UTF-8 with replacement rather than produce
/// mojibake.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // Feeding a large report whole is slow and unnecessary: 64 KiB decides.
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    det.feed(sample, sample.len() == bytes.len());
    let guess = det.guess(None, chardetng::Utf8Detection::Allow);
    match guess.name() {
        "GBK" | "gb18030" => encoding_rs::GB18030,
        "Big5" | "Shift_JIS" | "EUC-KR" | "EUC-JP" => guess,
        _ => UTF_8,
    }
}

/// Decodes bytes that are not valid UTF-8: with chardetng's guess, and,
/// when that still leaves bytes replaced, also as GB18030 and as UTF-8,
/// keeping whichever replaces fewest. A GBK report cut short or with a few
/// stray bytes makes chardetng give up on GBK; decoding it as UTF-8 would
/// turn the whole report to U+FFFD, where GB18030 loses one character.
fn decode_best(bytes: &[u8]) -> (&'static Encoding, String, usize) {
    let guess = detect(bytes);
    let (text, replaced) = decode_counting(guess, bytes);
    let mut best = (guess, text, replaced);
    for enc in [encoding_rs::GB18030, UTF_8] {
        if best.2 == 0 {
            break;
        }
        if enc != best.0 {
            let (text, replaced) = decode_counting(enc, bytes);
            if replaced < best.2 {
                best = (enc, text, replaced);
            }
        }
    }
    best
}

/// Decodes with U+FFFD for each malformed sequence, counting them.
fn decode_counting(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3)
        + 16;
    let mut out = String::with_capacity(cap);
    let mut input = bytes;
    let mut replaced = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut out, true);
        input = &input[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => out.reserve(input.len() * 3 + 16),
            DecoderResult::Malformed(_, _) => {
                out.push('\u{FFFD}');
                replaced += 1;
            }
        }
    }
    (out, replaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_is_stripped() {
        let (t, d) = decode("\u{FEFF}第一,测试".as_bytes(), "x").unwrap();
        assert_eq!(t, "第一,测试");
        assert!(d.bom);
        assert_eq!(d.replaced, 0);
    }

    #[test]
    fn gb18030_round_trips() {
        let src = "锚定目标,切实巩固增强经济回升向好态势。重点抓好三方面工作。\r\n第一,重点行业稳定支撑。";
        let (bytes, _, _) = encoding_rs::GB18030.encode(src);
        let (t, d) = decode(&bytes, "x").unwrap();
        assert_eq!(t, src);
        assert_eq!(d.replaced, 0);
        assert_eq!(d.encoding, "gb18030");
    }

    #[test]
    fn gb18030_cut_short_or_with_stray_bytes_stays_gb18030() {
        let src = "锚定目标,切实巩固增强经济回升向好态势。重点抓好三方面工作。".repeat(40);
        let (gb, _, _) = encoding_rs::GB18030.encode(&src);
        // Cut in the middle of a two-byte character.
        let cut = &gb[..gb.len() - 1];
        let (t, d) = decode(cut, "x").unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(d.replaced, 1);
        assert!(t.starts_with("锚定目标"));
        // Stray bytes at the end.
        let mut stray = gb.to_vec();
        stray.extend_from_slice(b"\xff\xff\x81\n");
        let (t, d) = decode(&stray, "x").unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert!(d.replaced <= 3, "{d:?}");
        assert!(t.starts_with("锚定目标"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "闵行区".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (t, d) = decode(&bytes, "x").unwrap();
        assert_eq!(t, "闵行区");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn invalid_bytes_are_counted_not_dropped() {
        let mut bytes = "大零号湾".as_bytes().to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice("科技".as_bytes());
        let (t, d) = decode(&bytes, "x").unwrap();
        assert!(t.contains('\u{FFFD}'));
        assert!(d.replaced >= 1);
        assert!(d.warning().unwrap().contains("U+FFFD"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            decode(b"abc\0def", "x"),
            Err(LoadError::Binary(_))
        ));
    }

    #[test]
    fn io_errors_become_one_line_messages() {
        use std::io::{Error, ErrorKind};
        let e = io_error("r.txt", Error::from(ErrorKind::PermissionDenied));
        assert_eq!(e.to_string(), "r.txt: permission denied");
        let e = io_error("r.txt", Error::from(ErrorKind::NotFound));
        assert_eq!(e.to_string(), "r.txt: no such file");
        let e = io_error("d", Error::from(ErrorKind::IsADirectory));
        assert_eq!(e.to_string(), "d: is a directory, not a report");
    }

    #[test]
    fn owned_and_borrowed_decoding_agree() {
        for bytes in [
            "\u{FEFF}第一,测试".as_bytes().to_vec(),
            "第一,测试".as_bytes().to_vec(),
            encoding_rs::GB18030
                .encode("锚定目标,切实巩固增强经济回升向好态势。")
                .0
                .to_vec(),
            vec![0xFF, 0xFE, 0x2D, 0x95],
            b"a\0b".to_vec(),
        ] {
            let a = decode(&bytes, "x").map_err(|e| e.to_string());
            let b = decode_owned(bytes, "x").map_err(|e| e.to_string());
            assert_eq!(a, b);
        }
    }

    fn opening(bytes: &[u8], head: usize) -> Opening {
        let reader: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(bytes.to_vec()));
        Opening::reader("t".into(), reader, Vec::new(), head).unwrap()
    }

    #[test]
    fn a_report_opens_from_its_head() {
        let text = "第一行。\n第二行很长很长。\n第三行。\n";
        // The head ends inside the second line: the head's text is the
        // first line, and the whole is read later.
        let o = opening(text.as_bytes(), 20);
        assert!(!o.is_complete());
        assert_eq!(o.head_text().as_deref(), Some("第一行。\n"));
        assert_eq!(o.finish().unwrap().0, text);
        // Read whole: nothing to preview.
        let o = opening(text.as_bytes(), 1000);
        assert!(o.is_complete());
        assert_eq!(o.head_text(), None);
        assert_eq!(o.finish().unwrap().0, text);
        // One long line: cut at its last whole character.
        let line = "字".repeat(100);
        assert_eq!(
            opening(line.as_bytes(), 20).head_text(),
            Some("字".repeat(6))
        );
        // UTF-16, or a NUL in the head: no preview; a NUL past the head
        // fails when the rest is read.
        assert_eq!(opening(b"\xFF\xFEa\x00\n\x00b\x00", 4).head_text(), None);
        assert_eq!(opening(b"a\n\0b\nc\n", 5).head_text(), None);
        let o = opening(b"a\nb\nc\n\0", 4);
        assert_eq!(o.head_text().as_deref(), Some("a\nb\n"));
        assert!(matches!(o.finish(), Err(LoadError::Binary(_))));
    }

    #[test]
    fn empty_is_fine() {
        assert_eq!(decode(b"", "x").unwrap().0, "");
    }
}

//! The clipboard, through the terminal: OSC 52 (`ESC ] 52 ; c ; base64
//! BEL`), which a terminal emulator turns into a copy wherever the reader
//! runs — over SSH, in tmux (with `set -g set-clipboard on`), in a
//! container — with no X11 or Wayland connection and no helper program.
//!
//! A terminal does not answer an OSC 52 copy, so whether one took it
//! cannot be known; what can be known from the environment is where it
//! will not: the Linux console, GNU screen, tmux with `set-clipboard`
//! off or `external` (its default, which ignores programs' copies), and
//! terminals known to ignore OSC 52. [`support`] reads that, once, at the
//! edge ([`super::run`]); the state only says it.

/// The most text sent at once: terminals cap OSC 52 (xterm and tmux take
/// about 100 kB of base64), and a quote is a paragraph or a section.
pub const MAX_BYTES: usize = 64 * 1024;

/// Whether the terminal can be asked to copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Support {
    /// Nothing says it cannot (most terminals take it; some ask first).
    #[default]
    Likely,
    /// It will not reach a clipboard, and why.
    No(String),
}

/// What the environment says of OSC 52. `var` reads an environment
/// variable; `tmux_clipboard` is tmux's `set-clipboard` option when the
/// reader runs inside tmux (`None` when it could not be read).
pub fn support(var: impl Fn(&str) -> Option<String>, tmux_clipboard: Option<&str>) -> Support {
    let term = var("TERM").unwrap_or_default();
    if term == "linux" || term == "dumb" {
        return Support::No(format!("the {term} console has no clipboard"));
    }
    if var("STY").is_some() {
        return Support::No("GNU screen does not pass OSC 52 on".into());
    }
    if var("TMUX").is_some() {
        return match tmux_clipboard.map(str::trim) {
            Some("on") | None => Support::Likely,
            Some(other) => Support::No(format!(
                "tmux set-clipboard is {other}: set -g set-clipboard on"
            )),
        };
    }
    if var("TERM_PROGRAM").as_deref() == Some("Apple_Terminal") {
        return Support::No("Terminal.app ignores OSC 52".into());
    }
    Support::Likely
}

/// Standard base64 (RFC 4648, with padding).
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that asks the terminal to put `text` on the
/// clipboard (the `c` selection), ended by BEL as tmux and most terminals
/// expect. The text travels as base64: none of its bytes reach the
/// terminal as such.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_the_rfc_says() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(base64("纲目".as_bytes()), "57qy55uu");
        assert_eq!(osc52("foo"), "\x1b]52;c;Zm9v\x07");
    }

    #[test]
    fn where_osc_52_cannot_reach_a_clipboard() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            support(env(&[("TERM", "xterm-256color")]), None),
            Support::Likely
        );
        assert!(matches!(
            support(env(&[("TERM", "linux")]), None),
            Support::No(_)
        ));
        assert!(matches!(
            support(env(&[("TERM", "screen"), ("STY", "1.pts")]), None),
            Support::No(_)
        ));
        let tmux = env(&[("TERM", "tmux-256color"), ("TMUX", "/tmp/t,1,0")]);
        assert_eq!(support(tmux, Some("on\n")), Support::Likely);
        match support(tmux, Some("external")) {
            Support::No(why) => assert!(why.contains("set -g set-clipboard on"), "{why}"),
            s => panic!("{s:?}"),
        }
    }
}

//! The configuration from any text: a config or one located error, never
//! a panic or a hang (nesting, anchors, huge values).
#![no_main]

use gangmu::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(yaml) = std::str::from_utf8(data) else {
        return;
    };
    let names = gangmu::tui::action::Action::names();
    match Config::from_yaml(yaml, "fuzz.yaml", &names) {
        Ok(c) => {
            let _ = c.palette();
        }
        Err(e) => {
            let line = e.to_string();
            assert!(line.starts_with("fuzz.yaml"), "{line}");
            // YAML breaks lines at LF, CR and CRLF; an error may sit just
            // past the last break (the end of the input).
            if let Some(l) = e.line {
                let breaks = yaml.matches(['\n', '\r']).count();
                assert!(l >= 1 && l <= breaks + 2, "{line}");
            }
        }
    }
});

//! Colours and text attributes, from the config's palette (`theme: dark`
//! or `light`; the defaults use only the 16 ANSI colours, so 16-colour
//! terminals work). With `NO_COLOR` every style keeps only its attributes
//! (bold, reverse, underline), which still show the selection and
//! highlights: monochrome wins over any palette.

use ratatui::style::{Color, Modifier, Style};

use crate::compare::{Change, Verdict};
use crate::config::{Config, Palette};

/// The palette's colours by role, resolved once per frame.
#[derive(Clone, Copy, Debug)]
struct Colors {
    title: Color,
    heading: Color,
    marker: Color,
    dim: Color,
    border: Color,
    focus: Color,
    selection_fg: Color,
    selection_bg: Color,
    hit_fg: Color,
    hit_bg: Color,
    target: Color,
    status_fg: Color,
    status_bg: Color,
}

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    color: bool,
    p: Colors,
}

impl Theme {
    /// The default config's palette (dark).
    pub fn new(no_color: bool) -> Theme {
        Theme::from_palette(Config::default().palette(), no_color)
    }

    pub fn from_palette(p: &Palette, no_color: bool) -> Theme {
        Theme {
            color: !no_color,
            p: Colors {
                title: p.title.color(),
                heading: p.heading.color(),
                marker: p.marker.color(),
                dim: p.dim.color(),
                border: p.border.color(),
                focus: p.focus.color(),
                selection_fg: p.selection_fg.color(),
                selection_bg: p.selection_bg.color(),
                hit_fg: p.hit_fg.color(),
                hit_bg: p.hit_bg.color(),
                target: p.target.color(),
                status_fg: p.status_fg.color(),
                status_bg: p.status_bg.color(),
            },
        }
    }

    fn c(&self, style: Style, fg: Option<Color>, bg: Option<Color>) -> Style {
        if !self.color {
            return style;
        }
        let style = match fg {
            Some(c) => style.fg(c),
            None => style,
        };
        match bg {
            Some(c) => style.bg(c),
            None => style,
        }
    }

    pub fn title(&self) -> Style {
        self.c(
            Style::new().add_modifier(Modifier::BOLD),
            Some(self.p.title),
            None,
        )
    }

    /// The highlighted row of a list; reverse when its pane has the focus.
    pub fn selected(&self, focused: bool) -> Style {
        if focused && self.color {
            Style::new()
                .fg(self.p.selection_fg)
                .bg(self.p.selection_bg)
                .add_modifier(Modifier::BOLD)
        } else if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            self.c(
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Some(self.p.focus),
                None,
            )
        }
    }

    pub fn marker(&self) -> Style {
        self.c(
            Style::new().add_modifier(Modifier::BOLD),
            Some(self.p.marker),
            None,
        )
    }

    pub fn theme_title(&self) -> Style {
        self.c(
            Style::new().add_modifier(Modifier::BOLD),
            Some(self.p.title),
            None,
        )
    }

    pub fn section_title(&self) -> Style {
        self.c(
            Style::new().add_modifier(Modifier::BOLD),
            Some(self.p.heading),
            None,
        )
    }

    /// The selected target's words in the detail pane.
    pub fn highlight(&self) -> Style {
        if self.color {
            Style::new()
                .fg(self.p.hit_fg)
                .bg(self.p.hit_bg)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.c(
                Style::new().add_modifier(Modifier::BOLD),
                Some(self.p.focus),
                None,
            )
        } else {
            self.c(Style::new(), Some(self.p.border), None)
        }
    }

    pub fn dim(&self) -> Style {
        self.c(Style::new(), Some(self.p.dim), None)
    }

    /// A target's words in the detail pane (underlined in any case).
    pub fn target(&self) -> Style {
        self.c(
            Style::new().add_modifier(Modifier::UNDERLINED),
            Some(self.p.target),
            None,
        )
    }

    pub fn status(&self) -> Style {
        if self.color {
            Style::new().fg(self.p.status_fg).bg(self.p.status_bg)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn key(&self) -> Style {
        self.c(
            Style::new().add_modifier(Modifier::BOLD),
            Some(self.p.focus),
            None,
        )
    }

    /// A search hit in the text; the current hit is bold and in another
    /// colour. Reverse video either way, so it shows without colours.
    pub fn hit(&self, current: bool) -> Style {
        if current {
            self.c(
                Style::new()
                    .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
                Some(Color::LightRed),
                None,
            )
        } else {
            self.c(
                Style::new().add_modifier(Modifier::REVERSED),
                Some(Color::Yellow),
                None,
            )
        }
    }

    /// A row's change in the compare view: unchanged dim, changed in the
    /// marker's colour, new in the targets', dropped in red (the row's
    /// mark, `=` `~` `+` `-`, says it without colours).
    pub fn change(&self, change: Change) -> Style {
        match change {
            Change::Unchanged => self.dim(),
            Change::Changed => self.marker(),
            Change::New => self.c(
                Style::new().add_modifier(Modifier::BOLD),
                Some(self.p.target),
                None,
            ),
            Change::Dropped => self.c(
                Style::new().add_modifier(Modifier::BOLD),
                Some(Color::LightRed),
                None,
            ),
        }
    }

    /// A verdict in the compare view: met in the targets' colour, missed
    /// in red, unclear in the marker's (`✓` `✗` `?` say it without
    /// colours).
    pub fn verdict(&self, verdict: Verdict) -> Style {
        match verdict {
            Verdict::Met => self.c(Style::new(), Some(self.p.target), None),
            Verdict::Missed => self.c(
                Style::new().add_modifier(Modifier::BOLD),
                Some(Color::LightRed),
                None,
            ),
            Verdict::Unclear => self.c(Style::new(), Some(self.p.marker), None),
        }
    }

    /// The query typed in the prompt.
    pub fn prompt(&self) -> Style {
        Style::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ThemeName;

    #[test]
    fn palettes_colour_and_no_color_wins() {
        let mut c = Config::default();
        let dark = Theme::from_palette(c.palette(), false);
        c.theme = ThemeName::Light;
        let light = Theme::from_palette(c.palette(), false);
        assert_ne!(dark.title(), light.title());
        assert_eq!(light.title().fg, Some(c.colors.light.title.color()));
        let mono = Theme::from_palette(c.palette(), true);
        for st in [
            mono.title(),
            mono.selected(true),
            mono.selected(false),
            mono.highlight(),
            mono.status(),
            mono.target(),
            mono.border(true),
        ] {
            assert_eq!((st.fg, st.bg), (None, None), "{st:?}");
        }
    }
}

//! Colours and text attributes. Only the 16 ANSI colours are used, so
//! 16-colour terminals work; with `NO_COLOR` every style keeps only its
//! attributes (bold, reverse, underline), which still show the selection
//! and highlights.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(no_color: bool) -> Theme {
        Theme { color: !no_color }
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
            Some(Color::Cyan),
            None,
        )
    }

    /// The highlighted row of a list; reverse when its pane has the focus.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            self.c(
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Some(Color::Yellow),
                None,
            )
        }
    }

    pub fn marker(&self) -> Style {
        self.c(
            Style::new().add_modifier(Modifier::BOLD),
            Some(Color::Yellow),
            None,
        )
    }

    pub fn theme_title(&self) -> Style {
        self.c(
            Style::new().add_modifier(Modifier::BOLD),
            Some(Color::Cyan),
            None,
        )
    }

    pub fn section_title(&self) -> Style {
        self.c(
            Style::new().add_modifier(Modifier::BOLD),
            Some(Color::Green),
            None,
        )
    }

    /// The selected target's words in the detail pane.
    pub fn highlight(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.c(
                Style::new().add_modifier(Modifier::BOLD),
                Some(Color::Cyan),
                None,
            )
        } else {
            self.c(Style::new(), Some(Color::DarkGray), None)
        }
    }

    pub fn dim(&self) -> Style {
        self.c(Style::new(), Some(Color::DarkGray), None)
    }

    pub fn status(&self) -> Style {
        self.c(Style::new().add_modifier(Modifier::REVERSED), None, None)
    }

    pub fn key(&self) -> Style {
        self.c(
            Style::new().add_modifier(Modifier::BOLD),
            Some(Color::Cyan),
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

    /// The query typed in the prompt.
    pub fn prompt(&self) -> Style {
        Style::new()
    }
}

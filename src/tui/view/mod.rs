//! Drawing: a pure function of the [`App`] (and its current report).
//! Nothing here changes state or talks to the terminal.

pub mod bookmarks;
pub mod compare;
pub mod detail;
pub mod help;
pub mod library;
pub mod prompt;
pub mod results;
pub mod sidebar;
pub mod status;
pub mod theme;
pub mod tree;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Widget};

use super::action::Mode;
use super::app::App;
use super::geometry;
use super::text::{sanitize, truncate};
use theme::Theme;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if let Some(cursor) = render(frame.buffer_mut(), area, app) {
        frame.set_cursor_position(cursor);
    }
}

/// Draws into a buffer (the snapshot tests call this directly); returns
/// where the terminal's cursor goes (the search prompt's), if shown.
pub fn render(buf: &mut Buffer, area: Rect, app: &App) -> Option<Position> {
    let theme = Theme::from_palette(app.config.palette(), app.no_color);
    let r = app.report();
    let a = geometry::areas_with(
        area.width,
        area.height,
        app.tree_hidden,
        app.sidebar_hidden,
        app.overlay,
        app.pane_widths(),
    );
    if a.too_small {
        let msg = truncate("terminal too small", area.width as usize);
        if area.height > 0 {
            buf.set_stringn(area.x, area.y, &msg, area.width as usize, Style::new());
        }
        return None;
    }
    let title = if r.doc.title().is_empty() {
        sanitize(&r.doc.source).into_owned()
    } else {
        r.display(&r.doc.display_report_title())
    };
    let title = truncate(&title, a.title.width as usize);
    buf.set_stringn(
        a.title.x,
        a.title.y,
        &*title,
        a.title.width as usize,
        theme.title(),
    );

    detail::render(buf, a.text, r, &theme);
    if let Some(t) = a.tree.filter(|_| !a.tree_overlay) {
        tree::render(buf, t, false, app, &theme);
    }
    if let Some(s) = a.sidebar.filter(|_| !a.sidebar_overlay) {
        sidebar::render(buf, s, false, app, &theme);
    }
    if let Some(t) = a.tree.filter(|_| a.tree_overlay) {
        clear_popup_area(buf, t);
        tree::render(buf, t, true, app, &theme);
    }
    if let Some(s) = a.sidebar.filter(|_| a.sidebar_overlay) {
        clear_popup_area(buf, s);
        sidebar::render(buf, s, true, app, &theme);
    }
    status::render(buf, a.status, a.keys, app, &theme);
    let mut cursor = None;
    match app.mode {
        Mode::Help => help::render(buf, area, app, &theme),
        Mode::Search => {
            // Widened to the library: its hits stream in above the prompt.
            if app.library.as_ref().is_some_and(|l| l.wide) {
                library::render_hits(buf, area, app, &theme);
            }
            cursor = prompt::render(buf, a.keys.unwrap_or(a.status), app, &theme);
        }
        Mode::Filter => {
            cursor = prompt::render_filter(buf, a.keys.unwrap_or(a.status), app, &theme);
        }
        Mode::Results => results::render(buf, area, r, &theme),
        Mode::Bookmarks => bookmarks::render(buf, area, app, &theme),
        Mode::Library => library::render_pane(buf, area, app, &theme),
        Mode::LibraryHits => library::render_hits(buf, area, app, &theme),
        Mode::Compare => compare::render(buf, area, app, &theme),
        Mode::Passages => compare::render_passages(buf, area, app, &theme),
        Mode::Normal | Mode::SetMark | Mode::JumpToMark | Mode::Percent => {}
    }
    cursor
}

/// A popup of `w`×`h` cells centred in `area` and cleared (see
/// [`clear_popup_area`]). The caller keeps `w` and `h` within `area`.
pub fn centred_popup(buf: &mut Buffer, area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    clear_popup_area(buf, popup);
    popup
}

/// The frame of a side pane: a titled box when it floats as an overlay,
/// else a single rule on the side (`docked_border`) that faces the text.
pub fn pane_block(
    overlay: bool,
    title: &'static str,
    docked_border: Borders,
    focused: bool,
    theme: &Theme,
) -> Block<'static> {
    if overlay {
        Block::new()
            .borders(Borders::ALL)
            .title(title)
            .border_style(theme.border(focused))
    } else {
        Block::new()
            .borders(docked_border)
            .border_style(theme.border(false))
    }
}

/// A centred, cleared popup with a border and a title; returns the area
/// inside the border (empty when there is no room).
pub fn bordered_popup(
    buf: &mut Buffer,
    area: Rect,
    w: u16,
    h: u16,
    title: String,
    theme: &Theme,
) -> Rect {
    let popup = centred_popup(buf, area, w, h);
    Block::new()
        .borders(Borders::ALL)
        .title(title)
        .border_style(theme.border(true))
        .render(popup, buf);
    Rect::new(
        popup.x + 1,
        popup.y + 1,
        popup.width.saturating_sub(2),
        popup.height.saturating_sub(2),
    )
}

/// Blanks a popup's area, and any wide character that straddles its left
/// or right edge, so no half of a wide character is left behind
/// (ratatui#2526).
pub fn clear_popup_area(buf: &mut Buffer, r: Rect) {
    let area = buf.area;
    for y in r.top()..r.bottom() {
        if r.x > area.x {
            let left = &mut buf[(r.x - 1, y)];
            if super::text::str_width(left.symbol()) > 1 {
                left.reset();
            }
        }
        if r.right() < area.right() && r.width > 0 {
            let last = &buf[(r.right() - 1, y)];
            if super::text::str_width(last.symbol()) > 1 {
                buf[(r.right(), y)].reset();
            }
        }
        for x in r.left()..r.right() {
            buf[(x, y)].reset();
        }
    }
}

/// Writes `s` cut to `width` cells.
pub fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, width: u16, style: Style) -> u16 {
    let s = truncate(s, width as usize);
    buf.set_stringn(x, y, &*s, width as usize, style).0
}

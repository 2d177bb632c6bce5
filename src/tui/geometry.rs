//! Where each pane goes for a terminal size: shared by the view (to draw)
//! and the state (for mouse clicks and page sizes), so that neither asks
//! the other. [`Viewport`] is what a report's state needs of it.

use ratatui::layout::Rect;

/// Which pane floats over the detail pane on a narrow terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Tree,
    Sidebar,
}

/// Terminals narrower than this show the sidebar as an overlay.
pub const SIDEBAR_DOCK_MIN: u16 = 100;
/// Terminals narrower than this show the tree as an overlay.
pub const TREE_DOCK_MIN: u16 = 60;
/// Below this size only a notice is shown.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;

/// The panes' rectangles. Overlays are drawn last, over the detail pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub too_small: bool,
    pub title: Rect,
    /// The tree, docked or as an overlay (see `tree_overlay`).
    pub tree: Option<Rect>,
    pub tree_overlay: bool,
    pub detail: Rect,
    pub sidebar: Option<Rect>,
    pub sidebar_overlay: bool,
    pub status: Rect,
    /// The row of keys, when there is room for it.
    pub keys: Option<Rect>,
}

/// The docked panes' widths as configured (`panes:` in the config).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaneWidths {
    pub tree: u16,
    pub sidebar: u16,
}

impl Default for PaneWidths {
    /// The default config's widths.
    fn default() -> PaneWidths {
        PaneWidths {
            tree: 34,
            sidebar: 30,
        }
    }
}

/// The detail pane keeps at least this many columns beside docked panes.
pub const DETAIL_MIN: u16 = 30;

/// Lays out the screen with the default pane widths.
pub fn areas(
    width: u16,
    height: u16,
    tree_hidden: bool,
    sidebar_hidden: bool,
    overlay: Option<Overlay>,
) -> Areas {
    areas_with(
        width,
        height,
        tree_hidden,
        sidebar_hidden,
        overlay,
        PaneWidths::default(),
    )
}

/// Lays out the screen. Docked panes get their configured widths, cut so
/// that the tree takes at most two fifths of the screen, the sidebar a
/// third, and the detail pane keeps [`DETAIL_MIN`] columns.
pub fn areas_with(
    width: u16,
    height: u16,
    tree_hidden: bool,
    sidebar_hidden: bool,
    overlay: Option<Overlay>,
    widths: PaneWidths,
) -> Areas {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let keys_row = height >= 10;
    let bottom = if keys_row { 2 } else { 1 };
    let title = Rect::new(0, 0, width, 1);
    let body = Rect::new(0, 1, width, height - 1 - bottom);
    let status = Rect::new(0, height - bottom, width, 1);
    let keys = keys_row.then(|| Rect::new(0, height - 1, width, 1));
    let mut a = Areas {
        title,
        status,
        keys,
        detail: body,
        ..Areas::default()
    };
    let mut x = body.x;
    let mut w = body.width;
    if width >= TREE_DOCK_MIN && !tree_hidden {
        let tw = widths.tree.min(width * 2 / 5).max(12);
        a.tree = Some(Rect::new(x, body.y, tw, body.height));
        x += tw;
        w -= tw;
    }
    if width >= SIDEBAR_DOCK_MIN && !sidebar_hidden {
        let sw = widths
            .sidebar
            .min(width / 3)
            .min(w.saturating_sub(DETAIL_MIN))
            .max(12);
        a.sidebar = Some(Rect::new(x + w - sw, body.y, sw, body.height));
        w -= sw;
    }
    a.detail = Rect::new(x, body.y, w, body.height);
    match overlay {
        Some(Overlay::Tree) if a.tree.is_none() => {
            a.tree = Some(Rect::new(0, body.y, width.min(40), body.height));
            a.tree_overlay = true;
        }
        Some(Overlay::Sidebar) if a.sidebar.is_none() => {
            let sw = width.min(38);
            a.sidebar = Some(Rect::new(width - sw, body.y, sw, body.height));
            a.sidebar_overlay = true;
        }
        _ => {}
    }
    a
}

/// The height of a centred list popup (the help, the bookmarks) of `rows`
/// rows on a screen `height` rows high, border included.
pub fn popup_height(height: u16, rows: usize) -> u16 {
    (rows.max(1).min(u16::MAX as usize - 2) as u16 + 2)
        .min(height.saturating_sub(2))
        .max(3.min(height))
}

/// Rows a centred list popup of `rows` rows shows (inside its border).
pub fn popup_rows(height: u16, rows: usize) -> usize {
    popup_height(height, rows).saturating_sub(2) as usize
}

/// The sizes a report's state works with: how wide its text is laid out
/// and how many rows each of its panes and lists shows (at least 1 each,
/// so pages always move). Set on the report by the app at each layout
/// change; a pane that is hidden keeps a size of 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Viewport {
    /// Columns of the detail pane's text.
    pub text_width: u16,
    /// Rows of the detail pane.
    pub detail_height: usize,
    /// Rows inside the tree pane.
    pub tree_height: usize,
    /// Rows inside the sidebar.
    pub sidebar_height: usize,
    /// Rows of the list of hits.
    pub results_height: usize,
    /// The screen's height, for the popups sized by their rows.
    pub screen_height: u16,
}

impl Viewport {
    /// The sizes of the panes laid out in `a` on a `width`×`height` screen.
    pub fn of(a: &Areas, width: u16, height: u16) -> Viewport {
        Viewport {
            text_width: detail_text(a.detail).width.max(1),
            detail_height: (a.detail.height as usize).max(1),
            tree_height: a
                .tree
                .map_or(1, |t| tree_inner(t, a.tree_overlay).height as usize)
                .max(1),
            sidebar_height: a
                .sidebar
                .map_or(1, |s| sidebar_inner(s, a.sidebar_overlay).height as usize)
                .max(1),
            results_height: results_list_height(width, height).max(1),
            screen_height: height,
        }
    }

    /// Rows a centred list popup of `rows` rows shows (at least 1).
    pub fn popup_rows(&self, rows: usize) -> usize {
        popup_rows(self.screen_height, rows).max(1)
    }
}

/// The list of hits' rectangle on a screen: the body, one cell in from
/// the sides.
pub fn results_area(width: u16, height: u16) -> Rect {
    let w = width.saturating_sub(4).max(1);
    let h = height.saturating_sub(4).max(3);
    Rect::new(
        width.saturating_sub(w) / 2,
        1,
        w,
        h.min(height.saturating_sub(1)),
    )
}

/// Rows of hits the list of hits shows.
pub fn results_list_height(width: u16, height: u16) -> usize {
    results_area(width, height).height.saturating_sub(2) as usize
}

/// The text area of the detail pane: one cell of margin on each side.
pub fn detail_text(detail: Rect) -> Rect {
    if detail.width > 4 {
        Rect::new(detail.x + 1, detail.y, detail.width - 2, detail.height)
    } else {
        detail
    }
}

/// Inside a docked tree (right border) or an overlay (full border).
pub fn tree_inner(tree: Rect, overlay: bool) -> Rect {
    if overlay {
        inset(tree)
    } else {
        Rect::new(tree.x, tree.y, tree.width.saturating_sub(1), tree.height)
    }
}

/// Inside a docked sidebar (left border) or an overlay (full border).
pub fn sidebar_inner(sidebar: Rect, overlay: bool) -> Rect {
    if overlay {
        inset(sidebar)
    } else {
        Rect::new(
            sidebar.x + 1,
            sidebar.y,
            sidebar.width.saturating_sub(1),
            sidebar.height,
        )
    }
}

fn inset(r: Rect) -> Rect {
    Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_size_fits() {
        for w in 0..130 {
            for h in 0..45 {
                for ov in [None, Some(Overlay::Tree), Some(Overlay::Sidebar)] {
                    let a = areas_with(
                        w,
                        h,
                        false,
                        false,
                        ov,
                        PaneWidths {
                            tree: 200,
                            sidebar: 200,
                        },
                    );
                    for r in [
                        Some(a.title),
                        a.tree,
                        Some(a.detail),
                        a.sidebar,
                        Some(a.status),
                        a.keys,
                    ]
                    .into_iter()
                    .flatten()
                    {
                        assert!(r.right() <= w && r.bottom() <= h, "{w}x{h}: {r:?}");
                    }
                    // The state's sizes exist at every size, even too small.
                    let v = Viewport::of(&a, w, h);
                    assert!(v.text_width >= 1 && v.results_height >= 1 && v.popup_rows(9) >= 1);
                }
            }
        }
    }
}

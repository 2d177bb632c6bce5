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

/// Terminals narrower than this show the tree as an overlay.
pub const TREE_DOCK_MIN: u16 = 60;
/// Below this size only a notice is shown.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// The reading width the docking of the sidebar reckons with when the
/// config sets no maximum (`max_width: 0`).
pub const NOMINAL_TEXT: u16 = 80;
/// The widest the sidebar and the tree grow on wide screens.
pub const SIDEBAR_MAX: u16 = 60;
pub const TREE_MAX: u16 = 50;

/// The panes' rectangles. Overlays are drawn last, over the detail pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub too_small: bool,
    pub title: Rect,
    /// The tree, docked or as an overlay (see `tree_overlay`).
    pub tree: Option<Rect>,
    pub tree_overlay: bool,
    pub detail: Rect,
    /// The text column inside the detail pane: at most the reading width,
    /// centred.
    pub text: Rect,
    /// The sidebar, docked or as an overlay over the lower half of the
    /// text (see `sidebar_overlay`), so that the passage a target goes to
    /// shows above it.
    pub sidebar: Option<Rect>,
    pub sidebar_overlay: bool,
    pub status: Rect,
    /// The row of keys, when there is room for it.
    pub keys: Option<Rect>,
}

/// The docked panes' widths and the reading width, as configured
/// (`panes:` and `display.max_width` in the config).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaneWidths {
    /// The tree's width (at least, where it docks).
    pub tree: u16,
    /// The sidebar's width (at least, where it docks).
    pub sidebar: u16,
    /// The widest the text column gets; 0: no maximum.
    pub text: u16,
}

impl Default for PaneWidths {
    /// The default config's widths.
    fn default() -> PaneWidths {
        PaneWidths {
            tree: 34,
            sidebar: 30,
            text: 80,
        }
    }
}

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

/// The tree's docked width before wide screens give it more: as
/// configured, at most two fifths of the screen; 0 where it does not dock.
fn tree_base(width: u16, tree_hidden: bool, widths: PaneWidths) -> u16 {
    if width >= TREE_DOCK_MIN && !tree_hidden {
        widths.tree.min(width * 2 / 5).max(12)
    } else {
        0
    }
}

/// Columns left over once the tree, the full reading width (with its
/// margins) and the sidebar's least width are placed; negative where they
/// do not all fit.
fn spare(width: u16, tree_hidden: bool, widths: PaneWidths) -> i32 {
    let text = if widths.text == 0 {
        NOMINAL_TEXT
    } else {
        widths.text
    };
    width as i32
        - tree_base(width, tree_hidden, widths) as i32
        - text as i32
        - 2
        - widths.sidebar.max(12) as i32
}

/// Whether the sidebar docks beside the text at this width: only where
/// the text keeps its full reading width beside it, so that the text's
/// width never jumps when the window grows by a column.
pub fn sidebar_docks(width: u16, tree_hidden: bool, widths: PaneWidths) -> bool {
    spare(width, tree_hidden, widths) >= 0
}

/// Lays out the screen. The tree docks from [`TREE_DOCK_MIN`] columns with
/// its configured width (at most two fifths of the screen); the sidebar
/// docks where the text keeps its reading width beside it
/// ([`sidebar_docks`]). What is left over on wide screens goes half to
/// the sidebar, a quarter to the tree (up to [`SIDEBAR_MAX`] and
/// [`TREE_MAX`]) and the rest to the text's margins; the text column is
/// centred in the detail pane.
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
    let spare = spare(width, tree_hidden, widths).max(0) as u16;
    let mut x = body.x;
    let mut w = body.width;
    let tree_w = tree_base(width, tree_hidden, widths);
    if tree_w > 0 {
        let tw = tree_w + (spare / 4).min(TREE_MAX.saturating_sub(tree_w));
        a.tree = Some(Rect::new(x, body.y, tw, body.height));
        x += tw;
        w -= tw;
    }
    if !sidebar_hidden && sidebar_docks(width, tree_hidden, widths) {
        let least = widths.sidebar.max(12);
        let sw = least + (spare / 2).min(SIDEBAR_MAX.saturating_sub(least));
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
            let h = body.height.div_ceil(2).max(3).min(body.height);
            a.sidebar = Some(Rect::new(a.detail.x, body.bottom() - h, a.detail.width, h));
            a.sidebar_overlay = true;
        }
        _ => {}
    }
    a.text = text_column(a.detail, widths.text);
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
            text_width: a.text.width.max(1),
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

/// The list of hits' rectangle on a screen: the whole body, so that
/// nothing of the panes shows beside it.
pub fn results_area(width: u16, height: u16) -> Rect {
    let bottom = if height >= 10 { 2 } else { 1 };
    Rect::new(
        0,
        1.min(height),
        width,
        height
            .saturating_sub(1 + bottom)
            .max(3)
            .min(height.saturating_sub(1)),
    )
}

/// Rows of hits the list of hits shows.
pub fn results_list_height(width: u16, height: u16) -> usize {
    results_area(width, height).height.saturating_sub(2) as usize
}

/// The text column of a detail pane: one cell of margin on each side, at
/// most `max` columns wide (0: no maximum), centred.
pub fn text_column(detail: Rect, max: u16) -> Rect {
    if detail.width <= 4 {
        return detail;
    }
    let inner = Rect::new(detail.x + 1, detail.y, detail.width - 2, detail.height);
    let w = if max == 0 {
        inner.width
    } else {
        inner.width.min(max)
    };
    Rect::new(inner.x + (inner.width - w) / 2, inner.y, w, inner.height)
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

    /// The text column's width at each screen width, with the default
    /// panes, the sidebar shown.
    fn text_width(w: u16) -> u16 {
        areas(w, 30, false, false, None).text.width
    }

    #[test]
    fn the_text_width_never_jumps_when_the_window_grows() {
        for w in MIN_WIDTH..400 {
            let (a, b) = (text_width(w), text_width(w + 1));
            if w + 1 != TREE_DOCK_MIN {
                assert!(b >= a && b <= a + 1, "{w}: {a} → {b}");
            }
            assert!(b <= 80, "{w}: {b}");
        }
        // Where the sidebar docks, the text keeps its 80 columns.
        let docks = (100..400)
            .find(|&w| areas(w, 30, false, false, None).sidebar.is_some())
            .unwrap();
        assert_eq!(text_width(docks - 1), 80);
        assert_eq!(text_width(docks), 80);
        assert_eq!(docks, 34 + 82 + 30);
    }

    #[test]
    fn the_sidebar_grows_with_the_window_and_the_text_is_centred() {
        let a = areas(200, 60, false, false, None);
        let s = a.sidebar.unwrap();
        assert!(s.width > 30 && s.width <= SIDEBAR_MAX, "{s:?}");
        assert!(a.tree.unwrap().width > 34);
        let t = a.text;
        let left = t.x - a.detail.x;
        let right = a.detail.right() - t.right();
        assert_eq!(t.width, 80);
        assert!(left.abs_diff(right) <= 1, "{left} {right}");
        // No maximum: the text takes the pane.
        let wide = PaneWidths {
            text: 0,
            ..PaneWidths::default()
        };
        let a = areas_with(200, 60, false, false, None, wide);
        assert_eq!(a.text.width, a.detail.width - 2);
    }

    #[test]
    fn the_sidebar_overlay_leaves_the_top_of_the_text_shown() {
        for (w, h) in [(40, 15), (80, 24), (120, 40)] {
            let a = areas(w, h, false, false, Some(Overlay::Sidebar));
            let s = a.sidebar.unwrap();
            assert!(a.sidebar_overlay);
            assert!(
                s.y >= a.detail.y + a.detail.height / 2 - 1,
                "{w}x{h}: {s:?}"
            );
            assert_eq!(s.bottom(), a.detail.bottom());
            assert_eq!((s.x, s.right()), (a.detail.x, a.detail.right()));
        }
    }

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
                            text: 80,
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
                    assert!(a.text.right() <= w && a.text.x >= a.detail.x || a.too_small);
                    // The state's sizes exist at every size, even too small.
                    let v = Viewport::of(&a, w, h);
                    assert!(v.text_width >= 1 && v.results_height >= 1 && v.popup_rows(9) >= 1);
                }
            }
        }
    }
}

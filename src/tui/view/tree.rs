//! The outline tree: one row per shown node, indented by depth, with fold
//! arrows, cut with `…` at the pane's width.
//!
//! An own widget rather than tui-tree-widget 0.24: that one cuts labels by
//! cells without `…`, has no per-row counts, and knows only open/closed,
//! while this tree needs org-mode cycling and rows computed from the
//! document's arena without copying labels.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Borders, Widget};

use super::theme::Theme;
use super::{pane_block, put};
use crate::tui::app::{App, Focus};
use crate::tui::geometry;
use crate::tui::text::str_width;

pub fn render(buf: &mut Buffer, area: Rect, overlay: bool, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Tree;
    let r = app.report();
    let tree = &r.tree;
    // A report shown from its head: its tree is still growing.
    let title = match r.loading {
        true => " 目录 outline · reading… ",
        false => " 目录 outline ",
    };
    pane_block(overlay, title, Borders::RIGHT, focused, theme).render(area, buf);
    let inner = geometry::tree_inner(area, overlay);
    if inner.width == 0 {
        return;
    }
    let selected = tree.selected();
    let rows = tree
        .visible
        .iter()
        .skip(tree.list.offset())
        .take(inner.height as usize);
    for (i, &id) in rows.enumerate() {
        let y = inner.y + i as u16;
        let node = r.doc.outline.node(id);
        let arrow = if !r.doc.outline.has_children(id) {
            "  "
        } else if tree.expanded[id] {
            "▾ "
        } else {
            "▸ "
        };
        let label = r.doc.node_label(id);
        let row = format!("{}{}{}", "  ".repeat(node.depth), arrow, r.display(&label));
        let hits = r.search.counts.total(id);
        let count = if hits > 0 {
            format!(" ({hits})")
        } else {
            String::new()
        };
        let selected = selected == Some(id);
        let style = if selected {
            theme.selected(focused)
        } else if node.depth == 0 {
            theme.theme_title()
        } else {
            ratatui::style::Style::new()
        };
        if selected {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
        let cw = (str_width(&count) as u16).min(inner.width / 2);
        let x = put(buf, inner.x, y, &row, inner.width - cw, style);
        if cw > 0 {
            put(buf, x, y, &count, cw, style.patch(theme.dim()));
        }
    }
}

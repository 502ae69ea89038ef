//! Where the keyboard focus goes after an add or a move in the browser: set once the
//! rows are drawn again, on the next frame.

use super::moves::Moved;
use crate::components::focus_element;
use crate::model::{EditOp, V2momContent, field};
use leptos::prelude::*;

/// After an "add", the empty row it offers; after a move, the button that moved the row,
/// wherever the row is now (pressing it again moves the row further). A CSS selector.
pub(super) fn target(content: &V2momContent, op: EditOp, moved: Option<&Moved>) -> Option<String> {
    match moved {
        Some(moved) => Some(format!("button[name=\"op\"][value=\"{}\"]", moved.button)),
        None => new_row_field(content, op).map(|id| format!("[id=\"field-{id}\"]")),
    }
}

/// Focuses what `selector` finds once the redrawn rows are on screen, unless the user has
/// put the focus somewhere else meanwhile (a slow machine, a quick hand): text they type
/// into another field must not land in this one. Called before the redraw, which keeps the
/// focused button where it draws it in place and drops it to the body where it does not.
pub(super) fn after_redraw(selector: String) {
    let focused_before = document().active_element();
    request_animation_frame(move || {
        let document = document();
        let focused = document.active_element();
        let moved_on = focused != focused_before
            && focused.is_some_and(|f| !f.tag_name().eq_ignore_ascii_case("body"));
        if let (false, Ok(Some(element))) = (moved_on, document.query_selector(&selector)) {
            focus_element(&element);
        }
    });
}

/// The first field of the empty row an "add" leaves the cursor in.
fn new_row_field(content: &V2momContent, op: EditOp) -> Option<String> {
    let last = |n: usize| n.saturating_sub(1);
    match op {
        EditOp::AddValue => Some(field::value(last(content.values.len()), "name")),
        EditOp::AddMethod => Some(field::method(last(content.methods.len()), "title")),
        EditOp::AddObstacle { method } => content
            .methods
            .get(method)
            .map(|m| field::obstacle(method, last(m.obstacles.len()))),
        EditOp::AddMeasure { method } => content
            .methods
            .get(method)
            .map(|m| field::measure(method, last(m.measures.len()), "description")),
        _ => None,
    }
}

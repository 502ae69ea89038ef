//! People: who one may see ([`directory`]) and the administrators' work on accounts
//! ([`admin`]). Inviting someone is in `invitations`.

mod admin;
mod directory;
mod fields;

pub use admin::{
    PER_PAGE, Placement, change_placement, get, managed, manager_choices, search, set_active,
    unlock,
};
pub use directory::{person, team, visible};
pub(crate) use fields::{optional_texts, parse_manager, require_known_manager};

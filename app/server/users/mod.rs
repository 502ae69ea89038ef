//! People: who one may see ([`directory`]), the administrators' work on accounts
//! ([`admin`]) and erasing a person ([`erase`]). Inviting someone is in `invitations`.

mod admin;
mod directory;
mod erase;
mod fields;

pub use admin::{
    PER_PAGE, Placement, change_placement, get, managed, manager_choices, search, set_active,
    unlock,
};
pub(crate) use admin::{Placed, place};
pub use directory::{person, team, visible};
pub use erase::{TheirV2moms, erase};
pub(crate) use fields::{optional_texts, parse_manager, require_known_manager};

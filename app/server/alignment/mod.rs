//! The period's organisation as a tree, each person with their V2MOM and how many of its
//! methods are aligned. (Which methods may align to which lives with the V2MOMs.)

mod tree;

pub use tree::tree;

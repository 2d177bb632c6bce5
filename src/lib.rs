//! gangmu
pub mod layout;

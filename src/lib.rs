//! gangmu

//! Charts (filled in by the skeleton).

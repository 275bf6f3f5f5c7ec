//! Partial periods: the months a dated figure covers when the text says they are
//! not a whole calendar year ("au cours des huit premiers mois de 2025", "premier
//! semestre de 2024", "de juillet à décembre 2024", "de 2022 à la fin d'août
//! 2025", "au 1er juillet 2025").
//!
//! Invariant: a period is only ever read from the words that state the fact's own
//! (last) year, inside the fact's sentence and a bounded window around its number:
//! time linear in the text, no rule keyed on one sentence. A whole calendar year,
//! or a stock at a year boundary ("au 1er janvier", "au 31 décembre"), is no
//! period: that is what a yearly figure already means.

use serde::{Serialize, Serializer};

/// A month of a year, serialised `"2025-08"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    pub year: i32,
    /// 1 (January) to 12 (December).
    pub month: u8,
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The months a figure covers, `from` and `to` inclusive, when they are not one
/// whole calendar year. A stock counted on a day ("au 1er juillet 2025") has
/// `from == to` and that day in `as_of`.
///
/// Serialised as `{"from":"2025-01","to":"2025-08"}`, with `"as_of":"2025-07-01"`
/// for a stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Month,
    pub to: Month,
    /// The day of `to` a stock was counted on.
    pub as_of: Option<u8>,
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("from", &self.from)?;
        map.serialize_entry("to", &self.to)?;
        if let Some(day) = self.as_of {
            map.serialize_entry("as_of", &format!("{}-{day:02}", self.to))?;
        }
        map.end()
    }
}

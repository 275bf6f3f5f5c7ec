//! Data read at build time: `build.rs` turns the two catalogues
//! (`data/reports/reports.toml`, `data/series.toml`) into static [`Value`] trees,
//! and the crate reads them with its own `serde` derives through the deserializer
//! here. No TOML parser ships in the wasm, and nothing here knows the catalogues'
//! fields: a field added to a catalogue's struct needs no change here or in
//! `build.rs`.
//!
//! Invariant: a tree holds exactly what the TOML file says (tables keep their key
//! order, dates are strings); reading it gives what `toml::from_str` would give.

use serde::de::value::{MapDeserializer, SeqDeserializer, StrDeserializer};
use serde::de::{self, IntoDeserializer, Visitor};

/// A TOML value, built at compile time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Str(&'static str),
    Int(i64),
    Float(f64),
    Bool(bool),
    Array(&'static [Value]),
    Table(&'static [(&'static str, Value)]),
}

impl Value {
    /// The value at `key` of a table; `None` for a missing key or another kind.
    pub fn get(&self, key: &str) -> Option<&'static Value> {
        match self {
            Value::Table(entries) => entries.iter().find(|(k, _)| *k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&'static str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value as JSON (tables keep their order).
    pub fn to_json(&self) -> serde_json::Value {
        match *self {
            Value::Str(s) => serde_json::Value::from(s),
            Value::Int(i) => serde_json::Value::from(i),
            Value::Float(f) => serde_json::Value::from(f),
            Value::Bool(b) => serde_json::Value::from(b),
            Value::Array(items) => items.iter().map(Value::to_json).collect(),
            Value::Table(entries) => serde_json::Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| ((*k).to_string(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

/// Why a tree could not be read as the type asked: a field missing, unknown or
/// of the wrong type, said as serde says it.
pub type Error = de::value::Error;

/// The trees `build.rs` wrote: `REPORTS` (reports.toml), `SERIES` (series.toml) and
/// `I18N_FR`, `I18N_EN`, `I18N_RU`, `I18N_KK` (the string tables).
pub mod catalogues {
    use super::Value;
    include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));
}

/// Reads a tree as `T`.
pub fn read<T: de::DeserializeOwned>(value: &'static Value) -> Result<T, Error> {
    T::deserialize(Reader(value))
}

/// A deserializer over one value of a tree.
#[derive(Clone, Copy)]
struct Reader(&'static Value);

impl<'de> IntoDeserializer<'de, Error> for Reader {
    type Deserializer = Reader;
    fn into_deserializer(self) -> Reader {
        self
    }
}

impl<'de> de::Deserializer<'de> for Reader {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match *self.0 {
            Value::Str(s) => visitor.visit_str(s),
            Value::Int(i) => visitor.visit_i64(i),
            Value::Float(f) => visitor.visit_f64(f),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Array(items) => {
                let mut seq = SeqDeserializer::new(items.iter().map(Reader));
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Value::Table(entries) => {
                let mut map = MapDeserializer::new(
                    entries
                        .iter()
                        .map(|(key, value)| (StrKey(key), Reader(value))),
                );
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    /// A value that is there is `Some`: an absent field is `None` by `#[serde(default)]`.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    /// Enums are written as their variant's name, as in TOML: `unit = "count"`.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match *self.0 {
            Value::Str(s) => visitor.visit_enum(StrDeserializer::<Error>::new(s)),
            _ => self.deserialize_any(EnumExpected(name, variants, visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// A table's key.
struct StrKey(&'static str);

impl<'de> IntoDeserializer<'de, Error> for StrKey {
    type Deserializer = StrDeserializer<'de, Error>;
    fn into_deserializer(self) -> Self::Deserializer {
        StrDeserializer::new(self.0)
    }
}

/// Passes anything but a string on to the enum's visitor, which rejects it with
/// serde's own message ("invalid type: integer `3`, expected enum Unit").
struct EnumExpected<V>(&'static str, &'static [&'static str], V);

impl<'de, V: Visitor<'de>> Visitor<'de> for EnumExpected<V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "enum {} (one of {:?})", self.0, self.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Colour {
        Red,
        DarkBlue,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        name: String,
        colour: Colour,
        #[serde(default)]
        range: Option<[f64; 2]>,
        #[serde(default)]
        tags: Vec<String>,
        year: i32,
        flag: bool,
    }

    static ITEM: Value = Value::Table(&[
        ("name", Value::Str("a \"b\"")),
        ("colour", Value::Str("dark_blue")),
        ("range", Value::Array(&[Value::Int(0), Value::Float(2.5)])),
        ("year", Value::Int(2019)),
        ("flag", Value::Bool(true)),
    ]);

    #[test]
    fn a_tree_reads_as_its_type_with_defaults_options_and_enums() -> Result<(), Error> {
        let item: Item = read(&ITEM)?;
        assert_eq!(
            item,
            Item {
                name: "a \"b\"".into(),
                colour: Colour::DarkBlue,
                range: Some([0.0, 2.5]),
                tags: vec![],
                year: 2019,
                flag: true,
            }
        );
        Ok(())
    }

    static UNKNOWN: Value = Value::Table(&[
        ("name", Value::Str("a")),
        ("colour", Value::Str("red")),
        ("year", Value::Int(1)),
        ("flag", Value::Bool(false)),
        ("colour_of_sky", Value::Str("blue")),
    ]);
    static BAD_ENUM: Value = Value::Table(&[
        ("name", Value::Str("a")),
        ("colour", Value::Int(3)),
        ("year", Value::Int(1)),
        ("flag", Value::Bool(false)),
    ]);
    static TOO_BIG: Value = Value::Table(&[
        ("name", Value::Str("a")),
        ("colour", Value::Str("red")),
        ("year", Value::Int(1 << 40)),
        ("flag", Value::Bool(false)),
    ]);

    #[test]
    fn the_baked_series_catalogue_is_the_toml_file() -> Result<(), Box<dyn std::error::Error>> {
        use crate::series::catalogue::Catalogue;
        let text = std::fs::read_to_string("data/series.toml")?;
        assert_eq!(Catalogue::bundled()?, Catalogue::parse(&text)?);
        Ok(())
    }

    #[test]
    fn a_tree_that_does_not_fit_its_type_is_an_error_that_says_why() {
        let message = |v: &'static Value| read::<Item>(v).err().map(|e| e.to_string());
        assert!(message(&UNKNOWN).is_some_and(|m| m.contains("unknown field `colour_of_sky`")));
        assert!(message(&BAD_ENUM).is_some_and(|m| m.contains("enum")));
        assert!(message(&TOO_BIG).is_some_and(|m| m.contains("1099511627776")));
    }
}

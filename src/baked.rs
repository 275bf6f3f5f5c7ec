//! Data read at build time: `build.rs` turns the two catalogues
//! (`data/reports/reports.toml`, `data/series.toml`) into static [`Value`] trees,
//! and the crate reads them with [`FromTree`], implemented by each catalogue type
//! next to its definition (one line a field, with [`Fields`]). No TOML parser
//! ships in the wasm, and nothing here or in `build.rs` knows the catalogues'
//! fields. [`read`] reads a tree with the types' serde derives instead: the tests
//! hold the two readings equal, and the wasm does without serde's deserializing
//! code (44 KB of it, measured).
//!
//! Invariant: a tree holds exactly what the TOML file says (tables keep their key
//! order, dates are strings); reading it, with [`FromTree`] or [`read`], gives
//! what `toml::from_str` would give.

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

/// A Rust value read from a tree by hand, without serde: the crate's catalogue types
/// implement it next to their definitions (one line a field, with [`Fields`]).
/// serde's derives over [`Reader`] cost the wasm 64 KB of code (about 20 KB
/// gzipped) and a TurboFan compilation of the reader at every start-up, for two
/// small catalogues; the tests hold the two readings equal
/// (`the_baked_series_catalogue_is_the_toml_file` and the reports' one).
pub trait FromTree: Sized {
    fn from_tree(value: &'static Value) -> Result<Self, Error>;
}

/// Says what a value is, for an error: "invalid type: integer `3`, expected a string".
fn invalid(value: &Value, expected: &str) -> Error {
    use de::Unexpected;
    let unexpected = match *value {
        Value::Str(s) => Unexpected::Str(s),
        Value::Int(i) => Unexpected::Signed(i),
        Value::Float(f) => Unexpected::Float(f),
        Value::Bool(b) => Unexpected::Bool(b),
        Value::Array(_) => Unexpected::Seq,
        Value::Table(_) => Unexpected::Map,
    };
    de::Error::invalid_type(unexpected, &expected)
}

impl FromTree for String {
    fn from_tree(value: &'static Value) -> Result<String, Error> {
        value
            .as_str()
            .map(String::from)
            .ok_or_else(|| invalid(value, "a string"))
    }
}

impl FromTree for i32 {
    fn from_tree(value: &'static Value) -> Result<i32, Error> {
        match *value {
            Value::Int(i) => i32::try_from(i)
                .map_err(|_| de::Error::invalid_value(de::Unexpected::Signed(i), &"an i32")),
            _ => Err(invalid(value, "an integer")),
        }
    }
}

impl FromTree for f64 {
    /// An integer is a number too (`values = [0, 100]`), as serde reads it.
    fn from_tree(value: &'static Value) -> Result<f64, Error> {
        match *value {
            Value::Float(f) => Ok(f),
            Value::Int(i) => Ok(i as f64),
            _ => Err(invalid(value, "a number")),
        }
    }
}

impl FromTree for bool {
    fn from_tree(value: &'static Value) -> Result<bool, Error> {
        match *value {
            Value::Bool(b) => Ok(b),
            _ => Err(invalid(value, "a boolean")),
        }
    }
}

impl<T: FromTree> FromTree for Vec<T> {
    fn from_tree(value: &'static Value) -> Result<Vec<T>, Error> {
        match value {
            Value::Array(items) => items.iter().map(T::from_tree).collect(),
            _ => Err(invalid(value, "an array")),
        }
    }
}

impl<T: FromTree> FromTree for [T; 2] {
    fn from_tree(value: &'static Value) -> Result<[T; 2], Error> {
        match value {
            Value::Array([a, b]) => Ok([T::from_tree(a)?, T::from_tree(b)?]),
            Value::Array(items) => Err(de::Error::invalid_length(items.len(), &"2 items")),
            _ => Err(invalid(value, "an array of 2 items")),
        }
    }
}

/// A value that is there is `Some`: an absent field is `None` ([`Fields::optional`]).
impl<T: FromTree> FromTree for Option<T> {
    fn from_tree(value: &'static Value) -> Result<Option<T>, Error> {
        T::from_tree(value).map(Some)
    }
}

/// An enum of unit variants written as a variant's name (`unit = "count"`), named
/// as the enum's own serde derive names them.
pub fn variant<T: de::DeserializeOwned>(value: &'static Value) -> Result<T, Error> {
    match *value {
        Value::Str(s) => T::deserialize(StrDeserializer::<Error>::new(s)),
        _ => Err(invalid(value, "a string naming a variant")),
    }
}

/// A table being read into a struct: each field by name, a missing optional one
/// at its default, and any name the struct does not know an error.
pub struct Fields {
    entries: &'static [(&'static str, Value)],
}

impl Fields {
    /// The table `value`, whose keys must all be among `known`.
    pub fn of(value: &'static Value, known: &'static [&'static str]) -> Result<Fields, Error> {
        let Value::Table(entries) = value else {
            return Err(invalid(value, "a table"));
        };
        if let Some((key, _)) = entries.iter().find(|(key, _)| !known.contains(key)) {
            return Err(de::Error::unknown_field(key, known));
        }
        Ok(Fields { entries })
    }

    /// The table `value`, whatever else it holds (a struct without
    /// `deny_unknown_fields`).
    pub fn open(value: &'static Value) -> Result<Fields, Error> {
        match value {
            Value::Table(entries) => Ok(Fields { entries }),
            _ => Err(invalid(value, "a table")),
        }
    }

    fn get(&self, key: &'static str) -> Option<&'static Value> {
        self.entries.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// The field `key`, which must be there.
    pub fn required<T: FromTree>(&self, key: &'static str) -> Result<T, Error> {
        let value = self.get(key).ok_or_else(|| de::Error::missing_field(key))?;
        T::from_tree(value).map_err(|e| in_field(key, e))
    }

    /// The field `key`, or `T`'s default when it is not there.
    pub fn optional<T: FromTree + Default>(&self, key: &'static str) -> Result<T, Error> {
        match self.get(key) {
            Some(value) => T::from_tree(value).map_err(|e| in_field(key, e)),
            None => Ok(T::default()),
        }
    }
}

/// An error inside field `key`, saying which.
fn in_field(key: &str, error: Error) -> Error {
    de::Error::custom(format_args!("{key}: {error}"))
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

    impl FromTree for Colour {
        fn from_tree(value: &'static Value) -> Result<Colour, Error> {
            variant(value)
        }
    }

    impl FromTree for Item {
        fn from_tree(value: &'static Value) -> Result<Item, Error> {
            let f = Fields::of(value, &["name", "colour", "range", "tags", "year", "flag"])?;
            Ok(Item {
                name: f.required("name")?,
                colour: f.required("colour")?,
                range: f.optional("range")?,
                tags: f.optional("tags")?,
                year: f.required("year")?,
                flag: f.required("flag")?,
            })
        }
    }

    static SHORT: Value = Value::Table(&[
        ("name", Value::Str("a")),
        ("colour", Value::Str("red")),
        ("range", Value::Array(&[Value::Int(0)])),
        ("year", Value::Int(1)),
        ("flag", Value::Bool(false)),
    ]);
    static MISSING: Value = Value::Table(&[("name", Value::Str("a"))]);

    #[test]
    fn from_tree_reads_what_serde_reads_and_refuses_what_it_refuses() -> Result<(), Error> {
        assert_eq!(Item::from_tree(&ITEM)?, read::<Item>(&ITEM)?);
        let message = |v: &'static Value| Item::from_tree(v).err().map(|e| e.to_string());
        assert!(message(&UNKNOWN).is_some_and(|m| m.contains("unknown field `colour_of_sky`")));
        assert!(message(&BAD_ENUM).is_some_and(|m| m.contains("colour")));
        assert!(message(&TOO_BIG).is_some_and(|m| m.contains("1099511627776")));
        assert!(message(&SHORT).is_some_and(|m| m.contains("range") && m.contains("2 items")));
        assert!(message(&MISSING).is_some_and(|m| m.contains("missing field `colour`")));
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

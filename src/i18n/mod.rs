//! Every string a reader sees, in French, English, Russian and Kazakh: one table
//! per language (`data/i18n/{fr,en,ru,kk}.toml`), turned into static trees at build
//! time (`build.rs`, `crate::baked`: no TOML parser in the wasm), read by the Rust
//! core here and handed to the page's script by `cargo xtask` (its `[page]` part).
//!
//! Invariant: no code chooses words by matching on a language; it looks a key up
//! in the reader's table. A lookup never panics: a key missing from a table gives
//! the key itself (and `tests/i18n.rs` fails on any missing or unused key). Plural
//! forms follow each language's CLDR rule (Russian has three forms for integers).
//!
//! Series made while Derek runs (found automatically in a report a reader brings,
//! or ticked by the reader) have no entry in the tables: their texts travel with
//! them as [`SeriesTexts`], which [`Table::series_text`] reads before the table.

mod plural;

pub use plural::{plural_category, PluralCategory};

use crate::baked::{catalogues, Value};

/// Interface, number-format and quotation language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    Fr,
    En,
    Ru,
    Kk,
}

/// The tables' TOML text, by language: what `tests/i18n.rs` checks (the crate
/// itself reads the trees `build.rs` made of the same files).
pub const SOURCES: [(Lang, &str); 4] = [
    (Lang::Fr, include_str!("../../data/i18n/fr.toml")),
    (Lang::En, include_str!("../../data/i18n/en.toml")),
    (Lang::Ru, include_str!("../../data/i18n/ru.toml")),
    (Lang::Kk, include_str!("../../data/i18n/kk.toml")),
];

impl Lang {
    /// Every language, French (the reports' language) first.
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::En, Lang::Ru, Lang::Kk];

    /// `"en"`, `"ru"`, `"kk"` (any case, with or without a region: `"ru-KZ"`);
    /// anything else is French, the reports' language.
    pub fn from_code(code: &str) -> Lang {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
            .unwrap_or(Lang::Fr)
    }

    /// The BCP 47 code: `fr`, `en`, `ru`, `kk`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// This language's table.
    pub fn text(self) -> &'static Table {
        static TABLES: [Table; 4] = [
            Table::of(Lang::Fr, &catalogues::I18N_FR),
            Table::of(Lang::En, &catalogues::I18N_EN),
            Table::of(Lang::Ru, &catalogues::I18N_RU),
            Table::of(Lang::Kk, &catalogues::I18N_KK),
        ];
        &TABLES[self as usize]
    }
}

/// One language's strings, as nested tables.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    lang: Lang,
    root: &'static Value,
}

impl Table {
    const fn of(lang: Lang, root: &'static Value) -> Table {
        Table { lang, root }
    }

    /// The language of this table.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The raw value at `path` (table names, then the key).
    pub fn value(&self, path: &[&str]) -> Option<&'static Value> {
        let mut value = self.root;
        for name in path {
            value = value.get(name)?;
        }
        Some(value)
    }

    /// The string at `section.key`, or `key` itself when the table lacks it.
    pub fn text<'a>(&'a self, section: &str, key: &'a str) -> &'a str {
        self.value(&[section, key])
            .and_then(Value::as_str)
            .unwrap_or(key)
    }

    /// The string at `section.key` with each `{name}` replaced by its value.
    pub fn fill(&self, section: &str, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.text(section, key), args)
    }

    /// The form of the plural `section.key` for `n`, its `{n}` replaced by `n`
    /// written in this language, and other `{name}`s by `args`. A plain string
    /// (a language whose form does not vary here) is used as it is.
    pub fn count(&self, section: &str, key: &str, n: f64, args: &[(&str, &str)]) -> String {
        let written = self.number(n);
        let mut all = vec![("n", written.as_str())];
        all.extend_from_slice(args);
        fill(self.plural(section, key, n), &all)
    }

    /// `value` written with this language's digit groups and decimal sign, one
    /// decimal at most: "115 526" / "71,2" (fr), "115,526" / "71.2" (en).
    pub fn number(&self, value: f64) -> String {
        let (group, decimal) = (self.text("format", "group"), self.text("format", "decimal"));
        let tenths = (value.abs() * 10.0).round();
        let whole = (tenths / 10.0).trunc();
        let tenth = (tenths - whole * 10.0) as u64;
        let digits = format!("{whole:.0}");
        let mut out = String::new();
        if value < 0.0 && tenths > 0.0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(group);
            }
            out.push(c);
        }
        if tenth > 0 {
            out.push_str(decimal);
            out.push_str(&tenth.to_string());
        }
        out
    }

    /// The plural form of `section.key` that `n` takes; `key` when missing.
    pub fn plural<'a>(&'a self, section: &str, key: &'a str, n: f64) -> &'a str {
        match self.value(&[section, key]) {
            Some(Value::Str(s)) => s,
            Some(forms @ Value::Table(_)) => {
                let wanted = plural_category(self.lang, n).name();
                forms
                    .get(wanted)
                    .or_else(|| forms.get("other"))
                    .and_then(Value::as_str)
                    .unwrap_or(key)
            }
            _ => key,
        }
    }

    /// A series' text (`title`, `definition`) in this language.
    pub fn series(&self, id: &str, field: &str) -> Option<&str> {
        self.value(&["series", id, field]).and_then(Value::as_str)
    }

    /// A series' title; its id when the table has none.
    pub fn series_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.series(id, "title").unwrap_or(id)
    }

    /// A series' text in this language: from `made` (the texts of a series made
    /// at run time) when it has the field, else from the table.
    pub fn series_text<'a>(
        &'a self,
        made: Option<&'a SeriesTexts>,
        id: &str,
        field: &str,
    ) -> Option<&'a str> {
        made.and_then(|m| m.get(self.lang, field))
            .or_else(|| self.series(id, field))
    }

    /// A theme's title; its id when the table has none.
    pub fn theme<'a>(&'a self, id: &'a str) -> &'a str {
        self.text("theme", id)
    }

    /// A breakdown category named in French by the report, in this language (the
    /// French name is the category's key, and its label in French).
    pub fn category<'a>(&'a self, french: &'a str) -> &'a str {
        if self.lang == Lang::Fr {
            return french;
        }
        self.value(&["category", french])
            .and_then(Value::as_str)
            .unwrap_or(french)
    }

    /// A report's title, by its document symbol.
    pub fn report_title(&self, symbol: &str) -> Option<&str> {
        self.value(&["report", symbol, "title"])
            .and_then(Value::as_str)
    }

    /// The body a report is addressed to (committee, council), by its symbol.
    pub fn report_body(&self, symbol: &str) -> Option<&str> {
        self.value(&["report", symbol, "body"])
            .and_then(Value::as_str)
    }

    /// Every string of the table (each plural form apart), with its path: what
    /// the end-to-end tests look for in a page that should not show this language.
    pub fn strings(&self) -> Vec<(String, &'static str)> {
        fn walk(prefix: &str, value: &'static Value, out: &mut Vec<(String, &'static str)>) {
            match value {
                Value::Str(s) => out.push((prefix.to_string(), s)),
                Value::Table(t) => {
                    for (key, v) in t.iter() {
                        walk(&format!("{prefix}.{key}"), v, out);
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        if let Value::Table(entries) = self.root {
            for (key, value) in entries.iter() {
                walk(key, value, &mut out);
            }
        }
        out
    }

    /// `text` between this language's quotation marks: « … », “…”.
    pub fn quoted(&self, text: &str) -> String {
        format!(
            "{}{text}{}",
            self.text("format", "quote_open"),
            self.text("format", "quote_close")
        )
    }

    /// Items joined as a list: "a, b et c".
    pub fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!(
                "{}{}{last}",
                rest.join(self.text("format", "list")),
                self.text("format", "list_last")
            ),
        }
    }
}

/// The texts of one series made at run time, which no table can hold: its title,
/// in the words of the report it comes from, and its definition, a template of
/// the tables filled in each language. A small registry, carried by the series
/// itself (no global state): [`Table::series_text`] reads it first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeriesTexts {
    /// `(language, field, text)`; fields as in the tables (`title`, `definition`).
    entries: Vec<(Lang, &'static str, String)>,
    /// The language of the report text the series' points quote (a BCP 47 code,
    /// empty when unknown) when it was made from a reader's report; `None` for the
    /// rest, which quote the bundled French reports.
    quote_lang: Option<&'static str>,
}

impl SeriesTexts {
    /// Sets `field` in `lang` (replacing what it held).
    pub fn set(&mut self, lang: Lang, field: &'static str, text: String) {
        match self
            .entries
            .iter_mut()
            .find(|(l, f, _)| *l == lang && *f == field)
        {
            Some(entry) => entry.2 = text,
            None => self.entries.push((lang, field, text)),
        }
    }

    /// Sets `field` in every language, each text made by `make` from its table.
    pub fn set_each(&mut self, field: &'static str, make: impl Fn(&Table) -> String) {
        for lang in Lang::ALL {
            self.set(lang, field, make(lang.text()));
        }
    }

    /// Says the points quote a text in `code` (`document::language::code`).
    pub fn set_quote_lang(&mut self, code: &'static str) {
        self.quote_lang = Some(code);
    }

    /// The language the points quote, if set (see [`SeriesTexts::set_quote_lang`]).
    pub fn quote_lang(&self) -> Option<&'static str> {
        self.quote_lang
    }

    /// The text of `field` in `lang`, if set.
    pub fn get(&self, lang: Lang, field: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(l, f, _)| *l == lang && *f == field)
            .map(|(_, _, text)| text.as_str())
    }
}

/// `template` with each `{name}` replaced by its value; unknown names are kept.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every table's `[page]` strings and the `[format]` the page needs, as one JSON
/// object keyed by language code: what `cargo xtask` writes into the page's
/// script. With `only`, just those `[page]` keys (the loader's few messages).
pub fn page_tables_json(only: Option<&[&str]>) -> String {
    let mut all = serde_json::Map::new();
    for lang in Lang::ALL {
        let table = lang.text();
        let mut page = serde_json::Map::new();
        for section in ["page", "format"] {
            if let Some(Value::Table(entries)) = table.root.get(section) {
                if only.is_some() && section != "page" {
                    continue;
                }
                let kept = entries
                    .iter()
                    .filter(|(k, _)| only.is_none_or(|keys| keys.contains(k)))
                    .map(|(k, v)| ((*k).to_string(), v.to_json()));
                page.insert(
                    section.to_string(),
                    serde_json::Value::Object(kept.collect()),
                );
            }
        }
        all.insert(lang.code().to_string(), serde_json::Value::Object(page));
    }
    serde_json::Value::Object(all).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_with_regions_and_fall_back_to_french() {
        assert_eq!(Lang::from_code("ru-KZ"), Lang::Ru);
        assert_eq!(Lang::from_code("KK"), Lang::Kk);
        assert_eq!(Lang::from_code("en"), Lang::En);
        assert_eq!(Lang::from_code("de"), Lang::Fr);
        assert_eq!(Lang::from_code(""), Lang::Fr);
    }

    #[test]
    fn templates_fill_their_names_and_keep_unknown_ones() {
        assert_eq!(fill("{a} et {b}", &[("a", "x"), ("b", "y")]), "x et y");
        assert_eq!(fill("{a} {zz} {", &[("a", "x")]), "x {zz} {");
    }

    #[test]
    fn russian_counts_take_three_forms() {
        let t = Lang::Ru.text();
        assert_eq!(t.count("page", "results", 1.0, &[]), "1 абзац");
        assert_eq!(t.count("page", "results", 3.0, &[]), "3 абзаца");
        assert_eq!(t.count("page", "results", 11.0, &[]), "11 абзацев");
        assert_eq!(t.count("page", "results", 21.0, &[]), "21 абзац");
        assert_eq!(t.count("page", "results", 25.0, &[]), "25 абзацев");
        assert_eq!(
            t.count("page", "results", 1000.0, &[]),
            "1\u{a0}000 абзацев"
        );
    }

    #[test]
    fn a_missing_key_reads_as_itself() {
        assert_eq!(Lang::En.text().text("page", "no_such_key"), "no_such_key");
        assert_eq!(
            Lang::Kk.text().series_title("no_such_series"),
            "no_such_series"
        );
        assert_eq!(Lang::En.text().category("Inconnus"), "Inconnus");
    }

    #[test]
    fn a_made_series_texts_come_before_the_table_and_the_table_fills_the_rest() {
        let mut made = SeriesTexts::default();
        made.set_each("title", |t| format!("T-{}", t.lang().code()));
        made.set(Lang::Ru, "title", "Заголовок".into());
        let (fr, ru) = (Lang::Fr.text(), Lang::Ru.text());
        assert_eq!(fr.series_text(Some(&made), "x", "title"), Some("T-fr"));
        assert_eq!(ru.series_text(Some(&made), "x", "title"), Some("Заголовок"));
        // A field the series does not carry comes from the table, if any.
        assert_eq!(fr.series_text(Some(&made), "x", "definition"), None);
        assert_eq!(
            fr.series_text(Some(&made), "pupils", "definition"),
            fr.series("pupils", "definition")
        );
        assert!(fr.series("pupils", "definition").is_some());
        assert_eq!(fr.series_text(None, "x", "title"), None);
    }

    #[test]
    fn lists_and_quotes_follow_the_language() {
        let items = ["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(Lang::Fr.text().list(&items), "a, b et c");
        assert_eq!(Lang::En.text().quoted("x"), "“x”");
        assert_eq!(Lang::Ru.text().quoted("x"), "«x»");
    }
}

//! The string tables (`data/i18n/*.toml`) are complete: every key in every
//! language, the plural forms each language's rule needs, the same `{names}` in
//! every translation, a title for every series, theme and report, a name for every
//! category, and no key that neither the Rust code nor the page's script uses.
//! A failure names each language and key at fault.

use derek::i18n::{Lang, PluralCategory, SOURCES};
use derek::series::catalogue::Catalogue;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Tables = BTreeMap<Lang, toml::Table>;

fn tables() -> Tables {
    SOURCES
        .iter()
        .map(|(lang, source)| {
            let table: toml::Table = source.parse().unwrap_or_else(|e| {
                panic!("data/i18n/{}.toml is not valid TOML: {e}", lang.code())
            });
            (*lang, table)
        })
        .collect()
}

/// Every leaf of a table as `section.key` (a plural entry is one leaf), with its value.
fn leaves(table: &toml::Table) -> BTreeMap<String, toml::Value> {
    let mut out = BTreeMap::new();
    for (section, value) in table {
        // Data texts are checked against the catalogue, below.
        if ["theme", "category", "series", "report"].contains(&section.as_str()) {
            continue;
        }
        if let Some(entries) = value.as_table() {
            for (key, v) in entries {
                out.insert(format!("{section}.{key}"), v.clone());
            }
        }
    }
    out
}

fn is_plural(value: &toml::Value) -> bool {
    value.is_table()
}

/// The `{names}` a template fills in.
fn placeholders(value: &toml::Value) -> BTreeSet<String> {
    let texts: Vec<&str> = match value {
        toml::Value::String(s) => vec![s.as_str()],
        toml::Value::Table(forms) => forms.values().filter_map(|v| v.as_str()).collect(),
        _ => vec![],
    };
    let mut names = BTreeSet::new();
    for text in texts {
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            names.insert(after[..close].to_string());
            rest = &after[close + 1..];
        }
    }
    names
}

/// What is wrong with the interface strings (everything but the data texts).
fn interface_problems(tables: &Tables) -> Vec<String> {
    let mut problems = Vec::new();
    let french = leaves(&tables[&Lang::Fr]);
    for (lang, table) in tables {
        let code = lang.code();
        let mine = leaves(table);
        for (key, reference) in &french {
            let Some(value) = mine.get(key) else {
                problems.push(format!("{code}: missing {key}"));
                continue;
            };
            if is_plural(reference) || is_plural(value) {
                let forms = value.as_table();
                for form in PluralCategory::required(*lang) {
                    if !forms.is_some_and(|f| f.get(form.name()).is_some_and(|v| v.is_str())) {
                        problems.push(format!(
                            "{code}: {key} lacks its plural form {:?}",
                            form.name()
                        ));
                    }
                }
            }
            if placeholders(value) != placeholders(reference) {
                problems.push(format!(
                    "{code}: {key} fills {:?}, French fills {:?}",
                    placeholders(value),
                    placeholders(reference)
                ));
            }
        }
        for key in mine.keys().filter(|k| !french.contains_key(*k)) {
            problems.push(format!("{code}: {key} is not in fr.toml"));
        }
    }
    problems
}

/// What the catalogue and the reports name that a table lacks, or the reverse.
fn data_problems(tables: &Tables, catalogue: &Catalogue) -> Vec<String> {
    let mut problems = Vec::new();
    let symbols: Vec<String> = derek::corpus::bundled()
        .map(|reports| reports.iter().map(|r| r.meta.symbol.clone()).collect())
        .unwrap_or_default();
    let categories: BTreeSet<&str> = catalogue
        .series
        .iter()
        .flat_map(|s| s.categories.iter().map(|c| c.fr.as_str()))
        .collect();
    let section = |table: &toml::Table, name: &str| -> BTreeMap<String, toml::Value> {
        table
            .get(name)
            .and_then(|v| v.as_table())
            .map(|t| t.clone().into_iter().collect())
            .unwrap_or_default()
    };
    // Which fields a series has in some language: all languages must have them.
    let mut fields: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for table in tables.values() {
        for (id, entry) in section(table, "series") {
            let keys = entry
                .as_table()
                .map(|t| t.keys().cloned().collect::<Vec<_>>());
            fields
                .entry(id)
                .or_default()
                .extend(keys.unwrap_or_default());
        }
    }
    for def in &catalogue.series {
        fields
            .entry(def.id.clone())
            .or_default()
            .insert("title".into());
    }
    for (lang, table) in tables {
        let code = lang.code();
        let themes = section(table, "theme");
        for theme in &catalogue.themes {
            if !themes.get(&theme.id).is_some_and(|v| v.is_str()) {
                problems.push(format!("{code}: theme {:?} has no title", theme.id));
            }
        }
        for id in themes.keys() {
            if !catalogue.themes.iter().any(|t| &t.id == id) {
                problems.push(format!(
                    "{code}: theme {id:?} is not in series.toml (unused)"
                ));
            }
        }
        let series = section(table, "series");
        for def in &catalogue.series {
            for field in &fields[&def.id] {
                let has = series
                    .get(&def.id)
                    .and_then(|e| e.get(field))
                    .is_some_and(|v| v.as_str().is_some_and(|s| !s.trim().is_empty()));
                if !has {
                    problems.push(format!("{code}: series {} has no {field}", def.id));
                }
            }
        }
        for id in series.keys() {
            if !catalogue.series.iter().any(|s| &s.id == id) {
                problems.push(format!(
                    "{code}: series {id:?} is not in series.toml (unused)"
                ));
            }
        }
        // A category's French name is the report's: French needs no entry.
        let names = section(table, "category");
        if *lang != Lang::Fr {
            for category in &categories {
                if !names.get(*category).is_some_and(|v| v.is_str()) {
                    let users: Vec<&str> = catalogue
                        .series
                        .iter()
                        .filter(|s| s.categories.iter().any(|c| c.fr == *category))
                        .map(|s| s.id.as_str())
                        .collect();
                    problems.push(format!(
                        "{code}: category {category:?} (series {}) has no name",
                        users.join(", ")
                    ));
                }
            }
        }
        for name in names.keys() {
            if !categories.contains(name.as_str()) {
                problems.push(format!(
                    "{code}: category {name:?} is in no series (unused)"
                ));
            }
        }
        let reports = section(table, "report");
        for symbol in &symbols {
            if !reports
                .get(symbol)
                .and_then(|r| r.get("title"))
                .is_some_and(|v| v.is_str())
            {
                problems.push(format!("{code}: report {symbol} has no title"));
            }
        }
        for symbol in reports.keys() {
            if !symbols.contains(symbol) {
                problems.push(format!("{code}: report {symbol} is not bundled (unused)"));
            }
        }
    }
    problems
}

/// Every file under `dir` whose name ends with `ext`, read.
fn sources(dir: &Path, ext: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(sources(&path, ext));
        } else if path.to_string_lossy().ends_with(ext) {
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push((path.display().to_string(), text));
            }
        }
    }
    out
}

/// Interface keys that no code uses. A `[page]` key is used when the page's
/// script names it (`t.key`, `"key"`); any other `section.key` when one Rust
/// file names both `"section"` and `"key"` outside its tests (which may read any
/// key).
fn unused_keys(tables: &Tables, rust: &[(String, String)], js: &[(String, String)]) -> Vec<String> {
    let mut unused = Vec::new();
    for key in leaves(&tables[&Lang::Fr]).keys() {
        let (section, name) = key.split_once('.').unwrap_or((key, ""));
        let quoted = format!("\"{name}\"");
        let used = if section == "page" {
            let dotted = format!(".{name}");
            js.iter().any(|(_, text)| {
                text.match_indices(&dotted).any(|(at, _)| {
                    !text[at + dotted.len()..]
                        .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                }) || text.contains(&quoted)
            })
        } else if section == "format" {
            // The page formats numbers and quotes with these too.
            rust.iter()
                .chain(js)
                .any(|(_, text)| text.contains(&quoted) || text.contains(&format!(".{name}")))
        } else {
            let section = format!("\"{section}\"");
            rust.iter()
                .any(|(_, text)| text.contains(&section) && text.contains(&quoted))
        };
        if !used {
            unused.push(format!("{key} is used by no code"));
        }
    }
    unused
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_interface_key_is_in_every_language_with_its_plural_forms_and_names() {
    let problems = interface_problems(&tables());
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_series_theme_category_and_report_has_its_texts_in_every_language() {
    let catalogue = Catalogue::bundled().expect("the bundled catalogue parses");
    let problems = data_problems(&tables(), &catalogue);
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_interface_key_is_used_by_the_rust_code_or_the_page() {
    let rust: Vec<(String, String)> = sources(&root().join("src"), ".rs")
        .into_iter()
        .map(|(path, text)| {
            let code = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or_default()
                .to_string();
            (path, code)
        })
        .collect();
    let js = sources(&root().join("www"), ".js");
    assert!(!rust.is_empty() && !js.is_empty(), "no sources found");
    let unused = unused_keys(&tables(), &rust, &js);
    assert!(unused.is_empty(), "\n{}", unused.join("\n"));
}

#[test]
fn the_checks_name_what_is_missing() {
    // Break a copy of the tables on purpose: each check must say what broke.
    let mut broken = tables();
    if let Some(toml::Value::Table(page)) =
        broken.get_mut(&Lang::Kk).and_then(|t| t.get_mut("page"))
    {
        page.remove("close");
    }
    if let Some(toml::Value::Table(summary)) =
        broken.get_mut(&Lang::Ru).and_then(|t| t.get_mut("summary"))
    {
        summary.insert(
            "values".into(),
            toml::Value::try_from(BTreeMap::from([("one", "{n}"), ("other", "{n}")]))
                .expect("a table"),
        );
    }
    if let Some(toml::Value::Table(series)) =
        broken.get_mut(&Lang::En).and_then(|t| t.get_mut("series"))
    {
        series.remove("pupils");
    }
    let problems = interface_problems(&broken);
    assert!(
        problems.contains(&"kk: missing page.close".to_string()),
        "{problems:?}"
    );
    assert!(
        problems.contains(&"ru: summary.values lacks its plural form \"few\"".to_string()),
        "{problems:?}"
    );
    let catalogue = Catalogue::bundled().expect("the bundled catalogue parses");
    let problems = data_problems(&broken, &catalogue);
    assert_eq!(
        problems,
        [
            "en: series pupils has no definition",
            "en: series pupils has no title"
        ]
    );
    let unused = unused_keys(&broken, &[], &[("x.js".into(), "t.close".into())]);
    assert!(unused.contains(&"page.menu is used by no code".to_string()));
    assert!(!unused.contains(&"page.close is used by no code".to_string()));
}

// Interface strings by language, and how an element's language and theme are read.
//
// The strings are the [page] and [format] parts of data/i18n/{fr,en,ru,kk}.toml,
// the tables the Rust core reads too: `cargo xtask` (serve, dist) writes them in
// where the marker below stands. Plural forms follow the language's CLDR rule
// (Intl.PluralRules); numbers use the table's digit groups and decimal sign.

const TABLES = /*i18n*/ {};

// French first (the reports' language), then English, Russian, Kazakh.
export const LANGS = ["fr", "en", "ru", "kk"].filter((code) => code in TABLES);
export const SCHEME = matchMedia("(prefers-color-scheme: dark)");

// "ru", "ru-KZ" → "ru"; anything unknown → French, the reports' language.
export function langCode(code) {
  const primary = String(code ?? "").split(/[-_]/)[0].toLowerCase();
  return LANGS.includes(primary) ? primary : "fr";
}
export const langOf = (el) => langCode(el.getAttribute("lang"));

// "light" unless the element asks for "dark", or for "auto" (the reader's system).
export function themeOf(el) {
  const t = el.getAttribute("theme");
  if (t === "dark" || t === "light") return t;
  return t === "auto" && SCHEME.matches ? "dark" : "light";
}

const fill = (template, args = {}) => String(template).replace(/\{(\w+)\}/g, (all, name) => (name in args ? String(args[name]) : all));

const cache = new Map();
// The strings of `lang`, with helpers: t.fill(key, args), t.count(key, n), t.number(n).
export function text(lang) {
  lang = langCode(lang);
  if (cache.has(lang)) return cache.get(lang);
  const { page = {}, format = {} } = TABLES[lang] ?? {};
  const plural = new Intl.PluralRules(lang);
  const t = {
    ...page,
    lang,
    fill: (key, args) => fill(page[key] ?? key, args),
    number(n) {
      const [whole, tenth] = Math.abs(n).toFixed(1).split(".");
      const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, format.group);
      return (n < 0 ? "-" : "") + grouped + (tenth !== "0" ? format.decimal + tenth : "");
    },
    count(key, n) {
      const forms = page[key] ?? key;
      const form = typeof forms === "string" ? forms : forms[plural.select(n)] ?? forms.other;
      return fill(form, { n: t.number(n) });
    },
  };
  cache.set(lang, t);
  return t;
}

//! A chart said in words, for screen readers and for people who prefer text.

use super::capitalise;
use crate::chart::{format, Lang};
use crate::series::{Kind, Series};

/// "Protection orders issued: 3 values from 2011 to 2019, lowest more than 36,000
/// (2011), highest about 70,000 (2019). 1 value's year is implied by its report's date."
pub fn summary(series: &Series, lang: Lang) -> String {
    let t = lang.text();
    let title = series.title(lang);
    let n = series.points.len();
    let value = |i: usize| {
        series.points.get(i).map_or(String::new(), |p| {
            let v = super::qualified(
                p.qualifier,
                &format::with_unit(p.value, series.unit, lang),
                lang,
            );
            let key = p
                .year()
                .map(|y| y.to_string())
                .or_else(|| series.category_label(p, lang).map(str::to_string))
                .unwrap_or_default();
            format!("{v} ({key})")
        })
    };
    let by_value = |max: bool| {
        (0..n).reduce(|a, b| {
            let (va, vb) = (series.points[a].value, series.points[b].value);
            if (vb > va) == max && vb != va {
                b
            } else {
                a
            }
        })
    };
    let (low, high) = (by_value(false).unwrap_or(0), by_value(true).unwrap_or(0));
    let implied = series
        .points
        .iter()
        .filter(|p| p.year().is_some() && p.year_source == crate::series::YearSource::Implied)
        .count();
    let conflicts = series.points.iter().filter(|p| p.conflict).count();
    let years = series.points.iter().filter_map(|p| p.year());
    let first = years.clone().min().unwrap_or(0).to_string();
    let last = years.max().unwrap_or(0).to_string();
    let (low, high) = (value(low), value(high));
    let count = n as f64;
    let mut text = match series.kind {
        _ if n == 0 => t.fill("summary", "empty", &[("title", title)]),
        Kind::Time => t.fill(
            "summary",
            "time",
            &[
                ("title", title),
                ("values", &t.count("summary", "values", count, &[])),
                ("first", &first),
                ("last", &last),
                ("low", &low),
                ("high", &high),
            ],
        ),
        Kind::Breakdown => t.fill(
            "summary",
            "breakdown",
            &[
                ("title", title),
                ("categories", &t.count("summary", "categories", count, &[])),
                ("low", &low),
                ("high", &high),
            ],
        ),
    };
    if implied > 0 {
        text.push_str(&t.count("summary", "implied", implied as f64, &[]));
    }
    let gaps = series.gaps();
    if series.kind == Kind::Time && !gaps.is_empty() {
        text.push_str(&format!(
            " {}.",
            capitalise(&format::gaps_legend(&gaps, lang))
        ));
    }
    for b in series.breaks_drawn() {
        let note = format::break_legend(&series.id, b.from, lang);
        text.push_str(&format!(" {}.", capitalise(&note)));
    }
    let partial = series.points.iter().filter(|p| p.period.is_some()).count();
    if partial > 0 {
        text.push_str(&t.count("summary", "partial", partial as f64, &[]));
    }
    if conflicts > 0 {
        text.push_str(&t.count("summary", "conflicts", conflicts as f64, &[]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::catalogue::Catalogue;
    use crate::series::sourced::Corpus;

    #[test]
    fn the_summary_names_the_span_and_the_extremes() -> Result<(), Box<dyn std::error::Error>> {
        let corpus = Corpus::read(crate::corpus::bundled()?);
        let series = Catalogue::bundled()?.build(&corpus);
        let orders = series
            .iter()
            .find(|s| s.id == "protection_orders_issued")
            .ok_or("no protection orders series")?;
        let text = summary(orders, Lang::En);
        assert!(text.starts_with("Protection orders issued: "), "{text}");
        assert!(text.contains("more than 36,000 (2011)"), "{text}");
        assert!(text.contains("implied"), "{text}");
        assert!(text.contains("No figure for 2013–2017."), "{text}");
        let text = summary(orders, Lang::Ru);
        assert!(
            text.starts_with("Выданные защитные предписания: 4 значения"),
            "{text}"
        );
        assert!(text.contains("более 36\u{a0}000 (2011)"), "{text}");
        let text = summary(orders, Lang::Kk);
        assert!(
            text.contains("36\u{a0}000 мөлшерінен астам (2011)"),
            "{text}"
        );
        Ok(())
    }
}

//! A first look (issue 2): domestic-violence figures found by a simple scan of the
//! bundled text. The extractor and the series catalogue replace it.

use super::{Key, Kind, Point, Qualifier, Series, Unit, YearSource};
use crate::corpus::BundledReport;

/// Domestic-violence cases per year: every "N en YYYY" on a line that speaks of
/// "cas de violence domestique" (or "familiale").
pub fn domestic_violence_cases(reports: &[BundledReport]) -> Series {
    let mut points = Vec::new();
    for report in reports {
        for (index, line) in report.text.lines().enumerate() {
            let lower = line.to_lowercase();
            if !(lower.contains("cas de violence domestique")
                || lower.contains("cas de violence familiale"))
            {
                continue;
            }
            for (value, verbatim, year) in numbers_with_years(line) {
                points.push(Point {
                    key: Key::Year { year },
                    value,
                    qualifier: Qualifier::Exact,
                    year_source: YearSource::Stated,
                    report: report.meta.symbol.clone(),
                    paragraph: format!("l{}", index + 1),
                    reference: format!("l. {}", index + 1),
                    line: index + 1,
                    verbatim,
                    sentence: line.trim().to_string(),
                    conflict: false,
                });
            }
        }
    }
    points.sort_by_key(|p| p.year());
    Series {
        id: "domestic_violence_cases".into(),
        title_fr: "Cas de violence domestique".into(),
        title_en: "Domestic-violence cases".into(),
        unit: Unit::Count,
        kind: Kind::Time,
        points,
    }
}

/// Finds "115 526 en 2022": a number with space-grouped thousands, then "en", then a year.
fn numbers_with_years(line: &str) -> Vec<(f64, String, i32)> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric()) {
            i += 1;
            continue;
        }
        // Digits, allowing one space between groups of exactly three.
        let start = i;
        let mut end = i;
        while end < chars.len() && chars[end].is_ascii_digit() {
            end += 1;
        }
        while end + 3 < chars.len()
            && is_group_space(chars[end])
            && chars[end + 1..end + 4].iter().all(char::is_ascii_digit)
            && chars.get(end + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            end += 4;
        }
        let verbatim: String = chars[start..end].iter().collect();
        let rest: String = chars[end..].iter().take(8).collect();
        let year = rest
            .strip_prefix(" en ")
            .and_then(|r| r.get(..4))
            .and_then(|y| y.parse::<i32>().ok());
        let digits: String = verbatim.chars().filter(char::is_ascii_digit).collect();
        if let (Some(year), Ok(value)) = (year, digits.parse::<f64>()) {
            found.push((value, verbatim, year));
        }
        i = end.max(i + 1);
    }
    found
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbers_dated_in_the_same_sentence() {
        let found = numbers_with_years("qui sont passés de 115 526 en 2022 à 75 004 en 2024.");
        assert_eq!(
            found,
            vec![
                (115526.0, "115 526".to_string(), 2022),
                (75004.0, "75 004".to_string(), 2024)
            ]
        );
    }

    #[test]
    fn the_bundled_reports_state_domestic_violence_cases_for_two_years(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let reports = crate::corpus::bundled()?;
        let series = domestic_violence_cases(&reports);
        let years: Vec<Option<i32>> = series.points.iter().map(|p| p.year()).collect();
        assert_eq!(years, vec![Some(2022), Some(2024)]);
        assert_eq!(series.points[0].value, 115526.0);
        assert_eq!(series.points[0].report, "CEDAW/C/KAZ/RQ/6");
        Ok(())
    }
}

//! Text cut into plain and highlighted pieces, for the page to insert as text.

use serde::Serialize;

/// A piece of text; `mark` pieces are highlighted (a figure, a search match).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    pub mark: bool,
}

/// Cuts `text` at the byte ranges `marks` (overlapping or unsorted ranges are
/// merged; ranges off char boundaries or out of bounds are ignored).
pub fn highlight(text: &str, marks: &[(usize, usize)]) -> Vec<Segment> {
    let mut ranges: Vec<(usize, usize)> = marks
        .iter()
        .copied()
        .filter(|(a, b)| a < b && text.get(*a..*b).is_some())
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in ranges {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let mut segments = Vec::new();
    let mut at = 0;
    for (a, b) in merged {
        if a > at {
            segments.push(Segment {
                text: text[at..a].to_string(),
                mark: false,
            });
        }
        segments.push(Segment {
            text: text[a..b].to_string(),
            mark: true,
        });
        at = b;
    }
    if at < text.len() {
        segments.push(Segment {
            text: text[at..].to_string(),
            mark: false,
        });
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_cut_out_and_the_text_is_kept_whole() {
        let text = "En 2012, plus de 44 000 ordonnances.";
        let segments = highlight(text, &[(17, 23)]);
        assert_eq!(segments.len(), 3);
        assert_eq!(
            segments[1],
            Segment {
                text: "44 000".into(),
                mark: true
            }
        );
        let whole: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(whole, text);
    }

    #[test]
    fn bad_ranges_are_ignored_not_a_panic() {
        let text = "é";
        assert_eq!(highlight(text, &[(1, 2), (0, 99), (2, 1)]).len(), 1);
        assert_eq!(highlight("abcdef", &[(3, 5), (1, 4)])[1].text, "bcde");
    }
}

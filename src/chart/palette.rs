//! Colours: light and dark themes, colour-blind-safe series colours (Okabe–Ito),
//! text colours that meet WCAG AA contrast on their background.

use plotters::style::RGBColor;

/// Light or dark: follows the host page's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// `"dark"` → dark; anything else → light.
    pub fn from_code(code: &str) -> Theme {
        if code.eq_ignore_ascii_case("dark") {
            Theme::Dark
        } else {
            Theme::Light
        }
    }
}

/// The colours of one theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub background: RGBColor,
    /// Titles and values: contrast ≥ 12:1 on the background.
    pub ink: RGBColor,
    /// Axis labels, source line: contrast ≥ 4.5:1 (WCAG AA).
    pub muted: RGBColor,
    pub grid: RGBColor,
    /// The series (Okabe–Ito blue; sky blue on dark).
    pub series: RGBColor,
    /// A value that another report contradicts (Okabe–Ito vermillion; orange on dark).
    pub conflict: RGBColor,
}

impl Palette {
    pub fn of(theme: Theme) -> Palette {
        match theme {
            Theme::Light => Palette {
                background: RGBColor(255, 255, 255),
                ink: RGBColor(26, 26, 26),
                muted: RGBColor(89, 89, 89),
                grid: RGBColor(228, 228, 228),
                series: RGBColor(0, 114, 178),
                conflict: RGBColor(213, 94, 0),
            },
            Theme::Dark => Palette {
                background: RGBColor(18, 20, 23),
                ink: RGBColor(236, 236, 236),
                muted: RGBColor(170, 170, 170),
                grid: RGBColor(52, 56, 62),
                series: RGBColor(86, 180, 233),
                conflict: RGBColor(230, 159, 0),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn text_and_marks_meet_wcag_aa_in_both_themes() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = Palette::of(theme);
            assert!(contrast(p.ink, p.background) >= 7.0, "{theme:?} ink");
            assert!(contrast(p.muted, p.background) >= 4.5, "{theme:?} muted");
            // Graphical objects need 3:1 (WCAG 1.4.11).
            assert!(contrast(p.series, p.background) >= 3.0, "{theme:?} series");
            assert!(
                contrast(p.conflict, p.background) >= 3.0,
                "{theme:?} conflict"
            );
        }
    }
}

//! The five bundled reports read as documents: no paragraph lost or split, labels in
//! order, page furniture out of the text, every line accounted for, every character
//! traced back to where it was printed.

use derek::corpus::{bundled, BundledReport};
use derek::document::{parse, parse_as, Document, FurnitureKind, LabelKind, Layout, Paragraph};
use std::collections::BTreeSet;

fn reports() -> Vec<(BundledReport, Document)> {
    bundled()
        .expect("bundled corpus")
        .into_iter()
        .map(|r| {
            let doc = parse(r.text);
            (r, doc)
        })
        .collect()
}

fn report(prefix: &str) -> (BundledReport, Document) {
    reports()
        .into_iter()
        .find(|(r, _)| r.meta.file.starts_with(prefix))
        .expect("report bundled")
}

fn paragraph<'d>(doc: &'d Document, id: &str) -> &'d Paragraph {
    doc.paragraph(id)
        .unwrap_or_else(|| panic!("no paragraph {id}"))
}

#[test]
fn layouts_are_detected() {
    let layouts: Vec<Layout> = reports().iter().map(|(_, d)| d.layout).collect();
    assert_eq!(
        layouts,
        vec![
            Layout::Wrapped,
            Layout::LinePerParagraph,
            Layout::LinePerParagraph,
            Layout::LinePerParagraph,
            Layout::Wrapped
        ]
    );
}

#[test]
fn numbered_paragraphs_run_from_one_to_the_highest_label_in_order() {
    let expected = [
        ("000", 272),
        ("001", 437),
        ("002", 0),
        ("003", 0),
        ("004", 24),
    ];
    for (prefix, highest) in expected {
        let (_, doc) = report(prefix);
        let numbers: Vec<u32> = doc.numbered().filter_map(|p| p.number).collect();
        let want: Vec<u32> = (1..=highest).collect();
        assert_eq!(numbers, want, "report {prefix}");
        for p in doc.numbered() {
            assert_eq!(p.label, p.number.map(|n| n.to_string()).unwrap_or_default());
            assert_eq!(p.id, format!("p{}", p.label));
        }
    }
}

#[test]
fn the_cedaw_reply_keeps_its_question_labels_in_order() {
    let (_, doc) = report("002");
    let questions: Vec<&Paragraph> = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == LabelKind::Question)
        .collect();
    assert_eq!(questions.len(), 153);
    // Every question from 1 to 23, in order; within a question the letters run a, b, c…
    let mut last: (u32, Option<char>) = (0, None);
    for q in &questions {
        let number = q.number.expect("question number");
        let letters: Vec<char> = q
            .label
            .chars()
            .skip_while(|c| c.is_ascii_digit())
            .filter(|c| c.is_ascii_lowercase())
            .collect();
        if number == last.0 {
            let expect = last.1.map(|c| (c as u8 + 1) as char);
            assert_eq!(
                letters.first().copied(),
                expect,
                "after {:?}: {}",
                last,
                q.label
            );
        } else {
            assert_eq!(number, last.0 + 1, "{}", q.label);
            assert!(matches!(letters.first(), None | Some('a')), "{}", q.label);
        }
        last = (number, letters.last().copied());
        assert!(q.label.is_ascii(), "{} keeps a Cyrillic letter", q.label);
        assert!(!q.text.is_empty(), "{} has no answer", q.label);
    }
    assert_eq!(last.0, 23);
    // The label printed with a Cyrillic "с" (line 43) reads as Latin "2. c)".
    let c = paragraph(&doc, "q2-c");
    assert_eq!((c.label.as_str(), c.first_line), ("2. c)", 43));
    assert_eq!(paragraph(&doc, "q10-a").label, "10. a)");
    assert_eq!(paragraph(&doc, "q22-c").label, "22. c)");
    assert_eq!(paragraph(&doc, "q9-i-j").label, "9. i), j)");
    assert_eq!(paragraph(&doc, "q3-b").reference(), "question 3 b)");
    assert_eq!(paragraph(&doc, "q17").reference(), "question 17");
}

#[test]
fn the_cat_report_names_its_paragraphs_by_heading_and_position() {
    let (_, doc) = report("003");
    assert!(doc.paragraphs.iter().all(|p| p.kind == LabelKind::Position));
    let p = paragraph(&doc, "article-2-3");
    // The report prints the heading, not the position under it.
    assert_eq!(p.label, "Article 2, 3");
    assert_eq!(p.reference(), "Article 2");
    assert_eq!(p.section.as_deref(), Some("Article 2"));
    assert_eq!(
        p.text,
        "La disposition constitutionnelle selon laquelle une personne ne peut être détenue plus \
         de soixante-douze heures sans l’autorisation d’un juge signifie qu’avant la fin de ce \
         délai, un tribunal doit décider de l’inculpation et du placement en détention provisoire \
         de l’intéressé, ou de l’application d’autres mesures prévues par la loi, faute de quoi le \
         détenu doit être libéré."
    );
    let p = paragraph(&doc, "paragraphe-21-alinea-c-1");
    assert_eq!(p.reference(), "Paragraphe 21, Alinéa c");
    assert_eq!(
        p.text,
        "De nouveaux centres de détention temporaire conformes aux normes internationales sont \
         en cours de construction."
    );
    let p = paragraph(&doc, "sect-i-3");
    assert_eq!(
        p.text,
        "Ce rapport porte sur la période comprise entre 2008 et 2012."
    );
    // A bookmark anchor left by the extraction is not text.
    assert!(doc.paragraphs.iter().all(|p| !p.text.contains("[bookmark")));
    // Positions restart under each heading and count up without gaps.
    let mut counts = std::collections::HashMap::new();
    for p in &doc.paragraphs {
        let n = counts.entry(p.section_index).or_insert(0);
        *n += 1;
        assert!(p.label.ends_with(&format!(", {n}")), "{}", p.label);
    }
}

#[test]
fn selected_paragraphs_read_exactly() {
    let (_, upr) = report("000");
    // Straddles the page break of lines 401-405 (header and footer inside the sentence).
    let p = paragraph(&upr, "p29");
    assert_eq!((p.first_line, p.last_line), (391, 409));
    assert_eq!(
        p.text,
        "À l’initiative de la Commissaire aux droits de l’homme de la République du Kazakhstan \
         et avec l’appui du Programme des Nations Unies pour le développement, du \
         Haut-Commissariat des Nations Unies aux droits de l’homme et du Bureau de représentation \
         de l’Union européenne, une plateforme d’échange entre les commissaires aux droits de \
         l’homme du Kazakhstan, du Kirghizistan, du Tadjikistan, du Turkménistan et de \
         l’Ouzbékistan (initiative de soutien aux institutions nationales des droits de l’homme \
         d’Asie centrale) a été créée."
    );
    let p = paragraph(&upr, "p260");
    assert_eq!(
        p.text,
        "En 2018, le ministère public a engagé 276 procédures pénales, dont une relative à \
         l’enlèvement d’une personne aux fins d’exploitation ; 19 procédures pour privation \
         illicite de liberté à des fins d’exploitation ; 14 pour traite des personnes ; 10 pour \
         exploitation de mineurs dans la prostitution ; 5 pour traite de mineurs ; 48 pour \
         exploitation de personnes dans la prostitution et 179 faits concernant l’installation \
         ou la tenue d’une maison close à des fins de prostitution et de proxénétisme."
    );
    assert_eq!(
        paragraph(&upr, "p10").text,
        "Les autorités ont intégré 79,9 % des indicateurs de suivi des objectifs de \
         développement durable dans la planification stratégique nationale."
    );
    assert_eq!(paragraph(&upr, "p81").reference(), "par. 81");
    assert!(paragraph(&upr, "p4")
        .text
        .contains("la stratégie Kazakhstan-2050, le programme"));

    let (_, cerd) = report("001");
    assert_eq!(
        paragraph(&cerd, "p3").text,
        "Le rapport couvre la période 2022-2025 et reflète l’ensemble des mesures prises par \
         l’État pour appliquer les recommandations du Comité, notamment :\n\
         L’amélioration de la législation ;\nLe renforcement des institutions ;\n\
         L’amélioration des mécanismes nationaux de protection des droits de l’homme ;\n\
         La garantie de l’égalité de traitement de tous les groupes ethniques en ce qui concerne \
         l’accès aux droits économiques, sociaux, culturels, civils et politiques."
    );
    assert!(paragraph(&cerd, "p58")
        .text
        .contains("678 400 Ouzbeks (3,3 %), 371 800 Ukrainiens (1,8 %)"));

    let (_, cedaw) = report("002");
    let p = paragraph(&cedaw, "q3-b");
    assert_eq!((p.first_line, p.last_line), (66, 70));
    assert!(p
        .text
        .ends_with("qui sont passés de 115 526 en 2022 à 75 004 en 2024."));
    assert_eq!(p.text.matches('\n').count(), 2, "three answer paragraphs");

    let (_, pledges) = report("004");
    // A link target printed in the middle of the paragraph is not text.
    let p = paragraph(&pledges, "p7");
    assert!(p.text.contains(
        "le Pacte international relatif aux droits économiques, sociaux et culturels, ainsi que \
         par tous les instruments relevant du droit des droits humains au sens large."
    ));
    assert!(!p.text.contains("http"));
    // Straddles the page footer of lines 376-380.
    let p = paragraph(&pledges, "p21");
    assert!(p.first_line < 376 && p.last_line > 380);
    assert!(p.text.contains(
        "conformément aux objectifs de développement durable, notamment en mettant au point des \
         mécanismes qui permettent au public d’exercer un contrôle"
    ));
    assert_eq!(
        paragraph(&pledges, "p15").text,
        "Depuis 2014, la République du Kazakhstan dispose d’un mécanisme national de prévention \
         contre la torture et les mauvais traitements fondé sur le modèle « Médiateur(trice)+ »."
    );
    // The note verbale has no paragraph numbers: named by heading and position.
    let note: Vec<&Paragraph> = pledges
        .paragraphs
        .iter()
        .filter(|p| p.label.starts_with("Note verbale"))
        .collect();
    assert_eq!(note.len(), 3);
    assert_eq!(
        note.first().map(|p| p.text.as_str()),
        Some(
            "La Mission permanente de la République du Kazakhstan auprès de l’Organisation des \
             Nations Unies a l’honneur de se référer à la candidature présentée par son \
             gouvernement au Conseil des droits de l’homme pour la période 2022-2024, en vue des \
             élections qui se tiendront à New York en octobre 2021."
        )
    );
}

#[test]
fn page_furniture_is_recognised_and_kept_out_of_the_text() {
    for (r, doc) in reports() {
        let running: Vec<&str> = doc
            .furniture
            .iter()
            .filter(|f| {
                matches!(
                    f.kind,
                    FurnitureKind::RunningHeader
                        | FurnitureKind::RunningFooter
                        | FurnitureKind::Barcode
                        | FurnitureKind::Masthead
                        | FurnitureKind::Url
                        | FurnitureKind::Footnote
                )
            })
            .map(|f| f.text.as_str())
            .collect();
        for p in &doc.paragraphs {
            for furniture in &running {
                assert!(
                    !p.text.contains(furniture),
                    "{}: {} holds {furniture}",
                    r.meta.file,
                    p.id
                );
            }
            for shape in [
                "GE.19-",
                "21-08000",
                "*2108000*",
                "http",
                "A/HRC/WG.6",
                "A/76/86",
            ] {
                assert!(
                    !p.text.contains(shape),
                    "{}: {} holds {shape}",
                    r.meta.file,
                    p.id
                );
            }
            assert!(!p.text.contains('\u{a0}') && !p.text.contains('\t') && !p.text.contains("  "));
        }
        if r.meta.file.starts_with("000") {
            let lines: Vec<(FurnitureKind, usize)> =
                doc.furniture.iter().map(|f| (f.kind, f.line)).collect();
            assert_eq!(
                lines,
                vec![
                    (FurnitureKind::RunningHeader, 403),
                    (FurnitureKind::RunningFooter, 405),
                    (FurnitureKind::RunningHeader, 2084),
                    (FurnitureKind::RunningFooter, 2086),
                ]
            );
        }
        if r.meta.file.starts_with("004") {
            let kinds: BTreeSet<String> = doc
                .furniture
                .iter()
                .map(|f| format!("{:?}", f.kind))
                .collect();
            for kind in [
                "Masthead",
                "RunningFooter",
                "Barcode",
                "RunningHeader",
                "FootnoteRule",
                "Footnote",
                "Url",
            ] {
                assert!(kinds.contains(kind), "004 has no {kind}: {kinds:?}");
            }
        }
    }
}

#[test]
fn every_non_blank_line_is_paragraph_heading_or_furniture() {
    for (r, doc) in reports() {
        let mut covered = BTreeSet::new();
        for p in &doc.paragraphs {
            covered.insert(p.first_line);
            covered.extend(p.source_lines());
        }
        for s in &doc.sections {
            covered.extend(s.first_line..=s.last_line);
        }
        covered.extend(doc.furniture.iter().map(|f| f.line));
        for (i, line) in r.text.split('\n').enumerate() {
            let blank = line.chars().all(|c| c.is_whitespace() || c == '\u{feff}');
            assert!(
                blank || covered.contains(&(i + 1)),
                "{} line {} is lost: {line:?}",
                r.meta.file,
                i + 1
            );
        }
    }
}

#[test]
fn every_character_of_clean_text_points_back_to_itself() {
    for (r, doc) in reports() {
        let lines: Vec<Vec<char>> = r.text.split('\n').map(|l| l.chars().collect()).collect();
        for p in &doc.paragraphs {
            for (offset, c) in p.text.char_indices() {
                let pos = p
                    .source_position(offset)
                    .unwrap_or_else(|| panic!("{} {}: byte {offset} unmapped", r.meta.file, p.id));
                assert!(
                    (p.first_line..=p.last_line).contains(&pos.line),
                    "{} {}: byte {offset} maps outside the paragraph",
                    r.meta.file,
                    p.id
                );
                let original = lines.get(pos.line - 1).and_then(|l| l.get(pos.column - 1));
                if c == ' ' || c == '\n' {
                    assert!(
                        original.is_none_or(|o| o.is_whitespace()),
                        "{} {}: space at byte {offset} maps to {original:?}",
                        r.meta.file,
                        p.id
                    );
                } else {
                    assert_eq!(original, Some(&c), "{} {} byte {offset}", r.meta.file, p.id);
                }
            }
            assert_eq!(p.source_position(p.text.len()), None);
        }
    }
}

#[test]
fn the_lines_of_a_paragraph_contain_its_text_white_space_aside() {
    for (r, doc) in reports() {
        let lines: Vec<&str> = r.text.split('\n').collect();
        for p in &doc.paragraphs {
            let source: String = lines
                .get(p.first_line - 1..p.last_line)
                .expect("lines in range")
                .concat()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let text: String = p.text.chars().filter(|c| !c.is_whitespace()).collect();
            // In order, with only furniture (and invisible characters) left out between.
            let mut rest = source.chars();
            for c in text.chars() {
                assert!(
                    rest.by_ref().any(|s| s == c),
                    "{} {}: {c:?} not found in lines {}..={}",
                    r.meta.file,
                    p.id,
                    p.first_line,
                    p.last_line
                );
            }
            assert!(
                source.contains(text.get(..text.len().min(40)).unwrap_or("")) || text.is_empty()
            );
        }
    }
}

#[test]
fn ids_are_unique_ascii_fragments() {
    for (r, doc) in reports() {
        let mut seen = BTreeSet::new();
        for p in &doc.paragraphs {
            assert!(
                !p.id.is_empty()
                    && p.id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}: bad id {:?}",
                r.meta.file,
                p.id
            );
            assert!(
                seen.insert(p.id.clone()),
                "{}: duplicate id {}",
                r.meta.file,
                p.id
            );
        }
    }
}

#[test]
fn headings_are_read_as_printed() {
    let (_, upr) = report("000");
    let titles: Vec<&str> = upr.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles.first().copied(), Some("I. Méthodologie"));
    assert!(titles.contains(&"II. Renseignements d’ordre général"));
    assert!(titles.contains(
        &"III. Cadre général de la protection et de la promotion des droits de l’homme, \
          élargissant la portée des obligations internationales"
    ));
    assert!(titles.contains(
        &"Protection contre la torture (mécanisme national de prévention de la torture)"
    ));
    assert!(titles.contains(&"Recommandation 125.96"));
    let (_, cat) = report("003");
    let titles: Vec<&str> = cat.sections.iter().map(|s| s.title.as_str()).collect();
    assert!(
        titles.contains(&"Article 2")
            && titles.contains(&"Paragraphe 16")
            && titles.contains(&"Alinéa d")
    );
    assert!(titles.contains(
        &"III. Informations relatives aux articles de la première partie de la Convention"
    ));
}

#[test]
fn parse_is_fast_and_total_on_hostile_input() {
    let digits = "0123456789".repeat(5_000_000);
    let started = std::time::Instant::now();
    let doc = parse(&digits);
    assert_eq!(doc.paragraphs.len(), 1);
    let mut noise = String::new();
    for i in 0..2_000_000u32 {
        let c = char::from_u32((i.wrapping_mul(2_654_435_761) >> 11) % 0x11_0000).unwrap_or('\n');
        noise.push(c);
        if i % 97 == 0 {
            noise.push('\n');
        }
    }
    let _ = parse(&noise);
    let lines = "1. x\n\n".repeat(1_000_000);
    let doc = parse(&lines);
    assert!(!doc.paragraphs.is_empty());
    // Shapes that once cost quadratic time: the same label or heading over and over
    // (ids made unique), an anchor that never closes.
    let doc = parse(&"\t\t1. a)\n".repeat(100_000));
    assert_eq!(doc.paragraphs.len(), 100_000);
    let doc = parse_as(
        &"\t\tArticle 2\nTexte.\n".repeat(50_000),
        Layout::LinePerParagraph,
    );
    assert_eq!(doc.paragraphs.len(), 50_000);
    let _ = parse(&"[bookmark:".repeat(200_000));
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
}

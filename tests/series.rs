//! The series catalogue over the bundled reports: every catalogued series and
//! every one of its points, hand-checked against the reports' text (the sentence
//! is quoted above each series), and the places where reports disagree.
//!
//! A point is (year or category, value, qualifier, year source, report, conflict).
//! Points the extractor cannot yet give right are left out and marked
//! `// EXTRACTOR:` with the reason.

use derek::corpus::bundled;
use derek::i18n::Lang;
use derek::series::catalogue::{fold, Catalogue};
use derek::series::sourced::Corpus;
use derek::series::{Key, Kind, Series};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const UPR: &str = "A/HRC/WG.6/34/KAZ/1";
const CERD: &str = "CERD/C/KAZ/11-14";
const CEDAW: &str = "CEDAW/C/KAZ/RQ/6";
const CAT: &str = "CAT/C/KAZ/3";

const EXACT: &str = "exact";
const MORE: &str = "more_than";
const ABOUT: &str = "approx";
const STATED: &str = "stated";
const IMPLIED: &str = "implied";

/// One expected point.
#[derive(Debug, Clone, PartialEq)]
struct Pt {
    key: String,
    value: f64,
    qualifier: String,
    year_source: String,
    report: String,
    conflict: bool,
}

/// A point that agrees with every other report.
fn p(key: impl ToString, value: f64, qualifier: &str, year_source: &str, report: &str) -> Pt {
    Pt {
        key: key.to_string(),
        value,
        qualifier: qualifier.to_string(),
        year_source: year_source.to_string(),
        report: report.to_string(),
        conflict: false,
    }
}

/// A point another report contradicts.
fn conflicting(point: Pt) -> Pt {
    Pt {
        conflict: true,
        ..point
    }
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| Corpus::read(bundled().expect("bundled reports")))
}

fn all_series() -> &'static [Series] {
    static SERIES: OnceLock<Vec<Series>> = OnceLock::new();
    SERIES.get_or_init(|| {
        Catalogue::bundled()
            .expect("bundled catalogue")
            .build(corpus())
    })
}

fn series(id: &str) -> &'static Series {
    all_series()
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no series {id}"))
}

fn name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The points of a built series, in the expected form.
fn actual(series: &Series) -> Vec<Pt> {
    series
        .points
        .iter()
        .map(|point| Pt {
            key: match &point.key {
                Key::Year { year } => year.to_string(),
                Key::Category { category } => category.clone(),
            },
            value: point.value,
            qualifier: name(point.qualifier),
            year_source: name(point.year_source),
            report: point.report.clone(),
            conflict: point.conflict,
        })
        .collect()
}

fn sorted(mut points: Vec<Pt>) -> Vec<Pt> {
    points.sort_by(|a, b| {
        (&a.key, &a.report, &a.qualifier)
            .cmp(&(&b.key, &b.report, &b.qualifier))
            .then(a.value.total_cmp(&b.value))
    });
    points
}

/// Every catalogued series and its hand-checked points.
fn expected() -> Vec<(&'static str, Vec<Pt>)> {
    vec![
        // ------------------------------------------------------------ violence
        (
            "domestic_violence_cases",
            // CEDAW 3 b): « Ces mesures ont entraîné une diminution des cas de violence
            // domestique, qui sont passés de 115 526 en 2022 à 75 004 en 2024. »
            vec![
                p(2022, 115_526.0, EXACT, STATED, CEDAW),
                p(2024, 75_004.0, EXACT, STATED, CEDAW),
            ],
        ),
        (
            "protection_orders_issued",
            // CAT, par. 30-31: « En 2012, plus de 44 000 ordonnances de protection ont été
            // prises [...] (en 2011, plus de 36 000 ordonnances de protection avaient été
            // rendues). »
            // UPR par. 81: « Environ 70 000 ordonnances de protection ont été délivrées et
            // les tribunaux ont imposé des règles de conduite à 80 000 auteurs de violences
            // familiales (contre 64 000 et 6 600, respectivement, en 2018). »
            // 64 000 (2018) is the count of protection orders: "respectivement" pairs it
            // with the first figure's subject.
            vec![
                p(2011, 36_000.0, MORE, STATED, CAT),
                p(2012, 44_000.0, MORE, STATED, CAT),
                p(2018, 64_000.0, EXACT, STATED, UPR),
                p(2019, 70_000.0, ABOUT, IMPLIED, UPR),
            ],
        ),
        (
            "protection_order_extensions",
            // CAT: « Le délai de l'ordonnance de protection a été prorogé dans plus de
            // 1 941 cas (1 059 en 2011). » (the paragraph speaks of 2012)
            vec![
                p(2011, 1_059.0, EXACT, STATED, CAT),
                p(2012, 1_941.0, MORE, IMPLIED, CAT),
            ],
        ),
        (
            "protection_order_breaches",
            // CAT: « Plus de mille auteurs d'infractions ont fait l'objet de sanctions
            // administratives pour non-respect d'une ordonnance de protection (700 en 2011). »
            vec![
                p(2011, 700.0, EXACT, STATED, CAT),
                p(2012, 1_000.0, MORE, IMPLIED, CAT),
            ],
        ),
        (
            "rules_of_conduct_imposed",
            // CAT: « En outre, les tribunaux ont soumis plus de 4 000 auteurs d'infractions
            // administratives (plus de 3 000 en 2011) à des règles de conduite particulières. »
            // UPR par. 81 (quoted above): 80 000 (2019, the report's year) and, by
            // "respectivement", 6 600 in 2018.
            vec![
                p(2011, 3_000.0, MORE, STATED, CAT),
                p(2012, 4_000.0, MORE, IMPLIED, CAT),
                p(2018, 6_600.0, EXACT, STATED, UPR),
                p(2019, 80_000.0, EXACT, IMPLIED, UPR),
            ],
        ),
        (
            "preventive_talks",
            // CAT: « Au total, environ 147 000 entretiens préventifs (plus de 180 000 en 2011)
            // ont été menés avec des auteurs d'infractions dans la sphère familiale [...] »
            vec![
                p(2011, 180_000.0, MORE, STATED, CAT),
                p(2012, 147_000.0, ABOUT, IMPLIED, CAT),
            ],
        ),
        (
            "family_murders",
            // CAT: « le nombre de meurtres a diminué de moitié entre 2005 et 2012, passant de
            // 578 à 285 »
            vec![
                p(2005, 578.0, EXACT, STATED, CAT),
                p(2012, 285.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "sexual_offences_against_minors",
            // UPR par. 104: « le nombre d'infractions sexuelles commises à l'égard de mineurs
            // a été divisé par 1,3 (722 en 2018 contre 943 en 2014). »
            vec![
                p(2014, 943.0, EXACT, STATED, UPR),
                p(2018, 722.0, EXACT, STATED, UPR),
            ],
        ),
        (
            "crisis_centres",
            // CAT: « Le pays compte actuellement 29 centres d'accueil d'urgence dont
            // l'activité est liée à l'assistance aux femmes victimes de violence. »: emergency
            // shelters, another kind of establishment, not part of the series.
            // CEDAW 3 f): « Le soutien est assuré par 30 centres de crise répartis dans tout
            // le pays. » (and 8 d): « 575 organisations et 30 centres de crise »)
            // CEDAW 9 i), j): « le réseau des 128 centres d'aide aux familles et des 27 centres
            // de crise » (and 11 f) likewise): the same reply gives two values for 2025;
            // both are kept, both flagged (a report contradicting itself is a conflict).
            vec![
                conflicting(p(2025, 30.0, EXACT, IMPLIED, CEDAW)),
                conflicting(p(2025, 27.0, EXACT, IMPLIED, CEDAW)),
            ],
        ),
        (
            "offences_against_women_by_age",
            // CEDAW 8 p): « En termes d'âge, les personnes de 30 à 39 ans (98 677), de 40 à
            // 49 ans (76 292) et de 21 à 29 ans (54 603) ont été les plus touchées. Chez les
            // enfants, les groupes les plus touchés sont les 14-15 ans (2 672) et les
            // 16-17 ans (1 789). » The facts are dated by the report's year; the period is
            // 2020 to July 2025, as the title says.
            vec![
                p("30-39 ans", 98_677.0, EXACT, IMPLIED, CEDAW),
                p("40-49 ans", 76_292.0, EXACT, IMPLIED, CEDAW),
                p("21-29 ans", 54_603.0, EXACT, IMPLIED, CEDAW),
                p("Enfants de 14-15 ans", 2_672.0, EXACT, IMPLIED, CEDAW),
                p("Enfants de 16-17 ans", 1_789.0, EXACT, IMPLIED, CEDAW),
            ],
        ),
        (
            "offences_against_women_by_ethnicity",
            // CEDAW 8 p): « En termes ethniques, le premier groupe est celui des Kazakhs
            // (220 407), suivi de celui des Russes (63 303), des Ukrainiens (6 314), des
            // Ouzbeks (4 285) et des Tatars (4 003). »
            vec![
                p("Kazakhs", 220_407.0, EXACT, IMPLIED, CEDAW),
                p("Russes", 63_303.0, EXACT, IMPLIED, CEDAW),
                p("Ukrainiens", 6_314.0, EXACT, IMPLIED, CEDAW),
                p("Ouzbeks", 4_285.0, EXACT, IMPLIED, CEDAW),
                p("Tatars", 4_003.0, EXACT, IMPLIED, CEDAW),
            ],
        ),
        // ------------------------------------------------------------ justice
        (
            "torture_criminal_cases",
            // CAT, articles 1, 4 et 5: « Alors qu'en 2009 trois actions pénales concernant
            // des cas de torture avaient été engagées, 13 ont été engagées en 2010, 15 en
            // 2011 et 18 en 2012. » Repeated in section V (« 3 actions pénales pour actes de
            // torture en 2009, 13 en 2010, 15 en 2011 et 18 en 2012 »): merged.
            vec![
                p(2009, 3.0, EXACT, STATED, CAT),
                p(2010, 13.0, EXACT, STATED, CAT),
                p(2011, 15.0, EXACT, STATED, CAT),
                p(2012, 18.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "unlawful_detentions_ended_by_prosecutors",
            // CAT, article 12: « faute de motif d'arrestation, les procureurs ont pu libérer
            // 823 personnes qui se trouvaient dans des centres de détention temporaire en
            // 2008, 1 243 en 2009, 1 224 en 2010, 1 423 en 2011 et 1 770 en 2012. »
            vec![
                p(2008, 823.0, EXACT, STATED, CAT),
                p(2009, 1_243.0, EXACT, STATED, CAT),
                p(2010, 1_224.0, EXACT, STATED, CAT),
                p(2011, 1_423.0, EXACT, STATED, CAT),
                p(2012, 1_770.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "temporary_detention_admissions",
            // CAT, article 12: « Bon an mal an, près de 38 000 personnes soupçonnées
            // d'infractions sont incarcérées dans les centres de détention temporaire [...].
            // Mais si le nombre des personnes ainsi incarcérées était supérieur à 46 000 en
            // 2008, il s'est établi à 31 836 en 2012. » The habitual 38 000 is not a 2012
            // figure: `year_stated` leaves it out (see the test below).
            vec![
                p(2008, 46_000.0, MORE, STATED, CAT),
                p(2012, 31_836.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "prison_population",
            // CAT, article 2: « On comptait, au 1er janvier 2013, 48 684 condamnés et
            // inculpés détenus, contre 63 000 en 2009. » Paragraph 32 prints the same
            // figure as « 48 6864 »: the plausibility bound leaves the misprint out (see the
            // test below).
            vec![
                p(2009, 63_000.0, EXACT, STATED, CAT),
                p(2013, 48_684.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "penitentiary_complaints",
            // CAT, article 13: « Alors qu'en 2008 le Comité a reçu 5 327 requêtes émanant de
            // personnes physiques et morales, il en a reçu 4 285 en 2012 (5 288 en 2009,
            // 4 889 en 2010 et 4 686 en 2011). »
            vec![
                p(2008, 5_327.0, EXACT, STATED, CAT),
                p(2009, 5_288.0, EXACT, STATED, CAT),
                p(2010, 4_889.0, EXACT, STATED, CAT),
                p(2011, 4_686.0, EXACT, STATED, CAT),
                p(2012, 4_285.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "extraditions",
            // CAT, paragraphe 11: « 576 personnes ont été extradées [...] au cours de la
            // période considérée (dont 108 en 2008, 81 en 2009, 151 en 2010, 114 en 2011 et
            // 122 en 2012). » The period total, dated only by the report's year, is left out.
            vec![
                p(2008, 108.0, EXACT, STATED, CAT),
                p(2009, 81.0, EXACT, STATED, CAT),
                p(2010, 151.0, EXACT, STATED, CAT),
                p(2011, 114.0, EXACT, STATED, CAT),
                p(2012, 122.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "extraditions_refused",
            // CAT, paragraphe 11: « Le Kazakhstan a refusé d'extrader 63 personnes vers un
            // État étranger (dont 22 en 2008, 7 en 2009, 4 en 2010, 22 en 2011 et 8 en
            // 2012). »
            vec![
                p(2008, 22.0, EXACT, STATED, CAT),
                p(2009, 7.0, EXACT, STATED, CAT),
                p(2010, 4.0, EXACT, STATED, CAT),
                p(2011, 22.0, EXACT, STATED, CAT),
                p(2012, 8.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "npm_preventive_visits",
            // UPR par. 68: « À ce jour, plus de 2 500 visites préventives ont été effectuées :
            // 277 visites (dont 14 inopinées) en 2014, 528 visites (dont 20 inopinées) en
            // 2015, 680 visites (dont 14 inopinées) en 2016, 534 visites (dont 24 inopinées)
            // en 2017 et 461 visites (dont 27 inopinées) en 2018. »
            vec![
                p(2014, 277.0, EXACT, STATED, UPR),
                p(2015, 528.0, EXACT, STATED, UPR),
                p(2016, 680.0, EXACT, STATED, UPR),
                p(2017, 534.0, EXACT, STATED, UPR),
                p(2018, 461.0, EXACT, STATED, UPR),
            ],
        ),
        (
            "npm_establishments",
            // UPR par. 26: « Le nombre d'établissements à visiter dans le cadre du mécanisme
            // national de prévention [...] est passé de 400 en 2014 à 3 262 en 2019. »
            vec![
                p(2014, 400.0, EXACT, STATED, UPR),
                p(2019, 3_262.0, EXACT, STATED, UPR),
            ],
        ),
        (
            "trafficking_criminal_cases",
            // CAT, paragraphe 32: « En 2011, 287 actions pénales liées à la traite des êtres
            // humains (267 en 2012) ont été engagées, notamment 25 (19 en 2012) pour traite
            // d'êtres humains [...] »
            // UPR par. 260: « En 2018, le ministère public a engagé 276 procédures pénales,
            // dont une relative à l'enlèvement [...] ; 14 pour traite des personnes [...] »
            // CERD par. 317 (« Au cours de la période écoulée de 2025, 78 procédures
            // pénales ») is part of a year: left out by `years`.
            vec![
                p(2011, 287.0, EXACT, STATED, CAT),
                p(2012, 267.0, EXACT, STATED, CAT),
                p(2018, 276.0, EXACT, STATED, UPR),
            ],
        ),
        (
            "trafficking_persons_prosecuted",
            // CAT, paragraphe 32: « En 2012, des poursuites pénales pour des infractions liées
            // à la traite des êtres humains ont été engagées contre 34 personnes (37 en 2011),
            // dont 4 agents de l'État (3 en 2011). »
            vec![
                p(2011, 37.0, EXACT, STATED, CAT),
                p(2012, 34.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "incitement_cases_registered",
            // CERD par. 156: « Le nombre d'affaires pénales enregistrées au titre de l'article
            // 174 du Code pénal [...] s'élève à 46 en 2022, à 84 en 2023, et à 91 en 2024 »
            // (par. 158 repeats « de 46 à 91 »).
            vec![
                p(2022, 46.0, EXACT, STATED, CERD),
                p(2023, 84.0, EXACT, STATED, CERD),
                p(2024, 91.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "incitement_persons_convicted",
            // CERD par. 155: « en 2022, 12 affaires ont été jugées et 12 personnes ont été
            // condamnées ; en 2023, 18 affaires ont été jugées et 20 personnes ont été
            // condamnées ; en 2024, 32 affaires ont été jugées et 30 personnes ont été
            // condamnées ; et au cours des six premiers mois de 2025, 24 affaires ont été
            // jugées et 26 personnes ont été condamnées. » The half year is kept (a
            // partial period); the 88 of 2022 to mid-2025, dated by the report only, is not.
            vec![
                p(2022, 12.0, EXACT, STATED, CERD),
                p(2023, 20.0, EXACT, STATED, CERD),
                p(2024, 30.0, EXACT, STATED, CERD),
                p(2025, 26.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "banned_association_cases",
            // CERD par. 191 c): « En 2022, 27 procédures pénales ont été enregistrées au titre
            // de l'article 405 du Code pénal, 23 procédures en 2023 et 22 en 2024. »
            vec![
                p(2022, 27.0, EXACT, STATED, CERD),
                p(2023, 23.0, EXACT, STATED, CERD),
                p(2024, 22.0, EXACT, STATED, CERD),
            ],
        ),
        // ------------------------------------------------------------ migration
        (
            "stateless_granted_citizenship",
            // CERD par. 303: « Au cours des cinq dernières années, plus de 7 000 apatrides ont
            // obtenu la nationalité kazakhstanaise (1 655 en 2020, 1 808 en 2021, 1 374 en
            // 2022, 1 542 en 2023, 676 en 2024 et 396 au cours des huit premiers mois de
            // 2025). » The eight months of 2025 are kept, marked partial (see
            // `a_part_year_figure_is_kept_with_its_months`).
            vec![
                p(2020, 1_655.0, EXACT, STATED, CERD),
                p(2021, 1_808.0, EXACT, STATED, CERD),
                p(2022, 1_374.0, EXACT, STATED, CERD),
                p(2023, 1_542.0, EXACT, STATED, CERD),
                p(2024, 676.0, EXACT, STATED, CERD),
                p(2025, 396.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "immigrant_arrivals",
            // CERD par. 220: « (17 425 immigrants (1 029 enfants) en 2022, 25 387 (1 930
            // enfants) en 2023, 29 282 (3 272 enfants) en 2024) »
            vec![
                p(2022, 17_425.0, EXACT, STATED, CERD),
                p(2023, 25_387.0, EXACT, STATED, CERD),
                p(2024, 29_282.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "immigrant_children",
            // Same sentence.
            vec![
                p(2022, 1_029.0, EXACT, STATED, CERD),
                p(2023, 1_930.0, EXACT, STATED, CERD),
                p(2024, 3_272.0, EXACT, STATED, CERD),
            ],
        ),
        // ------------------------------------------------------------ population
        (
            "ethnic_composition_2025",
            // CERD par. 58: « Au début de 2025, le Kazakhstan comptait environ 20,3 millions
            // d'habitants, dont la composition ethnique était la suivante : 14,4 millions de
            // Kazakhstanais (71,2 %), 2,9 millions de Russes (14,6 %), 678 400 Ouzbeks
            // (3,3 %), 371 800 Ukrainiens (1,8 %), 305 600 Ouïghours (1,5 %), 218 900 Tatars
            // (1,1 %), 223 200 Allemands (1,2 %), 155 300 Azerbaïdjanais (0,7 %), 120 600
            // Coréens (0,6 %), 91 700 Turcs (0,4 %), 86 000 Dounganes (0,4 %) et autres. »
            vec![
                p("Kazakhstanais", 14_400_000.0, EXACT, STATED, CERD),
                p("Russes", 2_900_000.0, EXACT, STATED, CERD),
                p("Ouzbeks", 678_400.0, EXACT, STATED, CERD),
                p("Ukrainiens", 371_800.0, EXACT, STATED, CERD),
                p("Ouïghours", 305_600.0, EXACT, STATED, CERD),
                p("Tatars", 218_900.0, EXACT, STATED, CERD),
                p("Allemands", 223_200.0, EXACT, STATED, CERD),
                p("Azerbaïdjanais", 155_300.0, EXACT, STATED, CERD),
                p("Coréens", 120_600.0, EXACT, STATED, CERD),
                p("Turcs", 91_700.0, EXACT, STATED, CERD),
                p("Dounganes", 86_000.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "kazakh_mother_tongue_other_groups",
            // CERD par. 350: « En 2022, [...] 0,4 % des membres d'autres groupes ethniques
            // considéraient le kazakh comme leur langue maternelle (2020 : 1 %, 2021 :
            // 1,2 %). »
            vec![
                p(2020, 1.0, EXACT, STATED, CERD),
                p(2021, 1.2, EXACT, STATED, CERD),
                p(2022, 0.4, EXACT, STATED, CERD),
            ],
        ),
        // ------------------------------------------------------------ education
        (
            "general_schools",
            // UPR par. 195: « En 2017, le droit à l'enseignement secondaire obligatoire gratuit
            // était garanti au sein de 7 414 établissements d'enseignement général (95 % publics
            // et 5 % privés), dans lesquels 3 050 700 élèves étaient inscrits. »
            // CERD par. 249: « Au cours de l'année scolaire 2022/23, on dénombrait 6 909
            // établissements d'enseignement général dans le pays (2020 : 6 957, 2021 : 6 941),
            // dont 3 743 (54,2 %) dispensaient un enseignement en kazakh, [...] »
            vec![
                p(2017, 7_414.0, EXACT, STATED, UPR),
                p(2020, 6_957.0, EXACT, STATED, CERD),
                p(2021, 6_941.0, EXACT, STATED, CERD),
                p(2022, 6_909.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "pupils",
            // UPR par. 195 (above): 3 050 700 pupils in 2017.
            // CERD par. 249: « (au cours de l'année scolaire 2020/21, les écoles accueillaient
            // 3 368 702 enfants au total, [...]) »
            // EXTRACTOR: CERD par. 249 also gives « Au total, 3 484 139 élèves étaient inscrits
            // dans ces écoles » for the school year 2022/23 of the sentence before; the
            // extractor dates it by the report's year (2025, implied), so `year_stated`
            // leaves it out rather than show it under 2025.
            vec![
                p(2017, 3_050_700.0, EXACT, STATED, UPR),
                p(2020, 3_368_702.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "schools_by_language_2022",
            // CERD par. 249: « dont 3 743 (54,2 %) dispensaient un enseignement en kazakh,
            // 1 055 (15,3 %) en russe, 2 106 (30,5 %) en plusieurs langues et 5 (0,07 %) en
            // ouïghour. »
            vec![
                p("Kazakh", 3_743.0, EXACT, STATED, CERD),
                p("Russe", 1_055.0, EXACT, STATED, CERD),
                p("Plusieurs langues", 2_106.0, EXACT, STATED, CERD),
                p("Ouïghour", 5.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "pupils_by_language_2020",
            // CERD par. 249: « (au cours de l'année scolaire 2020/21, les écoles accueillaient
            // 3 368 702 enfants au total, dont 2 223 455 (66 %) suivaient un enseignement en
            // kazakh, 1 041 909 (30,9 %) en russe et 103 338 (3,1 %) en ouïghour, en ouzbek et
            // en tadjik) »
            // EXTRACTOR: the 2022/23 breakdown of the same sentence (2 307 960 in Kazakh,
            // 1 077 915 in Russian, 98 264 in other languages) is dated 2025 (implied) by the
            // extractor instead of 2022, so it cannot be catalogued as the 2022/23 breakdown.
            vec![
                p("Kazakh", 2_223_455.0, EXACT, STATED, CERD),
                p("Russe", 1_041_909.0, EXACT, STATED, CERD),
                p("Ouïghour, ouzbek et tadjik", 103_338.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "teachers_trained_updated_curricula",
            // UPR par. 201: « Environ 150 000 enseignants (74 149 en 2016 et 74 558 en 2017)
            // ont suivi une formation correspondant aux programmes actualisés. » The total is
            // not a yearly figure.
            vec![
                p(2016, 74_149.0, EXACT, STATED, UPR),
                p(2017, 74_558.0, EXACT, STATED, UPR),
            ],
        ),
        // ------------------------------------------------------------ institutions
        (
            "ombudsman_complaints",
            // CERD par. 380: « le nombre de plaintes adressées au Commissaire a augmenté,
            // passant de 2 300 en 2021 à 6 748 en 2024 (+193 %) »
            vec![
                p(2021, 2_300.0, EXACT, STATED, CERD),
                p(2024, 6_748.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "women_in_parliament",
            // UPR par. 126: « Actuellement, 34 femmes siègent au Parlement et représentent
            // environ 22 % du nombre total de députés, [...] (en 2011, les femmes représentaient
            // 13,7 % des députés, elles étaient 7,8 % en 2012, 20,1 % en 2013, 20,1 % en 2014,
            // 20,4 % en 2015, 21,7 % en 2016 et 22,2 % en 2017). »
            // CEDAW 10 d): « [...] l'augmentation de la représentation des femmes au Parlement
            // (18,9 %) et dans les Maslikhats (22,7 %). » The 18,9 % is, by answer 10 b), the
            // share of women among the Majilis members elected from party lists within the
            // 30 % quota: another body and another count, not part of the series.
            vec![
                p(2011, 13.7, EXACT, STATED, UPR),
                p(2012, 7.8, EXACT, STATED, UPR),
                p(2013, 20.1, EXACT, STATED, UPR),
                p(2014, 20.1, EXACT, STATED, UPR),
                p(2015, 20.4, EXACT, STATED, UPR),
                p(2016, 21.7, EXACT, STATED, UPR),
                p(2017, 22.2, EXACT, STATED, UPR),
                p(2019, 22.0, ABOUT, IMPLIED, UPR),
            ],
        ),
        (
            "women_in_civil_service_2025",
            // CERD par. 91 (repeated in par. 210): « Au 1er juillet 2025, 56,2 % des agents de
            // l'État étaient des femmes, dont 39,1 % occupaient des postes à responsabilité
            // (44,9 % dans les organes centraux et 34,4 % dans les organes locaux). »
            // CEDAW 10 d): « Les femmes représentent déjà 55,8 % des fonctionnaires, 39,1 %
            // des cadres et 53 % des juges. »
            // CEDAW 15 d): « Dans la fonction publique, 56,2 % des employés et 39,1 % des
            // cadres sont des femmes »
            // 55,8 % contradicts both 56,2 %: all three flagged.
            vec![
                conflicting(p(
                    "Agents de l'État (fonctionnaires, employés)",
                    56.2,
                    EXACT,
                    STATED,
                    CERD,
                )),
                conflicting(p(
                    "Agents de l'État (fonctionnaires, employés)",
                    56.2,
                    EXACT,
                    IMPLIED,
                    CEDAW,
                )),
                conflicting(p(
                    "Agents de l'État (fonctionnaires, employés)",
                    55.8,
                    EXACT,
                    IMPLIED,
                    CEDAW,
                )),
                p(
                    "Postes à responsabilité (cadres)",
                    39.1,
                    EXACT,
                    STATED,
                    CERD,
                ),
                p(
                    "Postes à responsabilité (cadres)",
                    39.1,
                    EXACT,
                    IMPLIED,
                    CEDAW,
                ),
                p(
                    "Postes à responsabilité, organes centraux",
                    44.9,
                    EXACT,
                    STATED,
                    CERD,
                ),
                p(
                    "Postes à responsabilité, organes locaux",
                    34.4,
                    EXACT,
                    STATED,
                    CERD,
                ),
            ],
        ),
        (
            "ethnocultural_associations",
            // UPR par. 238: « L'Assemblée collabore avec 1 155 associations ethnoculturelles
            // (dont 29 associations nationales). »
            // CERD par. 411: « Il existe au Kazakhstan plus de 1 000 associations
            // ethnoculturelles et quelque 400 écoles du dimanche [...] »
            vec![
                p(2019, 1_155.0, EXACT, IMPLIED, UPR),
                p(2025, 1_000.0, MORE, IMPLIED, CERD),
            ],
        ),
        (
            "sunday_schools",
            // UPR par. 241: « Le pays compte actuellement 190 écoles du dimanche [...] »
            // CERD par. 411 (above): « quelque 400 écoles du dimanche »
            vec![
                p(2019, 190.0, EXACT, IMPLIED, UPR),
                p(2025, 400.0, ABOUT, IMPLIED, CERD),
            ],
        ),
        // ------------------------------------------------------------ found by `derek candidates`
        (
            "family_offenders_brought_to_police",
            // CAT, paragraphes 30-31: « [...] plus de 68 000 personnes (58 000 en 2011) ont été
            // amenées devant les services du Ministère de l'intérieur, dont plus de 36 000
            // (23 000 en 2011) ont été arrêtées selon les modalités prévues à l'article 620 du
            // Code des infractions administratives intitulé «Arrestation administrative». »
            vec![
                p(2011, 58_000.0, EXACT, STATED, CAT),
                p(2012, 68_000.0, MORE, IMPLIED, CAT),
            ],
        ),
        (
            "family_offenders_administrative_arrest",
            // Same sentence.
            vec![
                p(2011, 23_000.0, EXACT, STATED, CAT),
                p(2012, 36_000.0, MORE, IMPLIED, CAT),
            ],
        ),
        (
            "family_violence_hotline_calls",
            // CAT: « En 2012, la permanence téléphonique a reçu plus de 1 000 appels (plus de
            // 180 en 2011). »
            vec![
                p(2011, 180.0, MORE, STATED, CAT),
                p(2012, 1_000.0, MORE, STATED, CAT),
            ],
        ),
        (
            "family_violence_prevention_presentations",
            // CAT: « Plus de 38 000 présentations sur les nouvelles dispositions législatives en
            // matière de prévention de la violence dans la famille (37 000 en 2011) et plus de
            // 16 000 tables rondes et formations (plus de 15 000 en 2011) ont été organisées »
            vec![
                p(2011, 37_000.0, EXACT, STATED, CAT),
                p(2012, 38_000.0, MORE, IMPLIED, CAT),
            ],
        ),
        (
            "family_violence_round_tables",
            // Same sentence.
            vec![
                p(2011, 15_000.0, MORE, STATED, CAT),
                p(2012, 16_000.0, MORE, IMPLIED, CAT),
            ],
        ),
        (
            "victims_assisted",
            // CEDAW 3 f): « Le soutien est assuré par 30 centres de crise répartis dans tout le
            // pays. En 2024, 4 656 personnes (1 445 femmes et 3 200 mineurs) ont été aidées et
            // pour le premier semestre 2025, 1 886 personnes, dont 587 femmes, ont été aidées. »
            vec![
                p(2024, 4_656.0, EXACT, STATED, CEDAW),
                p(2025, 1_886.0, EXACT, STATED, CEDAW),
            ],
        ),
        (
            "women_victims_assisted",
            // Same sentence.
            vec![
                p(2024, 1_445.0, EXACT, STATED, CEDAW),
                p(2025, 587.0, EXACT, STATED, CEDAW),
            ],
        ),
        (
            "npm_unannounced_visits",
            // UPR par. 68 (quoted under npm_preventive_visits): « 277 visites (dont 14
            // inopinées) en 2014, [...] »
            vec![
                p(2014, 14.0, EXACT, STATED, UPR),
                p(2015, 20.0, EXACT, STATED, UPR),
                p(2016, 14.0, EXACT, STATED, UPR),
                p(2017, 24.0, EXACT, STATED, UPR),
                p(2018, 27.0, EXACT, STATED, UPR),
            ],
        ),
        (
            "ngo_detention_visits",
            // CAT sect. V: « Alors qu'en 2008 les organisations non gouvernementales avaient
            // effectué 697 visites dans des lieux de détention provisoire et des établissements
            // pénitentiaires, elles en ont effectué 1 377 en 2011. »
            vec![
                p(2008, 697.0, EXACT, STATED, CAT),
                p(2011, 1_377.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "public_monitoring_interventions",
            // CAT, paragraphe 7: « Le nombre d'interventions et de visites d'établissements
            // organisées en collaboration avec les commissions de surveillance publique augmente
            // chaque année [...]. En 2012, 420 interventions ont eu lieu, contre 146 en 2006. »
            vec![
                p(2006, 146.0, EXACT, STATED, CAT),
                p(2012, 420.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "extradition_instructions_executed",
            // CAT, paragraphe 19: « Le Comité du système pénitentiaire exécute chaque année plus
            // de 300 instructions des services du Procureur général [...] (380 en 2008, 388 en
            // 2009, 325 en 2010, 362 en 2011, 369 en 2012). »
            vec![
                p(2008, 380.0, EXACT, STATED, CAT),
                p(2009, 388.0, EXACT, STATED, CAT),
                p(2010, 325.0, EXACT, STATED, CAT),
                p(2011, 362.0, EXACT, STATED, CAT),
                p(2012, 369.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "penitentiary_staff_complaints_share",
            // CAT, article 13: « Le pourcentage de plaintes pour actes illégaux commis par des
            // agents pénitentiaires a également baissé, passant de 5,4 % en 2008 à 3,2 % en
            // 2011. »
            vec![
                p(2008, 5.4, EXACT, STATED, CAT),
                p(2011, 3.2, EXACT, STATED, CAT),
            ],
        ),
        (
            "specialised_establishments_funding",
            // CAT, article 2: « (195 millions de tenge en 2009 et en 2010, 900 millions en 2011,
            // 722 millions en 2012) »
            // EXTRACTOR: « 195 millions de tenge en 2009 et en 2010 » is read as one figure for
            // the period 2009-2010; the text gives it for each year.
            vec![
                p(2011, 900_000_000.0, EXACT, STATED, CAT),
                p(2012, 722_000_000.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "trafficking_in_persons_cases",
            // CAT, paragraphe 32: « notamment 25 (19 en 2012) pour traite d'êtres humains »;
            // UPR par. 260: « 14 pour traite des personnes » (2018, with a break in series).
            vec![
                p(2011, 25.0, EXACT, STATED, CAT),
                p(2012, 19.0, EXACT, STATED, CAT),
                p(2018, 14.0, EXACT, STATED, UPR),
            ],
        ),
        (
            "trafficking_sexual_exploitation_cases",
            // CAT, paragraphe 32: « dont 21 (11 en 2012) pour exploitation sexuelle »
            vec![
                p(2011, 21.0, EXACT, STATED, CAT),
                p(2012, 11.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "trafficking_officials_prosecuted",
            // CAT, paragraphe 32: « contre 34 personnes (37 en 2011), dont 4 agents de l'État
            // (3 en 2011) »
            vec![
                p(2011, 3.0, EXACT, STATED, CAT),
                p(2012, 4.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "trafficking_cases_uncovered_by_operation",
            // CAT, paragraphe 32: « En 2011, cette opération [...] a permis de mettre au jour plus
            // de 120 cas liés à la traite des êtres humains. En 2012, l'opération [...] a permis
            // de mettre au jour 130 cas liés à la traite des êtres humains. »
            vec![
                p(2011, 120.0, MORE, STATED, CAT),
                p(2012, 130.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "incitement_cases_tried",
            // CERD par. 155 (quoted under incitement_persons_convicted): 12, 18, 32 affaires
            // jugées, and 24 in the first six months of 2025.
            vec![
                p(2022, 12.0, EXACT, STATED, CERD),
                p(2023, 18.0, EXACT, STATED, CERD),
                p(2024, 32.0, EXACT, STATED, CERD),
                p(2025, 24.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "intolerant_association_cases",
            // CERD par. 191 b): « De 2022 à 2024, quatre procédures pénales ont été engagées au
            // titre de l'article 404 du Code pénal (1 procédure en 2022, 1 en 2023 et 2 en
            // 2024) »
            vec![
                p(2022, 1.0, EXACT, STATED, CERD),
                p(2023, 1.0, EXACT, STATED, CERD),
                p(2024, 2.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "unregistered_association_offences",
            // CERD par. 191 c): « Le Code des infractions administratives (art. 489) complète le
            // système législatif en interdisant la participation à des associations non
            // déclarées [...]. Trente-huit procédures ont été enregistrées à ce titre en 2022,
            // 60 en 2023 et 64 en 2024. »
            vec![
                p(2022, 38.0, EXACT, STATED, CERD),
                p(2023, 60.0, EXACT, STATED, CERD),
                p(2024, 64.0, EXACT, STATED, CERD),
            ],
        ),
        (
            "children_in_updated_curriculum_schools",
            // UPR par. 201: « Quarante-trois pour cent des enfants étaient inscrits dans des
            // établissements dont le programme avait été actualisé (contre 12,6 % en 2016). »
            vec![
                p(2016, 12.6, EXACT, STATED, UPR),
                p(2019, 43.0, EXACT, IMPLIED, UPR),
            ],
        ),
        (
            "women_individual_entrepreneurs",
            // UPR par. 135: « Les femmes représentent 79,4 % des entrepreneurs individuels
            // kazakhs (contre 47,7 % en 2014). »
            vec![
                p(2014, 47.7, EXACT, STATED, UPR),
                p(2019, 79.4, EXACT, IMPLIED, UPR),
            ],
        ),
        (
            "rural_women_microcredit_share",
            // CEDAW 16 h): « En 2024, les femmes rurales ont reçu 41,2 % des microcrédits ; au
            // premier semestre 2025, la proportion était de 44 %. »
            vec![
                p(2024, 41.2, EXACT, STATED, CEDAW),
                p(2025, 44.0, EXACT, STATED, CEDAW),
            ],
        ),
        (
            "prison_staff_convicted",
            // CAT, paragraphe 7: « En 2011, les actions pénales engagées ont abouti à la
            // condamnation de 12 personnes. [...] Au total, 11 agents ont été condamnés en 2012
            // pour usage de la violence. » (a break in series in 2012)
            vec![
                p(2011, 12.0, EXACT, STATED, CAT),
                p(2012, 11.0, EXACT, STATED, CAT),
            ],
        ),
        (
            "preschool_enrolment_rate",
            // UPR par. 201: « Le taux de couverture de l'enseignement préscolaire pour les
            // enfants de 3 à 6 ans était de 93,1 %. » CERD par. 225: « le taux de scolarisation
            // des enfants âgés de 2 à 6 ans atteint 93,1 % » (a break in series in 2025).
            vec![
                p(2019, 93.1, EXACT, IMPLIED, UPR),
                p(2025, 93.1, EXACT, IMPLIED, CERD),
            ],
        ),
        (
            "persons_with_disabilities",
            // CERD par. 89: « Le Kazakhstan compte 737 400 personnes handicapées »; CEDAW 17:
            // « Le pays compte 743 900 personnes handicapées »: two reports of 2025, two values.
            // EXTRACTOR: UPR par. 145's « 670 000 personnes handicapées vivent dans le pays »
            // is dated by the plan « pour la période 2012-2018 » named earlier in the sentence.
            vec![
                conflicting(p(2025, 737_400.0, EXACT, IMPLIED, CERD)),
                conflicting(p(2025, 743_900.0, EXACT, IMPLIED, CEDAW)),
            ],
        ),
    ]
}

#[test]
fn the_catalogue_parses_and_uses_every_theme() {
    let catalogue = Catalogue::bundled().expect("bundled catalogue");
    assert_eq!(catalogue.series.len(), 66);
    let themes: BTreeSet<&str> = catalogue.themes.iter().map(|t| t.id.as_str()).collect();
    let used: BTreeSet<&str> = catalogue.series.iter().map(|s| s.theme.as_str()).collect();
    assert_eq!(themes, used, "a theme without series, or the reverse");
    for def in &catalogue.series {
        assert!(
            def.note_fr.is_empty() == def.note_en.is_empty(),
            "{}: a note in one language only",
            def.id
        );
    }
}

#[test]
fn every_catalogued_series_is_checked_here() {
    let catalogued: BTreeSet<&str> = all_series().iter().map(|s| s.id.as_str()).collect();
    let checked: BTreeSet<&str> = expected().iter().map(|(id, _)| *id).collect();
    assert_eq!(catalogued, checked);
}

#[test]
fn every_series_has_its_hand_checked_points() {
    let mut wrong = Vec::new();
    for (id, points) in expected() {
        let got = sorted(actual(series(id)));
        let want = sorted(points);
        if got != want {
            wrong.push(format!("{id}:\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A time series spans two years or more, except one that exists to show a
/// contradiction: two conflicting values for its one year (the crisis centres).
#[test]
fn every_series_has_two_points_and_every_breakdown_three_categories() {
    for s in all_series() {
        assert!(s.points.len() >= 2, "{}: {} points", s.id, s.points.len());
        if s.kind == Kind::Breakdown {
            let categories: BTreeSet<&str> = s.points.iter().filter_map(|p| p.category()).collect();
            assert!(categories.len() >= 3, "{}: {categories:?}", s.id);
        } else {
            let years: BTreeSet<i32> = s.points.iter().filter_map(|p| p.year()).collect();
            let contradiction = s.points.iter().filter(|p| p.conflict).count() >= 2;
            assert!(years.len() >= 2 || contradiction, "{}: {years:?}", s.id);
        }
    }
}

#[test]
fn time_series_run_in_year_order_and_breakdowns_largest_first() {
    for s in all_series() {
        match s.kind {
            Kind::Time => {
                let years: Vec<i32> = s.points.iter().filter_map(|p| p.year()).collect();
                assert!(
                    years.windows(2).all(|w| w[0] <= w[1]),
                    "{}: {years:?}",
                    s.id
                );
            }
            Kind::Breakdown => {
                let values: Vec<f64> = s.points.iter().map(|p| p.value).collect();
                assert!(
                    values.windows(2).all(|w| w[0] >= w[1]),
                    "{}: {values:?}",
                    s.id
                );
            }
        }
    }
}

#[test]
fn every_point_cites_the_sentence_it_was_read_in() {
    let reports: BTreeMap<&str, &str> = corpus()
        .reports
        .iter()
        .map(|r| (r.meta.symbol.as_str(), r.text))
        .collect();
    for s in all_series() {
        for point in &s.points {
            assert!(
                point.sentence.contains(&point.verbatim),
                "{}: {point:?}",
                s.id
            );
            let text = reports.get(point.report.as_str()).expect("known report");
            let line = text.lines().nth(point.line - 1).unwrap_or("");
            // The number starts on its line (a wrapped number may continue on the next).
            let head = point.verbatim.split([' ', '\u{a0}']).next().unwrap_or("");
            assert!(
                line.contains(head),
                "{}: line {} lacks {head:?}",
                s.id,
                point.line
            );
        }
    }
}

// ------------------------------------------------------------------------------
// Disagreements: the same quantity and date given twice.

/// Two reports of 2025 give the share of women among civil servants as 56,2 % (CERD,
/// and one CEDAW reply) and 55,8 % (another CEDAW reply): every value for the
/// category is flagged (the two equal 56,2 % too: neither is "the" value), and the
/// 39,1 % for senior posts, on which they agree, is not.
#[test]
fn reports_disagreeing_on_women_in_the_civil_service_are_flagged() {
    let s = series("women_in_civil_service_2025");
    let all: Vec<(f64, &str, bool)> = s
        .points
        .iter()
        .filter(|p| p.category() == Some("Agents de l'État (fonctionnaires, employés)"))
        .map(|p| (p.value, p.report.as_str(), p.conflict))
        .collect();
    assert_eq!(
        all,
        vec![(56.2, CERD, true), (56.2, CEDAW, true), (55.8, CEDAW, true)]
    );
    let senior: Vec<bool> = s
        .points
        .iter()
        .filter(|p| p.category() == Some("Postes à responsabilité (cadres)"))
        .map(|p| p.conflict)
        .collect();
    assert_eq!(senior, vec![false, false]);
}

/// The CEDAW reply counts 30 crisis centres in answers 3 f) and 8 d) and 27 in answers
/// 9 i), j) and 11 f): one report, two values, both shown, each once, and both
/// flagged: a report contradicting itself is a conflict too.
#[test]
fn one_report_giving_two_counts_of_crisis_centres_keeps_both() {
    let s = series("crisis_centres");
    let in_2025: Vec<(f64, &str, bool)> = s
        .points
        .iter()
        .filter(|p| p.year() == Some(2025))
        .map(|p| (p.value, p.paragraph.as_str(), p.conflict))
        .collect();
    assert_eq!(in_2025.len(), 2, "{in_2025:?}");
    assert!(in_2025.iter().any(|(v, _, c)| *v == 30.0 && *c));
    assert!(in_2025.iter().any(|(v, _, c)| *v == 27.0 && *c));
    // Each value is stated twice in the reply: the repeats are merged.
    let stated = corpus()
        .facts
        .iter()
        .filter(|f| f.report == CEDAW && f.fact.subject.starts_with("centres de crise"))
        .count();
    assert_eq!(stated, 4);
}

/// The CAT report gives the prison population at 1 January 2013 twice: « 48 684 » and,
/// in paragraph 32, the misprint « 48 6864 » (read as 486 864, ten times more). The
/// series keeps the plausible figure only.
#[test]
fn a_misprinted_second_figure_for_the_same_date_stays_off_the_series() {
    let misprint = corpus()
        .facts
        .iter()
        .find(|f| f.report == CAT && f.fact.verbatim == "48 6864")
        .expect("the misprint is a fact");
    assert_eq!(misprint.fact.value, 486_864.0);
    let s = series("prison_population");
    let in_2013: Vec<f64> = s
        .points
        .iter()
        .filter(|p| p.year() == Some(2013))
        .map(|p| p.value)
        .collect();
    assert_eq!(in_2013, vec![48_684.0]);
}

/// « Bon an mal an, près de 38 000 personnes [...] sont incarcérées » is dated 2012 by
/// the report's year only, next to « 31 836 en 2012 »: a habitual figure, not a second
/// value for 2012.
#[test]
fn a_habitual_figure_dated_by_the_report_does_not_contradict_a_yearly_one() {
    let habitual = corpus()
        .facts
        .iter()
        .find(|f| f.report == CAT && f.fact.value == 38_000.0 && f.sentence.contains("Bon an"))
        .expect("the habitual figure is a fact");
    assert_eq!(name(habitual.fact.year_source), IMPLIED);
    let s = series("temporary_detention_admissions");
    let in_2012: Vec<f64> = s
        .points
        .iter()
        .filter(|p| p.year() == Some(2012))
        .map(|p| p.value)
        .collect();
    assert_eq!(in_2012, vec![31_836.0]);
}

/// A report repeating its own figures is one point a year: CAT states the torture cases
/// of 2009-2012 in two sections, CERD the art. 174 cases of 2022 and 2024 twice.
#[test]
fn a_report_repeating_its_figures_gives_one_point_a_year() {
    for (id, repeated) in [
        ("torture_criminal_cases", 8),
        ("incitement_cases_registered", 5),
    ] {
        let def = Catalogue::bundled()
            .expect("bundled catalogue")
            .series
            .into_iter()
            .find(|d| d.id == id)
            .expect("catalogued");
        let selected = corpus().facts.iter().filter(|f| def.selects(f)).count();
        assert_eq!(selected, repeated, "{id}");
        let s = series(id);
        let years: BTreeSet<i32> = s.points.iter().filter_map(|p| p.year()).collect();
        assert_eq!(years.len(), s.points.len(), "{id}");
        assert!(s.points.iter().all(|p| !p.conflict), "{id}");
    }
}

/// Different values for the same year or category are conflicts, within a report
/// as well as between reports: the civil-service breakdown (CERD and CEDAW disagree
/// on all agents, agree on 39,1 % for senior posts), the CEDAW reply's 30 and 27
/// crisis centres, and the persons with disabilities of 2025 (CERD 737 400, CEDAW
/// 743 900).
#[test]
fn the_civil_service_breakdown_and_the_crisis_centres_have_conflicts() {
    let flagged: BTreeSet<&str> = all_series()
        .iter()
        .filter(|s| s.points.iter().any(|p| p.conflict))
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        flagged,
        BTreeSet::from([
            "crisis_centres",
            "persons_with_disabilities",
            "women_in_civil_service_2025"
        ])
    );
}

// ------------------------------------------------------------------------------
// Definitions: what each series counts, and every point fits it.

/// The words that define each series, written from its definition (not copied from
/// its rules): every point's sentence holds one word of each group. A figure that
/// counts something else, moved onto the series by a loose rule, fails here.
fn defining_words() -> Vec<(&'static str, Vec<Vec<&'static str>>)> {
    vec![
        (
            "domestic_violence_cases",
            vec![vec!["violence domestique"], vec!["cas"]],
        ),
        (
            "protection_orders_issued",
            vec![
                vec!["ordonnances de protection"],
                vec!["prises", "rendues", "délivrées"],
            ],
        ),
        (
            "protection_order_extensions",
            vec![
                vec!["ordonnance de protection"],
                vec!["prorogé", "prolongé"],
            ],
        ),
        (
            "protection_order_breaches",
            vec![
                vec!["non-respect", "violation"],
                vec!["ordonnance de protection"],
                vec!["sanctions"],
            ],
        ),
        (
            "rules_of_conduct_imposed",
            vec![
                vec!["règles de conduite"],
                vec!["tribunaux"],
                vec!["auteurs"],
            ],
        ),
        (
            "preventive_talks",
            vec![vec!["entretiens préventifs"], vec!["sphère familiale"]],
        ),
        ("family_murders", vec![vec!["meurtres"]]),
        (
            "sexual_offences_against_minors",
            vec![vec!["infractions sexuelles"], vec!["mineurs"]],
        ),
        ("crisis_centres", vec![vec!["centres de crise"]]),
        (
            "offences_against_women_by_age",
            vec![vec!["ans"], vec!["touché"]],
        ),
        (
            "offences_against_women_by_ethnicity",
            vec![vec!["ethniques"]],
        ),
        (
            "torture_criminal_cases",
            vec![vec!["actions pénales"], vec!["torture"]],
        ),
        (
            "unlawful_detentions_ended_by_prosecutors",
            vec![
                vec!["procureurs"],
                vec!["libérer"],
                vec!["détention temporaire"],
            ],
        ),
        ("temporary_detention_admissions", vec![vec!["incarcérées"]]),
        (
            "prison_population",
            vec![vec!["condamnés"], vec!["détenus"]],
        ),
        (
            "penitentiary_complaints",
            vec![vec!["comité"], vec!["requêtes"]],
        ),
        ("extraditions", vec![vec!["extradées"]]),
        ("extraditions_refused", vec![vec!["refusé d'extrader"]]),
        ("npm_preventive_visits", vec![vec!["visites préventives"]]),
        (
            "npm_establishments",
            vec![
                vec!["établissements"],
                vec!["mécanisme national de prévention"],
            ],
        ),
        (
            "trafficking_criminal_cases",
            vec![
                vec!["actions pénales", "procédures pénales"],
                vec!["traite", "exploitation"],
            ],
        ),
        (
            "trafficking_persons_prosecuted",
            vec![
                vec!["poursuites pénales"],
                vec!["traite"],
                vec!["personnes"],
            ],
        ),
        (
            "incitement_cases_registered",
            vec![vec!["affaires pénales enregistrées"]],
        ),
        (
            "incitement_persons_convicted",
            vec![vec!["personnes ont été condamnées"]],
        ),
        (
            "banned_association_cases",
            vec![vec!["article 405"], vec!["procédures"]],
        ),
        (
            "stateless_granted_citizenship",
            vec![vec!["apatrides"], vec!["nationalité"]],
        ),
        ("immigrant_arrivals", vec![vec!["immigrants"]]),
        (
            "immigrant_children",
            vec![vec!["immigrants"], vec!["enfants"]],
        ),
        (
            "ethnic_composition_2025",
            vec![vec!["composition ethnique"], vec!["habitants"]],
        ),
        (
            "kazakh_mother_tongue_other_groups",
            vec![vec!["langue maternelle"], vec!["autres groupes ethniques"]],
        ),
        (
            "general_schools",
            vec![vec!["établissements d'enseignement général"]],
        ),
        (
            "pupils",
            vec![vec!["élèves", "enfants"], vec!["inscrits", "accueillaient"]],
        ),
        (
            "schools_by_language_2022",
            vec![
                vec!["établissements d'enseignement général"],
                vec!["enseignement en"],
            ],
        ),
        (
            "pupils_by_language_2020",
            vec![vec!["enfants"], vec!["enseignement en"], vec!["2020/21"]],
        ),
        (
            "teachers_trained_updated_curricula",
            vec![
                vec!["enseignants"],
                vec!["formation"],
                vec!["programmes actualisés"],
            ],
        ),
        (
            "ombudsman_complaints",
            vec![vec!["plaintes"], vec!["commissaire"]],
        ),
        (
            "women_in_parliament",
            vec![vec!["parlement"], vec!["députés"], vec!["femmes"]],
        ),
        (
            "women_in_civil_service_2025",
            vec![
                vec!["agents de l'état", "fonctionnaires", "fonction publique"],
                vec!["femmes"],
            ],
        ),
        (
            "ethnocultural_associations",
            vec![vec!["associations ethnoculturelles"]],
        ),
        ("sunday_schools", vec![vec!["écoles du dimanche"]]),
        (
            "family_offenders_brought_to_police",
            vec![
                vec!["amenées devant les services"],
                vec!["sphère familiale"],
            ],
        ),
        (
            "family_offenders_administrative_arrest",
            vec![vec!["arrêtées"], vec!["arrestation administrative"]],
        ),
        (
            "family_violence_hotline_calls",
            vec![vec!["permanence téléphonique"], vec!["appels"]],
        ),
        (
            "family_violence_prevention_presentations",
            vec![vec!["présentations"], vec!["violence dans la famille"]],
        ),
        (
            "family_violence_round_tables",
            vec![vec!["tables rondes"], vec!["violence dans la famille"]],
        ),
        ("victims_assisted", vec![vec!["personnes"], vec!["aidées"]]),
        (
            "women_victims_assisted",
            vec![vec!["femmes"], vec!["aidées"]],
        ),
        (
            "npm_unannounced_visits",
            vec![vec!["inopinées"], vec!["visites préventives"]],
        ),
        (
            "ngo_detention_visits",
            vec![
                vec!["organisations non gouvernementales"],
                vec!["visites"],
                vec!["détention"],
            ],
        ),
        (
            "public_monitoring_interventions",
            vec![vec!["interventions"]],
        ),
        (
            "extradition_instructions_executed",
            vec![
                vec!["instructions"],
                vec!["procureur général"],
                vec!["extradition", "extradées"],
            ],
        ),
        (
            "penitentiary_staff_complaints_share",
            vec![vec!["plaintes"], vec!["agents pénitentiaires"]],
        ),
        (
            "specialised_establishments_funding",
            vec![vec!["établissements spécialisés"], vec!["tenge"]],
        ),
        (
            "trafficking_in_persons_cases",
            vec![
                vec!["traite d'êtres humains", "traite des personnes"],
                vec!["actions pénales", "procédures pénales"],
            ],
        ),
        (
            "trafficking_sexual_exploitation_cases",
            vec![vec!["exploitation sexuelle"], vec!["traite"]],
        ),
        (
            "trafficking_officials_prosecuted",
            vec![
                vec!["agents de l'état"],
                vec!["poursuites pénales"],
                vec!["traite"],
            ],
        ),
        (
            "trafficking_cases_uncovered_by_operation",
            vec![vec!["opération"], vec!["cas liés à la traite"]],
        ),
        (
            "incitement_cases_tried",
            vec![vec!["affaires ont été jugées"]],
        ),
        (
            "intolerant_association_cases",
            vec![vec!["article 404"], vec!["procédure"]],
        ),
        (
            "unregistered_association_offences",
            vec![vec!["procédures ont été enregistrées à ce titre"]],
        ),
        (
            "children_in_updated_curriculum_schools",
            vec![vec!["enfants"], vec!["programme avait été actualisé"]],
        ),
        (
            "women_individual_entrepreneurs",
            vec![vec!["femmes"], vec!["entrepreneurs individuels"]],
        ),
        (
            "rural_women_microcredit_share",
            vec![vec!["femmes rurales"], vec!["microcrédits"]],
        ),
        (
            "prison_staff_convicted",
            vec![
                vec!["condamnation", "condamnés"],
                vec!["agents", "actions pénales engagées"],
            ],
        ),
        (
            "preschool_enrolment_rate",
            vec![
                vec!["préscolaire", "scolarisation"],
                vec!["enfants"],
                vec!["à 6 ans"],
            ],
        ),
        (
            "persons_with_disabilities",
            vec![vec!["personnes handicapées"], vec!["compte"]],
        ),
    ]
}

#[test]
fn every_point_holds_the_words_that_define_its_series() {
    let words = defining_words();
    let listed: BTreeSet<&str> = words.iter().map(|(id, _)| *id).collect();
    let catalogued: BTreeSet<&str> = all_series().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(listed, catalogued, "every series needs its defining words");
    let mut wrong = Vec::new();
    for (id, groups) in &words {
        for point in &series(id).points {
            let sentence = fold(&point.sentence);
            for group in groups {
                if !group.iter().any(|w| sentence.contains(&fold(w))) {
                    wrong.push(format!(
                        "{id}: {} {} lacks {group:?}: {}",
                        point.verbatim, point.report, point.sentence
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_series_has_a_definition_in_every_language() {
    for s in all_series() {
        for lang in Lang::ALL {
            let text = lang.text().series(&s.id, "definition").unwrap_or_default();
            assert!(
                text.trim().chars().count() >= 60,
                "{}: the {} definition says too little: {text:?}",
                s.id,
                lang.code()
            );
        }
    }
}

/// A series' definition in French and English, from the string tables.
fn definitions(id: &str) -> (&'static str, &'static str) {
    let of = |lang: Lang| lang.text().series(id, "definition").unwrap_or_default();
    (of(Lang::Fr), of(Lang::En))
}

/// A partial period is said in the definition: a reader of the definition alone
/// knows that one point covers only part of its year.
#[test]
fn a_series_with_a_partial_year_says_so_in_its_definition() {
    let mut partial = BTreeSet::new();
    for s in all_series() {
        let has_partial = s
            .points
            .iter()
            .any(|p| p.period.is_some_and(|period| period.as_of.is_none()));
        if has_partial && s.kind == Kind::Time {
            partial.insert(s.id.as_str());
            let (fr, en) = definitions(&s.id);
            assert!(fr.contains("période partielle"), "{}", s.id);
            assert!(en.contains("partial period"), "{}", s.id);
        }
    }
    assert_eq!(
        partial,
        BTreeSet::from([
            "incitement_cases_tried",
            "incitement_persons_convicted",
            "rural_women_microcredit_share",
            "stateless_granted_citizenship",
            "victims_assisted",
            "women_victims_assisted",
        ])
    );
}

/// A break in series is said in the definition, and falls on a year with a point.
#[test]
fn every_break_in_series_is_defined_and_has_its_first_point() {
    let mut broken = BTreeSet::new();
    for s in all_series() {
        for b in &s.breaks {
            broken.insert(s.id.as_str());
            assert!(
                s.points.iter().any(|p| p.year() == Some(b.from)),
                "{}",
                s.id
            );
            let (fr, en) = definitions(&s.id);
            assert!(fr.contains("Rupture de série"), "{}", s.id);
            assert!(en.contains("Break in series"), "{}", s.id);
            for lang in Lang::ALL {
                let note = lang.text().series(&s.id, &format!("break_{}", b.from));
                assert!(
                    note.is_some_and(|n| !n.trim().is_empty()),
                    "{}: no {} note for its break of {}",
                    s.id,
                    lang.code(),
                    b.from
                );
            }
        }
    }
    assert_eq!(
        broken,
        BTreeSet::from([
            "ethnocultural_associations",
            "preschool_enrolment_rate",
            "prison_staff_convicted",
            "rules_of_conduct_imposed",
            "trafficking_criminal_cases",
            "trafficking_in_persons_cases",
        ])
    );
}

/// One bar per category: a breakdown's categories have distinct labels in every
/// language (each French name, the report's, has one name per language in the
/// string tables, and two French names never share one), and every point has a
/// catalogued French name (rows of the catalogue with the same name are synonyms
/// of one category, never two categories).
#[test]
fn breakdown_labels_are_unique_in_every_language() {
    let catalogue = Catalogue::bundled().expect("bundled catalogue");
    for def in catalogue
        .series
        .iter()
        .filter(|d| d.kind == Kind::Breakdown)
    {
        let mut fr_to_en: BTreeMap<&str, &str> = BTreeMap::new();
        for lang in Lang::ALL {
            let mut named: BTreeMap<&str, &str> = BTreeMap::new();
            for c in &def.categories {
                let name = lang.text().category(&c.fr);
                let fr = *named.entry(name).or_insert(&c.fr);
                assert_eq!(fr, c.fr.as_str(), "{} in {}", def.id, lang.code());
                if lang == Lang::En {
                    fr_to_en.insert(&c.fr, name);
                }
            }
        }
        let s = series(&def.id);
        for point in &s.points {
            let label = point.category().unwrap_or("");
            assert!(
                fr_to_en.contains_key(label),
                "{}: {label:?} has no catalogued label",
                s.id
            );
        }
    }
}

/// « Environ 70 000 ordonnances de protection ont été délivrées et les tribunaux ont
/// imposé des règles de conduite à 80 000 auteurs » : « environ » bounds the first
/// clause only (the second has its own subject and verb), so 80 000 is exact.
#[test]
fn about_in_one_clause_does_not_bound_the_next_clause() {
    let orders = series("protection_orders_issued");
    let rules = series("rules_of_conduct_imposed");
    let in_2019 = |s: &Series| {
        s.points
            .iter()
            .find(|p| p.year() == Some(2019))
            .map(|p| name(p.qualifier))
    };
    assert_eq!(in_2019(orders).as_deref(), Some(ABOUT));
    assert_eq!(in_2019(rules).as_deref(), Some(EXACT));
}

/// « 396 au cours des huit premiers mois de 2025 »: a part-year figure is kept on
/// its series, with the months it covers, and is not joined to the whole years.
#[test]
fn a_part_year_figure_is_kept_with_its_months() {
    let s = series("stateless_granted_citizenship");
    let part: Vec<String> = s
        .points
        .iter()
        .filter_map(|p| {
            p.period
                .map(|period| format!("{} {}", p.value, period.iso()))
        })
        .collect();
    assert_eq!(part, ["396 2025-01/2025-08"]);
    let joins: Vec<derek::series::Join> = s.links().iter().map(|l| l.join).collect();
    assert_eq!(joins.last(), Some(&derek::series::Join::Partial));
}

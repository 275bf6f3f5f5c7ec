//! Unit tests of the whole pipeline on literal French sentences: one test per
//! construction (numerals, qualifiers, units, years, exclusions).

use super::*;

fn facts(text: &str) -> Vec<Fact> {
    extract_text(text, Some(2019))
}

fn values(text: &str) -> Vec<f64> {
    facts(text).iter().map(|f| f.value).collect()
}

/// The only fact of `text`, or an error naming what was found.
fn one(text: &str) -> Result<Fact, String> {
    let mut f = facts(text);
    if f.len() == 1 {
        f.pop().ok_or_else(|| "empty".to_string())
    } else {
        Err(format!("{} facts in {text:?}: {f:?}", f.len()))
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * a.abs().max(1.0)
}

// ---- numerals -------------------------------------------------------------

#[test]
fn digits_with_spaces_nbsp_and_narrow_nbsp() -> Result<(), String> {
    assert_eq!(
        values("115 526, 75\u{a0}004 et 3\u{202f}262 cas"),
        [115526.0, 75004.0, 3262.0]
    );
    let f = one("il y a 3\u{2009}200 affaires")?;
    assert!(close(f.value, 3200.0));
    Ok(())
}

#[test]
fn decimal_comma_and_multipliers() -> Result<(), String> {
    let f = one("14,4 millions de Kazakhstanais")?;
    assert!(close(f.value, 14_400_000.0));
    assert_eq!(f.verbatim, "14,4 millions");
    let f = one("3,1 milliards de tenge ont été alloués")?;
    assert!(close(f.value, 3_100_000_000.0));
    assert_eq!(f.unit, Unit::Tenge);
    let f = one("trois mille personnes")?;
    assert!(close(f.value, 3000.0));
    Ok(())
}

#[test]
fn percentages_in_signs_and_words() -> Result<(), String> {
    let f = one("14,4 millions de Kazakhstanais (71,2 %)");
    assert!(f.is_err(), "two facts expected");
    let fs = facts("14,4 millions de Kazakhstanais (71,2 %)");
    assert_eq!(fs.len(), 2);
    assert_eq!(fs[1].unit, Unit::Percent);
    assert_eq!(fs[1].verbatim, "71,2 %");
    assert!(close(fs[1].value, 71.2));
    let f = one("dix pour cent des juges")?;
    assert_eq!(f.unit, Unit::Percent);
    assert!(close(f.value, 10.0));
    Ok(())
}

#[test]
fn numbers_in_words_but_not_articles() -> Result<(), String> {
    assert!(close(
        one("Cinquante-deux plaintes ont été déposées")?.value,
        52.0
    ));
    assert!(close(one("Vingt tribunaux interdistricts")?.value, 20.0));
    assert!(facts("Une loi a été adoptée et un décret signé.").is_empty());
    Ok(())
}

#[test]
fn idioms_dizaine_milliers_moitie_tiers_fois() -> Result<(), String> {
    let f = one("une dizaine de rapporteurs")?;
    assert!(close(f.value, 10.0));
    assert_eq!(f.qualifier, Qualifier::Approx);
    let f = one("des milliers de femmes")?;
    assert!(close(f.value, 1000.0));
    assert_eq!(f.qualifier, Qualifier::MoreThan);
    let f = one("la moitié des différends")?;
    assert!(close(f.value, 0.5));
    assert_eq!(f.unit, Unit::Ratio);
    let f = one("deux tiers des juges")?;
    assert!(close(f.value, 2.0 / 3.0));
    assert_eq!(f.unit, Unit::Ratio);
    let f = one("deux fois plus de femmes")?;
    assert!(close(f.value, 2.0));
    assert_eq!(f.unit, Unit::Ratio);
    let f = one("une centaine de visites")?;
    assert!(close(f.value, 100.0));
    Ok(())
}

#[test]
fn un_is_a_count_only_in_a_list_of_counts() {
    let fs = facts(
        "7 hôpitaux, 18 établissements semi-ouverts, un centre de redressement et une prison.",
    );
    assert_eq!(fs.len(), 4);
    assert!(facts("un capital de départ et une prime").is_empty());
}

// ---- qualifiers -----------------------------------------------------------

#[test]
fn each_qualifier() -> Result<(), String> {
    let q = |t: &str| one(t).map(|f| f.qualifier);
    assert_eq!(q("Environ 70 000 ordonnances")?, Qualifier::Approx);
    assert_eq!(q("près de 500 personnes")?, Qualifier::Approx);
    assert_eq!(q("quelque 300 ONG")?, Qualifier::Approx);
    assert_eq!(q("plus de 44 000 ordonnances")?, Qualifier::MoreThan);
    assert_eq!(q("moins de 5 % des cas")?, Qualifier::LessThan);
    assert_eq!(q("au moins 30 % des sièges")?, Qualifier::AtLeast);
    assert_eq!(q("jusqu’à trente jours")?, Qualifier::AtMost);
    assert_eq!(q("un écart ≤ 21 %")?, Qualifier::AtMost);
    assert_eq!(q("dans un délai de trois jours")?, Qualifier::AtMost);
    assert_eq!(
        q("en hausse de 12 % par rapport à 2016")?,
        Qualifier::Change
    );
    assert_eq!(
        q("le nombre a diminué de 13 000 personnes")?,
        Qualifier::Change
    );
    assert_eq!(q("le nombre a été divisé par 1,3")?, Qualifier::Change);
    assert_eq!(q("une réduction de 50 % d’ici à 2030")?, Qualifier::Target);
    assert_eq!(
        q("70 guichets supplémentaires devraient être ouverts")?,
        Qualifier::Target
    );
    assert_eq!(q("48 684 condamnés")?, Qualifier::Exact);
    Ok(())
}

#[test]
fn ranges_give_two_facts_with_the_unit_of_the_high_end() {
    let fs = facts("une diminution de 7 à 10 % du nombre d’actes");
    assert_eq!(fs.len(), 2);
    assert_eq!(fs[0].qualifier, Qualifier::RangeLow);
    assert_eq!(fs[1].qualifier, Qualifier::RangeHigh);
    assert_eq!(fs[0].unit, Unit::Percent);
    let fs = facts("une peine de trois à sept ans");
    assert_eq!(fs.len(), 2);
    assert!(fs.iter().all(|f| f.unit == Unit::Years && f.year.is_none()));
    let fs = facts("entre 3 et 5 établissements");
    assert_eq!(fs[0].qualifier, Qualifier::RangeLow);
}

#[test]
fn from_to_is_two_exact_values_not_a_range() {
    let fs = facts("le nombre de spécialistes est passé de 303 à 896 personnes.");
    assert_eq!(fs.len(), 2);
    assert!(fs.iter().all(|f| f.qualifier == Qualifier::Exact));
    assert_eq!(fs[0].year, None);
    assert_eq!(fs[1].year, Some(Year::Single(2019)));
}

// ---- units ----------------------------------------------------------------

#[test]
fn each_unit() -> Result<(), String> {
    let u = |t: &str| one(t).map(|f| f.unit);
    assert_eq!(u("5 000 dollars des États-Unis")?, Unit::Usd);
    assert_eq!(u("2 millions d’euros")?, Unit::Eur);
    assert_eq!(u("30 indices de calcul mensuels")?, Unit::OtherMoney);
    assert_eq!(u("une amende de 200 roubles")?, Unit::OtherMoney);
    assert_eq!(u("sur quatre ans")?, Unit::Years);
    assert_eq!(u("pendant 15 jours")?, Unit::Days);
    assert_eq!(u("ouverte 24 heures sur 24")?, Unit::Hours);
    assert_eq!(u("classé à la quatrième place")?, Unit::Other);
    assert_eq!(u("un score de 536 points")?, Unit::Other);
    assert_eq!(u("12 tribunaux")?, Unit::Count);
    Ok(())
}

// ---- years ----------------------------------------------------------------

#[test]
fn year_stated_after_the_number() -> Result<(), String> {
    let fs = facts(
        "des cas de violence domestique, qui sont passés de 115 526 en 2022 à 75 004 en 2024",
    );
    assert_eq!(fs.len(), 2);
    assert_eq!(fs[0].year, Some(Year::Single(2022)));
    assert_eq!(fs[1].year, Some(Year::Single(2024)));
    assert_eq!(fs[1].year_source, Some(YearSource::Stated));
    let f = one("le nombre de détenus (1 059 en 2011)")?;
    assert_eq!(f.year, Some(Year::Single(2011)));
    Ok(())
}

#[test]
fn year_stated_before_the_number_and_in_parentheses() {
    let fs = facts("En 2012, plus de 44 000 ordonnances de protection ont été prises (en 2011, plus de 36 000 …).");
    assert_eq!(fs.len(), 2);
    assert_eq!(fs[0].year, Some(Year::Single(2012)));
    assert_eq!(fs[1].year, Some(Year::Single(2011)));
    assert!(fs.iter().all(|f| f.qualifier == Qualifier::MoreThan));
}

#[test]
fn respectivement_pairs_values_and_years() {
    let fs = facts("Environ 70 000 ordonnances de protection ont été délivrées et les tribunaux ont imposé des règles de conduite à 80 000 auteurs de violences familiales (contre 64 000 et 6 600, respectivement, en 2018).");
    assert_eq!(fs.len(), 4);
    assert_eq!(fs[0].year_source, Some(YearSource::Implied));
    assert_eq!(fs[0].year, Some(Year::Single(2019)));
    assert_eq!(fs[2].year, Some(Year::Single(2018)));
    assert_eq!(fs[3].year, Some(Year::Single(2018)));
    // … and subjects: 64 000 protection orders, 6 600 offenders.
    assert_eq!(fs[2].subject, fs[0].subject);
    assert_eq!(fs[3].subject, fs[1].subject);
    assert_eq!(fs[0].subject, "ordonnances de protection");
    let fs = facts("On a compté 12 et 15 plaintes en 2011 et 2012 respectivement.");
    assert_eq!(fs.len(), 2);
    assert_eq!(fs[0].year, Some(Year::Single(2011)));
    assert_eq!(fs[1].year, Some(Year::Single(2012)));
    assert!(fs.iter().all(|f| f.subject == "plaintes"), "{fs:?}");
}

#[test]
fn periods_dates_and_the_start_of_a_year() {
    let f = one("Au cours de la période 2021-2025, plus de 3 200 événements ont été organisés.");
    assert_eq!(f.map(|f| f.year), Ok(Some(Year::Period(2021, 2025))));
    let f = one("entre 2008 et 2012, 45 personnes ont été condamnées.");
    assert_eq!(f.map(|f| f.year), Ok(Some(Year::Period(2008, 2012))));
    let f = one("On comptait, au 1er janvier 2013, 48 684 condamnés.");
    assert_eq!(f.map(|f| f.year), Ok(Some(Year::Single(2013))));
    let f = one("Au début de 2025, 136 centres étaient opérationnels.");
    assert_eq!(f.map(|f| f.year), Ok(Some(Year::Single(2025))));
}

#[test]
fn implied_and_null_years() -> Result<(), String> {
    let f = one("Le pays compte 26 ONG spécialisées.")?;
    assert_eq!(f.year, Some(Year::Single(2019)));
    assert_eq!(f.year_source, Some(YearSource::Implied));
    let f = one("les enfants âgés de moins de 18 ans")?;
    assert_eq!(f.year, None);
    assert_eq!(f.year_source, None);
    let none = extract_text("26 ONG", None);
    assert_eq!(none.first().map(|f| f.year), Some(None));
    Ok(())
}

#[test]
fn law_dates_and_comparison_bases_date_nothing() -> Result<(), String> {
    let f = one("La loi du 9 novembre 2011 a permis de libérer 3 300 personnes.")?;
    assert_eq!(f.year_source, Some(YearSource::Implied));
    let f = one("soit une augmentation de 2 % par rapport à 2016")?;
    assert_eq!(f.year_source, Some(YearSource::Implied));
    Ok(())
}

#[test]
fn year_serialises_as_integer_or_period_string() -> Result<(), serde_json::Error> {
    assert_eq!(serde_json::to_string(&Year::Single(2018))?, "2018");
    assert_eq!(
        serde_json::to_string(&Year::Period(2020, 2025))?,
        "\"2020-2025\""
    );
    assert_eq!(
        serde_json::to_string(&Qualifier::MoreThan)?,
        "\"more_than\""
    );
    assert_eq!(serde_json::to_string(&Unit::OtherMoney)?, "\"other_money\"");
    assert_eq!(serde_json::to_string(&YearSource::Implied)?, "\"implied\"");
    Ok(())
}

// ---- years by back-reference ------------------------------------------------

/// The year and its source of the fact whose verbatim is `verbatim`.
fn year_of(facts: &[Fact], verbatim: &str) -> Option<(Option<Year>, Option<YearSource>)> {
    facts
        .iter()
        .find(|f| f.verbatim == verbatim)
        .map(|f| (f.year, f.year_source))
}

const STATED: Option<YearSource> = Some(YearSource::Stated);
const IMPLIED: Option<YearSource> = Some(YearSource::Implied);

#[test]
fn the_same_year_is_the_year_of_the_sentence_before() {
    let f = facts(
        "Les ONG ont effectué 1 377 visites en 2011. La même année, les commissions ont \
         procédé à 884 visites d’établissements.",
    );
    assert_eq!(year_of(&f, "884"), Some((Some(Year::Single(2011)), STATED)));
    let f = facts("En 2015, la loi a été adoptée ; cette année-là, 30 cas ont été jugés.");
    assert_eq!(year_of(&f, "30"), Some((Some(Year::Single(2015)), STATED)));
}

#[test]
fn the_following_and_preceding_year_count_from_the_year_before() {
    let f =
        facts("En 2016, 40 cas ont été enregistrés. L’année suivante, 52 cas ont été enregistrés.");
    assert_eq!(year_of(&f, "52"), Some((Some(Year::Single(2017)), STATED)));
    let f = facts("En 2016, 40 cas ont été enregistrés, contre 35 l’année précédente.");
    assert_eq!(year_of(&f, "35"), Some((Some(Year::Single(2015)), STATED)));
    // No year before: the year is unknown, not the report's.
    let f = facts("L’année suivante, 52 cas ont été enregistrés.");
    assert_eq!(year_of(&f, "52"), Some((None, None)));
}

#[test]
fn last_year_and_this_year_count_from_the_reference_year() {
    let f = facts("L’année dernière, 12 centres ont été ouverts.");
    assert_eq!(year_of(&f, "12"), Some((Some(Year::Single(2018)), IMPLIED)));
    let f = facts("Le taux s’élevait à 84,3 % à la fin du premier semestre de cette année.");
    assert_eq!(
        year_of(&f, "84,3 %"),
        Some((Some(Year::Single(2019)), IMPLIED))
    );
    let f = facts("Au cours de l’année en cours, 7 centres ont été créés.");
    assert_eq!(year_of(&f, "7"), Some((Some(Year::Single(2019)), IMPLIED)));
    let f = extract_text("L’année dernière, 12 centres ont été ouverts.", None);
    assert_eq!(year_of(&f, "12"), Some((None, None)));
}

#[test]
fn the_period_considered_is_the_report_s_period_or_unknown() {
    let text = "Au cours de la période considérée, 77 000 sites ont été recensés, dont 29 000 \
                ont été bloqués. Selon les statistiques, 576 personnes ont été extradées à des \
                fins de poursuites pénales ou d’exécution d’une condamnation à la demande des \
                autorités étrangères compétentes au cours de la période considérée (dont 108 en \
                2008 et 81 en 2009).";
    let dating = Dating {
        reference_year: Some(2012),
        period: Some(Year::Period(2008, 2012)),
    };
    let f = extract_text_dated(text, &dating);
    let period = Some((Some(Year::Period(2008, 2012)), IMPLIED));
    assert_eq!(year_of(&f, "77 000"), period);
    assert_eq!(year_of(&f, "29 000"), period);
    assert_eq!(year_of(&f, "576"), period);
    assert_eq!(year_of(&f, "108"), Some((Some(Year::Single(2008)), STATED)));
    // A report whose period is not known: unknown rather than wrong.
    let f = extract_text(text, Some(2012));
    assert_eq!(year_of(&f, "77 000"), Some((None, None)));
    assert_eq!(year_of(&f, "576"), Some((None, None)));
}

#[test]
fn a_sentence_that_continues_the_one_before_takes_its_year() {
    let f = facts(
        "Entre septembre 2020 et mai 2022, une campagne a permis d’identifier 8 822 \
         personnes. Parmi elles, 5 618 personnes ont reçu des papiers.",
    );
    let campaign = Some(Year::Period(2020, 2022));
    assert_eq!(year_of(&f, "8 822"), Some((campaign, STATED)));
    assert_eq!(year_of(&f, "5 618"), Some((campaign, IMPLIED)));
    let f = facts(
        "Au cours de l’année scolaire 2022/23, on dénombrait 6 909 écoles (2020 : 6 957, \
         2021 : 6 941). Au total, 3 484 139 élèves étaient inscrits dans ces écoles.",
    );
    assert_eq!(
        year_of(&f, "6 909"),
        Some((Some(Year::Period(2022, 2023)), STATED))
    );
    assert_eq!(
        year_of(&f, "6 941"),
        Some((Some(Year::Single(2021)), STATED))
    );
    assert_eq!(
        year_of(&f, "3 484 139"),
        Some((Some(Year::Period(2022, 2023)), IMPLIED))
    );
    // A breakdown two sentences on, with nothing dated between.
    let f = facts(
        "De 2020 à juillet 2025, 342 463 infractions ont été enregistrées. En termes \
         d’âge, les personnes de 30 à 39 ans (98 677) ont été les plus touchées.",
    );
    assert_eq!(
        year_of(&f, "98 677"),
        Some((Some(Year::Period(2020, 2025)), IMPLIED))
    );
    // A sentence that does not say it continues: the report's present.
    let f = facts("En 2023, 250 événements ont eu lieu. Le Comité compte 321 inspecteurs.");
    assert_eq!(
        year_of(&f, "321"),
        Some((Some(Year::Single(2019)), IMPLIED))
    );
    // Its own year first.
    let f = facts("En 2011, 287 cas ont été signalés. Au total, 300 cas ont été jugés en 2012.");
    assert_eq!(year_of(&f, "300"), Some((Some(Year::Single(2012)), STATED)));
}

#[test]
fn school_years_and_non_breaking_hyphens_are_periods() {
    let f = facts("Au cours de l’année scolaire 2022/23, on dénombrait 6 909 écoles.");
    assert_eq!(
        year_of(&f, "6 909"),
        Some((Some(Year::Period(2022, 2023)), STATED))
    );
    let f = facts("Le taux a atteint 95 % en 2022\u{2011}2023.");
    assert_eq!(
        year_of(&f, "95 %"),
        Some((Some(Year::Period(2022, 2023)), STATED))
    );
}

#[test]
fn since_a_year_is_a_period_to_the_reference_year() {
    let f = facts("Depuis 2016, plus de 31 000 matériels ont été bloqués.");
    assert_eq!(
        year_of(&f, "31 000"),
        Some((Some(Year::Period(2016, 2019)), IMPLIED))
    );
    // "depuis janvier 2018" dates a change from that month: the year itself.
    let f = facts("Depuis janvier 2018, la pension a augmenté de 68 %.");
    assert_eq!(
        year_of(&f, "68 %"),
        Some((Some(Year::Single(2018)), STATED))
    );
    // What is, not what has happened since: the present.
    let f = facts("Depuis 2016, il existe un consortium de 15 organismes de recherche.");
    assert_eq!(year_of(&f, "15"), Some((Some(Year::Single(2019)), IMPLIED)));
    // Since the reference year itself: that year, not a period before it.
    let f = facts(
        "Depuis 2017, 10 500 travailleurs ont été formés ; depuis 2019, il existe un \
         registre et 14 établissements proposent des formations.",
    );
    assert_eq!(
        year_of(&f, "10 500"),
        Some((Some(Year::Period(2017, 2019)), IMPLIED))
    );
    assert_eq!(year_of(&f, "14"), Some((Some(Year::Single(2019)), IMPLIED)));
    let f = extract_text(
        "Depuis 2016, plus de 31 000 matériels ont été bloqués.",
        None,
    );
    assert_eq!(year_of(&f, "31 000"), Some((None, None)));
}

#[test]
fn the_last_years_end_at_the_reference_year() {
    let f = facts(
        "Au cours des deux dernières années, 2 171 établissements ont été ouverts \
         (contre 1 054 en 2018).",
    );
    assert_eq!(
        year_of(&f, "2 171"),
        Some((Some(Year::Period(2018, 2019)), IMPLIED))
    );
    assert_eq!(
        year_of(&f, "1 054"),
        Some((Some(Year::Single(2018)), STATED))
    );
}

#[test]
fn a_year_range_heading_a_list_dates_its_items() {
    let f = facts("Nombre de cas, 2019-2023 :\n- 45 cas de traite ;\n- 12 cas d’exploitation.");
    let range = Some((Some(Year::Period(2019, 2023)), STATED));
    assert_eq!(year_of(&f, "45"), range);
    assert_eq!(year_of(&f, "12"), range);
}

#[test]
fn a_part_after_dont_has_the_year_of_its_whole() {
    let f = facts(
        "Au total, 29 449 apatrides, dont 1 154 enfants de moins de 18 ans, ont été \
         enregistrés de 2012 à la fin d’août 2019.",
    );
    let span = Some((Some(Year::Period(2012, 2019)), STATED));
    assert_eq!(year_of(&f, "29 449"), span);
    assert_eq!(year_of(&f, "1 154"), span);
}

#[test]
fn a_plan_named_far_before_its_period_still_names_it() {
    let f = facts(
        "Les actions ont été menées conformément au Plan d’action visant à garantir les \
         droits et à améliorer la qualité de vie des personnes handicapées pour la période \
         2012-2018 (670 000 personnes handicapées vivent dans le pays).",
    );
    assert_eq!(
        year_of(&f, "670 000"),
        Some((Some(Year::Single(2019)), IMPLIED))
    );
}

#[test]
fn an_objective_for_a_year_is_a_target() {
    let f = facts(
        "Vingt-sept pour cent des établissements sont accessibles (l’objectif pour 2018 \
         était de 30 %).",
    );
    let goal = f
        .iter()
        .find(|f| f.verbatim == "30 %")
        .map(|f| (f.qualifier, f.year));
    assert_eq!(goal, Some((Qualifier::Target, Some(Year::Single(2018)))));
    // A count of objectives is no goal.
    let f = facts("Le plan prévoit 34 objectifs pour 2025.");
    assert_eq!(f.first().map(|f| f.qualifier), Some(Qualifier::Exact));
}

#[test]
fn every_yearly_part_of_a_change_is_a_change() {
    let f = facts(
        "Il est prévu d’augmenter de 1 183 fonctionnaires, dont 591 en 2010 et 592 en 2011, \
         l’effectif des services.",
    );
    let parts: Vec<(Qualifier, Option<Year>)> = f
        .iter()
        .filter(|f| f.verbatim == "591" || f.verbatim == "592")
        .map(|f| (f.qualifier, f.year))
        .collect();
    assert_eq!(
        parts,
        [
            (Qualifier::Change, Some(Year::Single(2010))),
            (Qualifier::Change, Some(Year::Single(2011)))
        ]
    );
}

#[test]
fn a_year_before_an_age_or_a_legal_term_does_not_date_it() {
    let f = facts(
        "En 2017, pour la première fois, les personnes handicapées de plus de 18 ans ont \
         bénéficié de ces services.",
    );
    assert_eq!(year_of(&f, "18"), Some((None, None)));
    let f = facts(
        "En 2025, un nouvel article a été introduit, ce qui augmente les sanctions \
         (jusqu’à 10 ans d’emprisonnement).",
    );
    assert_eq!(year_of(&f, "10"), Some((None, None)));
    let f = facts("En 2011, le tribunal l’a condamné à une peine de cinq ans d’emprisonnement.");
    assert_eq!(year_of(&f, "cinq"), Some((None, None)));
    // A duration measured in a year keeps it.
    let f = facts("En 2018, la détention provisoire a duré en moyenne 45 jours.");
    assert_eq!(year_of(&f, "45"), Some((Some(Year::Single(2018)), STATED)));
}

// ---- exclusions -----------------------------------------------------------

#[test]
fn identifiers_are_never_figures() {
    for text in [
        "conformément à l’art. 108-1 du Code pénal",
        "le décret no 611 du Président",
        "la loi no 322-I relative aux élections",
        "l’arrêté no 31 du Ministre",
        "la résolution 60/251 de l’Assemblée générale",
        "le paragraphe 3 de l’article 347-1",
        "Recommandations 125.49 à 125.55",
        "(voir par. 49)",
        "les articles 121, 122 et 124 du Code pénal",
        "Les articles modifiés (121, 122, 124, 128, 132 et 134) prévoient",
    ] {
        assert!(facts(text).is_empty(), "{text}");
    }
}

#[test]
fn dates_years_symbols_and_furniture_are_never_figures() {
    for text in [
        "le 10 décembre 1984",
        "En 2012, le Kazakhstan a ratifié la Convention.",
        "les 10 et 11 octobre 2018",
        "A/HRC/WG.6/34/KAZ/1",
        "6 GE.19-17926",
        "voir https://www.gov.kz/memleket/2019",
        "une permanence téléphonique (le « 111 »)",
        "les lignes téléphoniques d’urgence (150 et 111)",
        "suivantes : 1) la loi",
        "la 6e année du cycle et la troisième session",
        "la stratégie Kazakhstan-2050",
        "au cours des quatre dernières années",
        "aux environs de 15 heures, puis à 20 h 30",
    ] {
        assert!(facts(text).is_empty(), "{text}: {:?}", facts(text));
    }
}

#[test]
fn offsets_and_verbatim_point_at_the_number() -> Result<(), String> {
    let text = "Près de 20,3 millions d’habitants";
    let f = one(text)?;
    assert_eq!(text.get(f.start..f.end), Some("20,3 millions"));
    assert_eq!(f.verbatim, "20,3 millions");
    Ok(())
}

#[test]
fn subjects_name_what_is_counted() -> Result<(), String> {
    assert_eq!(
        one("Environ 70 000 ordonnances de protection ont été délivrées.")?.subject,
        "ordonnances de protection"
    );
    let fs = facts(
        "le nombre de cas de violence domestique est passé de 115 526 en 2022 à 75 004 en 2024",
    );
    assert!(
        fs.iter().all(|f| f.subject.starts_with("cas de violence")),
        "{fs:?}"
    );
    Ok(())
}

#[test]
fn money_carries_along_a_list_of_amounts() {
    let fs = facts("les montants alloués (195 millions de tenge en 2009, 900 millions en 2010 et 722 millions en 2011)");
    assert_eq!(fs.len(), 3);
    assert!(fs.iter().all(|f| f.unit == Unit::Tenge), "{fs:?}");
    assert_eq!(fs[2].year, Some(Year::Single(2011)));
}

#[test]
fn an_ordinal_ranking_among_n_is_a_rank() -> Result<(), String> {
    let fs = facts("le Kazakhstan s’est classé vingt-neuvième sur 63 pays");
    assert_eq!(fs.len(), 2, "{fs:?}");
    assert!(close(fs[0].value, 29.0));
    assert_eq!(fs[0].unit, Unit::Other);
    Ok(())
}

// ---- sentences ------------------------------------------------------------

/// Rules whose doc says they stay inside a sentence: a qualifier never passes
/// from one sentence to the next, even within one paragraph.
#[test]
fn a_change_does_not_pass_to_the_next_sentence() {
    let f = facts("Le nombre a diminué de 13 000. Ils sont partis, dont 76 femmes.");
    let seventy_six = f.iter().find(|f| f.value == 76.0);
    assert!(
        seventy_six.is_some_and(|f| f.qualifier != Qualifier::Change),
        "{f:?}"
    );
    // Within one sentence it still does.
    let f = facts("Le nombre a diminué de 13 000, dont 76 femmes.");
    let seventy_six = f.iter().find(|f| f.value == 76.0);
    assert!(
        seventy_six.is_some_and(|f| f.qualifier == Qualifier::Change),
        "{f:?}"
    );
}

#[test]
fn a_forward_search_answers_as_a_binary_search_in_any_order() {
    // Sorted with repeats; questions forward in small and large steps, then back.
    let items: Vec<usize> = (0..200).map(|i| i / 3 * 2).collect();
    let mut questions: Vec<usize> = (0..140).collect();
    questions.extend([300, 5, 0, 131, 132, 400, 17, 17, 260, 1]);
    let mut hint = 0;
    for q in questions {
        let pred = |&x: &usize| x < q;
        assert_eq!(
            super::partition_from(&items, &mut hint, pred),
            items.partition_point(pred),
            "question {q}"
        );
        assert_eq!(hint, items.partition_point(pred));
    }
    let mut hint = 7;
    assert_eq!(
        super::partition_from(&[] as &[usize], &mut hint, |_| true),
        0
    );
}

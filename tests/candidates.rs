//! What `derek candidates` still lists on the five bundled reports, reviewed: each
//! group with the reason it is not a series. A new group (a change to the
//! extraction, a series dropped, a new report) fails this test until a person
//! either adds the series to `data/series.toml` or adds it here with its reason.

use derek::series::candidates::{candidates, coverage, in_series};
use derek::series::catalogue::Catalogue;
use derek::series::sourced::Corpus;

/// (label, years, why it is not a series).
const REVIEWED: &[(&str, &[i32], &str)] = &[
    ("mesure concrete", &[2015, 2016, 2019], "the name of a plan (« 100 mesures concrètes »), not a count"),
    ("affaire penale", &[2019, 2024], "10 % of criminal cases opened by one procedure (UPR) and 39 % of art. 174 cases dropped (CERD): two quantities"),
    ("etablissement enseignement", &[2012, 2025], "higher-education establishments in five unrelated contexts"),
    ("texte legislatif", &[2012, 2013, 2015], "32 laws checked against a convention (2013), 24 laws amended (2015), more than thirty texts to harmonise under a plan (2012): three quantities"),
    ("unite comptable", &[2019, 2020], "a microcredit ceiling and a compensation amount"),
    ("autre personne", &[2012, 2019], "people who found jobs, and pending refugee applications"),
    ("centre sante", &[2019, 2025], "youth health centres and mental-health centres"),
    ("groupe ethnique", &[2019, 2025], "ethnic groups in three different contexts"),
    ("chambre parlement", &[2012, 2025], "the two chambers of Parliament, not a statistic"),
    ("enfant", &[2024, 2025], "children in after-school establishments and children on organised holidays"),
    ("centre accueil", &[2012, 2025], "emergency shelters (CAT) and reception centres for LGBT and HIV-positive women (CEDAW)"),
    ("action penale", &[2010, 2012], "cases against prison staff for torture, and cases for trafficking in minors"),
    ("affaire examinee", &[2018, 2019], "3 200 cases heard remotely under the virtual-court project, no year (a project total), beside 2018's 2 300"),
    ("nombre total", &[2019, 2025], "a share of juvenile-court cases and a share of children in after-school establishments"),
    ("tenge alloue", &[2012, 2025], "money allocated to three unrelated programmes"),
    ("personne faible", &[2018, 2019], "low-income people enrolled in training (March 2018) and hired under an employment programme: two quantities"),
    ("personne handicapee", &[2012, 2018, 2019, 2025], "people with disabilities in five contexts (training, hiring, employment measures over four months of 2025, an amnesty)"),
    ("personne condamnee", &[2012, 2025], "people released after decriminalisation (CAT) and people convicted of incitement, 2022 to mid-2025 (CERD)"),
    ("specialiste forme", &[2024, 2025], "social workers trained (2024) and media specialists trained (2025)"),
    ("tenge afin", &[2008, 2012], "medical equipment for detention infirmaries (2008) and household appliances bought each year (60 to 70 million)"),
];

#[test]
fn what_derek_candidates_still_lists_is_reviewed() -> Result<(), Box<dyn std::error::Error>> {
    let corpus = Corpus::read(derek::corpus::bundled()?);
    let catalogue = Catalogue::bundled()?;
    let held = in_series(&catalogue, &corpus.facts);
    let found: Vec<(String, Vec<i32>)> = candidates(&corpus.facts, &held)
        .iter()
        .map(|c| (c.label.clone(), c.years()))
        .collect();
    let reviewed: Vec<(String, Vec<i32>)> = REVIEWED
        .iter()
        .map(|(label, years, _)| (label.to_string(), years.to_vec()))
        .collect();
    let new: Vec<_> = found.iter().filter(|c| !reviewed.contains(c)).collect();
    let gone: Vec<_> = reviewed.iter().filter(|c| !found.contains(c)).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "run `derek candidates`: new groups {new:?}; groups no longer listed {gone:?}"
    );
    // The share of dated facts in a series only grows as series are added.
    let share = coverage(&corpus.facts, &held);
    assert!(share.in_series >= 220, "{share:?}");
    Ok(())
}

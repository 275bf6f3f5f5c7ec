// Interface strings by language, and how an element's language and theme are read.

export const TEXT = {
  fr: {
    failed: "Derek n’a pas pu se charger : ", menu: "Menu du graphique", png: "Télécharger l’image (PNG)",
    svg: "Télécharger l’image (SVG)", csv: "Télécharger les données (CSV)", json: "Télécharger les données (JSON)",
    embed: "Intégrer ce graphique", copy: "Copier", copied: "Copié", close: "Fermer", script: "Avec un script :",
    iframe: "Ou avec un iframe :", sourceOf: "Source du point", line: "ligne", chart: "Graphique", table: "Tableau",
    series: "Séries", filter: "Filtrer les séries", search: "Rechercher dans les rapports",
    results: (n) => `${n} paragraphe${n > 1 ? "s" : ""}`, none: "Aucun paragraphe ne correspond.",
    figures: "Chiffres :", dark: "Thème sombre", points: "Points du graphique : flèches pour parcourir, Entrée pour la source",
    noSeries: "Série inconnue : ", axis: "Axe depuis zéro", groupBy: "Grouper par", byTheme: "thème",
    byReport: "rapport", download: "Télécharger :",
    addReport: "Ajouter un rapport", addHint: "Collez un texte, ou déposez ou ouvrez un fichier .txt, .pdf ou .docx. Il est lu dans votre navigateur et gardé ici : rien n’est envoyé.",
    pasteHere: "Texte du rapport", reportName: "Nom du rapport (facultatif)", readText: "Lire le texte", openFile: "Ouvrir un fichier :",
    reading: "Lecture…", pages: (n, total) => `Lecture de la page ${n} sur ${total}…`,
    added: (facts, series) => `${facts} chiffre${facts > 1 ? "s" : ""} lu${facts > 1 ? "s" : ""}, ${series} série${series > 1 ? "s" : ""} trouvée${series > 1 ? "s" : ""} automatiquement.`,
    autoFound: "séries trouvées automatiquement", noAuto: "aucune", autoNote: "Série trouvée automatiquement, non revue : vérifiez chaque point dans sa phrase.",
    tick: "Cocher", chartTicked: "Tracer les chiffres cochés", pickedNote: "Chiffres choisis par vous, non revus : chaque point renvoie à sa phrase.",
    referenceYear: "Année de référence", apply: "Appliquer", remove: "Retirer ce rapport",
    yearFrom: (source, line, text) => `lue dans ${source} (ligne ${line} : « ${text} »)`, yearGiven: "choisie par vous", yearUnknown: "introuvable sur la couverture : les chiffres sans année restent sans date",
    sources: { period_covered: "la période couverte", received: "la date de réception", distributed: "la date de distribution", dated: "la date de la note" },
    counts: (p, f, d) => `${p} paragraphes, ${f} chiffres, dont ${d} datés.`, showFacts: (n) => `Voir les ${n} chiffres`,
    filterFacts: "Filtrer par mots", unit: "Unité", year: "Année", qualifier: "Qualificatif", shown: (n, total) => `${n} sur ${total}`,
    factColumns: ["Chiffre", "Unité", "Année", "Source de l’année", "Qualificatif", "Sujet", "Paragraphe", "Phrase"],
    why: {
      empty: "Le texte est vide.", scanned: "Ce PDF ne contient pas de texte (un document numérisé, fait d’images) : Derek ne peut pas le lire.",
      encrypted: "Ce PDF est chiffré (protégé par un mot de passe) : Derek ne peut pas le lire.", notPdf: "Ce fichier n’est pas un PDF valide.",
      notDocx: "Ce fichier n’est pas un document Word (.docx) valide.", binary: "Ce fichier n’est pas du texte.",
      noYear: "Aucun des chiffres cochés n’a d’année : rien à tracer.",
      unknownType: "Derek lit les fichiers .txt, .pdf et .docx.", notReport: "Ce texte ne se lit pas comme un rapport", failed: "La lecture a échoué",
    },
  },
  en: {
    failed: "Derek could not load: ", menu: "Chart menu", png: "Download image (PNG)", svg: "Download image (SVG)",
    csv: "Download data (CSV)", json: "Download data (JSON)", embed: "Embed this chart", copy: "Copy",
    copied: "Copied", close: "Close", script: "With a script:", iframe: "Or with an iframe:",
    sourceOf: "Source of the point", line: "line", chart: "Chart", table: "Table", series: "Series",
    filter: "Filter the series", search: "Search the reports",
    results: (n) => `${n} paragraph${n > 1 ? "s" : ""}`, none: "No paragraph matches.", figures: "Figures:",
    dark: "Dark theme", points: "Chart points: arrows to move, Enter for the source", noSeries: "Unknown series: ",
    axis: "Axis from zero", groupBy: "Group by", byTheme: "theme", byReport: "report", download: "Download:",
    addReport: "Add a report", addHint: "Paste text, or drop or open a .txt, .pdf or .docx file. It is read in your browser and kept here: nothing is sent.",
    pasteHere: "Report text", reportName: "Report name (optional)", readText: "Read the text", openFile: "Open a file:",
    reading: "Reading…", pages: (n, total) => `Reading page ${n} of ${total}…`,
    added: (facts, series) => `${facts} figure${facts === 1 ? "" : "s"} read, ${series} series found automatically.`,
    autoFound: "series found automatically", noAuto: "none", autoNote: "Series found automatically, not reviewed: check each point in its sentence.",
    tick: "Tick", chartTicked: "Chart the ticked figures", pickedNote: "Figures you picked, not reviewed: each point leads to its sentence.",
    referenceYear: "Reference year", apply: "Apply", remove: "Remove this report",
    yearFrom: (source, line, text) => `read from ${source} (line ${line}: “${text}”)`, yearGiven: "chosen by you", yearUnknown: "not found on the cover: figures without a year stay undated",
    sources: { period_covered: "the period covered", received: "the date of receipt", distributed: "the distribution date", dated: "the date of the note" },
    counts: (p, f, d) => `${p} paragraphs, ${f} figures, ${d} of them dated.`, showFacts: (n) => `Show the ${n} figures`,
    filterFacts: "Filter by words", unit: "Unit", year: "Year", qualifier: "Qualifier", shown: (n, total) => `${n} of ${total}`,
    factColumns: ["Figure", "Unit", "Year", "Year source", "Qualifier", "Subject", "Paragraph", "Sentence"],
    why: {
      empty: "The text is empty.", scanned: "This PDF holds no text (a scanned document, made of images): Derek cannot read it.",
      encrypted: "This PDF is encrypted (password-protected): Derek cannot read it.", notPdf: "This file is not a valid PDF.",
      notDocx: "This file is not a valid Word document (.docx).", binary: "This file is not text.",
      noYear: "None of the ticked figures has a year: nothing to chart.",
      unknownType: "Derek reads .txt, .pdf and .docx files.", notReport: "This text does not read as a report", failed: "Reading failed",
    },
  },
};
export const SCHEME = matchMedia("(prefers-color-scheme: dark)");
export const langOf = (el) => (el.getAttribute("lang") === "en" ? "en" : "fr");
export function themeOf(el) {
  const t = el.getAttribute("theme");
  if (t === "dark" || t === "light") return t;
  return SCHEME.matches ? "dark" : "light";
}

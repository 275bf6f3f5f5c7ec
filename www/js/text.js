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
    // Reader, search pages, links (issue 15): one block, to move into the shared table.
    read: "Lire", readHere: "Lire dans le rapport", report: "Rapport", official: "Document officiel (undocs.org)",
    showMore: "Afficher plus", shown: (n, total) => `${n} sur ${total}`, copyLink: "Copier le lien",
    linkCopied: "Lien copié :", figureCard: "Ce que Derek a lu", value: "Valeur", unit: "Unité",
    qualifier: "Qualificatif", year: "Année", subject: "Objet", inSeries: "Dans la série :",
    noSeriesCard: "Ce chiffre ne figure dans aucune série.", linkHere: "Lien vers ce paragraphe",
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
    // Reader, search pages, links (issue 15): one block, to move into the shared table.
    read: "Read", readHere: "Read in the report", report: "Report", official: "Official document (undocs.org)",
    showMore: "Show more", shown: (n, total) => `${n} of ${total}`, copyLink: "Copy link",
    linkCopied: "Link copied:", figureCard: "What Derek read", value: "Value", unit: "Unit",
    qualifier: "Qualifier", year: "Year", subject: "Subject", inSeries: "In the series:",
    noSeriesCard: "This figure is in no series.", linkHere: "Link to this paragraph",
  },
};
export const SCHEME = matchMedia("(prefers-color-scheme: dark)");
export const langOf = (el) => (el.getAttribute("lang") === "en" ? "en" : "fr");
export function themeOf(el) {
  const t = el.getAttribute("theme");
  if (t === "dark" || t === "light") return t;
  return SCHEME.matches ? "dark" : "light";
}

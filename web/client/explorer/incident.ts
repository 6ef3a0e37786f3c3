/**
 * An event's incident in the side panel: the reports of one real-world incident side by side (each report's
 * sources, its figures and its quotes) under the incident's combined toll, and the incidents an editor may
 * still join it to (`Event.incidentCandidates`).
 */
import type { ClaimDetails, IncidentSummary, NodeDetails, Quote, Report, SourceRef } from "./api.js";
import { nodeButton, placeRefs, quotes, refs, sourceLine, type Open } from "./detailParts.js";
import { h } from "./dom.js";
import { formatEstimate } from "./model.js";

const MATCH_WORDS: Record<IncidentSummary["match"], string> = {
  SINGLE: "one report",
  AUTOMATIC: "matched automatically on date, place and kind of event",
  CURATED: "linked by an editor",
};

/** "39 killed, at least 12 injured"; "no figure" when neither is known. */
export function tollText(toll: Pick<IncidentSummary, "fatalities" | "injuries">): string {
  const parts = [
    formatEstimate(toll.fatalities) === null ? null : `${formatEstimate(toll.fatalities)} killed`,
    formatEstimate(toll.injuries) === null ? null : `${formatEstimate(toll.injuries)} injured`,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(", ") : "no figure";
}

/** Every source a report rests on (its claims' and its evidence's), each once, in order of appearance. */
function reportSources(report: Report): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const source of [...report.evidence.map((item) => item.source), ...report.claims.map((claim) => claim.source)])
    if (!seen.has(source.id)) seen.set(source.id, source);
  return [...seen.values()];
}

/** One line per figure a report's claims give: "39, according to Syria Civil Defence". */
function figures(claims: ClaimDetails[], kind: "FATALITIES" | "INJURIES"): Node {
  const lines = claims
    .filter((claim) => claim.claimKind === kind)
    .map((claim) => {
      const figure = formatEstimate(claim.estimate) ?? "unknown number";
      return h(
        "li",
        {},
        figure,
        claim.assertedBy ? h("span", { class: "report-who" }, ", according to ", h("bdi", {}, claim.assertedBy.name)) : null,
      );
    });
  return lines.length > 0 ? h("ul", { class: "report-figures" }, ...lines) : document.createTextNode("—");
}

/** A report's quotes: its own evidence and its figures' evidence, each quote once. */
function reportQuotes(report: Report): Node[] {
  const tolls = report.claims.filter((claim) => claim.claimKind === "FATALITIES" || claim.claimKind === "INJURIES");
  const all: Quote[] = [...report.evidence, ...tolls.flatMap((claim) => claim.evidence)];
  const unique = [...new Map(all.map((item) => [item.quote, item])).values()];
  return unique.length > 0 ? quotes(unique) : [document.createTextNode("—")];
}

/**
 * The reports as the columns of a table, one row per question (source, date, place, killed, injured, quotes),
 * so that what each source says can be read across. The columns share the panel's width; a narrow panel stacks
 * them, each answer under its report's number (reading.css).
 */
function reportsTable(currentId: string, reports: Report[], open: Open): HTMLElement {
  const row = (label: string, cell: (report: Report) => Node | Node[] | string) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, label),
      ...reports.map((report, index) => {
        const content = cell(report);
        // The report's number, shown before each answer when a narrow panel stacks the columns (reading.css).
        return h("td", { "data-column": index + 1 }, ...(Array.isArray(content) ? content : [content]));
      }),
    );
  const table = h(
    "table",
    { class: "reports-table" },
    h("caption", { class: "visually-hidden" }, "What each report of this incident says"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("td", {}),
        ...reports.map((report, index) =>
          h(
            "th",
            { scope: "col", "data-id": report.id, "data-column": index + 1 },
            report.id === currentId
              ? h("span", { class: "report-current" }, h("bdi", {}, report.title), " (this report)")
              : nodeButton({ id: report.id, name: report.title }, open),
          ),
        ),
      ),
    ),
    h(
      "tbody",
      {},
      row("Source", (report) => {
        const sources = reportSources(report);
        return sources.length > 0 ? sources.map((source) => h("p", { class: "report-source" }, sourceLine(source))) : "—";
      }),
      row("Date", (report) => (report.datePrecision === "DAY" ? report.date : `${report.date} (${report.datePrecision.toLowerCase()})`)),
      row("Place", (report) => refs(placeRefs(report.places), open)),
      row("Killed", (report) => figures(report.claims, "FATALITIES")),
      row("Injured", (report) => figures(report.claims, "INJURIES")),
      row("Quotes", reportQuotes),
    ),
  );
  return h("div", { class: "reports-scroll", role: "region", "aria-label": "Reports side by side", tabindex: "0" }, table);
}

function candidateItem(candidate: IncidentSummary & { reports: Pick<Report, "id" | "title" | "date">[] }, open: Open): HTMLLIElement {
  return h(
    "li",
    { class: "candidate", "data-id": candidate.id },
    h("p", { class: "candidate-what" }, `${candidate.date}: ${tollText(candidate)}`),
    h(
      "ul",
      { class: "candidate-reports" },
      ...candidate.reports.map((report) => h("li", {}, nodeButton({ id: report.id, name: report.title }, open))),
    ),
  );
}

/** The incident's sections of an event's account; none for a report that is its incident's only one and has no candidates. */
export function incidentSections(
  event: Extract<NodeDetails, { __typename: "Event" }>,
  open: Open,
  wideButton?: (label: string) => HTMLButtonElement,
): HTMLElement[] {
  const { incident, incidentCandidates } = event;
  const sections: HTMLElement[] = [];
  if (incident.reports.length > 1) {
    sections.push(
      h("h3", {}, "Reports of this incident"),
      h(
        "p",
        { class: "incident-toll" },
        h("strong", {}, `Incident toll: ${tollText(incident)}`),
        ` — each source's figures combined, never added; ${incident.reports.length} reports, ${MATCH_WORDS[incident.match]}.`,
      ),
      ...(wideButton ? [h("p", { class: "incident-actions" }, wideButton("Side by side, full width"))] : []),
      reportsTable(event.id, incident.reports, open),
    );
  }
  if (incidentCandidates.length > 0) {
    sections.push(
      h("h3", {}, "Could be the same incident as"),
      h(
        "p",
        { class: "hint" },
        "Reports that fit this one on date, place and kind of event, left apart because more than one fits or an editor decided. An editor joins them, or keeps them apart, with linkIncident.",
      ),
      h("ul", { class: "candidates" }, ...incidentCandidates.map((candidate) => candidateItem(candidate, open))),
    );
  }
  return sections;
}

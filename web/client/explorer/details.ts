/** The side panel's account of one node: for events their tolls by source and the quoted evidence. */
import type { BlamedCounts, ClaimDetails, ExternalId, NodeDetails } from "./api.js";
import { facts, names, nodeButton, placeRefs, quotes, refs, sourceLine, words, type Open } from "./detailParts.js";
import { h } from "./dom.js";
import { incidentSections } from "./incident.js";
import { formatEstimate, membershipChains, placeQualifier, type Membership } from "./model.js";
import { eventCategoryName, eventTypeName } from "../../../src/model/eventNames.js";

/** A node's identifiers as `scheme: value`, or null when it has none. */
function identifiers(list: ExternalId[]): Node | null {
  return list.length > 0 ? names(list.map((id) => `${id.scheme}: ${id.value}`)) : null;
}

/**
 * An actor's membership chains: the actor, then each body it belongs to, nearest first ("unit -> force ->
 * state"), each body a link. One list per chain, so that a screen reader says how many steps there are.
 */
function chains(actor: string, partOf: Membership[], open: Open): Node {
  const lists = membershipChains(partOf).map((chain) =>
    h(
      "ol",
      { class: "membership-chain", "aria-label": `Membership chain of ${actor}` },
      h("li", {}, h("bdi", {}, actor)),
      ...chain.map((body) => h("li", {}, nodeButton(body, open))),
    ),
  );
  return h("div", { class: "membership-chains" }, ...lists);
}

function claimItem(claim: ClaimDetails, open: Open): HTMLLIElement {
  const figure = formatEstimate(claim.estimate);
  const what =
    claim.claimKind === "FATALITIES"
      ? `${figure ?? "unknown number"} killed`
      : claim.claimKind === "INJURIES"
        ? `${figure ?? "unknown number"} injured`
        : claim.text;
  return h(
    "li",
    { class: "claim" },
    h("p", { class: "claim-what" }, what),
    h(
      "p",
      { class: "claim-who" },
      "According to ",
      claim.assertedBy ? nodeButton(claim.assertedBy, open) : "unnamed sources",
      ", in ",
      sourceLine(claim.source),
    ),
    ...quotes(claim.evidence),
  );
}

function eventDetails(event: Extract<NodeDetails, { __typename: "Event" }>, open: Open, wideButton: DetailsActions["wideButton"]): Node[] {
  const tolls = event.claims.filter((claim) => claim.claimKind === "FATALITIES" || claim.claimKind === "INJURIES");
  const others = event.claims.filter((claim) => !tolls.includes(claim));
  return [
    facts([
      ["Date", event.datePrecision === "DAY" ? event.eventDate : `${event.eventDate} (${words(event.datePrecision)})`],
      ["Category", eventCategoryName(event.category)],
      // UCDP has no sub-event types: its events' type is OTHER, which says nothing their category does not.
      ["Type", event.type === "OTHER" ? null : eventTypeName(event.type)],
      ["Places", refs(placeRefs(event.places), open)],
      ["Killed", formatEstimate(event.fatalities) ?? "not reported"],
      ["Injured", formatEstimate(event.injuries) ?? "not reported"],
      ["Responsibility", event.responsibilityContested ? "contested" : null],
      ["Identifiers", identifiers(event.identifiers)],
    ]),
    event.summary ? h("p", { class: "summary" }, event.summary) : null,
    h("h3", {}, "Casualty estimates by source"),
    tolls.length > 0
      ? h("ul", { class: "claims" }, ...tolls.map((claim) => claimItem(claim, open)))
      : h("p", {}, "No source gives a figure."),
    ...incidentSections(event, open, wideButton),
    others.length > 0 ? h("h3", {}, "Other claims") : null,
    others.length > 0 ? h("ul", { class: "claims" }, ...others.map((claim) => claimItem(claim, open))) : null,
    event.evidence.length > 0 ? h("h3", {}, "Evidence") : null,
    ...quotes(event.evidence),
  ].filter((node): node is HTMLElement => node !== null);
}

function statementDetails(statement: Extract<NodeDetails, { __typename: "Statement" }>, open: Open): Node[] {
  return [
    facts([
      ["Speaker", nodeButton(statement.speaker, open)],
      ["On behalf of", statement.onBehalfOf ? nodeButton(statement.onBehalfOf, open) : null],
      ["Stance", words(statement.stance)],
      ["Date", statement.statementDate ?? `undated; reported ${statement.source.publishedOn ?? "on an unknown date"}`],
      ["Targets", statement.targets.length > 0 ? refs(statement.targets, open) : null],
      ["Source", sourceLine(statement.source)],
    ]),
    h("h3", {}, "Quote"),
    ...(statement.evidence.length > 0 ? quotes(statement.evidence) : [h("blockquote", { class: "evidence" }, statement.text)]),
  ];
}

function body(details: NodeDetails, open: Open, wideButton: DetailsActions["wideButton"]): Node[] {
  switch (details.__typename) {
    case "Event":
      return eventDetails(details, open, wideButton);
    case "Statement":
      return statementDetails(details, open);
    case "Claim":
      return [
        facts([
          ["Kind", words(details.claimKind)],
          ["Figure", formatEstimate(details.estimate)],
          ["Asserted by", details.assertedBy ? nodeButton(details.assertedBy, open) : "unnamed sources"],
          ["Event", nodeButton({ id: details.event.id, name: details.event.title }, open)],
          ["Source", sourceLine(details.source)],
        ]),
        h("p", { class: "summary" }, details.text),
        ...quotes(details.evidence),
      ];
    case "Actor":
      return [
        facts([
          ["Kind", words(details.actorKind)],
          ["Also known as", details.aliases.length > 0 ? names(details.aliases) : null],
          ["Part of", details.partOf.length > 0 ? chains(details.name, details.partOf, open) : null],
          ["Members", details.members.length > 0 ? refs(details.members, open) : null],
          ["Identifiers", identifiers(details.identifiers)],
        ]),
        details.description ? h("p", { class: "summary" }, details.description) : h("p", {}, ""),
        ...blamedFor(details, open),
      ];
    case "Place":
      return [
        facts([
          ["Kind", words(details.placeKind)],
          ["Also known as", details.aliases.length > 0 ? names(details.aliases) : null],
          ["Within", details.ancestors.length > 0 ? refs(placeRefs(details.ancestors), open) : null],
          ["Identifiers", identifiers(details.identifiers)],
        ]),
      ];
    case "Agreement":
      return [
        facts([
          ["Signed", details.signedOn],
          ["Ends", details.endsOn ?? "in force"],
          ["Parties", refs(details.parties, open)],
          ["Covers", refs(placeRefs(details.covers), open)],
        ]),
        details.summary ? h("p", { class: "summary" }, details.summary) : h("p", {}, ""),
      ];
    case "Source":
      return [
        facts([
          ["Published", details.publishedOn],
          ["Publisher", details.publisher ? nodeButton(details.publisher, open) : null],
          ["Address", details.url],
        ]),
      ];
  }
}

function heading(details: NodeDetails): string {
  switch (details.__typename) {
    case "Event":
    case "Source":
      return details.title;
    case "Statement":
      return `${details.speaker.name}: ${words(details.stance)}`;
    case "Claim":
      return `${words(details.claimKind)} claim`;
    default:
      return details.name;
  }
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * "2 incidents (3 reports)": incidents once however many sources report them, as `eventStats` counts. Without the
 * counts (the statistics could not be read), only the reports, which the list below counts too.
 */
function blamedCountText(counts: BlamedCounts | null, reports: number): string {
  return counts ? `${plural(counts.incidents, "incident")} (${plural(counts.reports, "report")})` : plural(reports, "report");
}

export interface DetailsActions {
  open: Open;
  isPathEnd: boolean;
  togglePathEnd: () => void;
  /** A button that opens the details at full width (panelSize.ts), for the incident's reports. */
  wideButton?: (label: string) => HTMLButtonElement;
}

/**
 * The events an actor is blamed for, newest first: those it or any actor part of it (transitively) carried out,
 * and those a PERPETRATOR claim credits to it or a member, whoever makes the claim and whether or not disputed.
 */
function blamedFor(actor: Extract<NodeDetails, { __typename: "Actor" }>, open: Open): Node[] {
  const { totalCount, edges } = actor.blamedFor;
  if (totalCount === 0) return [];
  const shown = edges.length < totalCount ? `, the latest ${edges.length} reports listed` : "";
  return [
    h("h3", {}, "Blamed for"),
    h(
      "p",
      { class: "blamed-count" },
      `${blamedCountText(actor.blamedCounts ?? null, totalCount)}${shown}: carried out by `,
      h("bdi", {}, actor.name),
      " or an actor part of it, or blamed on them by a claim (disputed ones included).",
    ),
    h(
      "ul",
      { class: "blamed-events" },
      ...edges.map(({ node }) => h("li", {}, `${node.date}: `, nodeButton({ id: node.id, name: node.title }, open))),
    ),
  ];
}

export function renderDetails(container: HTMLElement, details: NodeDetails, actions: DetailsActions): void {
  const pathButton = h("button", { type: "button", class: "action-button", "aria-pressed": String(actions.isPathEnd) }, "Path end");
  pathButton.addEventListener("click", actions.togglePathEnd);
  container.replaceChildren(
    h("p", { class: "details-type" }, details.__typename),
    h("h2", { id: "details-heading" }, h("bdi", {}, heading(details))),
    // A place's kind and enclosing place under its name: the other place of that name may be one click away.
    ...(details.__typename === "Place" ? [h("p", { class: "details-qualifier" }, placeQualifier(details))] : []),
    h("div", { class: "details-actions" }, pathButton),
    ...body(details, actions.open, actions.wideButton),
  );
}

export function renderDetailsMessage(container: HTMLElement, message: string): void {
  container.replaceChildren(h("p", { class: "details-empty" }, message));
}

/**
 * The whole graph as bundles, one per source, such that importing the file into an empty database (`npm run import`
 * restores it whole, in one transaction) reproduces the same nodes, relationships and properties; only the audit
 * stamps (`createdAt`/`By`, `updatedAt`/`By`) record the new import.
 *
 * Placement: claims and statements go with the source they are reported in; an event or agreement goes into every
 * bundle whose source holds evidence of it (with that evidence), else with the first source whose claims or
 * statements are about it; actors and places go with the first bundle that refers to them. Whatever is left goes
 * into the first bundle. References may cross bundles: the file is imported as one.
 */
import type { Executor } from "../../db/executor.js";
import { otherLabel, ownedBy } from "../../graph/catalogue.js";
import { cycleBreaks, cycleText, hierarchyOf } from "../../graph/cycles.js";
import { MAX_STORED_CHAIN } from "../../graph/limits.js";
import { MERGEABLE_LABELS } from "../../graph/redirects.js";
import type { Properties, WriteLabel } from "../draft.js";
import { parseIdentifierKey } from "../../model/identifiers.js";
import { importsCommitted, readGraph, type StoredGraph } from "./exportStore.js";
import { type IncidentDecisions, readIncidentDecisions } from "../write/incidentDecisions.js";

export const EXPORT_FORMAT = "conflict-graph/bundles";

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  bundles: Record<string, unknown>[];
  /** Incidents matching would not find again (editors' decisions, several reports, a changed id), and keep-aparts. */
  incidents: IncidentDecisions["incidents"];
  keptApart: IncidentDecisions["keptApart"];
}

/** Reads the graph again when an import committed during the read; after this many reads, gives up. */
const MAX_READS = 5;

/**
 * The whole graph read in one read transaction, as one state of it even while imports run: Neo4j's read-committed
 * isolation lets each statement see imports committed since the transaction began, so the count of committed imports
 * is read before and after, and the graph read again while it moved.
 */
export async function exportGraph(db: Executor, options: { onCycleBroken?: (message: string) => void } = {}): Promise<ExportFile> {
  const { graph, incidents } = await db.readTransaction(async (tx) => {
    for (let read = 1; ; read++) {
      const before = await importsCommitted(tx);
      const graph = await readGraph(tx);
      const incidents = await readIncidentDecisions(tx);
      if ((await importsCommitted(tx)) === before) return { graph, incidents };
      if (read === MAX_READS)
        throw new Error(`The graph changed during each of ${MAX_READS} reads (imports kept committing); export again later.`);
    }
  });
  for (const message of leaveOutCycles(graph)) options.onCycleBroken?.(message);
  return { format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(), bundles: graphToBundles(graph), ...incidents };
}

/**
 * An export carries no cycle of PART_OF or WITHIN, which its import would refuse: of a graph that holds some (written
 * before writes refused them), it leaves out the links `npm run db:repair -- --break-cycles` would remove, by the same
 * rule (graph/cycles.ts), and says which. The graph itself is left as it is.
 */
function leaveOutCycles(graph: StoredGraph): string[] {
  const messages: string[] = [];
  for (const label of MERGEABLE_LABELS) {
    const { type } = hierarchyOf[label];
    const owned = graph.links.get(label) ?? new Map<string, { type: string; target: string; role: string | null }[]>();
    const links = [...owned].flatMap(([child, linksOf]) =>
      linksOf.filter((link) => link.type === type).map((link) => ({ child, parent: link.target })),
    );
    for (const { removed, cycle } of cycleBreaks(links)) {
      owned.set(
        removed.child,
        owned.get(removed.child)!.filter((link) => !(link.type === type && link.target === removed.parent)),
      );
      messages.push(
        `left out ${removed.child} -[:${type}]-> ${removed.parent}, which closes the cycle ${cycleText(cycle)}; ` +
          "npm run db:repair -- --break-cycles removes it from the graph",
      );
    }
  }
  return messages;
}

type Json = Record<string, unknown>;
type Section = "actors" | "places" | "agreements" | "events" | "claims" | "statements";

export function graphToBundles(graph: StoredGraph): Json[] {
  const sources = graph.nodes.get("Source") ?? [];
  if (sources.length === 0) return [];
  const bundles = new Map<string, Json & Record<Section, Json[]>>();
  for (const source of sources) {
    const id = String(source.id);
    bundles.set(id, {
      source: compact({
        id,
        title: source.title,
        publishedOn: source.publishedOn,
        url: source.url,
        text: source.text,
        ...relationshipFields(graph, "Source", id),
      }),
      actors: [],
      places: [],
      agreements: [],
      events: [],
      claims: [],
      statements: [],
    });
  }
  const firstSource = String(sources[0]!.id);
  const placed = new Set<string>();
  const put = (sourceId: string, section: Section, node: Json) => {
    bundles.get(sourceId)![section].push(node);
    placed.add(String(node.id));
  };
  const quotesIn = (id: string, source: string) =>
    (graph.evidence.get(id) ?? []).filter((at) => at.source === source).map((at) => at.quote);
  const evidenceSources = (id: string) => [...new Set((graph.evidence.get(id) ?? []).map((at) => at.source))].sort();

  for (const claim of graph.nodes.get("Claim") ?? []) {
    const id = String(claim.id);
    const source = targets(graph, "Claim", id, "REPORTED_IN")[0] ?? firstSource;
    const estimate =
      claim.qualifier == null ? undefined : compact({ low: claim.low, high: claim.high, best: claim.best, qualifier: claim.qualifier });
    put(
      source,
      "claims",
      compact({
        id,
        kind: claim.kind,
        text: claim.text,
        estimate,
        victims: claim.victims,
        victimsOf: claim.victimsOf,
        ...relationshipFields(graph, "Claim", id),
        quotes: quotesIn(id, source),
      }),
    );
  }
  for (const statement of graph.nodes.get("Statement") ?? []) {
    const id = String(statement.id);
    const source = targets(graph, "Statement", id, "REPORTED_IN")[0] ?? firstSource;
    put(
      source,
      "statements",
      compact({
        id,
        date: statement.date,
        datePrecision: statement.datePrecision,
        stance: statement.stance,
        text: statement.text,
        ...relationshipFields(graph, "Statement", id),
        quotes: quotesIn(id, source),
      }),
    );
  }

  /** Sources whose claims or statements are about an event, in source order. */
  const discussedIn = new Map<string, string[]>();
  for (const [label, owner] of [
    ["Claim", "claims"],
    ["Statement", "statements"],
  ] as const) {
    for (const [sourceId, bundle] of bundles) {
      for (const node of bundle[owner]) {
        const events = label === "Claim" ? [node.event] : ((node.about as string[] | undefined) ?? []);
        for (const event of events) discussedIn.set(String(event), [...(discussedIn.get(String(event)) ?? []), sourceId]);
      }
    }
  }
  const homes = (id: string) => {
    const evidenced = evidenceSources(id);
    if (evidenced.length > 0) return evidenced;
    return [discussedIn.get(id)?.sort()[0] ?? firstSource];
  };

  for (const event of graph.nodes.get("Event") ?? []) {
    const id = String(event.id);
    for (const source of homes(id)) {
      put(
        source,
        "events",
        compact({
          id,
          title: event.title,
          category: event.category,
          type: event.type,
          date: event.date,
          endDate: event.endDate,
          datePrecision: event.datePrecision,
          summary: event.summary,
          ...relationshipFields(graph, "Event", id),
          quotes: quotesIn(id, source),
          location:
            event.latitude == null || event.longitude == null ? undefined : { latitude: event.latitude, longitude: event.longitude },
          geoPrecision: event.geoPrecision,
          identifiers: identifiersOf(event),
          ucdpConflictId: event.ucdpConflictId,
          ucdpDyadId: event.ucdpDyadId,
        }),
      );
    }
  }
  for (const agreement of graph.nodes.get("Agreement") ?? []) {
    const id = String(agreement.id);
    for (const source of homes(id)) {
      put(
        source,
        "agreements",
        compact({
          id,
          name: agreement.name,
          signedOn: agreement.signedOn,
          datePrecision: agreement.datePrecision,
          endsOn: agreement.endsOn,
          summary: agreement.summary,
          ...relationshipFields(graph, "Agreement", id),
          quotes: quotesIn(id, source),
        }),
      );
    }
  }

  // Entities go with the first bundle that refers to them.
  const firstReference = new Map<string, string>();
  for (const [sourceId, bundle] of bundles) {
    for (const id of referencedIds(bundle)) if (!firstReference.has(id)) firstReference.set(id, sourceId);
  }
  for (const actor of graph.nodes.get("Actor") ?? []) {
    const id = String(actor.id);
    put(
      firstReference.get(id) ?? firstSource,
      "actors",
      compact({
        id,
        name: actor.name,
        aliases: actor.aliases,
        kind: actor.kind,
        description: actor.description,
        wikidataId: actor.wikidataId,
        period: actor.period,
        mergedIds: actor.mergedIds,
        identifiers: identifiersOf(actor),
        ...relationshipFields(graph, "Actor", id),
      }),
    );
  }
  const placeHome = homeOfParent(graph, firstReference);
  for (const place of graph.nodes.get("Place") ?? []) {
    const id = String(place.id);
    put(
      placeHome(id) ?? firstSource,
      "places",
      compact({
        id,
        name: place.name,
        aliases: place.aliases,
        kind: place.kind,
        ...relationshipFields(graph, "Place", id),
        location: place.latitude == null || place.longitude == null ? undefined : { latitude: place.latitude, longitude: place.longitude },
        wikidataId: place.wikidataId,
        mergedIds: place.mergedIds,
        identifiers: identifiersOf(place),
      }),
    );
  }

  return [...bundles.values()].map((bundle) => {
    const result: Json = { source: bundle.source };
    for (const section of ["actors", "places", "agreements", "events", "claims", "statements"] as const) {
      if (bundle[section].length > 0) result[section] = bundle[section];
    }
    return result;
  });
}

/** The targets of a node's owned relationships of one type. */
function targets(graph: StoredGraph, owner: WriteLabel, id: string, type: string): string[] {
  return (graph.links.get(owner)?.get(id) ?? []).filter((link) => link.type === type).map((link) => link.target);
}

/** A node's owned relationships as its bundle gives them: the fields of the catalogue's relationships it owns. */
function relationshipFields(graph: StoredGraph, label: WriteLabel, id: string): Json {
  const fields: Json = {};
  for (const relationship of ownedBy(label)) {
    const links = (graph.links.get(label)?.get(id) ?? []).filter((link) => link.type === relationship.type);
    const { field, holds } = relationship.bundle;
    if (holds === "id") fields[field] = links[0]?.target;
    else if (holds === "ids") fields[field] = links.map((link) => link.target);
    else if (holds === "participants") fields[field] = links.map((link) => ({ actor: link.target, role: link.role }));
    // `source`: the bundle's own source, which placement decides; `quotes`: evidence, given per source.
  }
  return fields;
}

/** A parent place goes where its first child went, so that a bundle's places read top down. */
function homeOfParent(graph: StoredGraph, firstReference: ReadonlyMap<string, string>): (id: string) => string | undefined {
  const children = new Map<string, string[]>();
  for (const [child, links] of graph.links.get("Place") ?? []) {
    for (const link of links) if (link.type === "WITHIN") children.set(link.target, [...(children.get(link.target) ?? []), child]);
  }
  const memo = new Map<string, string | undefined>();
  const home = (id: string, depth = 0): string | undefined => {
    if (memo.has(id)) return memo.get(id);
    let found = firstReference.get(id);
    for (const child of depth < MAX_STORED_CHAIN && !found ? (children.get(id) ?? []) : []) {
      found = home(child, depth + 1);
      if (found) break;
    }
    memo.set(id, found);
    return found;
  };
  return home;
}

/** The fields of a bundle's sections that refer to actors and places, from the catalogue (for placing entities). */
const entityReferences: readonly { section: "source" | Section; field: string }[] = (
  [
    ["Source", "source"],
    ["Event", "events"],
    ["Claim", "claims"],
    ["Statement", "statements"],
    ["Agreement", "agreements"],
  ] as const
).flatMap(([label, section]) =>
  ownedBy(label)
    .filter((relationship) => ["Actor", "Place"].includes(otherLabel(relationship)))
    .map((relationship) => ({ section, field: relationship.bundle.field })),
);

/** Every id a bundle's documents refer to (for placing entities). */
function referencedIds(bundle: Json & Record<Section, Json[]>): string[] {
  const ids: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === "string") ids.push(value);
    else if (Array.isArray(value)) for (const item of value) add(typeof item === "object" && item !== null ? (item as Json).actor : item);
  };
  for (const { section, field } of entityReferences) {
    for (const node of section === "source" ? [bundle.source as Json] : bundle[section]) add(node[field]);
  }
  return ids;
}

/** A node's stored identifier keys as the bundle gives them, `[{scheme, value}]`. */
function identifiersOf(node: Record<string, unknown>): { scheme: string; value: string }[] {
  return Array.isArray(node.identifiers)
    ? node.identifiers.filter((key): key is string => typeof key === "string").map(parseIdentifierKey)
    : [];
}

/** The object without null, undefined or empty-list fields: what the bundle format reads as absent. */
function compact(object: Properties | Record<string, unknown>): Json {
  return Object.fromEntries(
    Object.entries(object).filter(
      ([key, value]) =>
        value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0 && key !== "quotes" && key !== "places"),
    ),
  );
}

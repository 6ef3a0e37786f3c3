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
import { isEntityLabel, type Properties, type WriteLabel, writeLabels } from "../draft.js";
import { nodeTypes, propertiesOf, type BundleSection } from "../../graph/nodes.js";
import type { StoredProperties } from "../storedRows.js";
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
type Section = Exclude<BundleSection, "source">;

export function graphToBundles(graph: StoredGraph): Json[] {
  const sources = graph.nodes.get("Source") ?? [];
  if (sources.length === 0) return [];
  const bundles = new Map<string, Json & Record<Section, Json[]>>();
  for (const source of sources) {
    const id = String(source.id);
    const empty = Object.fromEntries(sections.map((section) => [section, [] as Json[]])) as Record<Section, Json[]>;
    bundles.set(id, { source: definition(graph, "Source", source), ...empty });
  }
  const firstSource = String(sources[0]!.id);
  const put = (sourceId: string, label: WriteLabel, node: StoredProperties) =>
    bundles.get(sourceId)![nodeTypes[label].section as Section].push(definition(graph, label, node, sourceId));

  // Claims and statements go with the source they are reported in.
  for (const label of reportedLabels) {
    for (const node of graph.nodes.get(label) ?? []) {
      put(targets(graph, label, String(node.id), "REPORTED_IN")[0] ?? firstSource, label, node);
    }
  }

  /** Sources whose claims or statements are about a document, in source order. */
  const discussedIn = new Map<string, string[]>();
  for (const [sourceId, bundle] of bundles) {
    for (const { section, field } of documentReferences) {
      for (const node of bundle[section]) {
        for (const document of [node[field] ?? []].flat() as string[]) {
          discussedIn.set(document, [...(discussedIn.get(document) ?? []), sourceId]);
        }
      }
    }
  }
  const homes = (id: string) => {
    const evidenced = [...new Set((graph.evidence.get(id) ?? []).map((at) => at.source))].sort();
    if (evidenced.length > 0) return evidenced;
    return [discussedIn.get(id)?.sort()[0] ?? firstSource];
  };
  // Events and agreements go into every bundle whose source holds evidence of them.
  for (const label of placedDocuments) {
    for (const node of graph.nodes.get(label) ?? []) for (const source of homes(String(node.id))) put(source, label, node);
  }

  // Entities go with the first bundle that refers to them; a place with no reference where its first child went.
  const firstReference = new Map<string, string>();
  for (const [sourceId, bundle] of bundles) {
    for (const id of referencedIds(bundle)) if (!firstReference.has(id)) firstReference.set(id, sourceId);
  }
  const placeHome = homeOfParent(graph, firstReference);
  for (const label of entityLabels) {
    for (const node of graph.nodes.get(label) ?? []) {
      const id = String(node.id);
      put((label === "Place" ? placeHome(id) : firstReference.get(id)) ?? firstSource, label, node);
    }
  }

  return [...bundles.values()].map((bundle) => {
    const result: Json = { source: bundle.source };
    for (const section of sections) {
      if (bundle[section].length > 0) result[section] = bundle[section];
    }
    return result;
  });
}

/**
 * A stored node as its bundle section defines it, by the catalogue (src/graph/nodes.ts): each given property at its
 * bundle field (a composite's keys together, when its required ones are known; identifiers as `{scheme, value}`),
 * then the relationships it owns, then its quotes in `source`.
 */
function definition(graph: StoredGraph, label: WriteLabel, node: StoredProperties, source?: string): Json {
  const id = String(node.id);
  const fields: Json = { id };
  const composites = new Map<string, { value: Json; complete: boolean }>();
  for (const [key, property] of propertiesOf(label, "given")) {
    const bundle = property.bundle;
    if (!bundle || bundle.orSource !== undefined) continue;
    if (bundle.key !== undefined) {
      const composite = composites.get(bundle.field) ?? { value: {}, complete: true };
      composite.value[bundle.key] = node[key];
      if (bundle.required && node[key] == null) composite.complete = false;
      composites.set(bundle.field, composite);
      fields[bundle.field] = composite;
    } else fields[bundle.field] = bundle.identifiers !== undefined ? identifiersOf(node) : node[key];
  }
  for (const [field, composite] of composites) fields[field] = composite.complete ? compact(composite.value) : undefined;
  const evidenced = ownedBy(label).some((relationship) => relationship.type === "EVIDENCED_BY");
  return compact({
    ...fields,
    ...relationshipFields(graph, label, id),
    ...(evidenced && source !== undefined ? { quotes: quotesIn(graph, id, source) } : {}),
  });
}

/** A node's quotes in one source. */
function quotesIn(graph: StoredGraph, id: string, source: string): string[] {
  return (graph.evidence.get(id) ?? []).filter((at) => at.source === source).map((at) => at.quote);
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

const sections = writeLabels.flatMap((label) => {
  const section = nodeTypes[label].section;
  return section === "source" ? [] : [section];
});
/** The documents a bundle's source reports (claims, statements): their relationship to it is the bundle's own source. */
const reportedLabels = writeLabels.filter((label) => ownedBy(label).some((relationship) => relationship.bundle.holds === "source"));
/** The other documents (events, agreements), placed by their evidence or by the documents that discuss them. */
const placedDocuments = writeLabels.filter(
  (label) => nodeTypes[label].kind === "document" && nodeTypes[label].section !== "source" && !reportedLabels.includes(label),
);
const entityLabels = writeLabels.filter(isEntityLabel);

/** The fields by which reported documents say what they are ABOUT (a claim's event, a statement's `about`). */
const documentReferences: readonly { section: Section; field: string }[] = reportedLabels.flatMap((label) =>
  ownedBy(label)
    .filter((relationship) => relationship.type === "ABOUT")
    .map((relationship) => ({ section: nodeTypes[label].section as Section, field: relationship.bundle.field })),
);

/** The fields of a bundle's sections that refer to actors and places, from the catalogue (for placing entities). */
const entityReferences: readonly { section: "source" | Section; field: string }[] = writeLabels
  .filter((label) => !isEntityLabel(label))
  .flatMap((label) =>
    ownedBy(label)
      .filter((relationship) => (entityLabels as readonly string[]).includes(otherLabel(relationship)))
      .map((relationship) => ({ section: nodeTypes[label].section, field: relationship.bundle.field })),
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

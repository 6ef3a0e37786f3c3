/**
 * Runs one import: a draft in, a report out, all in one write transaction, so the graph holds either the whole
 * import or none of it. Under the import lock, in five phases, each a function below, in order:
 * - resolve: ids merged away are followed (redirects.ts), new actors and places resolved to existing ones by
 *   identifier, then by name (resolve/resolution.ts), and every reference checked against the draft and the graph;
 * - compare: what is stored of every node the draft names that exists is read, and each node's target (merge.ts)
 *   compared with it;
 * - check: no identifier of a node to write names another node (identifiers.ts), and no PART_OF or WITHIN link
 *   closes a cycle (hierarchyCycles.ts); a dry run ends here, with its report;
 * - write: only what differs, and the identifiers' lookup nodes, redirects, event aggregates and the located points
 *   of the events the written events and places may have moved (eventPoints.ts);
 * - derive incidents: new and updated events are matched into incidents (incidentMatching.ts).
 * Unchanged nodes are not written at all, so they keep their `updatedAt`. The writes find nodes by element id
 * (importStore.ts, ElementIds) and cost a fixed handful of statements per label, whatever the size of the import.
 */
import type { Executor, WriteTransaction } from "../../db/executor.js";
import { type ImportProblem, type ImportWarning, InvalidImportError } from "../../errors.js";
import { Pacer } from "../../pacer.js";
import { matchKeysOf, nameKeysOf } from "../../model/nameMatching.js";
import { counted } from "../../model/text.js";
import type { Located } from "../draft.js";
import { type ClaimFacts, eventAggregates } from "../../model/eventAggregates.js";
import { type Draft, type DraftNode, type EntityLabel, relationshipSpec, writeLabels, type WriteLabel } from "../draft.js";
import {
  countImport,
  createNodes,
  deleteOwnedLinks,
  entityCandidates,
  type ElementIds,
  evidenceKey,
  existingIds,
  lockImports,
  placeAncestors,
  refreshEventAggregates,
  storedEvidence,
  storedNodes,
  updateNodes,
  writeEvidence,
  writeLinks,
} from "./importStore.js";
import { followRedirects, writeRedirects } from "./redirects.js";
import type { IncidentDecisions } from "./incidentDecisions.js";
import { matchIncidents } from "./incidentMatching.js";
import { incidentIdOf } from "./incidentStore.js";
import { deriveEventPoints } from "./eventPoints.js";
import { sameEvidence, type StoredNode, type TargetNode, targetNode } from "../resolve/merge.js";
import { applyResolution, type EntityMatch, resolveEntities } from "../resolve/resolution.js";
import { hierarchyOf } from "../../graph/cycles.js";
import { isMergeable, type MergeableLabel } from "../../graph/redirects.js";
import { type AddedLink, cycleProblems } from "./hierarchyCycles.js";
import {
  identifiedLabels,
  type IdentifierHolders,
  identifierHolders,
  identifierKeysOf,
  identifierProblems,
  writeIdentifiers,
} from "./identifiers.js";

/** What an import did (or, as a dry run, would do); the shape of the API's `ImportReport`. */
export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  touched: string[];
  resolved: EntityMatch[];
  rows: number | null;
  /** What the import accepted but had to decide about (ucdp/ucdpRows.ts); empty for other formats. */
  warnings: ImportWarning[];
}

export interface ImportOptions {
  dryRun: boolean;
  /** Recorded as `createdBy`/`updatedBy`: the key's label, the token's subject, `cli:<user>`, `seed`. */
  writtenBy: string;
  /** Problems found before the graph was consulted (schema, quotes); reported together with the graph's. */
  problems?: readonly ImportProblem[];
  /** Link new actors and places to existing ones by name (off when restoring an export, whose ids are the truth). */
  resolve?: boolean;
  rows?: number | null;
  /** Warnings found while reading the input, reported as they are. */
  warnings?: readonly ImportWarning[];
  /** Restoring an export: its incidents and keep-aparts, restored as they were instead of matching (incidentDecisions.ts). */
  incidents?: IncidentDecisions;
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
}

/** At most this many problems are listed; a file wrong on every row would otherwise answer with megabytes. */
export const MAX_PROBLEMS = 100;

/** Thrown inside the transaction to roll a dry run back; carries its report out. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

/** The event reports a committed import changed, for live updates (live/changeBus.ts); none for a dry run. */
export interface ChangedEvents {
  created: string[];
  /** Written again, or given evidence from another source. */
  updated: string[];
  /** Stored reports that joined or left an incident. */
  regrouped: string[];
}

export async function runImport(db: Executor, draft: Draft, options: ImportOptions): Promise<ImportReport> {
  return (await runImportWithChanges(db, draft, options)).report;
}

/** runImport, and which event reports it changed. */
export async function runImportWithChanges(
  db: Executor,
  draft: Draft,
  options: ImportOptions,
): Promise<{ report: ImportReport; changed: ChangedEvents }> {
  try {
    return await db.write((tx) => importInTransaction(tx, draft, options), { timeoutMs: options.timeoutMs });
  } catch (error) {
    if (error instanceof DryRunRollback) return { report: error.report, changed: { created: [], updated: [], regrouped: [] } };
    throw error;
  }
}

/**
 * One import, phase by phase: resolve, compare, check, write, derive incidents. Resolving and the checks refuse the
 * import when they find problems (InvalidImportError, listing them all); a dry run stops after the checks, with its
 * report.
 */
async function importInTransaction(
  tx: WriteTransaction,
  input: Draft,
  options: ImportOptions,
): Promise<{ report: ImportReport; changed: ChangedEvents }> {
  await lockImports(tx);
  const resolved = await resolve(tx, input, options);
  const comparison = await compare(tx, resolved);
  const identifiers = await checkIdentifiers(tx, comparison);
  await checkHierarchies(tx, comparison);
  const report = reportOf(comparison, resolved.matches, options);
  if (options.dryRun) throw new DryRunRollback(report);
  const events = await write(tx, comparison, identifiers, options);
  const moved = await deriveIncidents(tx, events, comparison.elements, options);
  if (report.touched.length > 0) await countImport(tx);
  const created = new Set(events.created);
  const touched = new Set(report.touched);
  const touchedEvents = comparison.targets.filter((node) => node.label === "Event" && touched.has(node.id));
  return {
    report,
    changed: {
      created: events.created,
      updated: touchedEvents.filter((node) => !created.has(node.id)).map((node) => node.id),
      regrouped: [...new Set(moved)].filter((id) => !created.has(id)),
    },
  };
}

/** The draft as it will be compared: ids merged away followed, new entities resolved to existing ones, references checked. */
interface Resolved {
  draft: Draft;
  /** Element ids of every node that exists among those the draft names or was resolved to; the write phases add theirs. */
  elements: ElementIds;
  /** What the report lists as `resolved`: definitions under ids merged away, then entities matched to existing ones. */
  matches: EntityMatch[];
}

/**
 * Resolve: ids merged away stand for the nodes they were merged into (redirects.ts); new actors and places that are
 * existing ones under another id take that id (by identifier, then by name, unless `resolve` is off); every reference
 * must then name a node of the draft or of the graph, with the expected label.
 */
async function resolve(tx: WriteTransaction, input: Draft, options: ImportOptions): Promise<Resolved> {
  const redirected = await followRedirects(tx, input);
  const given = redirected.draft;
  const problems: ImportProblem[] = [...(options.problems ?? []), ...redirected.problems];
  const elements = await existingInGraph(tx, given);
  const existing = new Set(elements.keys());
  const resolution = options.resolve === false ? null : await entityResolution(tx, given, existing);
  problems.push(...(resolution?.problems ?? []));
  const draft = resolution ? applyResolution(given, resolution.rewrite) : given;
  problems.push(...unknownReferences(draft, existing));
  if (problems.length > 0) throw new InvalidImportError(limitProblems(problems));
  if (resolution) for (const [id, element] of await resolvedElements(tx, given, resolution.rewrite, elements)) elements.set(id, element);
  return { draft, elements, matches: [...redirected.matches, ...(resolution?.matches ?? [])] };
}

/** The nodes of one label to write: those the graph lacks, and stored ones whose content or evidence differs. */
interface Writes {
  created: TargetNode[];
  updated: TargetNode[];
}

/** Evidence of a (node, source) pair that differs from what is stored (all of a new node's). */
interface ChangedEvidence {
  label: WriteLabel;
  id: string;
  source: string;
  located: Located[];
}

/** The hierarchy links of the actors or places an import writes, and those it adds (hierarchyCycles.ts). */
interface Hierarchy {
  written: Map<string, string[]>;
  added: AddedLink[];
}

/** What compare found: each node's target, and what of it differs from the graph. */
interface Comparison {
  elements: ElementIds;
  /** Every definition of each node, by label and then id (groupByNode). */
  groups: Map<WriteLabel, DraftNode[][]>;
  targets: TargetNode[];
  writes: Map<WriteLabel, Writes>;
  changedEvidence: ChangedEvidence[];
  hierarchies: Map<MergeableLabel, Hierarchy>;
  unchanged: number;
}

/**
 * Compare: every node's target (merge.ts) against what is stored. Only ids known to exist are read: those the draft
 * names that the graph holds, and the existing nodes that new ones were resolved to; any other id is certainly new.
 */
async function compare(tx: WriteTransaction, { draft, elements }: Resolved): Promise<Comparison> {
  // Comparing a large import's nodes is seconds of work: other requests get turns of the event loop in between.
  const pacer = new Pacer();
  const comparison: Comparison = {
    elements,
    groups: groupByNode(draft),
    targets: [],
    writes: new Map(),
    changedEvidence: [],
    hierarchies: new Map(),
    unchanged: 0,
  };
  const stored = new Set(elements.keys());
  for (const label of writeLabels) {
    const nodes = comparison.groups.get(label) ?? [];
    if (nodes.length > 0) comparison.writes.set(label, await compareLabel(tx, label, nodes, { into: comparison, stored, pacer }));
  }
  return comparison;
}

/** Compares the nodes of one label (compare), adding their targets, changed evidence and hierarchy links to `comparison`. */
async function compareLabel(
  tx: WriteTransaction,
  label: WriteLabel,
  nodes: readonly DraftNode[][],
  { into: comparison, stored, pacer }: { into: Comparison; stored: ReadonlySet<string>; pacer: Pacer },
): Promise<Writes> {
  const storedHere = nodes.filter((definitions) => stored.has(definitions[0]!.id));
  const before =
    storedHere.length > 0
      ? await storedNodes(
          tx,
          label,
          storedHere.map((definitions) => definitions[0]!.id),
          comparison.elements,
        )
      : new Map<string, StoredNode>();
  const pairs = storedHere.flatMap((definitions) =>
    definitions.flatMap((definition) => [...definition.evidence.keys()].map((source) => ({ id: definition.id, source }))),
  );
  const evidence = pairs.length > 0 ? await storedEvidence(tx, label, pairs) : new Map<string, Located[]>();
  const writes: Writes = { created: [], updated: [] };
  for (const definitions of nodes) {
    await pacer.pace();
    const id = definitions[0]!.id;
    const storedNode = before.get(id) ?? null;
    const target = targetNode(label, id, storedNode, definitions);
    comparison.targets.push(target);
    let evidenceChanged = false;
    for (const [source, located] of target.evidence) {
      const storedEvidenceHere = evidence.get(evidenceKey(id, source)) ?? [];
      if (storedNode === null ? located.length > 0 : !sameEvidence(storedEvidenceHere, located)) {
        evidenceChanged = true;
        comparison.changedEvidence.push({ label, id, source, located });
      }
    }
    if (isMergeable(label) && (storedNode === null || storedNode.hash !== target.hash)) {
      addHierarchyLinks(comparison.hierarchies, label, { target, storedNode, definitions });
    }
    if (storedNode === null) writes.created.push(target);
    else if (storedNode.hash !== target.hash || evidenceChanged) writes.updated.push(target);
    else comparison.unchanged++;
  }
  return writes;
}

/** Records the hierarchy parents an actor or place will have, and which of them it does not have yet. */
function addHierarchyLinks(
  hierarchies: Map<MergeableLabel, Hierarchy>,
  label: MergeableLabel,
  { target, storedNode, definitions }: { target: TargetNode; storedNode: StoredNode | null; definitions: readonly DraftNode[] },
): void {
  const hierarchy = hierarchies.get(label) ?? { written: new Map<string, string[]>(), added: [] };
  hierarchies.set(label, hierarchy);
  const { type } = hierarchyOf[label];
  const parents = target.links.filter((link) => link.type === type).map((link) => link.target);
  hierarchy.written.set(target.id, parents);
  for (const parent of parents) {
    if (storedNode?.links.some((link) => link.type === type && link.target === parent)) continue;
    const given = definitions.flatMap((definition) => definition.links).find((link) => link.type === type && link.target === parent);
    hierarchy.added.push({ child: target.id, parent, path: given?.path ?? definitions[0]!.path });
  }
}

/** Every node the import writes, created or updated, of every label. */
function written(comparison: Comparison): TargetNode[] {
  return [...comparison.writes.values()].flatMap((writes) => [...writes.created, ...writes.updated]);
}

/** The identifiers of the nodes to write, and which nodes hold them now. */
interface Identifiers {
  identified: TargetNode[];
  holders: IdentifierHolders;
}

/** Check identifiers: an identifier names one node, so a second claim on one refuses the import (identifiers.ts). */
async function checkIdentifiers(tx: WriteTransaction, comparison: Comparison): Promise<Identifiers> {
  const identified = [...comparison.writes]
    .filter(([label]) => identifiedLabels.has(label))
    .flatMap(([, writes]) => [...writes.created, ...writes.updated]);
  const holders = await identifierHolders(
    tx,
    identified.flatMap((node) => identifierKeysOf(node)),
  );
  const claims = identifierProblems(identified, definitionsById(comparison.groups), holders);
  if (claims.length > 0) throw new InvalidImportError(limitProblems(claims));
  return { identified, holders };
}

/** Check hierarchies: no link may close a cycle, at any depth, on the graph as the import would leave it. */
async function checkHierarchies(tx: WriteTransaction, { hierarchies }: Comparison): Promise<void> {
  const cycles: ImportProblem[] = [];
  for (const [label, { written, added }] of hierarchies) cycles.push(...(await cycleProblems(tx, label, written, added)));
  if (cycles.length > 0) throw new InvalidImportError(limitProblems(cycles));
}

function reportOf(comparison: Comparison, resolved: EntityMatch[], options: ImportOptions): ImportReport {
  const writes = [...comparison.writes.values()];
  return {
    dryRun: options.dryRun,
    created: writes.reduce((sum, { created }) => sum + created.length, 0),
    updated: writes.reduce((sum, { updated }) => sum + updated.length, 0),
    unchanged: comparison.unchanged,
    touched: touchedIds(comparison),
    resolved,
    rows: options.rows ?? null,
    warnings: [...(options.warnings ?? [])],
  };
}

/** The ids of the nodes the import writes, or whose evidence it changes. */
function touchedIds(comparison: Comparison): string[] {
  return [...new Set([...written(comparison).map((node) => node.id), ...comparison.changedEvidence.map((pair) => pair.id)])];
}

/** The events whose reports or claims the write changed, as deriveIncidents needs them. */
interface WrittenEvents {
  created: string[];
  updated: string[];
  /** Events whose claims or statements changed, or that lost some: their aggregates were refreshed. */
  claimsChanged: string[];
  /** The new events given their own incident as they were created (event id -> incident id). */
  ownIncidents: Map<string, string>;
}

/**
 * Write: nodes first (relationships need both ends), then the identifiers' lookup nodes, then the stored nodes' old
 * owned relationships go, then relationships with the new nodes' evidence and the stored nodes' changed evidence,
 * then the redirects of `mergedIds`, then the aggregates of stored events (new events get theirs as they are
 * created). The statements of a step go out without waiting for one another: the driver pipelines them and Neo4j
 * runs them in order, so the next is encoded while Neo4j runs the last; they touch different nodes or different
 * relationships (each type has one owner label).
 */
async function write(
  tx: WriteTransaction,
  comparison: Comparison,
  identifiers: Identifiers,
  options: ImportOptions,
): Promise<WrittenEvents> {
  const { elements, targets, writes, changedEvidence } = comparison;
  const createdIds = new Set([...writes.values()].flatMap(({ created }) => created.map((node) => node.id)));
  const newEvents = newEventAggregates(targets, createdIds);
  const ownIncidents = await writeNodes(tx, comparison, newEvents, options);
  await writeIdentifiers(
    tx,
    identifiers.identified.map((node) => ({ node, created: createdIds.has(node.id) })),
    identifiers.holders,
    elements,
  );
  const evidenceOfNew = new Map<string, { source: string; located: Located[] }[]>();
  for (const pair of changedEvidence) {
    if (!createdIds.has(pair.id)) continue;
    const pairs = evidenceOfNew.get(pair.id);
    if (pairs) pairs.push(pair);
    else evidenceOfNew.set(pair.id, [pair]);
  }
  const formerEvents = await deleteUpdatedLinks(tx, comparison);
  await Promise.all([
    writeLinks(
      tx,
      [...writes.values()].flatMap((labelWrites) => [
        ...labelWrites.created.map((node) => ({ node, evidence: evidenceOfNew.get(node.id) ?? [] })),
        ...labelWrites.updated.map((node) => ({ node, evidence: [] })),
      ]),
      elements,
    ),
    ...writeLabels.map(async (label) => {
      const pairs = changedEvidence.filter((pair) => pair.label === label && !createdIds.has(pair.id));
      if (pairs.length > 0) await writeEvidence(tx, label, pairs, elements);
    }),
  ]);
  await writeRedirects(tx, written(comparison), elements, options.writtenBy);
  const changed = new Set(touchedIds(comparison));
  const events = [
    ...formerEvents,
    ...targets.filter((node) => node.label === "Event" && changed.has(node.id)).map((node) => node.id),
    ...targets
      .filter((node) => (node.label === "Claim" || node.label === "Statement") && changed.has(node.id))
      .flatMap((node) => node.links.filter((link) => link.type === "ABOUT").map((link) => link.target)),
  ];
  await refreshEventAggregates(
    tx,
    events.filter((id) => !newEvents.has(id)),
    elements,
  );
  // The located points of the events the written events and places may have moved (eventPoints.ts).
  await deriveEventPoints(tx, {
    events: targets.filter((node) => node.label === "Event" && changed.has(node.id)).map((node) => node.id),
    places: targets.filter((node) => node.label === "Place" && changed.has(node.id)).map((node) => node.id),
  });
  return {
    created: targets.filter((node) => node.label === "Event" && createdIds.has(node.id)).map((node) => node.id),
    updated: (writes.get("Event")?.updated ?? []).map((node) => node.id),
    claimsChanged: events,
    ownIncidents,
  };
}

/**
 * Creates and updates the nodes of every label, learning the new nodes' element ids; reports progress per label.
 * New events get their own incidents as they are created, unless an export's incidents are restored instead; returns
 * those incidents (event id -> incident id).
 */
async function writeNodes(
  tx: WriteTransaction,
  { writes, elements }: Comparison,
  newEvents: ReadonlyMap<string, Record<string, unknown>>,
  options: ImportOptions,
): Promise<Map<string, string>> {
  const total = [...writes.values()].reduce((sum, { created, updated }) => sum + created.length + updated.length, 0);
  let done = 0;
  const incidents = new Map<string, string>();
  await Promise.all(
    [...writes].map(async ([label, { created, updated }]) => {
      const events = label === "Event" ? { extra: newEvents, ...(options.incidents ? {} : { ownIncidents: incidentIdOf }) } : {};
      const [createdNodes] = await Promise.all([
        createNodes(tx, label, created, { writtenBy: options.writtenBy, ...events }),
        updateNodes(tx, label, updated, { writtenBy: options.writtenBy, elements }),
      ]);
      for (const [id, element] of createdNodes.elements) elements.set(id, element);
      for (const [id, incident] of createdNodes.incidents) incidents.set(id, incident);
      done += created.length + updated.length;
      options.onProgress?.(done, total);
    }),
  );
  return incidents;
}

/** Removes the owned relationships of the stored nodes to write; returns the events their claims and statements were about. */
async function deleteUpdatedLinks(tx: WriteTransaction, { writes, elements }: Comparison): Promise<string[]> {
  const formerEvents: string[] = [];
  await Promise.all(
    [...writes]
      .filter(([, { updated }]) => updated.length > 0)
      .map(async ([label, { updated }]) => {
        const former = await deleteOwnedLinks(
          tx,
          label,
          updated.map((node) => node.id),
          elements,
        );
        for (const [id, element] of former) {
          formerEvents.push(id);
          elements.set(id, element);
        }
      }),
  );
  return formerEvents;
}

/**
 * Derive incidents: new and updated events are matched into incidents, and the incidents of events whose claims
 * changed get their tolls again (incidents.ts); an export's incidents are restored as they were instead. New events
 * have their own incidents already (writeNodes), and events are found by element id, as the write phase finds them.
 */
async function deriveIncidents(
  tx: WriteTransaction,
  events: WrittenEvents,
  elements: ElementIds,
  options: ImportOptions,
): Promise<string[]> {
  return matchIncidents(tx, { ...events, ...(options.incidents ? { restored: options.incidents } : {}) }, elements);
}

/**
 * The aggregates of the events this import creates (see refreshEventAggregates), from its own claims and
 * statements: nothing stored can be about an event that did not exist, so these are all there are.
 */
function newEventAggregates(targets: readonly TargetNode[], createdIds: ReadonlySet<string>): Map<string, Record<string, unknown>> {
  const facts = new Map<string, { claims: ClaimFacts[]; stances: string[] }>();
  for (const node of targets) {
    if (node.label === "Event" && createdIds.has(node.id)) facts.set(node.id, { claims: [], stances: [] });
  }
  for (const node of targets) {
    if (node.label !== "Claim" && node.label !== "Statement") continue;
    const { kind, low, high, qualifier, best, victims, stance } = node.properties;
    for (const link of node.links) {
      const event = link.type === "ABOUT" ? facts.get(link.target) : undefined;
      if (!event) continue;
      if (node.label === "Statement") event.stances.push(String(stance));
      else
        event.claims.push({
          kind: String(kind),
          low: typeof low === "number" ? low : null,
          high: typeof high === "number" ? high : null,
          qualifier: typeof qualifier === "string" ? qualifier : null,
          best: typeof best === "number" ? best : null,
          victims: typeof victims === "string" ? victims : null,
          disputed: node.links.some((other) => other.type === "DISPUTES"),
        });
    }
  }
  return new Map([...facts].map(([id, event]) => [id, eventAggregates(event)]));
}

/** The ids the draft names (nodes, link targets, `sameAs`) that exist in the graph with their label, with their element ids. */
async function existingInGraph(tx: WriteTransaction, draft: Draft): Promise<ElementIds> {
  const byLabel = new Map<WriteLabel, Set<string>>();
  const add = (label: WriteLabel, id: string) => byLabel.set(label, (byLabel.get(label) ?? new Set()).add(id));
  for (const node of draft.nodes) {
    add(node.label, node.id);
    if (node.entity?.sameAs) add(node.label, node.entity.sameAs);
    for (const link of node.links) add(relationshipSpec(node.label, link.type).other, link.target);
  }
  return existingIds(tx, new Map([...byLabel].map(([label, ids]) => [label, [...ids]])));
}

/** Which new actors and places are existing ones (resolve/resolution.ts), from the graph's candidates by name and identifier. */
async function entityResolution(tx: WriteTransaction, draft: Draft, existing: ReadonlySet<string>) {
  const open = draft.nodes.filter((node) => node.entity && !existing.has(node.id) && node.entity.resolve && !node.entity.sameAs);
  const candidates = [];
  for (const label of ["Actor", "Place"] as const satisfies EntityLabel[]) {
    const names = open
      .filter((node) => node.label === label)
      .flatMap((node) => [node.properties.name, ...(Array.isArray(node.properties.aliases) ? node.properties.aliases : [])])
      .filter((name): name is string => typeof name === "string");
    if (names.length > 0) candidates.push(...(await entityCandidates(tx, label, nameKeysOf(names), matchKeysOf(names))));
  }
  const parents = draft.nodes
    .filter((node) => node.label === "Place")
    .flatMap((node) => [node.id, ...node.links.filter((link) => link.type === "WITHIN").map((link) => link.target)])
    .filter((id) => existing.has(id));
  const ancestors = await placeAncestors(tx, [...new Set(parents)]);
  const holders = await identifierHolders(
    tx,
    open.flatMap((node) => identifierKeysOf(node)),
  );
  return resolveEntities(draft, { existing, candidates, ancestors, holders });
}

/** Element ids of the existing nodes that new actors and places were resolved to by name (sameAs targets are known). */
async function resolvedElements(
  tx: WriteTransaction,
  draft: Draft,
  rewrite: ReadonlyMap<string, string>,
  known: ElementIds,
): Promise<ElementIds> {
  const byLabel = new Map<WriteLabel, string[]>();
  for (const node of draft.nodes) {
    const target = rewrite.get(node.id);
    if (target === undefined || known.has(target)) continue;
    const ids = byLabel.get(node.label);
    if (ids) ids.push(target);
    else byLabel.set(node.label, [target]);
  }
  return byLabel.size > 0 ? existingIds(tx, byLabel) : new Map();
}

/** References to ids that neither the draft defines nor the graph holds with the expected label. */
function unknownReferences(draft: Draft, existing: ReadonlySet<string>): ImportProblem[] {
  const defined = new Set(draft.nodes.map((node) => node.id));
  const problems: ImportProblem[] = [];
  for (const node of draft.nodes) {
    for (const link of node.links) {
      if (defined.has(link.target) || existing.has(link.target)) continue;
      const label = relationshipSpec(node.label, link.type).other;
      problems.push({
        path: link.path ?? node.path,
        message: `unknown ${label.toLowerCase()} "${link.target}": neither in this import nor in the graph`,
      });
    }
  }
  return problems;
}

/** Every definition of each node, by id. */
function definitionsById(groups: ReadonlyMap<WriteLabel, DraftNode[][]>): Map<string, DraftNode[]> {
  return new Map(
    [...groups.values()].flatMap((nodes) => nodes.map((definitions): [string, DraftNode[]] => [definitions[0]!.id, definitions])),
  );
}

/** Every definition of each node, by label and then id, in draft order; entities and documents alike. */
function groupByNode(draft: Draft): Map<WriteLabel, DraftNode[][]> {
  const groups = new Map<string, DraftNode[]>();
  const byLabel = new Map<WriteLabel, DraftNode[][]>();
  for (const node of draft.nodes) {
    const key = `${node.label}:${node.id}`;
    const group = groups.get(key);
    if (group) group.push(node);
    else {
      const definitions = [node];
      groups.set(key, definitions);
      const labelled = byLabel.get(node.label);
      if (labelled) labelled.push(definitions);
      else byLabel.set(node.label, [definitions]);
    }
  }
  return byLabel;
}

export function limitProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  if (problems.length <= MAX_PROBLEMS) return [...problems];
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    {
      path: "",
      message: `… and ${counted(problems.length - MAX_PROBLEMS, "more problem", "more problems")} of the same import (only the first ${MAX_PROBLEMS} are listed)`,
    },
  ];
}

/**
 * Runs one import: a draft in, a report out, all in one write transaction, so the graph holds either the whole
 * import or none of it. Inside the transaction, in order: take the import lock; check every reference against the
 * draft and the graph (by id and label); resolve new actors and places to existing ones by identifier, then by name;
 * read what is stored of every node the draft names that exists; compute each node's target and compare; check that
 * no identifier of a node to write names another node (identifiers.ts) and that no PART_OF or WITHIN link closes a
 * cycle (hierarchyCycles.ts); then, unless any problem was found or this
 * is a dry run, write only what differs, and the identifiers' lookup nodes, derive the located points of the events
 * the written events and places may have moved (eventPoints.ts), then match new and updated events into incidents
 * (incidents.ts). Unchanged nodes are not written at all, so they keep their
 * `updatedAt`. The writes find nodes by element id (importStore.ts, ElementIds) and cost a fixed handful of
 * statements per label, whatever the size of the import.
 */
import type { Executor, WriteTransaction } from "../../db/executor.js";
import { type ImportProblem, type ImportWarning, InvalidImportError } from "../../errors.js";
import { Pacer } from "../../pacer.js";
import { matchKeysOf, nameKeysOf } from "../../model/nameMatching.js";
import { counted } from "../../model/text.js";
import type { Located } from "../bundle/validation.js";
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
import { deriveEventPoints } from "./eventPoints.js";
import { type IncidentDecisions, matchIncidents } from "./incidents.js";
import { sameEvidence, type StoredNode, type TargetNode, targetNode } from "../resolve/merge.js";
import { applyResolution, type EntityMatch, resolveEntities } from "../resolve/resolution.js";
import { hierarchyOf } from "../../graph/cycles.js";
import { isMergeable, type MergeableLabel } from "../../graph/redirects.js";
import { type AddedLink, cycleProblems } from "./hierarchyCycles.js";
import { identifiedLabels, identifierHolders, identifierKeysOf, identifierProblems, writeIdentifiers } from "./identifiers.js";

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
  /** Restoring an export: its incidents and keep-aparts, restored as they were instead of matching (incidents.ts). */
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

export async function runImport(db: Executor, draft: Draft, options: ImportOptions): Promise<ImportReport> {
  try {
    return await db.write((tx) => importInTransaction(tx, draft, options), { timeoutMs: options.timeoutMs });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}

async function importInTransaction(tx: WriteTransaction, input: Draft, options: ImportOptions): Promise<ImportReport> {
  await lockImports(tx);
  // Comparing a large import's nodes is seconds of work: other requests get turns of the event loop in between.
  const pacer = new Pacer();
  // Ids merged away stand for the nodes they were merged into (redirects.ts).
  const redirected = await followRedirects(tx, input);
  const given = redirected.draft;
  const problems: ImportProblem[] = [...(options.problems ?? []), ...redirected.problems];

  // References and resolution: which ids exist, and which new entities are existing ones under another id.
  const elements = await existingInGraph(tx, given);
  const existing = new Set(elements.keys());
  const resolution = options.resolve === false ? null : await resolve(tx, given, existing);
  problems.push(...(resolution?.problems ?? []));
  const draft = resolution ? applyResolution(given, resolution.rewrite) : given;
  problems.push(...unknownReferences(draft, existing));
  if (problems.length > 0) throw new InvalidImportError(limitProblems(problems));
  if (resolution) for (const [id, element] of await resolvedElements(tx, given, resolution.rewrite, elements)) elements.set(id, element);

  // Compare: every node's target against what is stored. Only ids known to exist are read: those the draft names
  // that the graph holds, and the existing nodes that new ones were resolved to; any other id is certainly new.
  const stored = new Set(elements.keys());
  const groups = groupByNode(draft);
  const targets: TargetNode[] = [];
  const changedEvidence: { label: WriteLabel; id: string; source: string; located: Located[] }[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const toWrite = new Map<WriteLabel, { created: TargetNode[]; updated: TargetNode[] }>();
  // The hierarchy links of every actor and place this import writes, and those it adds (hierarchyCycles.ts).
  const hierarchies = new Map<MergeableLabel, { written: Map<string, string[]>; added: AddedLink[] }>();
  for (const label of writeLabels) {
    const nodes = groups.get(label) ?? [];
    if (nodes.length === 0) continue;
    const storedHere = nodes.filter((definitions) => stored.has(definitions[0]!.id));
    const before =
      storedHere.length > 0
        ? await storedNodes(
            tx,
            label,
            storedHere.map((definitions) => definitions[0]!.id),
            elements,
          )
        : new Map<string, StoredNode>();
    const pairs = storedHere.flatMap((definitions) =>
      definitions.flatMap((definition) => [...definition.evidence.keys()].map((source) => ({ id: definition.id, source }))),
    );
    const evidence = pairs.length > 0 ? await storedEvidence(tx, label, pairs) : new Map<string, Located[]>();
    const writes = { created: [] as TargetNode[], updated: [] as TargetNode[] };
    for (const definitions of nodes) {
      await pacer.pace();
      const id = definitions[0]!.id;
      const storedNode = before.get(id) ?? null;
      const target = targetNode(label, id, storedNode, definitions);
      targets.push(target);
      let evidenceChanged = false;
      for (const [source, located] of target.evidence) {
        const storedEvidenceHere = evidence.get(evidenceKey(id, source)) ?? [];
        if (storedNode === null ? located.length > 0 : !sameEvidence(storedEvidenceHere, located)) {
          evidenceChanged = true;
          changedEvidence.push({ label, id, source, located });
        }
      }
      if (isMergeable(label) && (storedNode === null || storedNode.hash !== target.hash)) {
        const hierarchy = hierarchies.get(label) ?? { written: new Map<string, string[]>(), added: [] as AddedLink[] };
        hierarchies.set(label, hierarchy);
        const { type } = hierarchyOf[label];
        const parents = target.links.filter((link) => link.type === type).map((link) => link.target);
        hierarchy.written.set(id, parents);
        for (const parent of parents) {
          if (storedNode?.links.some((link) => link.type === type && link.target === parent)) continue;
          const given = definitions.flatMap((definition) => definition.links).find((link) => link.type === type && link.target === parent);
          hierarchy.added.push({ child: id, parent, path: given?.path ?? definitions[0]!.path });
        }
      }
      if (storedNode === null) {
        created++;
        writes.created.push(target);
      } else if (storedNode.hash !== target.hash || evidenceChanged) {
        updated++;
        writes.updated.push(target);
      } else {
        unchanged++;
      }
    }
    toWrite.set(label, writes);
  }

  // An identifier names one node: a second claim on one refuses the import, as any other problem does.
  const identified = [...toWrite]
    .filter(([label]) => identifiedLabels.has(label))
    .flatMap(([, writes]) => [...writes.created, ...writes.updated]);
  const holders = await identifierHolders(
    tx,
    identified.flatMap((node) => identifierKeysOf(node)),
  );
  const claims = identifierProblems(identified, definitionsById(groups), holders);
  if (claims.length > 0) throw new InvalidImportError(limitProblems(claims));
  // No link may close a cycle in a hierarchy, at any depth: checked on the graph as the import would leave it.
  const cycles: ImportProblem[] = [];
  for (const [label, { written, added }] of hierarchies) cycles.push(...(await cycleProblems(tx, label, written, added)));
  if (cycles.length > 0) throw new InvalidImportError(limitProblems(cycles));

  const touched = [
    ...new Set([
      ...[...toWrite.values()].flatMap((writes) => [...writes.created, ...writes.updated].map((node) => node.id)),
      ...changedEvidence.map((pair) => pair.id),
    ]),
  ];
  const report: ImportReport = {
    dryRun: options.dryRun,
    created,
    updated,
    unchanged,
    touched,
    resolved: [...redirected.matches, ...(resolution?.matches ?? [])],
    rows: options.rows ?? null,
    warnings: [...(options.warnings ?? [])],
  };
  if (options.dryRun) throw new DryRunRollback(report);

  // Write: nodes first (relationships need both ends), then the stored nodes' old owned relationships go, then
  // relationships with the new nodes' evidence and the stored nodes' changed evidence, then the aggregates of stored
  // events (new events get theirs as they are created). The statements of a step go out without waiting for one
  // another: the driver pipelines them and Neo4j runs them in order, so the next is encoded while Neo4j runs the
  // last; they touch different nodes or different relationships (each type has one owner label).
  const createdIds = new Set([...toWrite.values()].flatMap((writes) => writes.created.map((node) => node.id)));
  const newEvents = newEventAggregates(targets, createdIds);
  const total = [...toWrite.values()].reduce((sum, writes) => sum + writes.created.length + writes.updated.length, 0);
  let done = 0;
  await Promise.all(
    [...toWrite].map(async ([label, writes]) => {
      const [createdElements] = await Promise.all([
        createNodes(tx, label, writes.created, options.writtenBy, label === "Event" ? newEvents : undefined),
        updateNodes(tx, label, writes.updated, options.writtenBy, elements),
      ]);
      for (const [id, element] of createdElements) elements.set(id, element);
      done += writes.created.length + writes.updated.length;
      options.onProgress?.(done, total);
    }),
  );
  await writeIdentifiers(
    tx,
    identified.map((node) => ({ node, created: createdIds.has(node.id) })),
    holders,
    elements,
  );
  const evidenceOfNew = new Map<string, { source: string; located: Located[] }[]>();
  for (const pair of changedEvidence) {
    if (!createdIds.has(pair.id)) continue;
    const pairs = evidenceOfNew.get(pair.id);
    if (pairs) pairs.push(pair);
    else evidenceOfNew.set(pair.id, [pair]);
  }
  const formerEvents: string[] = [];
  await Promise.all(
    [...toWrite]
      .filter(([, writes]) => writes.updated.length > 0)
      .map(async ([label, writes]) => {
        const former = await deleteOwnedLinks(
          tx,
          label,
          writes.updated.map((node) => node.id),
          elements,
        );
        for (const [id, element] of former) {
          formerEvents.push(id);
          elements.set(id, element);
        }
      }),
  );
  await Promise.all([
    writeLinks(
      tx,
      [...toWrite.values()].flatMap((writes) => [
        ...writes.created.map((node) => ({ node, evidence: evidenceOfNew.get(node.id) ?? [] })),
        ...writes.updated.map((node) => ({ node, evidence: [] })),
      ]),
      elements,
    ),
    ...writeLabels.map(async (label) => {
      const pairs = changedEvidence.filter((pair) => pair.label === label && !createdIds.has(pair.id));
      if (pairs.length > 0) await writeEvidence(tx, label, pairs, elements);
    }),
  ]);
  await writeRedirects(
    tx,
    [...toWrite.values()].flatMap((writes) => [...writes.created, ...writes.updated]),
    elements,
    options.writtenBy,
  );
  const changed = new Set(touched);
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
  await deriveEventPoints(tx, {
    events: targets.filter((node) => node.label === "Event" && changed.has(node.id)).map((node) => node.id),
    places: targets.filter((node) => node.label === "Place" && changed.has(node.id)).map((node) => node.id),
  });
  await matchIncidents(tx, {
    created: targets.filter((node) => node.label === "Event" && createdIds.has(node.id)).map((node) => node.id),
    updated: (toWrite.get("Event")?.updated ?? []).map((node) => node.id),
    claimsChanged: events,
    ...(options.incidents ? { restored: options.incidents } : {}),
  });
  if (touched.length > 0) await countImport(tx);
  return report;
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

async function resolve(tx: WriteTransaction, draft: Draft, existing: ReadonlySet<string>) {
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

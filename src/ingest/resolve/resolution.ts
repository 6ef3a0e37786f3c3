/**
 * Entity resolution (pure): an actor or place given under a new id whose name or alias matches an existing node of
 * the same kind is linked to that node, and every reference to the new id is rewritten to the existing one.
 *
 * - An id that already exists always means that node: no name matching (a curator's explicit id wins).
 * - `sameAs` links to the node named; `resolve: false` never links by name or identifier.
 * - An identifier (`acled-actor:<name>`, `wikidata:Q…`) that an existing node of the same label holds links to that node,
 *   before and above any name matching; identifiers naming several existing nodes are a problem.
 * - Kinds must agree; cities, towns and villages count as one kind (a settlement's size label is editorial), but a
 *   district named after its city stays apart from it.
 * - Places must also sit in compatible hierarchies: the candidate's parent is the new place's parent or one of its
 *   ancestors, or the other way round. Two villages of one name in different provinces stay apart.
 * - Names match on normalised names (case, diacritics, apostrophes), or on transliteration keys; people and states
 *   only on normalised names, since vowels tell Hassan from Hussein and Niger from Nigeria.
 * - Several equally good candidates: a problem naming them, rather than a guess.
 */
import type { ImportProblem } from "../../errors.js";
import { effectiveIdentifierKeys } from "../../model/identifiers.js";
import { parseId } from "../../model/ids.js";
import { matchKeysOf, nameKeysOf } from "../../model/nameMatching.js";
import type { Draft, DraftNode, EntityLabel } from "../draft.js";
import { MAX_STORED_CHAIN } from "../../graph/limits.js";

/** An existing actor or place whose names share a key with an incoming one. */
export interface Candidate {
  id: string;
  label: EntityLabel;
  kind: string;
  nameKeys: string[];
  matchKeys: string[];
  parent: string | null;
  ancestors: string[];
}

export interface GraphFacts {
  /** Ids among the draft's nodes, references and `sameAs` targets that exist with their id's label. */
  existing: ReadonlySet<string>;
  candidates: readonly Candidate[];
  /** Stored ancestors of existing places the draft's places hang from. */
  ancestors: ReadonlyMap<string, readonly string[]>;
  /** Identifier key -> the existing node that holds it, for the keys of the draft's new entities. */
  holders: ReadonlyMap<string, string>;
}

export interface EntityMatch {
  id: string;
  matchedId: string;
  name: string;
  /** MERGED: the id was merged into `matchedId` (write/mergeNodes.ts) and answers as it. */
  by: "NAME" | "SAME_AS" | "MERGED" | "IDENTIFIER";
}

export interface Resolution {
  /** Incoming id -> the existing id it stands for. */
  rewrite: Map<string, string>;
  matches: EntityMatch[];
  problems: ImportProblem[];
}

const settlement = new Set(["CITY", "TOWN", "VILLAGE"]);
const kindClass = (kind: string) => (settlement.has(kind) ? "SETTLEMENT" : kind);

export function resolveEntities(draft: Draft, facts: GraphFacts): Resolution {
  const rewrite = new Map<string, string>();
  const matches: EntityMatch[] = [];
  const problems: ImportProblem[] = [];
  const groups = groupEntities(draft);
  const resolved = (id: string) => rewrite.get(id) ?? id;
  const parentOf = (id: string) => groups.get(id)?.[0]?.links.find((link) => link.type === "WITHIN")?.target ?? null;

  /** A new place's ancestors: through the draft's parents (as resolved so far), then the stored ones. */
  const incomingAncestors = (id: string): string[] => {
    const found: string[] = [];
    let parent = parentOf(id);
    while (parent !== null && found.length < MAX_STORED_CHAIN) {
      const current = resolved(parent);
      if (found.includes(current)) break;
      found.push(current);
      if (facts.existing.has(current) || !groups.has(current)) {
        found.push(...(facts.ancestors.get(current) ?? candidateAncestors(facts, current)));
        break;
      }
      parent = parentOf(current);
    }
    return found;
  };

  for (const [id, definitions] of orderedGroups(groups, parentOf)) {
    const first = definitions[0]!;
    const intent = first.entity!;
    const sameAs = definitions.map((definition) => definition.entity?.sameAs).find(Boolean) ?? null;
    if (facts.existing.has(id)) {
      if (sameAs !== null && sameAs !== id) {
        problems.push({ path: `${first.path}.sameAs`, message: `"${id}" already exists; sameAs only links a new id to an existing node` });
      }
      continue;
    }
    if (sameAs !== null) {
      if (groups.has(sameAs) && !facts.existing.has(sameAs)) {
        problems.push({
          path: `${first.path}.sameAs`,
          message: `sameAs must name an existing node, not one defined in this import: "${sameAs}"`,
        });
      } else if (!facts.existing.has(sameAs)) {
        problems.push({ path: `${first.path}.sameAs`, message: `unknown ${first.label.toLowerCase()} "${sameAs}"` });
      } else {
        rewrite.set(id, sameAs);
        matches.push({ id, matchedId: sameAs, name: String(first.properties.name), by: "SAME_AS" });
      }
      continue;
    }
    if (!definitions.every((definition) => definition.entity?.resolve !== false) || !intent.resolve) continue;

    const holders = [
      ...new Set(
        definitions
          .flatMap((definition) => effectiveIdentifierKeys(asStrings(definition.properties.identifiers), definition.properties.wikidataId))
          .map((key) => facts.holders.get(key))
          .filter((holder): holder is string => holder !== undefined && parseId(holder)?.label === first.label),
      ),
    ].sort();
    if (holders.length > 1) {
      problems.push({
        path: `${first.path}.identifiers`,
        message: `its identifiers name several existing ${first.label === "Actor" ? "actors" : "places"} (${holders.join(", ")}): an identifier names one node`,
      });
      continue;
    }
    if (holders.length === 1) {
      rewrite.set(id, holders[0]!);
      matches.push({ id, matchedId: holders[0]!, name: String(first.properties.name), by: "IDENTIFIER" });
      continue;
    }

    const names = definitions.flatMap((definition) => [definition.properties.name, ...asStrings(definition.properties.aliases)]);
    const nameKeys = new Set(nameKeysOf(names.filter((name): name is string => typeof name === "string")));
    const kind = String(first.properties.kind);
    const fuzzy = !(first.label === "Actor" && (kind === "PERSON" || kind === "STATE"));
    const matchKeys = new Set(fuzzy ? matchKeysOf(names.filter((name): name is string => typeof name === "string")) : []);
    const parent = first.label === "Place" ? parentOf(id) : null;
    const inParent = parent === null ? null : resolved(parent);
    const inAncestors = first.label === "Place" ? incomingAncestors(id) : [];

    const ranked = facts.candidates
      .filter((candidate) => candidate.label === first.label && kindClass(candidate.kind) === kindClass(kind))
      .map((candidate) => {
        const exact = candidate.nameKeys.some((key) => nameKeys.has(key));
        const similar = exact || candidate.matchKeys.some((key) => matchKeys.has(key));
        if (!similar) return null;
        if (first.label !== "Place") return { candidate, rank: exact ? 0 : 2 };
        if (inAncestors.includes(candidate.id)) return null;
        const compatible =
          inParent === null ||
          candidate.parent === null ||
          candidate.parent === inParent ||
          inAncestors.includes(candidate.parent) ||
          candidate.ancestors.includes(inParent);
        if (!compatible) return null;
        return { candidate, rank: (exact ? 0 : 2) + (candidate.parent === inParent ? 0 : 1) };
      })
      .filter((entry): entry is { candidate: Candidate; rank: number } => entry !== null);
    if (ranked.length === 0) continue;
    const best = Math.min(...ranked.map((entry) => entry.rank));
    const top = ranked.filter((entry) => entry.rank === best).map((entry) => entry.candidate.id);
    if (top.length > 1) {
      problems.push({
        path: `${first.path}.name`,
        message: `"${String(first.properties.name)}" matches several existing ${first.label === "Actor" ? "actors" : "places"} (${top.sort().join(", ")}): link it with sameAs, or set resolve: false`,
      });
      continue;
    }
    rewrite.set(id, top[0]!);
    matches.push({ id, matchedId: top[0]!, name: String(first.properties.name), by: "NAME" });
  }
  return { rewrite, matches, problems };
}

/** The draft with resolved ids replaced; a node linked to an existing one only adds to it (fill). */
export function applyResolution(draft: Draft, rewrite: ReadonlyMap<string, string>): Draft {
  if (rewrite.size === 0) return draft;
  const to = (id: string) => rewrite.get(id) ?? id;
  return {
    nodes: draft.nodes.map((node) => ({
      ...node,
      id: to(node.id),
      links: node.links.map((link) => ({ ...link, target: to(link.target) })),
      // A claim's `victimsOf` names the actor whose combatants it counts: an id like a link's target.
      ...(typeof node.properties.victimsOf === "string" && rewrite.has(node.properties.victimsOf)
        ? { properties: { ...node.properties, victimsOf: to(node.properties.victimsOf) } }
        : {}),
      ...(node.entity && rewrite.has(node.id) ? { entity: { ...node.entity, authority: "fill" as const } } : {}),
    })),
  };
}

/** Every actor and place definition of the draft, by id, in draft order. */
function groupEntities(draft: Draft): Map<string, DraftNode[]> {
  const groups = new Map<string, DraftNode[]>();
  for (const node of draft.nodes) {
    if (!node.entity) continue;
    const group = groups.get(node.id) ?? [];
    group.push(node);
    groups.set(node.id, group);
  }
  return groups;
}

/** Places before the places inside them, so a child is matched within its parent's resolved hierarchy. */
function orderedGroups(groups: Map<string, DraftNode[]>, parentOf: (id: string) => string | null): [string, DraftNode[]][] {
  const depth = (id: string) => {
    let levels = 0;
    for (let parent = parentOf(id); parent !== null && groups.has(parent) && levels < MAX_STORED_CHAIN; parent = parentOf(parent)) levels++;
    return levels;
  };
  return [...groups.entries()]
    .map((entry, index) => ({ entry, index, depth: depth(entry[0]) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map(({ entry }) => entry);
}

function candidateAncestors(facts: GraphFacts, id: string): readonly string[] {
  return facts.candidates.find((candidate) => candidate.id === id)?.ancestors ?? [];
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

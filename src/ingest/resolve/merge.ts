/**
 * What a node will hold after an import, given what is stored and every definition of it in the draft (pure).
 * Documents (sources, events, claims, statements, agreements) are replaced by their last definition. Entities
 * (actors, places) accumulate: many documents name the same actor, so aliases and relationships are added, and only
 * a defining input (a bundle, not an ACLED row or a name match) may change a value. The content hash covers the
 * properties and owned relationships; equal hashes mean the import changes nothing on the node.
 */
import { hash } from "node:crypto";
import { matchKeysOf, nameKeysOf } from "../../model/nameMatching.js";
import { identifierKeys } from "../../model/identifiers.js";
import { normalizeName, searchText } from "../../model/text.js";
import { type DraftNode, isEntityLabel, type Link, type Located, type Properties, propertyTypes, type WriteLabel } from "../draft.js";
import { propertiesOf } from "../../graph/nodes.js";
import { UnreachableCaseError } from "../../errors.js";

/** What the importer read of a stored node. Entities need their values and links to merge with. */
export interface StoredNode {
  hash: string | null;
  properties: Properties;
  links: Link[];
}

export interface TargetNode {
  label: WriteLabel;
  id: string;
  /** Every property to store, derived ones and the content hash included; null removes a property. */
  properties: Properties;
  links: Link[];
  evidence: Map<string, Located[]>;
  hash: string;
}

export function targetNode(label: WriteLabel, id: string, stored: StoredNode | null, definitions: readonly DraftNode[]): TargetNode {
  const { properties, links } = isEntityLabel(label) ? mergeEntity(id, stored, definitions) : replaceDocument(definitions);
  const evidence = new Map<string, Located[]>();
  for (const definition of definitions) for (const [source, located] of definition.evidence) evidence.set(source, located);
  const complete = { ...completeProperties(label, properties), ...derivedProperties(label, properties) };
  const canonicalLinks = canonical(links);
  const hash = contentHash(label, complete, canonicalLinks);
  return { label, id, properties: { ...complete, contentHash: hash }, links: canonicalLinks, evidence, hash };
}

function replaceDocument(definitions: readonly DraftNode[]): { properties: Properties; links: Link[] } {
  const last = definitions.at(-1);
  return { properties: { ...last?.properties }, links: [...(last?.links ?? [])] };
}

function mergeEntity(id: string, stored: StoredNode | null, definitions: readonly DraftNode[]) {
  const properties: Properties = { ...stored?.properties };
  let links: Link[] = [...(stored?.links ?? [])];
  let aliases = strings(properties.aliases);
  // Ids merged into the node only accumulate: each is a redirect in the graph (write/redirects.ts).
  const mergedIds = new Set(strings(properties.mergedIds));
  let identifiers = strings(properties.identifiers);
  // An entity named by every row of a large file has thousands of definitions: nothing here may copy per definition.
  let hasParent = links.some((known) => known.type === "WITHIN");

  definitions.forEach((definition, index) => {
    const given = definition.properties;
    // A new node takes its first definition whole; later ones merge by their own authority.
    const defining = definition.entity?.authority === "define" || (stored === null && index === 0);
    const names = [strings(given.name)[0], ...strings(given.aliases)].filter((name): name is string => Boolean(name));
    const currentName = typeof properties.name === "string" ? properties.name : null;

    if (currentName === null || (defining && typeof given.name === "string" && given.name !== currentName)) {
      // A renamed entity keeps its old name as an alias, so nothing it was known by is lost.
      if (currentName !== null) aliases.push(currentName);
      properties.name = typeof given.name === "string" ? given.name : null;
    }
    for (const name of names) aliases.push(name);
    // Identifiers: a defining input that gives them replaces the stored ones, any other adds to them.
    if (Array.isArray(given.identifiers)) {
      if (defining) identifiers = [...given.identifiers];
      else for (const key of given.identifiers) identifiers.push(key);
    }
    for (const [key, value] of Object.entries(given)) {
      if (key === "mergedIds") for (const merged of strings(value)) mergedIds.add(merged);
      if (key === "name" || key === "aliases" || key === "mergedIds" || key === "identifiers" || value === null || value === undefined)
        continue;
      if (defining || properties[key] === null || properties[key] === undefined) properties[key] = value;
    }

    for (const link of definition.links) {
      // An entity has one parent: a defining input moves it, others only fill a missing one.
      if (link.type === "WITHIN") {
        if (hasParent && !defining) continue;
        if (hasParent) links = links.filter((known) => known.type !== "WITHIN");
        hasParent = true;
      } else if (link.fillOnly && (link.target === id || links.some((known) => known.type === link.type))) {
        // A derived link only fills in (Link.fillOnly), and never makes a node part of itself (a unit and its force
        // resolved onto one curator's actor).
        continue;
      }
      links.push(link);
    }
    const removed = new Set((definition.entity?.removeAliases ?? []).map(normalizeName));
    if (removed.size > 0) aliases = aliases.filter((alias) => !removed.has(normalizeName(alias)));
  });

  properties.aliases = distinctSpellings(typeof properties.name === "string" ? properties.name : "", aliases);
  properties.mergedIds = [...mergedIds].sort();
  properties.identifiers = identifierKeys(identifiers);
  return { properties, links };
}

/** Aliases without repeats: a spelling that normalises like the name or an earlier alias adds nothing. */
function distinctSpellings(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([normalizeName(name)]);
  const kept: string[] = [];
  for (const alias of aliases) {
    const key = normalizeName(alias);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    kept.push(alias);
  }
  return kept;
}

/** Every property of the label, in a fixed order, absent ones null (which removes them when written). */
function completeProperties(label: WriteLabel, properties: Properties): Properties {
  const complete: Properties = {};
  for (const [key, type] of Object.entries(propertyTypes[label])) {
    const value = properties[key];
    complete[key] = value === undefined ? (type === "strings" ? [] : null) : value;
  }
  return complete;
}

/**
 * The properties the catalogue derives from the given ones (src/graph/nodes.ts), but the content hash, which covers
 * them all: the search text of the label's `search` properties, and an entity's name keys of the same (its names).
 */
function derivedProperties(label: WriteLabel, properties: Properties): Properties {
  const parts = propertiesOf(label, "given")
    .filter(([, property]) => property.search)
    .flatMap(([key, property]) =>
      property.type === "strings" ? strings(properties[key]) : [typeof properties[key] === "string" ? properties[key] : ""],
    );
  const derived: Properties = {};
  for (const [key, property] of propertiesOf(label, "derived")) {
    switch (property.derive) {
      case "searchText":
        derived[key] = searchText(parts);
        break;
      case "nameKeys":
        derived[key] = nameKeysOf(parts);
        break;
      case "matchKeys":
        derived[key] = matchKeysOf(parts);
        break;
      case "contentHash":
      case undefined:
        break;
      default:
        throw new UnreachableCaseError(property.derive);
    }
  }
  return derived;
}

const linkKey = (link: Link) => `${link.type}\u0000${link.target}\u0000${link.role ?? ""}`;

/** Links without repeats, sorted, and without the input paths (which are not content). */
function canonical(links: readonly Link[]): Link[] {
  const byKey = new Map<string, Link>();
  for (const link of links) {
    byKey.set(
      linkKey(link),
      link.role === undefined ? { type: link.type, target: link.target } : { type: link.type, target: link.target, role: link.role },
    );
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, link]) => link);
}

function contentHash(label: WriteLabel, properties: Properties, links: readonly Link[]): string {
  const content = JSON.stringify([label, properties, links.map(linkKey)]);
  // One-shot hashing: a Hash object per node cost more than the hashing itself.
  return hash("sha256", content, "hex").slice(0, 32);
}

/** True when the stored evidence in one source equals the given (order does not matter). */
export function sameEvidence(stored: readonly Located[], given: readonly Located[]): boolean {
  const key = (items: readonly Located[]) =>
    items
      .map((at) => `${at.start}:${at.end}:${at.quote}`)
      .sort()
      .join("\u0000");
  return key(stored) === key(given);
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

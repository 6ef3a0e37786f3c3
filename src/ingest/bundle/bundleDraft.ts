/** A validated bundle as a draft (pure): what each node holds, the relationships it owns, its evidence in the source. */
import { sectionDefinitions, type ValidBundle } from "./validation.js";
import { ownedBy } from "../../graph/catalogue.js";
import type { Draft, DraftNode, EntityIntent, Link, Located, Properties, WriteLabel } from "../draft.js";
import { nodeTypes, propertiesOf, writeLabels } from "../../graph/nodes.js";
import { actorIdentifier, identifierKey, identifierKeys, WIKIDATA, type ExternalId } from "../../model/identifiers.js";

export interface BundleDraftOptions {
  /** Prefix of every problem path (`bundles.3.` when the bundle is one of a file's). */
  pathPrefix?: string;
}

export function bundleDraft({ bundle, evidence }: ValidBundle, options: BundleDraftOptions = {}): Draft {
  const prefix = options.pathPrefix ?? "";
  const source = bundle.source;
  const nodes: DraftNode[] = [];
  // The links a definition gives: the fields of the relationships its label owns (src/graph/catalogue.ts).
  const links = (label: WriteLabel, definition: Record<string, unknown>, path: string): Link[] =>
    ownedBy(label).flatMap((relationship): Link[] => {
      const { type } = relationship;
      if (type === "EVIDENCED_BY") return [];
      const { field, holds } = relationship.bundle;
      const value = definition[field];
      switch (holds) {
        case "id":
          return typeof value === "string" ? [{ type, target: value, path: `${prefix}${path}.${field}` }] : [];
        case "ids":
          return ((value ?? []) as string[]).map((target, i) => ({ type, target, path: `${prefix}${path}.${field}.${i}` }));
        case "participants":
          return ((value ?? []) as { actor: string; role: string }[]).map((participant, i) => ({
            type,
            target: participant.actor,
            role: participant.role,
            path: `${prefix}${path}.${field}.${i}.actor`,
          }));
        case "source":
          return [{ type, target: source.id, path: `${prefix}source.id` }];
        case "quotes":
          return [];
      }
    });
  // A quote given twice is one piece of evidence.
  const quotes = (id: string) =>
    new Map<string, Located[]>([[source.id, [...new Map((evidence.get(id) ?? []).map((at) => [`${at.start}:${at.end}`, at])).values()]]]);
  const intent = (entity: Definition): EntityIntent => ({
    authority: "define",
    resolve: entity.resolve !== false,
    sameAs: (entity.sameAs as string | null | undefined) ?? null,
    removeAliases: (entity.removeAliases as string[] | null | undefined) ?? [],
  });

  // Each section's definitions, in the order an import writes them (src/graph/nodes.ts).
  for (const label of writeLabels) {
    const { kind, identifiable } = nodeTypes[label];
    const evidenced = ownedBy(label).some((relationship) => relationship.type === "EVIDENCED_BY");
    for (const { definition, path } of sectionDefinitions(bundle, label)) {
      const id = definition.id;
      nodes.push({
        label,
        id,
        properties: bundleProperties(label, definition, source),
        links: links(label, definition, path),
        evidence: evidenced ? quotes(id) : new Map<string, Located[]>(),
        ...(kind === "entity" ? { entity: intent(definition) } : {}),
        ...(identifiable ? { identifierPaths: identifierPaths(label, definition, `${prefix}${path}`) } : {}),
        path: `${prefix}${path}`,
      });
    }
  }

  return { nodes };
}

type Definition = Record<string, unknown>;

/** A definition's identifiers in the form its label stores (an actor's ACLED keys name actors: actorIdentifier). */
function givenIdentifiers(label: WriteLabel, definition: Definition): ExternalId[] | null {
  const given = definition.identifiers as ExternalId[] | null | undefined;
  const form = propertiesOf(label, "given").find(([key]) => key === "identifiers")?.[1].bundle?.identifiers;
  return given ? (form === "actor" ? given.map(actorIdentifier) : [...given]) : null;
}

/**
 * The properties a definition gives, as the catalogue maps bundle fields to them: a composite's keys (`location`,
 * `estimate`) each to its own, identifiers as their stored keys, and what is left out as null, or for a list as empty
 * (an entity's kept ones aside, whose stored value stays).
 */
function bundleProperties(label: WriteLabel, definition: Definition, source: Definition): Properties {
  const entity = nodeTypes[label].kind === "entity";
  const properties: Properties = {};
  for (const [key, property] of propertiesOf(label, "given")) {
    const field = property.bundle;
    if (!field) continue;
    let value: unknown = definition[field.field];
    if (field.key !== undefined) value = (value as Definition | null | undefined)?.[field.key];
    if (field.orSource !== undefined) value ??= source[field.orSource];
    if (field.identifiers !== undefined) value = keysOf(givenIdentifiers(label, definition));
    properties[key] = (value ?? (property.type === "strings" && !(entity && field.keepWhenAbsent) ? [] : null)) as Properties[string];
  }
  return properties;
}

/** The stored form of given identifiers; null when the field was left out (an entity then keeps its stored ones). */
function keysOf(identifiers: readonly ExternalId[] | null | undefined): string[] | null {
  return identifiers ? identifierKeys(identifiers.map(identifierKey)) : null;
}

/** Where a definition gave each identifier (its `wikidataId` too), for problems. */
function identifierPaths(label: WriteLabel, definition: Definition, path: string): Map<string, string> {
  const paths = new Map<string, string>();
  if (typeof definition.wikidataId === "string" && definition.wikidataId)
    paths.set(identifierKey({ scheme: WIKIDATA, value: definition.wikidataId }), `${path}.wikidataId`);
  givenIdentifiers(label, definition)?.forEach((id, i) => paths.set(identifierKey(id), `${path}.identifiers.${i}`));
  return paths;
}

/** A validated bundle as a draft (pure): what each node holds, the relationships it owns, its evidence in the source. */
import type { ValidBundle } from "./validation.js";
import { ownedBy } from "../../graph/catalogue.js";
import type { Draft, DraftNode, EntityIntent, Link, Located, WriteLabel } from "../draft.js";
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
  const intent = (entity: { resolve?: boolean | null; sameAs?: string | null; removeAliases?: string[] | null }): EntityIntent => ({
    authority: "define",
    resolve: entity.resolve !== false,
    sameAs: entity.sameAs ?? null,
    removeAliases: entity.removeAliases ?? [],
  });

  nodes.push({
    label: "Source",
    id: source.id,
    properties: { title: source.title, publishedOn: source.publishedOn ?? null, url: source.url ?? null, text: source.text },
    links: links("Source", source, "source"),
    evidence: new Map(),
    path: `${prefix}source`,
  });

  bundle.actors?.forEach((actor, i) =>
    nodes.push({
      label: "Actor",
      id: actor.id,
      properties: {
        name: actor.name,
        aliases: actor.aliases ?? [],
        kind: actor.kind,
        description: actor.description ?? null,
        wikidataId: actor.wikidataId ?? null,
        period: actor.period ?? null,
        mergedIds: actor.mergedIds ?? null,
        identifiers: keysOf(actor.identifiers?.map(actorIdentifier)),
      },
      links: links("Actor", actor, `actors.${i}`),
      evidence: new Map(),
      entity: intent(actor),
      identifierPaths: identifierPaths({ ...actor, identifiers: actor.identifiers?.map(actorIdentifier) ?? null }, `${prefix}actors.${i}`),
      path: `${prefix}actors.${i}`,
    }),
  );

  bundle.places?.forEach((place, i) =>
    nodes.push({
      label: "Place",
      id: place.id,
      properties: {
        name: place.name,
        aliases: place.aliases ?? [],
        kind: place.kind,
        latitude: place.location?.latitude ?? null,
        longitude: place.location?.longitude ?? null,
        wikidataId: place.wikidataId ?? null,
        mergedIds: place.mergedIds ?? null,
        identifiers: keysOf(place.identifiers),
      },
      links: links("Place", place, `places.${i}`),
      evidence: new Map(),
      entity: intent(place),
      identifierPaths: identifierPaths(place, `${prefix}places.${i}`),
      path: `${prefix}places.${i}`,
    }),
  );

  bundle.agreements?.forEach((agreement, i) =>
    nodes.push({
      label: "Agreement",
      id: agreement.id,
      properties: {
        name: agreement.name,
        signedOn: agreement.signedOn ?? null,
        datePrecision: agreement.datePrecision ?? null,
        endsOn: agreement.endsOn ?? null,
        summary: agreement.summary ?? null,
      },
      links: links("Agreement", agreement, `agreements.${i}`),
      evidence: quotes(agreement.id),
      path: `${prefix}agreements.${i}`,
    }),
  );

  bundle.events?.forEach((event, i) =>
    nodes.push({
      label: "Event",
      id: event.id,
      properties: {
        title: event.title,
        category: event.category,
        type: event.type ?? null,
        date: event.date,
        endDate: event.endDate ?? null,
        datePrecision: event.datePrecision,
        summary: event.summary ?? null,
        latitude: event.location?.latitude ?? null,
        longitude: event.location?.longitude ?? null,
        geoPrecision: event.geoPrecision ?? null,
        identifiers: keysOf(event.identifiers) ?? [],
        ucdpConflictId: event.ucdpConflictId ?? null,
        ucdpDyadId: event.ucdpDyadId ?? null,
      },
      links: links("Event", event, `events.${i}`),
      evidence: quotes(event.id),
      identifierPaths: identifierPaths(event, `${prefix}events.${i}`),
      path: `${prefix}events.${i}`,
    }),
  );

  bundle.claims?.forEach((claim, i) =>
    nodes.push({
      label: "Claim",
      id: claim.id,
      properties: {
        kind: claim.kind,
        text: claim.text,
        low: claim.estimate?.low ?? null,
        high: claim.estimate?.high ?? null,
        qualifier: claim.estimate?.qualifier ?? null,
        best: claim.estimate?.best ?? null,
        // Unstated is ALL, stored as absent (so a re-import of an older bundle changes nothing); a stated ALL is kept.
        victims: claim.victims ?? null,
        victimsOf: claim.victimsOf ?? null,
      },
      links: links("Claim", claim, `claims.${i}`),
      evidence: quotes(claim.id),
      path: `${prefix}claims.${i}`,
    }),
  );

  bundle.statements?.forEach((statement, i) =>
    nodes.push({
      label: "Statement",
      id: statement.id,
      properties: {
        date: statement.date ?? null,
        datePrecision: statement.datePrecision ?? null,
        stance: statement.stance,
        text: statement.text,
        sortDate: statement.date ?? source.publishedOn ?? null,
      },
      links: links("Statement", statement, `statements.${i}`),
      evidence: quotes(statement.id),
      path: `${prefix}statements.${i}`,
    }),
  );

  return { nodes };
}

/** The stored form of given identifiers; null when the field was left out (an entity then keeps its stored ones). */
function keysOf(identifiers: readonly ExternalId[] | null | undefined): string[] | null {
  return identifiers ? identifierKeys(identifiers.map(identifierKey)) : null;
}

/** Where a definition gave each identifier (its `wikidataId` too), for problems. */
function identifierPaths(
  definition: { identifiers?: readonly ExternalId[] | null; wikidataId?: string | null },
  path: string,
): Map<string, string> {
  const paths = new Map<string, string>();
  if (definition.wikidataId) paths.set(identifierKey({ scheme: WIKIDATA, value: definition.wikidataId }), `${path}.wikidataId`);
  definition.identifiers?.forEach((id, i) => paths.set(identifierKey(id), `${path}.identifiers.${i}`));
  return paths;
}

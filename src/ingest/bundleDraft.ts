/** A validated bundle as a draft (pure): what each node holds, the relationships it owns, its evidence in the source. */
import type { Located, ValidBundle } from "./bundle.js";
import type { Draft, DraftNode, EntityIntent, Link, RelationshipType } from "./draft.js";

export interface BundleDraftOptions {
  /** Prefix of every problem path (`bundles.3.` when the bundle is one of a file's). */
  pathPrefix?: string;
}

export function bundleDraft({ bundle, evidence }: ValidBundle, options: BundleDraftOptions = {}): Draft {
  const prefix = options.pathPrefix ?? "";
  const source = bundle.source;
  const nodes: DraftNode[] = [];
  const many = (type: RelationshipType, targets: readonly string[] | null | undefined, path: string): Link[] =>
    (targets ?? []).map((target, i) => ({ type, target, path: `${prefix}${path}.${i}` }));
  const one = (type: RelationshipType, target: string | null | undefined, path: string): Link[] =>
    target ? [{ type, target, path: `${prefix}${path}` }] : [];
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
    links: one("PUBLISHED_BY", source.publisher, "source.publisher"),
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
      },
      links: [...many("PART_OF", actor.partOf, `actors.${i}.partOf`), ...many("ALLIED_WITH", actor.allies, `actors.${i}.allies`)],
      evidence: new Map(),
      entity: intent(actor),
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
      },
      links: one("WITHIN", place.parent, `places.${i}.parent`),
      evidence: new Map(),
      entity: intent(place),
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
      links: [
        ...many("PARTY_TO", agreement.parties, `agreements.${i}.parties`),
        ...many("COVERS", agreement.covers, `agreements.${i}.covers`),
      ],
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
        type: event.type,
        date: event.date,
        datePrecision: event.datePrecision,
        summary: event.summary ?? null,
        latitude: event.location?.latitude ?? null,
        longitude: event.location?.longitude ?? null,
        geoPrecision: event.geoPrecision ?? null,
      },
      links: [
        ...many("OCCURRED_IN", event.places, `events.${i}.places`),
        ...(event.participants ?? []).map((participant, j) => ({
          type: "PARTICIPATED_IN" as const,
          target: participant.actor,
          role: participant.role,
          path: `${prefix}events.${i}.participants.${j}.actor`,
        })),
      ],
      evidence: quotes(event.id),
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
      },
      links: [
        ...one("ABOUT", claim.event, `claims.${i}.event`),
        ...many("NAMES", claim.actors, `claims.${i}.actors`),
        ...one("ASSERTED_BY", claim.assertedBy, `claims.${i}.assertedBy`),
        ...one("REPORTED_IN", source.id, "source.id"),
        ...many("DISPUTES", claim.disputedBy, `claims.${i}.disputedBy`),
      ],
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
      links: [
        ...one("SPOKEN_BY", statement.speaker, `statements.${i}.speaker`),
        ...one("ON_BEHALF_OF", statement.onBehalfOf, `statements.${i}.onBehalfOf`),
        ...many("ABOUT", statement.about, `statements.${i}.about`),
        ...many("TARGETS", statement.targets, `statements.${i}.targets`),
        ...many("INVOKES", statement.invokes, `statements.${i}.invokes`),
        ...one("REPORTED_IN", source.id, "source.id"),
      ],
      evidence: quotes(statement.id),
      path: `${prefix}statements.${i}`,
    }),
  );

  return { nodes };
}

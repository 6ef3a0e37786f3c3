/**
 * A bundle: one source document and everything it supports (the `BundleInput` of the write API).
 * Validation is pure and collects every problem before anything is written: a bundle is refused
 * whole or written whole.
 */
import { z } from "zod";
import type { Located } from "../draft.js";
import { otherLabel, ownedBy } from "../../graph/catalogue.js";
import { labelByPrefix, parseId, type IdPrefix, type NodeLabel } from "../../model/ids.js";
import { isCalendarDate } from "../../model/dates.js";
import {
  ACTOR_KINDS,
  CLAIM_KINDS,
  DATE_PRECISIONS,
  ESTIMATE_QUALIFIERS,
  EVENT_CATEGORIES,
  EVENT_ROLES,
  EVENT_TYPES,
  GEO_PRECISIONS,
  isUcdpCategory,
  PLACE_KINDS,
  STANCES,
  VICTIM_GROUPS,
} from "../../model/enums.js";
import { MAX_TOLL } from "../../graph/limits.js";
import { MAX_NAME_LENGTH, withArticle } from "../../model/text.js";
import { externalIds } from "../../model/identifiers.js";
import { findQuote } from "../../model/quoteSearch.js";
import { Pacer } from "../../pacer.js";

/**
 * Bounds on the quotes of one bundle, so that locating them stays cheap whatever the input: each is searched in time
 * linear in the source text (quoteSearch.ts), and the product bounds the whole bundle's search.
 */
export const quoteLimits = {
  /** Characters of one quote. */
  length: 10_000,
  /** Quotes in one bundle, over all its nodes. */
  count: 1_000,
  /** Quotes times characters of the source text (1,000 quotes in 200,000 characters, 20 in 10 million). */
  work: 200_000_000,
} as const;

const quote = z
  .string()
  .trim()
  .min(1)
  .max(quoteLimits.length, `a quote may have at most ${quoteLimits.length.toLocaleString("en")} characters`);

const id = z.string().min(1);
const date = z.string().refine(isCalendarDate, "must be a real calendar date, YYYY-MM-DD");
const nonEmpty = z.string().trim().min(1);
const name = nonEmpty.max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters long`);
const datePrecision = z.enum(DATE_PRECISIONS);

const geoPoint = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });

/** How an actor or place may be linked to an existing one by name (entity resolution; see resolve/resolution.ts). */
const resolution = {
  resolve: z.boolean().nullish(),
  sameAs: id.nullish(),
  removeAliases: z.array(name).nullish(),
  /** Ids merged into this node earlier (mergeNodes), as an export gives them: each becomes a redirect to it. */
  mergedIds: z.array(id).nullish(),
};

/** A death or injury figure: a whole number from 0 to MAX_TOLL, the largest toll one event may have. */
const toll = z.number().int().min(0).max(MAX_TOLL, `must be at most ${MAX_TOLL}, the largest toll one event may have`);

const estimate = z.object({
  low: toll.nullish(),
  high: toll.nullish(),
  /** The source's best estimate (UCDP's best), between low and high. */
  best: toll.nullish(),
  qualifier: z.enum(ESTIMATE_QUALIFIERS),
});

export const bundleSchema = z.object({
  source: z.object({
    id,
    title: nonEmpty,
    publisher: id.nullish(),
    publishedOn: date.nullish(),
    url: z.string().url().nullish(),
    text: nonEmpty,
  }),
  actors: z
    .array(
      z.object({
        id,
        name,
        aliases: z.array(name).nullish(),
        kind: z.enum(ACTOR_KINDS),
        description: z.string().nullish(),
        wikidataId: z
          .string()
          .regex(/^Q\d+$/, "must look like Q123")
          .nullish(),
        period: z
          .string()
          .regex(/^\d{4}-(\d{4})?$/, "must look like 2000- or 1991-2018")
          .nullish(),
        identifiers: externalIds.nullish(),
        partOf: z.array(id).nullish(),
        allies: z.array(id).nullish(),
        ...resolution,
      }),
    )
    .nullish(),
  places: z
    .array(
      z.object({
        id,
        name,
        aliases: z.array(name).nullish(),
        kind: z.enum(PLACE_KINDS),
        parent: id.nullish(),
        location: geoPoint.nullish(),
        wikidataId: z
          .string()
          .regex(/^Q\d+$/, "must look like Q123")
          .nullish(),
        identifiers: externalIds.nullish(),
        ...resolution,
      }),
    )
    .nullish(),
  agreements: z
    .array(
      z.object({
        id,
        name,
        signedOn: date.nullish(),
        datePrecision: datePrecision.nullish(),
        endsOn: date.nullish(),
        summary: z.string().nullish(),
        parties: z.array(id).nullish(),
        covers: z.array(id).nullish(),
        quotes: z.array(quote).nullish(),
      }),
    )
    .nullish(),
  events: z
    .array(
      z
        .object({
          id,
          title: nonEmpty,
          category: z.enum(EVENT_CATEGORIES),
          type: z.enum(EVENT_TYPES).nullish(),
          date,
          /** The latest possible date, when later than `date` (UCDP's date_end). */
          endDate: date.nullish(),
          datePrecision,
          summary: z.string().nullish(),
          places: z.array(id).min(1, "an event needs at least one place"),
          participants: z.array(z.object({ actor: id, role: z.enum(EVENT_ROLES) })).nullish(),
          quotes: z.array(quote).nullish(),
          location: geoPoint.nullish(),
          geoPrecision: z.enum(GEO_PRECISIONS).nullish(),
          identifiers: externalIds.nullish(),
          ucdpConflictId: nonEmpty.max(100).nullish(),
          ucdpDyadId: nonEmpty.max(100).nullish(),
        })
        .refine((event) => event.type != null || isUcdpCategory(event.category), {
          message: "an event needs a type, unless its category is one of UCDP's kinds of violence",
          path: ["type"],
        }),
    )
    .nullish(),
  claims: z
    .array(
      z.object({
        id,
        kind: z.enum(CLAIM_KINDS),
        text: nonEmpty,
        event: id,
        estimate: estimate.nullish(),
        /** Whom the figure counts; absent means ALL. */
        victims: z.enum(VICTIM_GROUPS).nullish(),
        /** With COMBATANTS: the actor (an id) whose combatants the figure counts. */
        victimsOf: id.refine((value) => value.startsWith("actor:"), "must be an actor id (actor:…)").nullish(),
        actors: z.array(id).nullish(),
        assertedBy: id.nullish(),
        disputedBy: z.array(id).nullish(),
        quotes: z.array(quote).min(1, "a claim rests on at least one quote"),
      }),
    )
    .nullish(),
  statements: z
    .array(
      z.object({
        id,
        date: date.nullish(),
        datePrecision: datePrecision.nullish(),
        stance: z.enum(STANCES),
        text: nonEmpty,
        speaker: id,
        onBehalfOf: id.nullish(),
        about: z.array(id).nullish(),
        targets: z.array(id).nullish(),
        invokes: z.array(id).nullish(),
        quotes: z.array(quote).min(1, "a statement rests on at least one quote"),
      }),
    )
    .nullish(),
});

export type Bundle = z.infer<typeof bundleSchema>;

const prefixOf = (label: NodeLabel): IdPrefix =>
  (Object.keys(labelByPrefix) as IdPrefix[]).find((prefix) => labelByPrefix[prefix] === label)!;

/** One thing wrong with a bundle, at a JSON path such as `claims.3.quotes.0`. */
export interface BundleProblem {
  path: string;
  message: string;
}

/** A bundle that passed validation, with every quote located in its source's text. */
export interface ValidBundle {
  bundle: Bundle;
  /** Node id -> its evidence in this bundle's source. */
  evidence: Map<string, Located[]>;
}

/**
 * Ids the bundle refers to that it does not define; the caller checks them against the graph.
 * Keyed by id, with the expected type and every path that mentions it.
 */
export type ExternalReferences = Map<string, { prefix: IdPrefix; paths: string[] }>;

/**
 * Checks a bundle on its own. When the shape is right but something else is wrong (a quote missing, an id of the
 * wrong type), the failure still carries the bundle, so that its references can be checked against the graph and
 * every problem reported at once. Asynchronous because locating quotes in a long text gives other requests turns of
 * the event loop; `pacer` is shared by the bundles of one import.
 */
export async function validateBundle(
  input: unknown,
  pacer = new Pacer(),
): Promise<
  | { ok: true; value: ValidBundle; external: ExternalReferences }
  | { ok: false; problems: BundleProblem[]; value?: ValidBundle; external?: ExternalReferences }
> {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) };
  }
  const bundle = parsed.data;
  const problems: BundleProblem[] = [];
  const defined = new Map<string, IdPrefix>();

  const define = (nodeId: string, prefix: IdPrefix, path: string) => {
    const parsedId = parseId(nodeId);
    if (!parsedId || parsedId.prefix !== prefix) {
      problems.push({ path, message: `"${nodeId}" is not ${withArticle(prefix)} id (${prefix}:<slug>)` });
      return;
    }
    if (defined.has(nodeId)) problems.push({ path, message: `"${nodeId}" is defined twice in this bundle` });
    defined.set(nodeId, prefix);
  };
  define(bundle.source.id, "source", "source.id");
  bundle.actors?.forEach((actor, i) => define(actor.id, "actor", `actors.${i}.id`));
  bundle.places?.forEach((place, i) => define(place.id, "place", `places.${i}.id`));
  bundle.agreements?.forEach((agreement, i) => define(agreement.id, "agreement", `agreements.${i}.id`));
  bundle.events?.forEach((event, i) => define(event.id, "event", `events.${i}.id`));
  bundle.claims?.forEach((claim, i) => define(claim.id, "claim", `claims.${i}.id`));
  bundle.statements?.forEach((statement, i) => define(statement.id, "statement", `statements.${i}.id`));

  const external: ExternalReferences = new Map();
  const refer = (nodeId: string | null | undefined, prefix: IdPrefix, path: string) => {
    if (nodeId == null) return;
    const parsedId = parseId(nodeId);
    if (!parsedId || parsedId.prefix !== prefix) {
      problems.push({ path, message: `"${nodeId}" is not ${withArticle(prefix)} id (${prefix}:<slug>)` });
      return;
    }
    if (defined.has(nodeId)) return;
    const seen = external.get(nodeId) ?? { prefix, paths: [] };
    seen.paths.push(path);
    external.set(nodeId, seen);
  };
  const referAll = (ids: readonly string[] | null | undefined, prefix: IdPrefix, path: string) =>
    ids?.forEach((nodeId, i) => refer(nodeId, prefix, `${path}.${i}`));

  // The references a definition makes: the fields of the relationships its label owns (src/graph/catalogue.ts).
  const referLinks = (label: NodeLabel, definition: Record<string, unknown>, path: string) => {
    for (const relationship of ownedBy(label)) {
      const { field, holds } = relationship.bundle;
      const prefix = prefixOf(otherLabel(relationship));
      const value = definition[field];
      if (holds === "id") refer(value as string | null | undefined, prefix, `${path}.${field}`);
      else if (holds === "ids") referAll(value as string[] | null | undefined, prefix, `${path}.${field}`);
      else if (holds === "participants") {
        (value as { actor: string }[] | null | undefined)?.forEach((participant, j) =>
          refer(participant.actor, prefix, `${path}.${field}.${j}.actor`),
        );
      }
    }
  };

  referLinks("Source", bundle.source, "source");
  const sameAs = (nodeId: string, target: string | null | undefined, prefix: IdPrefix, path: string) => {
    if (target == null) return;
    if (parseId(target)?.prefix !== prefix)
      problems.push({ path, message: `"${target}" is not ${withArticle(prefix)} id (${prefix}:<slug>)` });
    else if (target === nodeId) problems.push({ path, message: "a node cannot be the same as itself" });
  };
  const mergedIds = (nodeId: string, merged: readonly string[] | null | undefined, prefix: IdPrefix, path: string) =>
    merged?.forEach((mergedId, j) => {
      if (parseId(mergedId)?.prefix !== prefix)
        problems.push({ path: `${path}.${j}`, message: `"${mergedId}" is not ${withArticle(prefix)} id (${prefix}:<slug>)` });
      else if (mergedId === nodeId || defined.has(mergedId))
        problems.push({ path: `${path}.${j}`, message: `"${mergedId}" is defined in this bundle, so it cannot be an id merged away` });
    });
  bundle.actors?.forEach((actor, i) => {
    sameAs(actor.id, actor.sameAs, "actor", `actors.${i}.sameAs`);
    mergedIds(actor.id, actor.mergedIds, "actor", `actors.${i}.mergedIds`);
    referLinks("Actor", actor, `actors.${i}`);
    if (actor.partOf?.includes(actor.id)) problems.push({ path: `actors.${i}.partOf`, message: "an actor cannot be part of itself" });
  });
  bundle.places?.forEach((place, i) => {
    sameAs(place.id, place.sameAs, "place", `places.${i}.sameAs`);
    mergedIds(place.id, place.mergedIds, "place", `places.${i}.mergedIds`);
    referLinks("Place", place, `places.${i}`);
    if (place.parent === place.id) problems.push({ path: `places.${i}.parent`, message: "a place cannot be its own parent" });
  });
  bundle.agreements?.forEach((agreement, i) => {
    referLinks("Agreement", agreement, `agreements.${i}`);
    if (agreement.signedOn && agreement.endsOn && agreement.endsOn <= agreement.signedOn) {
      problems.push({ path: `agreements.${i}.endsOn`, message: "must be after signedOn" });
    }
  });
  bundle.events?.forEach((event, i) => {
    referLinks("Event", event, `events.${i}`);
    // ISO dates compare as text.
    if (event.endDate && event.endDate < event.date) {
      problems.push({ path: `events.${i}.endDate`, message: "must not be before date" });
    }
  });
  bundle.claims?.forEach((claim, i) => {
    referLinks("Claim", claim, `claims.${i}`);
    const figure = claim.estimate;
    if (figure?.low != null && figure.high != null && figure.low > figure.high) {
      problems.push({ path: `claims.${i}.estimate`, message: "low must not exceed high" });
    }
    if (figure?.best != null && ((figure.low != null && figure.best < figure.low) || (figure.high != null && figure.best > figure.high))) {
      problems.push({ path: `claims.${i}.estimate.best`, message: "must lie between low and high" });
    }
    if ((claim.victims != null || claim.victimsOf != null) && claim.kind !== "FATALITIES" && claim.kind !== "INJURIES") {
      problems.push({ path: `claims.${i}.victims`, message: "only a FATALITIES or INJURIES claim counts victims" });
    }
    if (claim.victimsOf != null && claim.victims !== "COMBATANTS") {
      problems.push({
        path: `claims.${i}.victimsOf`,
        message: "names whose combatants a COMBATANTS figure counts: it needs victims: COMBATANTS",
      });
    }
  });
  bundle.statements?.forEach((statement, i) => referLinks("Statement", statement, `statements.${i}`));

  const text = bundle.source.text;
  const quoted = [
    ...(bundle.agreements ?? []).map((agreement, i) => ({ id: agreement.id, quotes: agreement.quotes, path: `agreements.${i}` })),
    ...(bundle.events ?? []).map((event, i) => ({ id: event.id, quotes: event.quotes, path: `events.${i}` })),
    ...(bundle.claims ?? []).map((claim, i) => ({ id: claim.id, quotes: claim.quotes, path: `claims.${i}` })),
    ...(bundle.statements ?? []).map((statement, i) => ({ id: statement.id, quotes: statement.quotes, path: `statements.${i}` })),
  ];
  const evidence = new Map<string, Located[]>();
  const count = quoted.reduce((sum, node) => sum + (node.quotes?.length ?? 0), 0);
  if (count > quoteLimits.count || count * text.length > quoteLimits.work) {
    problems.push({
      path: "",
      message:
        `the bundle has ${count.toLocaleString("en")} quotes in a source text of ${text.length.toLocaleString("en")} characters; at most ` +
        `${quoteLimits.count.toLocaleString("en")} quotes, and quotes times characters at most ${quoteLimits.work.toLocaleString("en")}: split it into several bundles`,
    });
    return { ok: false, problems, value: { bundle, evidence }, external };
  }
  const found = new Map<string, number>();
  for (const node of quoted) {
    const located: Located[] = [];
    for (const [i, quote] of (node.quotes ?? []).entries()) {
      const start = found.get(quote) ?? (await findQuote(text, quote, pacer));
      found.set(quote, start);
      if (start < 0)
        problems.push({ path: `${node.path}.quotes.${i}`, message: `quote not found in the source text: "${quote.slice(0, 80)}"` });
      else located.push({ quote, start, end: start + quote.length });
    }
    if (located.length > 0) evidence.set(node.id, located);
  }

  if (problems.length > 0) return { ok: false, problems, value: { bundle, evidence }, external };
  return { ok: true, value: { bundle, evidence }, external };
}

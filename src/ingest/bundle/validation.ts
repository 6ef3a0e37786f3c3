/**
 * A bundle: one source document and everything it supports (the `BundleInput` of the write API).
 * Validation is pure and collects every problem before anything is written: a bundle is refused
 * whole or written whole.
 */
import { z } from "zod";
import type { Located } from "../draft.js";
import { otherLabel, ownedBy } from "../../graph/catalogue.js";
import { parseId, type IdPrefix, type NodeLabel } from "../../model/ids.js";
import { isCalendarDate } from "../../model/dates.js";
import {
  EVENT_ROLES,
  isUcdpCategory,
  type ActorKind,
  type ClaimKind,
  type DatePrecision,
  type EstimateQualifier,
  type EventCategory,
  type EventRole,
  type EventType,
  type GeoPrecision,
  type PlaceKind,
  type Stance,
  type VictimGroup,
} from "../../model/enums.js";
import { nodeTypes, writeLabels, type BundleCheck, type NodeProperty, type NodeType, type WriteLabel } from "../../graph/nodes.js";
import { MAX_TOLL } from "../../graph/limits.js";
import { MAX_NAME_LENGTH, withArticle } from "../../model/text.js";
import { externalIds, type ExternalId } from "../../model/identifiers.js";
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

/** A death or injury figure: a whole number from 0 to MAX_TOLL, the largest toll one event may have. */
const toll = z.number().int().min(0).max(MAX_TOLL, `must be at most ${MAX_TOLL}, the largest toll one event may have`);

/** What each of the catalogue's bundle checks (src/graph/nodes.ts) asks of a value. */
const checks: Record<BundleCheck, z.ZodType> = {
  name,
  nonEmpty,
  id,
  actorId: id.refine((value) => value.startsWith("actor:"), "must be an actor id (actor:…)"),
  wikidataId: z.string().regex(/^Q\d+$/, "must look like Q123"),
  period: z.string().regex(/^\d{4}-(\d{4})?$/, "must look like 2000- or 1991-2018"),
  url: z.string().url(),
  toll,
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  ucdpId: nonEmpty.max(100),
  identifiers: externalIds,
};

/** A property's bundle field: its check, its values, or its type; a list of them for a list property. */
function propertySchema(property: NodeProperty): z.ZodType {
  const check = property.bundle?.check;
  if (check === "identifiers") return checks.identifiers;
  const one = property.values
    ? z.enum(property.values as [string, ...string[]])
    : check
      ? checks[check]
      : property.type === "date"
        ? date
        : property.type === "int"
          ? z.number().int()
          : property.type === "float"
            ? z.number()
            : property.type === "boolean"
              ? z.boolean()
              : z.string();
  return property.type === "strings" ? z.array(one) : one;
}

/** Required, or also null and absent. */
const given = (schema: z.ZodType, required: boolean) => (required ? schema : schema.nullish());

/** How an actor or place may be linked to an existing one by name (entity resolution; see resolve/resolution.ts). */
const resolution = {
  resolve: z.boolean().nullish(),
  sameAs: id.nullish(),
  removeAliases: z.array(name).nullish(),
};

/**
 * The fields of a label's bundle section, from the catalogues: its properties' bundle fields (src/graph/nodes.ts; a
 * composite such as `location` or `estimate` as an object of its keys), the fields of the relationships it owns
 * (catalogue.ts), and an entity's resolution. Strict: a key the format does not have is refused, not dropped.
 */
function sectionSchema(label: WriteLabel) {
  const type: NodeType = nodeTypes[label];
  const shape: Record<string, z.ZodType> = {};
  const composites = new Map<string, Record<string, z.ZodType>>();
  for (const [, property] of Object.entries(type.properties)) {
    const field = property.bundle;
    if (!field || field.orSource !== undefined) continue;
    const required = field.required ?? !property.optional;
    if (field.key === undefined) shape[field.field] = given(propertySchema(property), required);
    else {
      const keys = composites.get(field.field) ?? {};
      keys[field.key] = given(propertySchema(property), required);
      composites.set(field.field, keys);
      shape[field.field] = z.strictObject(keys).nullish();
    }
  }
  const requires: Readonly<Record<string, string>> = type.bundleRequires ?? {};
  for (const relationship of ownedBy(label)) {
    const { field, holds } = relationship.bundle;
    const message = Object.hasOwn(requires, field) ? requires[field] : undefined;
    const list = (item: z.ZodType) => (message === undefined ? z.array(item).nullish() : z.array(item).min(1, message));
    if (holds === "id") shape[field] = given(id, message !== undefined);
    else if (holds === "ids") shape[field] = list(id);
    else if (holds === "participants") shape[field] = list(z.strictObject({ actor: id, role: z.enum(EVENT_ROLES) }));
    else if (holds === "quotes") shape[field] = list(quote);
  }
  return z.strictObject(type.kind === "entity" ? { ...shape, ...resolution } : shape);
}

/** A label's definition in a bundle, as validated. */
export type Definition = { id: string } & Record<string, unknown>;

/** Rules of one section beyond the shape of each field. */
const sectionRules: Partial<Record<WriteLabel, (schema: z.ZodType) => z.ZodType>> = {
  Event: (schema) =>
    schema.refine((event) => (event as Definition).type != null || isUcdpCategory(String((event as Definition).category)), {
      message: "an event needs a type, unless its category is one of UCDP's kinds of violence",
      path: ["type"],
    }),
};

/** The bundle format: a source and a list per other section, each from its label's entry in the catalogues. */
export const bundleSchema = z.strictObject(
  Object.fromEntries(
    writeLabels.map((label) => {
      const section = nodeTypes[label].section;
      const schema = sectionRules[label]?.(sectionSchema(label)) ?? sectionSchema(label);
      return [section, section === "source" ? schema : z.array(schema).nullish()];
    }),
  ),
) as unknown as z.ZodType<Bundle>;

/**
 * The bundle format's static type, for the code that builds or reads bundles (the bench, tests, the checks below).
 * The runtime schema above derives from the catalogues; tests/unit/nodes.test.ts holds this type against the SDL's
 * `BundleInput` at compile time, and the schema against the SDL at run time.
 */
export interface Bundle {
  source: { id: string; title: string; publisher?: string | null; publishedOn?: string | null; url?: string | null; text: string };
  actors?: ActorDefinition[] | null;
  places?: PlaceDefinition[] | null;
  agreements?: AgreementDefinition[] | null;
  events?: EventDefinition[] | null;
  claims?: ClaimDefinition[] | null;
  statements?: StatementDefinition[] | null;
}

type Maybe<T> = T | null | undefined;

type Resolution = {
  resolve?: boolean | null;
  sameAs?: string | null;
  removeAliases?: string[] | null;
  mergedIds?: string[] | null;
};

type ActorDefinition = Resolution & {
  id: string;
  name: string;
  aliases?: Maybe<string[]>;
  kind: ActorKind;
  description?: Maybe<string>;
  wikidataId?: Maybe<string>;
  period?: Maybe<string>;
  identifiers?: Maybe<ExternalId[]>;
  partOf?: Maybe<string[]>;
  allies?: Maybe<string[]>;
};

type PlaceDefinition = Resolution & {
  id: string;
  name: string;
  aliases?: Maybe<string[]>;
  kind: PlaceKind;
  parent?: Maybe<string>;
  location?: Maybe<{ latitude: number; longitude: number }>;
  wikidataId?: Maybe<string>;
  identifiers?: Maybe<ExternalId[]>;
};

type AgreementDefinition = {
  id: string;
  name: string;
  signedOn?: Maybe<string>;
  datePrecision?: Maybe<DatePrecision>;
  endsOn?: Maybe<string>;
  summary?: Maybe<string>;
  parties?: Maybe<string[]>;
  covers?: Maybe<string[]>;
  quotes?: Maybe<string[]>;
};

type EventDefinition = {
  id: string;
  title: string;
  category: EventCategory;
  type?: Maybe<EventType>;
  date: string;
  endDate?: Maybe<string>;
  datePrecision: DatePrecision;
  summary?: Maybe<string>;
  places: string[];
  participants?: Maybe<{ actor: string; role: EventRole }[]>;
  quotes?: Maybe<string[]>;
  location?: Maybe<{ latitude: number; longitude: number }>;
  geoPrecision?: Maybe<GeoPrecision>;
  identifiers?: Maybe<ExternalId[]>;
  ucdpConflictId?: Maybe<string>;
  ucdpDyadId?: Maybe<string>;
};

type ClaimDefinition = {
  id: string;
  kind: ClaimKind;
  text: string;
  event: string;
  estimate?: Maybe<{ low?: Maybe<number>; high?: Maybe<number>; best?: Maybe<number>; qualifier: EstimateQualifier }>;
  victims?: Maybe<VictimGroup>;
  victimsOf?: Maybe<string>;
  actors?: Maybe<string[]>;
  assertedBy?: Maybe<string>;
  disputedBy?: Maybe<string[]>;
  quotes: string[];
};

type StatementDefinition = {
  id: string;
  date?: Maybe<string>;
  datePrecision?: Maybe<DatePrecision>;
  stance: Stance;
  text: string;
  speaker: string;
  onBehalfOf?: Maybe<string>;
  about?: Maybe<string[]>;
  targets?: Maybe<string[]>;
  invokes?: Maybe<string[]>;
  quotes: string[];
};

/** A label's definitions in a bundle, each with its path (`source`, `events.3`). */
export function sectionDefinitions(bundle: Bundle, label: WriteLabel): { definition: Definition; path: string }[] {
  const section = nodeTypes[label].section;
  if (section === "source") return [{ definition: bundle.source, path: "source" }];
  return ((bundle[section] ?? []) as Definition[]).map((definition, i) => ({ definition, path: `${section}.${i}` }));
}

/** A schema issue as problems: an unknown key is named by its own path, as every other problem is. */
function problemsOf(issue: z.core.$ZodIssue): BundleProblem[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: [...issue.path, key].join("."),
      message: "is not a field of the bundle format (a misspelt or unknown field is refused rather than ignored)",
    }));
  }
  return [{ path: issue.path.join("."), message: issue.message }];
}

const prefixOf = (label: NodeLabel): IdPrefix => nodeTypes[label].prefix;

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
    return { ok: false, problems: parsed.error.issues.flatMap(problemsOf) };
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
  for (const label of writeLabels) {
    for (const { definition, path } of sectionDefinitions(bundle, label)) define(definition.id, nodeTypes[label].prefix, `${path}.id`);
  }

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

  for (const label of writeLabels) {
    for (const { definition, path } of sectionDefinitions(bundle, label)) referLinks(label, definition, path);
  }
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
    if (actor.partOf?.includes(actor.id)) problems.push({ path: `actors.${i}.partOf`, message: "an actor cannot be part of itself" });
  });
  bundle.places?.forEach((place, i) => {
    sameAs(place.id, place.sameAs, "place", `places.${i}.sameAs`);
    mergedIds(place.id, place.mergedIds, "place", `places.${i}.mergedIds`);
    if (place.parent === place.id) problems.push({ path: `places.${i}.parent`, message: "a place cannot be its own parent" });
  });
  bundle.agreements?.forEach((agreement, i) => {
    if (agreement.signedOn && agreement.endsOn && agreement.endsOn <= agreement.signedOn) {
      problems.push({ path: `agreements.${i}.endsOn`, message: "must be after signedOn" });
    }
  });
  bundle.events?.forEach((event, i) => {
    // ISO dates compare as text.
    if (event.endDate && event.endDate < event.date) {
      problems.push({ path: `events.${i}.endDate`, message: "must not be before date" });
    }
  });
  bundle.claims?.forEach((claim, i) => {
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

  const text = bundle.source.text;
  // The definitions of every label that has evidence (catalogue.ts), with their quotes.
  const quoted = writeLabels
    .filter((label) => ownedBy(label).some((relationship) => relationship.type === "EVIDENCED_BY"))
    .flatMap((label) =>
      sectionDefinitions(bundle, label).map(({ definition, path }) => ({
        id: definition.id,
        quotes: definition.quotes as string[] | null | undefined,
        path,
      })),
    );
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

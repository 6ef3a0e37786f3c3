/**
 * The node catalogue, beside the relationship catalogue (catalogue.ts): every node type the graph holds, once. Each
 * entry says its id prefix, whether it is an entity (accumulates what many inputs say of it) or a document (replaced
 * by its last definition), whether it can be identified and merged, its bundle section, and each property: its type,
 * whether it may be absent, where a bundle gives it, which GraphQL fields read it, whether it is indexed or unique and
 * whether search reads it. The row schemas and selected-property table (repositories/records.ts), the draft's property
 * types (ingest/draft.ts), the bundle sections and their validation, the bundle drafts and the export, merge's derived
 * properties, the indexes (db/migrations.ts) and the explorer's node types derive from it; tests/unit/nodes.test.ts
 * holds it against the SDL.
 *
 * Pure data, with no import from the server: the explorer's bundle imports it too.
 */
import {
  ACTOR_KINDS,
  CLAIM_KINDS,
  DATE_PRECISIONS,
  ESTIMATE_QUALIFIERS,
  EVENT_CATEGORIES,
  EVENT_TYPES,
  GEO_PRECISIONS,
  PLACE_KINDS,
  STANCES,
  VICTIM_GROUPS,
} from "../model/enums.js";
import { COUNT_AGGREGATES, TOLL_AGGREGATES } from "../model/eventAggregates.js";
import type { IdPrefix, NodeLabel } from "../model/ids.js";

/** `point`: a WGS-84 point, read into a row as `{latitude, longitude}` (an event's derived location). */
export type PropertyType = "string" | "strings" | "date" | "int" | "float" | "boolean" | "point";

/**
 * Where a property comes from: `id`, the node's id; `given` by an import (a bundle, an ACLED or UCDP row, an export);
 * `computed` by the write path from other nodes (an event's tolls from its claims, an incident's from its reports);
 * `derived` from the node's own given properties (search text, name keys, the content hash), for the write path and
 * the search index only, never read into a row.
 */
export type PropertyOrigin = "id" | "given" | "computed" | "derived";

/** How a derived property is computed (ingest/resolve/merge.ts): from the `search` properties, or from the names. */
export type Derivation = "searchText" | "nameKeys" | "matchKeys" | "contentHash";

/**
 * What a bundle field is checked against beyond its type and `values` (ingest/bundle/validation.ts holds each):
 * a name, a non-empty text, an id (of an actor), a Wikidata item, a period, a URL, a toll, a coordinate, a UCDP id,
 * a list of external identifiers.
 */
export type BundleCheck =
  "name" | "nonEmpty" | "id" | "actorId" | "wikidataId" | "period" | "url" | "toll" | "latitude" | "longitude" | "ucdpId" | "identifiers";

/** Where a bundle gives a property. */
export interface BundleProperty {
  /** The field of the section's definition; for a composite (`location`, `estimate`), the composite's field. */
  field: string;
  /** The key within the composite. A composite is given when all its required keys are known, else left out. */
  key?: string;
  /** Whether the bundle must give it (within its composite, for a key). Defaults to the property not being optional. */
  required?: boolean;
  check?: BundleCheck;
  /**
   * Stored identifier keys (`scheme:value`) given as `{scheme, value}` objects; `actor`: ACLED's event scheme names the
   * actor's own (model/identifiers.ts actorIdentifier).
   */
  identifiers?: "as given" | "actor";
  /** Taken from this field of the bundle's source when the definition leaves it out; not given back by an export. */
  orSource?: string;
  /** Left out of an entity's definition, the stored value stays (the draft holds null); otherwise a list left out is empty. */
  keepWhenAbsent?: boolean;
}

export interface NodeProperty {
  type: PropertyType;
  /** Whether a node may lack it (a row then holds null, or an empty list). */
  optional: boolean;
  origin: PropertyOrigin;
  /** Enumerated values (stored as their names). */
  values?: readonly string[];
  bundle?: BundleProperty;
  /** The GraphQL fields of the label's type that read it. */
  fields?: readonly string[];
  /** Fetched only when one of `fields` is selected (records.ts selectedRowProperties); otherwise with every row. */
  selectedOnly?: boolean;
  /** The name of its range index (db/migrations.ts). */
  index?: string;
  /** A uniqueness constraint, with its name. */
  unique?: string;
  /** The search text is made of it (with the others of its label that are, in order). */
  search?: boolean;
  derive?: Derivation;
}

export type BundleSection = "source" | "actors" | "places" | "agreements" | "events" | "claims" | "statements";

export interface NodeType {
  label: NodeLabel;
  prefix: IdPrefix;
  /**
   * `entity`: many inputs name it, and it accumulates what they say (aliases, relationships); `document`: replaced by
   * its last definition; `derived`: made by the write path (incidents, from matching and editors' decisions).
   */
  kind: "entity" | "document" | "derived";
  /** Whether outside identifiers name it (ExternalId nodes IDENTIFY it). */
  identifiable: boolean;
  /** Whether two nodes of it can be merged into one (mergeNodes), the merged id answering as a redirect. */
  mergeable: boolean;
  /** Its bundle section (`source` holds one definition, the others a list); null when no bundle gives it. */
  section: BundleSection | null;
  /** Bundle fields that must be given although what they hold may be empty, with the message when a list is empty. */
  bundleRequires?: Readonly<Record<string, string>>;
  /** Its place in the explorer's legend and lists; null when the explorer does not draw it. */
  drawn: number | null;
  properties: Readonly<Record<string, NodeProperty>>;
}

/** Every node's id: unique, under a constraint named after its label. */
const id = (label: string): NodeProperty => ({
  type: "string",
  optional: false,
  origin: "id",
  bundle: { field: "id", check: "id" },
  fields: ["id"],
  unique: `${label.toLowerCase()}_id`,
});

const given = (type: PropertyType, optional: boolean, more: Omit<NodeProperty, "type" | "optional" | "origin"> = {}): NodeProperty => ({
  type,
  optional,
  origin: "given",
  ...more,
});

const derived = (type: PropertyType, derive: Derivation): NodeProperty => ({ type, optional: true, origin: "derived", derive });

/** An entity's names: its name and aliases, which search and name matching read. */
const names = (label: string) => ({
  name: given("string", false, {
    bundle: { field: "name", check: "name" },
    fields: ["name"],
    index: `${label.toLowerCase()}_name`,
    search: true,
  }),
  aliases: given("strings", true, {
    bundle: { field: "aliases", check: "name" },
    fields: ["aliases"],
    selectedOnly: true,
    search: true,
  }),
});

/** A coordinate, given as a bundle's `location`. */
const coordinate = (key: "latitude" | "longitude", selectedOnly: boolean): NodeProperty =>
  given("float", true, { bundle: { field: "location", key, required: true, check: key }, fields: ["location"], selectedOnly });

/** Outside identifiers, stored as sorted `scheme:value` keys (model/identifiers.ts); ExternalId nodes derive from them. */
const identifiers = (form: "as given" | "actor"): NodeProperty =>
  given("strings", true, {
    bundle: { field: "identifiers", check: "identifiers", identifiers: form, keepWhenAbsent: true },
    fields: ["identifiers"],
    selectedOnly: true,
  });

/** The ids merged into the node (write/mergeNodes.ts), each answering as it; kept so that an export restores them. */
const mergedIds = given("strings", true, {
  bundle: { field: "mergedIds", check: "id", keepWhenAbsent: true },
  fields: ["mergedIds"],
  selectedOnly: true,
});

const wikidataId = given("string", true, {
  bundle: { field: "wikidataId", check: "wikidataId" },
  fields: ["wikidataId", "identifiers"],
  selectedOnly: true,
});

/** The GraphQL field reading a stored toll aggregate: fatalities, injuries, or the victim groups' `tolls`. */
const tollField = (name: string) => (name.startsWith("fatalities") ? "fatalities" : name.startsWith("injuries") ? "injuries" : "tolls");

/** The toll aggregates in the order rows read them: the headline figures first, then the victim groups'. */
const headline = ["fatalities", "injuries"];
const tollOrder = [
  ...headline.flatMap((figure) => [`${figure}Low`, `${figure}High`, `${figure}Qualifier`]),
  ...headline.map((figure) => `${figure}Best`),
  ...TOLL_AGGREGATES.filter((name) => !headline.some((figure) => name.startsWith(figure))),
];

/**
 * The toll aggregates an event and its incident store (model/eventAggregates.ts): the combined fatalities and
 * injuries, and the deaths per victim group. An event's are fetched only for the fields that read them.
 */
const tolls = (selectedOnly: boolean, fatalitiesIndex?: string): Record<string, NodeProperty> =>
  Object.fromEntries(
    tollOrder.map((name) => [
      name,
      {
        type: COUNT_AGGREGATES.includes(name) ? "int" : "string",
        optional: true,
        origin: "computed",
        fields: [tollField(name)],
        selectedOnly,
        ...(name === "fatalitiesLow" && fatalitiesIndex ? { index: fatalitiesIndex } : {}),
      } satisfies NodeProperty,
    ]),
  );

/** The content hash of a node's given properties and owned relationships: equal hashes, nothing to write. */
const contentHash = derived("string", "contentHash");
const searchText = derived("string", "searchText");

/**
 * The node types, in the order an import writes them. The order of a label's given properties is their order in its
 * content hash: append new ones, never reorder (a changed order changes every stored node's hash).
 */
export const nodeTypes = {
  Source: {
    label: "Source",
    prefix: "source",
    kind: "document",
    identifiable: false,
    mergeable: false,
    section: "source",
    drawn: 6,
    properties: {
      id: id("Source"),
      title: given("string", false, { bundle: { field: "title", check: "nonEmpty" }, fields: ["title"], search: true }),
      publishedOn: given("date", true, { bundle: { field: "publishedOn" }, fields: ["publishedOn"] }),
      url: given("string", true, { bundle: { field: "url", check: "url" }, fields: ["url"] }),
      // ACLED's and UCDP's sources have no text; a bundle's source always has.
      text: given("string", true, { bundle: { field: "text", check: "nonEmpty", required: true }, fields: ["text"] }),
      searchText,
      contentHash,
    },
  },
  Actor: {
    label: "Actor",
    prefix: "actor",
    kind: "entity",
    identifiable: true,
    mergeable: true,
    section: "actors",
    drawn: 0,
    properties: {
      id: id("Actor"),
      ...names("Actor"),
      kind: given("string", false, { values: ACTOR_KINDS, bundle: { field: "kind" }, fields: ["kind"] }),
      description: given("string", true, { bundle: { field: "description" }, fields: ["description"], selectedOnly: true }),
      wikidataId,
      period: given("string", true, { bundle: { field: "period", check: "period" }, fields: ["period"], selectedOnly: true }),
      mergedIds,
      identifiers: identifiers("actor"),
      nameKeys: derived("strings", "nameKeys"),
      matchKeys: derived("strings", "matchKeys"),
      searchText,
      contentHash,
    },
  },
  Place: {
    label: "Place",
    prefix: "place",
    kind: "entity",
    identifiable: true,
    mergeable: true,
    section: "places",
    drawn: 1,
    properties: {
      id: id("Place"),
      ...names("Place"),
      kind: given("string", false, { values: PLACE_KINDS, bundle: { field: "kind" }, fields: ["kind"] }),
      latitude: coordinate("latitude", true),
      longitude: coordinate("longitude", true),
      wikidataId,
      mergedIds,
      identifiers: identifiers("as given"),
      nameKeys: derived("strings", "nameKeys"),
      matchKeys: derived("strings", "matchKeys"),
      searchText,
      contentHash,
    },
  },
  Agreement: {
    label: "Agreement",
    prefix: "agreement",
    kind: "document",
    identifiable: false,
    mergeable: false,
    section: "agreements",
    drawn: 5,
    properties: {
      id: id("Agreement"),
      name: given("string", false, { bundle: { field: "name", check: "name" }, fields: ["name"], search: true }),
      signedOn: given("date", true, { bundle: { field: "signedOn" }, fields: ["signedOn"], index: "agreement_signed_on" }),
      datePrecision: given("string", true, { values: DATE_PRECISIONS, bundle: { field: "datePrecision" }, fields: ["datePrecision"] }),
      endsOn: given("date", true, { bundle: { field: "endsOn" }, fields: ["endsOn"] }),
      summary: given("string", true, { bundle: { field: "summary" }, fields: ["summary"], search: true }),
      searchText,
      contentHash,
    },
  },
  Event: {
    label: "Event",
    prefix: "event",
    kind: "document",
    identifiable: true,
    mergeable: false,
    section: "events",
    bundleRequires: { places: "an event needs at least one place" },
    drawn: 2,
    properties: {
      id: id("Event"),
      title: given("string", false, { bundle: { field: "title", check: "nonEmpty" }, fields: ["title"], search: true }),
      category: given("string", false, {
        values: EVENT_CATEGORIES,
        bundle: { field: "category" },
        fields: ["category"],
        index: "event_category",
      }),
      // UCDP's events have no ACLED type (served as OTHER); validation.ts asks every other event for one.
      type: given("string", true, { values: EVENT_TYPES, bundle: { field: "type" }, fields: ["type"] }),
      date: given("date", false, { bundle: { field: "date" }, fields: ["date"], index: "event_date" }),
      // The latest possible date, when later than `date` (UCDP's date_end).
      endDate: given("date", true, { bundle: { field: "endDate" }, fields: ["endDate"], selectedOnly: true }),
      datePrecision: given("string", false, { values: DATE_PRECISIONS, bundle: { field: "datePrecision" }, fields: ["datePrecision"] }),
      summary: given("string", true, { bundle: { field: "summary" }, fields: ["summary"], selectedOnly: true, search: true }),
      ...tolls(true, "event_fatalities"),
      contested: { type: "boolean", optional: true, origin: "computed", fields: ["responsibilityContested"], selectedOnly: true },
      latitude: coordinate("latitude", true),
      longitude: coordinate("longitude", true),
      geoPrecision: given("string", true, {
        values: GEO_PRECISIONS,
        bundle: { field: "geoPrecision" },
        fields: ["geoPrecision"],
        selectedOnly: true,
      }),
      // Where the event is located, derived by the write path (graph/eventLocation.ts, EVENT_POINT): its own point, else
      // its nearest located place's; the point index (migrations.ts) serves `near` and `within` from it.
      point: { type: "point", optional: true, origin: "computed", fields: ["location"], selectedOnly: true },
      pointPrecision: {
        type: "string",
        optional: true,
        origin: "computed",
        values: GEO_PRECISIONS,
        fields: ["locationPrecision"],
        selectedOnly: true,
      },
      // Read with every row: `locationPlace` resolves the id through the node loader, like a stored-id field.
      pointPlaceId: { type: "string", optional: true, origin: "computed", fields: ["locationPlace"] },
      identifiers: identifiers("as given"),
      // UCDP GED's conflict_new_id and dyad_new_id (ingest/ucdp): a researcher asks for one conflict's or dyad's events.
      ucdpConflictId: given("string", true, {
        bundle: { field: "ucdpConflictId", check: "ucdpId" },
        fields: ["ucdpConflictId"],
        selectedOnly: true,
      }),
      ucdpDyadId: given("string", true, { bundle: { field: "ucdpDyadId", check: "ucdpId" }, fields: ["ucdpDyadId"], selectedOnly: true }),
      searchText,
      contentHash,
    },
  },
  Claim: {
    label: "Claim",
    prefix: "claim",
    kind: "document",
    identifiable: false,
    mergeable: false,
    section: "claims",
    bundleRequires: { event: "", quotes: "a claim rests on at least one quote" },
    drawn: 4,
    properties: {
      id: id("Claim"),
      kind: given("string", false, { values: CLAIM_KINDS, bundle: { field: "kind" }, fields: ["kind"] }),
      text: given("string", false, { bundle: { field: "text", check: "nonEmpty" }, fields: ["text"] }),
      low: given("int", true, { bundle: { field: "estimate", key: "low", check: "toll" }, fields: ["estimate"] }),
      high: given("int", true, { bundle: { field: "estimate", key: "high", check: "toll" }, fields: ["estimate"] }),
      qualifier: given("string", true, {
        values: ESTIMATE_QUALIFIERS,
        bundle: { field: "estimate", key: "qualifier", required: true },
        fields: ["estimate"],
      }),
      // The source's best estimate (UCDP's best), between low and high.
      best: given("int", true, { bundle: { field: "estimate", key: "best", check: "toll" }, fields: ["estimate"] }),
      // Whom the figure counts. Unstated is ALL, stored as absent (so a re-import of an older bundle changes nothing).
      victims: given("string", true, { values: VICTIM_GROUPS, bundle: { field: "victims" }, fields: ["victims"] }),
      // With COMBATANTS: the actor whose combatants the figure counts (an id, read as `victimsOf`).
      victimsOf: given("string", true, { bundle: { field: "victimsOf", check: "actorId" }, fields: ["victimsOf"] }),
      contentHash,
    },
  },
  Statement: {
    label: "Statement",
    prefix: "statement",
    kind: "document",
    identifiable: false,
    mergeable: false,
    section: "statements",
    bundleRequires: { speaker: "", quotes: "a statement rests on at least one quote" },
    drawn: 3,
    properties: {
      id: id("Statement"),
      date: given("date", true, { bundle: { field: "date" }, fields: ["date"] }),
      datePrecision: given("string", true, { values: DATE_PRECISIONS, bundle: { field: "datePrecision" }, fields: ["datePrecision"] }),
      stance: given("string", false, { values: STANCES, bundle: { field: "stance" }, fields: ["stance"] }),
      text: given("string", false, { bundle: { field: "text", check: "nonEmpty" }, fields: ["text"], search: true }),
      // The statement's date, or its source's publication date when undated: the order statements are listed in.
      sortDate: given("date", true, { bundle: { field: "date", orSource: "publishedOn" }, index: "statement_sort_date" }),
      searchText,
      contentHash,
    },
  },
  Incident: {
    label: "Incident",
    prefix: "incident",
    kind: "derived",
    identifiable: false,
    mergeable: false,
    section: null,
    drawn: null,
    properties: {
      id: id("Incident"),
      date: { type: "date", optional: false, origin: "computed", fields: ["date"], index: "incident_date" },
      match: { type: "string", optional: false, origin: "computed", fields: ["match"] },
      ...tolls(false),
    },
  },
} as const satisfies { [L in NodeLabel]: NodeType & { label: L } };

export const nodeTypeList: readonly NodeType[] = Object.values(nodeTypes);

/** The labels an import writes: every type a bundle section gives, in write order. */
export type WriteLabel = { [L in NodeLabel]: (typeof nodeTypes)[L]["section"] extends null ? never : L }[NodeLabel];
export type EntityLabel = { [L in NodeLabel]: (typeof nodeTypes)[L]["kind"] extends "entity" ? L : never }[NodeLabel];
export type DocumentLabel = Exclude<WriteLabel, EntityLabel>;
/** The labels the explorer draws. */
export type DrawnLabel = { [L in NodeLabel]: (typeof nodeTypes)[L]["drawn"] extends null ? never : L }[NodeLabel];

export const writeLabels = nodeTypeList.filter((type) => type.section !== null).map((type) => type.label) as readonly WriteLabel[];
export const isEntityLabel = (label: NodeLabel): label is EntityLabel => nodeTypes[label].kind === "entity";

/** The explorer's node types, in the order of its legend and lists. */
export const drawnLabels = nodeTypeList
  .filter((type) => type.drawn !== null)
  .sort((a, b) => a.drawn! - b.drawn!)
  .map((type) => type.label) as readonly DrawnLabel[];

/** A label's properties of some origins, in catalogue order. */
export function propertiesOf(label: NodeLabel, ...origins: readonly PropertyOrigin[]): [string, NodeProperty][] {
  return Object.entries(nodeTypes[label].properties as Readonly<Record<string, NodeProperty>>).filter(([, property]) =>
    origins.includes(property.origin),
  );
}

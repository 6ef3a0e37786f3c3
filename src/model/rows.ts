/**
 * The data layer's own shapes: what repositories return after Neo4j values are converted.
 * Codegen maps GraphQL object types onto these (codegen.yml `mappers`), so resolvers only
 * implement the fields that differ from a row, typically relationships loaded on demand.
 */
import type {
  ActorKind,
  ClaimKind,
  DatePrecision,
  EstimateQualifier,
  EventCategory,
  EventRole,
  EventType,
  GeoPrecision,
  PlaceKind,
  Stance,
  VictimGroup,
} from "./enums.js";

/** What every node row has: its id, and the related rows fetched ahead with it (see repositories/lookAhead.ts). */
export interface NodeRowBase {
  id: string;
  /** Rows of relationship fields fetched in the same statement as this row, by `aheadKey(field, args)`. */
  ahead?: AheadRows;
}

/** A related node, with what the relationship adds to it (a participant's role, a quote's place in its source). */
export interface Related {
  node: NodeRow;
  datum: unknown;
}

export type AheadRows = ReadonlyMap<string, readonly Related[]>;

export interface ActorRow extends NodeRowBase {
  name: string;
  aliases: string[];
  kind: ActorKind;
  description: string | null;
  wikidataId: string | null;
  period: string | null;
  /** Ids merged into this actor (mergeNodes), each answering as it. */
  mergedIds: string[];
  /** Stored identifier keys, `scheme:value` (model/identifiers.ts); `wikidataId` apart. */
  identifiers: string[];
}

export interface PlaceRow extends NodeRowBase {
  name: string;
  aliases: string[];
  kind: PlaceKind;
  latitude: number | null;
  longitude: number | null;
  wikidataId: string | null;
  /** Ids merged into this place (mergeNodes), each answering as it. */
  mergedIds: string[];
  /** Stored identifier keys, `scheme:value` (model/identifiers.ts); `wikidataId` apart. */
  identifiers: string[];
}

export interface EstimateRow {
  low: number | null;
  high: number | null;
  qualifier: EstimateQualifier;
  /** The source's best estimate, where it gives one (absent or null when not). */
  best?: number | null;
}

/** One victim group's deaths, combined over the claims that count that group (model/eventAggregates.ts). */
export interface VictimTollRow {
  victims: VictimGroup;
  estimate: EstimateRow;
}

export interface EventRow extends NodeRowBase {
  title: string;
  category: EventCategory;
  type: EventType;
  date: string;
  /** The latest possible date, when stored (`Event.endDate` answers the last day of the interval otherwise). */
  endDate: string | null;
  datePrecision: DatePrecision;
  summary: string | null;
  /** Combined over its FATALITIES claims when the event was last written (model/eventAggregates.ts). */
  fatalities: EstimateRow | null;
  injuries: EstimateRow | null;
  /** Deaths per victim group, as stored with `fatalities`; absent when the row was read without them. */
  tolls?: VictimTollRow[];
  /** A responsibility claim is denied or disputed. */
  contested: boolean;
  /** Where it is located: its own coordinates, else its nearest located place's (graph/eventLocation.ts). */
  location: { latitude: number; longitude: number } | null;
  /** How precisely its own coordinates are known (the source's). */
  geoPrecision: GeoPrecision | null;
  /** How precisely `location` is known. */
  locationPrecision: GeoPrecision | null;
  /** The place whose point `location` is, when not the event's own. */
  locationPlaceId: string | null;
  /** Stored identifier keys, `scheme:value` (model/identifiers.ts). */
  identifiers: string[];
  /** UCDP's conflict and dyad ids, for a UCDP event. */
  ucdpConflictId: string | null;
  ucdpDyadId: string | null;
}

export type IncidentMatch = "SINGLE" | "AUTOMATIC" | "CURATED";

/** An incident as stored: its tolls combined over all its reports' claims when a report last changed. */
export interface IncidentRow extends NodeRowBase {
  date: string;
  match: IncidentMatch;
  fatalities: EstimateRow | null;
  injuries: EstimateRow | null;
  /** Only in linkIncident's answer: the earlier editors' decisions it undid about this incident's reports. */
  undone?: readonly string[];
  tolls: VictimTollRow[];
}

export interface ClaimRow extends NodeRowBase {
  kind: ClaimKind;
  text: string;
  estimate: EstimateRow | null;
  /** Whom a FATALITIES or INJURIES figure counts, as stored (absent means ALL). */
  victims: VictimGroup | null;
  /** The actor id whose combatants a COMBATANTS figure counts. */
  victimsOf: string | null;
}

export interface AgreementRow extends NodeRowBase {
  name: string;
  signedOn: string | null;
  datePrecision: DatePrecision | null;
  endsOn: string | null;
  summary: string | null;
}

export interface StatementRow extends NodeRowBase {
  date: string | null;
  datePrecision: DatePrecision | null;
  stance: Stance;
  text: string;
  /** `date`, or the carrying source's date when the statement is undated; the list order. */
  sortDate: string | null;
}

export interface SourceRow extends NodeRowBase {
  title: string;
  publishedOn: string | null;
  url: string | null;
  text: string | null;
}

export interface EvidenceRow {
  sourceId: string;
  quote: string;
  start: number;
  end: number;
}

export interface ParticipantRow {
  /** The event taken part in: with the actor and the role, the participation's identity. */
  eventId: string;
  actor: ActorRow;
  role: EventRole;
}

/** Any row that can stand for a GraphQL `Node`; its id prefix tells its type. */
export type NodeRow = ActorRow | PlaceRow | EventRow | ClaimRow | AgreementRow | StatementRow | SourceRow | IncidentRow;

export interface SearchHitRow {
  node: NodeRow;
  score: number;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** A relationship as traversals return it. */
export interface EdgeRow {
  type: string;
  from: string;
  to: string;
  role: EventRole | null;
}

export interface PathRow {
  length: number;
  nodes: NodeRow[];
  relationships: EdgeRow[];
}

export interface SubgraphRow {
  nodes: NodeRow[];
  edges: EdgeRow[];
  truncated: boolean;
}

export interface StatsBucketRow {
  key: string;
  /** Incidents, each once. */
  events: number;
  /** Event reports. */
  reports: number;
  fatalitiesLow: number;
  fatalitiesHigh: number | null;
  /** Per victim group some incident of the bucket counts: sums of the incidents' combined figures. */
  tolls: VictimTollRow[];
}

/** One interval of a time series, for one group when split (`key`, as StatsBucketRow's; null otherwise). */
export interface SeriesBucketRow extends Pick<StatsBucketRow, "events" | "reports" | "tolls"> {
  /** The interval's first day, YYYY-MM-DD. */
  start: string;
  key: string | null;
}

export interface CoInvolvementRow {
  actor: ActorRow;
  sharedEvents: number;
}

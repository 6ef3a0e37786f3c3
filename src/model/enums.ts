/**
 * The values of the schema's enums, once, as constants: the bundle format's validation (zod), the rows' types and
 * the write path take them from here. tests/unit/enums.test.ts checks each list against the schema (the API's truth).
 */

export const ACTOR_KINDS = [
  "STATE",
  "GOVERNMENT_BODY",
  "ARMED_FORCE",
  "ARMED_GROUP",
  "PERSON",
  "NGO",
  "MEDIA",
  "CIVIL_DEFENSE",
  "INTERNATIONAL_ORGANIZATION",
  "CIVILIANS",
  "OTHER",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const PLACE_KINDS = ["COUNTRY", "PROVINCE", "DISTRICT", "CITY", "TOWN", "VILLAGE", "SITE", "ZONE"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** ACLED's event categories, each with its sub-event types (EVENT_TYPES). */
export const ACLED_CATEGORIES = [
  "BATTLES",
  "EXPLOSIONS_REMOTE_VIOLENCE",
  "VIOLENCE_AGAINST_CIVILIANS",
  "PROTESTS",
  "RIOTS",
  "STRATEGIC_DEVELOPMENTS",
] as const;
export type AcledCategory = (typeof ACLED_CATEGORIES)[number];

/** UCDP's kinds of violence (its type_of_violence): an event of one of these has no ACLED type. */
export const UCDP_CATEGORIES = ["STATE_BASED_VIOLENCE", "NON_STATE_VIOLENCE", "ONE_SIDED_VIOLENCE"] as const;
export type UcdpCategory = (typeof UCDP_CATEGORIES)[number];

export const EVENT_CATEGORIES = [...ACLED_CATEGORIES, ...UCDP_CATEGORIES] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const isUcdpCategory = (category: string): category is UcdpCategory => (UCDP_CATEGORIES as readonly string[]).includes(category);

export const EVENT_TYPES = [
  "ARMED_CLASH",
  "GOVERNMENT_REGAINS_TERRITORY",
  "NON_STATE_ACTOR_OVERTAKES_TERRITORY",
  "AIR_DRONE_STRIKE",
  "SHELLING_ARTILLERY_MISSILE_ATTACK",
  "REMOTE_EXPLOSIVE_LANDMINE_IED",
  "SUICIDE_BOMB",
  "GRENADE",
  "CHEMICAL_WEAPON",
  "ATTACK",
  "ABDUCTION_FORCED_DISAPPEARANCE",
  "SEXUAL_VIOLENCE",
  "PEACEFUL_PROTEST",
  "PROTEST_WITH_INTERVENTION",
  "EXCESSIVE_FORCE_AGAINST_PROTESTERS",
  "VIOLENT_DEMONSTRATION",
  "MOB_VIOLENCE",
  "AGREEMENT",
  "ARRESTS",
  "LOOTING_PROPERTY_DESTRUCTION",
  "OTHER",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const DATE_PRECISIONS = ["DAY", "WEEK", "MONTH", "YEAR"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const GEO_PRECISIONS = ["TOWN", "NEAR_TOWN", "REGION"] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

export const EVENT_ROLES = ["PERPETRATOR", "TARGET", "VICTIM", "PARTICIPANT"] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

export const CLAIM_KINDS = ["FATALITIES", "INJURIES", "PERPETRATOR", "OTHER"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const ESTIMATE_QUALIFIERS = ["EXACT", "AT_LEAST", "ABOUT", "UP_TO", "RANGE", "UNKNOWN"] as const;
export type EstimateQualifier = (typeof ESTIMATE_QUALIFIERS)[number];

/** Whom a death or injury figure counts (a claim's `victims`; absent means ALL). */
export const VICTIM_GROUPS = ["CIVILIANS", "COMBATANTS", "UNKNOWN", "ALL"] as const;
export type VictimGroup = (typeof VICTIM_GROUPS)[number];

export const STANCES = ["CONDEMN", "ACCUSE", "DENY", "CALL_FOR", "REPORT", "AGREE", "OTHER"] as const;
export type Stance = (typeof STANCES)[number];

/** Who is calling, as the credentials say (auth/viewer.ts); each role has its own cost and rate limits. */
export const ROLES = ["ANONYMOUS", "READER", "EDITOR"] as const;
export type Role = (typeof ROLES)[number];
/** The intervals of a time series (`timeSeries`); weeks are ISO weeks, Monday to Sunday. */
export const TIME_INTERVALS = ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR"] as const;
export type TimeInterval = (typeof TIME_INTERVALS)[number];

/** Each list by the name of its enum in the schema. */
export const schemaEnums = {
  ActorKind: ACTOR_KINDS,
  PlaceKind: PLACE_KINDS,
  EventCategory: EVENT_CATEGORIES,
  EventType: EVENT_TYPES,
  DatePrecision: DATE_PRECISIONS,
  GeoPrecision: GEO_PRECISIONS,
  EventRole: EVENT_ROLES,
  ClaimKind: CLAIM_KINDS,
  EstimateQualifier: ESTIMATE_QUALIFIERS,
  Stance: STANCES,
  VictimGroup: VICTIM_GROUPS,
  Role: ROLES,
  TimeInterval: TIME_INTERVALS,
} as const;

/**
 * ACLED's codes and how they map onto the graph's vocabulary (see ../shared/DOMAIN.md and ACLED's codebook).
 * Sub-event types without a counterpart in `EventType` become OTHER; the row's own words survive in its source text.
 */
import type { ActorKind, DatePrecision, EventCategory, EventType, GeoPrecision } from "../../model/enums.js";

/**
 * The tables below are read with values from a file: they are Maps, so that a cell reading `constructor` or
 * `toString` finds nothing rather than Object's own.
 */
const table = <T>(entries: Record<string, T>): ReadonlyMap<string, T> => new Map(Object.entries(entries));

/** event_type -> category, and each of its sub_event_types -> event type (keys lower-case). */
const eventTypeEntries: Record<string, { category: EventCategory; subEvents: Record<string, EventType> }> = {
  battles: {
    category: "BATTLES",
    subEvents: {
      "armed clash": "ARMED_CLASH",
      "government regains territory": "GOVERNMENT_REGAINS_TERRITORY",
      "non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TERRITORY",
    },
  },
  "explosions/remote violence": {
    category: "EXPLOSIONS_REMOTE_VIOLENCE",
    subEvents: {
      "chemical weapon": "CHEMICAL_WEAPON",
      "air/drone strike": "AIR_DRONE_STRIKE",
      "suicide bomb": "SUICIDE_BOMB",
      "shelling/artillery/missile attack": "SHELLING_ARTILLERY_MISSILE_ATTACK",
      "remote explosive/landmine/ied": "REMOTE_EXPLOSIVE_LANDMINE_IED",
      grenade: "GRENADE",
    },
  },
  "violence against civilians": {
    category: "VIOLENCE_AGAINST_CIVILIANS",
    subEvents: {
      "sexual violence": "SEXUAL_VIOLENCE",
      attack: "ATTACK",
      "abduction/forced disappearance": "ABDUCTION_FORCED_DISAPPEARANCE",
    },
  },
  protests: {
    category: "PROTESTS",
    subEvents: {
      "peaceful protest": "PEACEFUL_PROTEST",
      "protest with intervention": "PROTEST_WITH_INTERVENTION",
      "excessive force against protesters": "EXCESSIVE_FORCE_AGAINST_PROTESTERS",
    },
  },
  riots: {
    category: "RIOTS",
    subEvents: { "violent demonstration": "VIOLENT_DEMONSTRATION", "mob violence": "MOB_VIOLENCE" },
  },
  "strategic developments": {
    category: "STRATEGIC_DEVELOPMENTS",
    subEvents: {
      agreement: "AGREEMENT",
      arrests: "ARRESTS",
      "change to group/activity": "OTHER",
      "disrupted weapons use": "OTHER",
      "headquarters or base established": "OTHER",
      "looting/property destruction": "LOOTING_PROPERTY_DESTRUCTION",
      "non-violent transfer of territory": "OTHER",
      other: "OTHER",
    },
  },
};

export const eventTypes: ReadonlyMap<string, { category: EventCategory; subEvents: ReadonlyMap<string, EventType> }> = new Map(
  Object.entries(eventTypeEntries).map(([name, { category, subEvents }]) => [name, { category, subEvents: table(subEvents) }]),
);

/** time_precision: 1 the day, 2 within about a week, 3 within about a month. */
export const timePrecisions = table<DatePrecision>({ "1": "DAY", "2": "WEEK", "3": "MONTH" });

/** geo_precision: 1 the town, 2 near the town or part of a region, 3 a larger region. */
export const geoPrecisions = table<GeoPrecision>({ "1": "TOWN", "2": "NEAR_TOWN", "3": "REGION" });

/**
 * inter1/inter2, as numeric codes (older exports) or words (newer ones): 1 state forces, 2 rebel groups,
 * 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
 */
const interKinds = table<ActorKind>({
  "1": "ARMED_FORCE",
  "2": "ARMED_GROUP",
  "3": "ARMED_GROUP",
  "4": "ARMED_GROUP",
  "5": "OTHER",
  "6": "OTHER",
  "7": "CIVILIANS",
  "8": "OTHER",
  "state forces": "ARMED_FORCE",
  "rebel group": "ARMED_GROUP",
  "rebel groups": "ARMED_GROUP",
  "political militia": "ARMED_GROUP",
  "political militias": "ARMED_GROUP",
  "identity militia": "ARMED_GROUP",
  "identity militias": "ARMED_GROUP",
  rioters: "OTHER",
  protesters: "OTHER",
  civilians: "CIVILIANS",
  "external/other forces": "OTHER",
});

/** The actor kind of an inter code; undefined for a code ACLED does not have. Empty or 0: no actor type given. */
export function kindOfInter(inter: string): ActorKind | null | undefined {
  const key = inter.trim().toLowerCase();
  if (key === "" || key === "0") return null;
  return interKinds.get(key);
}

const interNumbers = table<number>({
  "state forces": 1,
  "rebel group": 2,
  "rebel groups": 2,
  "political militia": 3,
  "political militias": 3,
  "identity militia": 4,
  "identity militias": 4,
  rioters: 5,
  protesters: 6,
  civilians: 7,
  "external/other forces": 8,
});

/** An inter code as ACLED's number (1 to 8), from the number or the words; null when none or unknown. */
export function interNumber(inter: string): number | null {
  const key = inter.trim().toLowerCase();
  if (/^[1-8]$/.test(key)) return Number(key);
  return interNumbers.get(key) ?? null;
}

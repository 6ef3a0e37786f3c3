/**
 * Event categories and sub-event types as their datasets write them, for people to read: ACLED's codebook
 * ("Explosions/Remote violence", "Air/drone strike") and UCDP's kinds of violence. The importers read the same words
 * in lower case (src/ingest/acled/acledCodes.ts); tests/unit/eventNames.test.ts holds the two, and the schema's
 * descriptions, to one another.
 */
import type { EventCategory, EventType } from "./enums.js";

export const EVENT_CATEGORY_NAMES: Readonly<Record<EventCategory, string>> = {
  BATTLES: "Battles",
  EXPLOSIONS_REMOTE_VIOLENCE: "Explosions/Remote violence",
  VIOLENCE_AGAINST_CIVILIANS: "Violence against civilians",
  PROTESTS: "Protests",
  RIOTS: "Riots",
  STRATEGIC_DEVELOPMENTS: "Strategic developments",
  STATE_BASED_VIOLENCE: "State-based violence",
  NON_STATE_VIOLENCE: "Non-state violence",
  ONE_SIDED_VIOLENCE: "One-sided violence",
};

export const EVENT_TYPE_NAMES: Readonly<Record<EventType, string>> = {
  ARMED_CLASH: "Armed clash",
  GOVERNMENT_REGAINS_TERRITORY: "Government regains territory",
  NON_STATE_ACTOR_OVERTAKES_TERRITORY: "Non-state actor overtakes territory",
  AIR_DRONE_STRIKE: "Air/drone strike",
  SHELLING_ARTILLERY_MISSILE_ATTACK: "Shelling/artillery/missile attack",
  REMOTE_EXPLOSIVE_LANDMINE_IED: "Remote explosive/landmine/IED",
  SUICIDE_BOMB: "Suicide bomb",
  GRENADE: "Grenade",
  CHEMICAL_WEAPON: "Chemical weapon",
  ATTACK: "Attack",
  ABDUCTION_FORCED_DISAPPEARANCE: "Abduction/forced disappearance",
  SEXUAL_VIOLENCE: "Sexual violence",
  PEACEFUL_PROTEST: "Peaceful protest",
  PROTEST_WITH_INTERVENTION: "Protest with intervention",
  EXCESSIVE_FORCE_AGAINST_PROTESTERS: "Excessive force against protesters",
  VIOLENT_DEMONSTRATION: "Violent demonstration",
  MOB_VIOLENCE: "Mob violence",
  AGREEMENT: "Agreement",
  ARRESTS: "Arrests",
  LOOTING_PROPERTY_DESTRUCTION: "Looting/property destruction",
  OTHER: "Other",
};

const own = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** A category's name as its dataset writes it; an unknown value (a newer server) as it came. */
export const eventCategoryName = (category: string): string => own(EVENT_CATEGORY_NAMES, category) ?? category;

/** A sub-event type's name as ACLED writes it; an unknown value as it came. */
export const eventTypeName = (type: string): string => own(EVENT_TYPE_NAMES, type) ?? type;

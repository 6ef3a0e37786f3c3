import { buildSchema, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { loadTypeDefs } from "../../src/graphql/schema.js";
import { eventTypes } from "../../src/ingest/acled/acledCodes.js";
import { ACLED_CATEGORIES, EVENT_TYPES } from "../../src/model/enums.js";
import { EVENT_CATEGORY_NAMES, EVENT_TYPE_NAMES, eventCategoryName, eventTypeName } from "../../src/model/eventNames.js";

const schema = buildSchema(loadTypeDefs());

describe("event categories and types as their datasets write them", () => {
  it("are the words the ACLED importer reads, ACLED's capitals kept", () => {
    for (const category of ACLED_CATEGORIES) {
      const name = EVENT_CATEGORY_NAMES[category];
      const entry = eventTypes.get(name.toLowerCase());
      expect(entry?.category, name).toBe(category);
      for (const [subEvent, type] of entry?.subEvents ?? []) {
        if (type !== "OTHER") expect(EVENT_TYPE_NAMES[type].toLowerCase(), subEvent).toBe(subEvent);
      }
    }
    expect(EVENT_TYPE_NAMES.AIR_DRONE_STRIKE).toBe("Air/drone strike");
    expect(EVENT_CATEGORY_NAMES.EXPLOSIONS_REMOTE_VIOLENCE).toBe("Explosions/Remote violence");
  });

  it("match the schema's description of each sub-event type", () => {
    const type = schema.getType("EventType");
    if (!isEnumType(type)) throw new Error("EventType is not an enum of the schema");
    for (const value of EVENT_TYPES.filter((name) => name !== "OTHER")) {
      const description = type.getValue(value)?.description ?? "";
      expect(description.toLowerCase().endsWith(`: ${EVENT_TYPE_NAMES[value].toLowerCase()}.`), `${value}: ${description}`).toBe(true);
    }
  });

  it("leave a value they do not know as it came, and never read Object's own keys", () => {
    expect(eventTypeName("SOMETHING_NEW")).toBe("SOMETHING_NEW");
    expect(eventCategoryName("constructor")).toBe("constructor");
    expect(eventCategoryName("STATE_BASED_VIOLENCE")).toBe("State-based violence");
  });
});

import { describe, expect, it } from "vitest";
import { eventTypes } from "../../src/ingest/acled/acledCodes.js";
import { acledRole } from "../../src/ingest/acled/acledRoles.js";

const armed = { kind: "ARMED_FORCE" as const, inter: 1 };
const rebels = { kind: "ARMED_GROUP" as const, inter: 2 };
const civilians = { kind: "CIVILIANS" as const, inter: 7 };
const protesters = { kind: "OTHER" as const, inter: 6 };
const rioters = { kind: "OTHER" as const, inter: 5 };

/**
 * Every ACLED event type and sub-event type (ACLED codebook 2023), with a typical actor1 and actor2 and the roles they
 * get: [event type, sub-event type, actor1, actor2, actor1's role, actor2's role].
 */
const table = [
  ["Battles", "Armed clash", armed, rebels, "PERPETRATOR", "TARGET"],
  ["Battles", "Government regains territory", armed, rebels, "PERPETRATOR", "TARGET"],
  ["Battles", "Non-state actor overtakes territory", rebels, armed, "PERPETRATOR", "TARGET"],
  ["Explosions/Remote violence", "Chemical weapon", armed, civilians, "PERPETRATOR", "VICTIM"],
  ["Explosions/Remote violence", "Air/drone strike", armed, civilians, "PERPETRATOR", "VICTIM"],
  ["Explosions/Remote violence", "Suicide bomb", rebels, armed, "PERPETRATOR", "TARGET"],
  ["Explosions/Remote violence", "Shelling/artillery/missile attack", armed, rebels, "PERPETRATOR", "TARGET"],
  ["Explosions/Remote violence", "Remote explosive/landmine/IED", rebels, civilians, "PERPETRATOR", "VICTIM"],
  ["Explosions/Remote violence", "Grenade", rebels, armed, "PERPETRATOR", "TARGET"],
  ["Violence against civilians", "Sexual violence", armed, civilians, "PERPETRATOR", "VICTIM"],
  ["Violence against civilians", "Attack", rebels, civilians, "PERPETRATOR", "VICTIM"],
  ["Violence against civilians", "Abduction/forced disappearance", rebels, { kind: null, inter: null }, "PERPETRATOR", "VICTIM"],
  ["Protests", "Peaceful protest", protesters, protesters, "PARTICIPANT", "PARTICIPANT"],
  ["Protests", "Protest with intervention", protesters, armed, "PARTICIPANT", "PARTICIPANT"],
  ["Protests", "Excessive force against protesters", armed, protesters, "PERPETRATOR", "VICTIM"],
  ["Protests", "Excessive force against protesters", protesters, armed, "VICTIM", "PERPETRATOR"],
  ["Riots", "Violent demonstration", rioters, armed, "PARTICIPANT", "PARTICIPANT"],
  ["Riots", "Violent demonstration", rioters, civilians, "PARTICIPANT", "VICTIM"],
  ["Riots", "Mob violence", rioters, civilians, "PARTICIPANT", "VICTIM"],
  ["Riots", "Mob violence", rioters, rioters, "PARTICIPANT", "PARTICIPANT"],
  ["Strategic developments", "Agreement", armed, rebels, "PARTICIPANT", "PARTICIPANT"],
  ["Strategic developments", "Arrests", armed, civilians, "PERPETRATOR", "VICTIM"],
  ["Strategic developments", "Arrests", armed, rebels, "PERPETRATOR", "TARGET"],
  ["Strategic developments", "Change to group/activity", rebels, rebels, "PARTICIPANT", "PARTICIPANT"],
  ["Strategic developments", "Disrupted weapons use", armed, rebels, "PARTICIPANT", "PARTICIPANT"],
  ["Strategic developments", "Headquarters or base established", rebels, rebels, "PARTICIPANT", "PARTICIPANT"],
  ["Strategic developments", "Looting/property destruction", rebels, civilians, "PERPETRATOR", "VICTIM"],
  ["Strategic developments", "Non-violent transfer of territory", armed, rebels, "PARTICIPANT", "PARTICIPANT"],
  ["Strategic developments", "Other", armed, rebels, "PARTICIPANT", "PARTICIPANT"],
] as const;

describe("ACLED roles", () => {
  it.each(table)("%s / %s: actor1 and actor2 get their codebook roles", (eventType, subEventType, actor1, actor2, role1, role2) => {
    const category = eventTypes.get(eventType.toLowerCase())!.category;
    expect(acledRole(category, subEventType, { index: 0, ...actor1 })).toBe(role1);
    expect(acledRole(category, subEventType, { index: 1, ...actor2 })).toBe(role2);
  });

  it("covers every sub-event type ACLED has", () => {
    const covered = new Set(table.map(([eventType, subEventType]) => `${eventType.toLowerCase()}/${subEventType.toLowerCase()}`));
    for (const [eventType, { subEvents }] of eventTypes) {
      for (const subEventType of subEvents.keys())
        expect(covered, `${eventType}/${subEventType}`).toContain(`${eventType}/${subEventType}`);
    }
  });

  it("never makes demonstrators perpetrators of their own protest or riot", () => {
    for (const [eventType, , actor1, , role1] of table) {
      if ((eventType === "Protests" || eventType === "Riots") && (actor1.inter === 5 || actor1.inter === 6))
        expect(role1).not.toBe("PERPETRATOR");
    }
  });
});

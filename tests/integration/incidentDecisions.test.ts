/**
 * Editors' incident decisions (issue 20, class 8), through HTTP: a keep-apart leaves the report an incident is named
 * after in it, whichever order the ids come in, so that an article's incident never ends up holding only ACLED's row;
 * and a decision that undoes an earlier one (a keep-apart splitting a join, a join of reports kept apart) says so in
 * `Incident.undone`. Every test has its own fictional country (ACLED rows create its places) and ids.
 */
import { describe, expect, it } from "vitest";
import { acledCsv, acledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { asEditor, importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

const server = useServer(keyEnvironment);

const acledEvent = (s: string) => `event:acled-TST${s}1`;
const articleEvent = (s: string) => `event:dec-${s}-a`;

/**
 * An ACLED row, and an article of its own publisher reporting the same strike in the same town: on the same day
 * (which matching joins into ACLED's incident), or a week later (which it leaves apart, for an editor to join).
 */
async function bothReports(s: string, date = "2021-03-12"): Promise<void> {
  expect((await importAcled(server, acledCsv([acledRecord(s)]))).errors).toBeUndefined();
  const data = await server.read(`query ($id: ID!) { event(id: $id) { places { id } } }`, { id: acledEvent(s) });
  const text = `An air strike hit the farmland, report ${s} said.`;
  const article = {
    source: { id: `source:dec-${s}`, title: `Report ${s}`, publishedOn: date, text, publisher: `actor:dec-${s}-agency` },
    actors: [{ id: `actor:dec-${s}-agency`, name: `Agency ${s}`, kind: "MEDIA" }],
    events: [
      {
        id: articleEvent(s),
        title: `Strike ${s}`,
        category: "EXPLOSIONS_REMOTE_VIOLENCE",
        type: "AIR_DRONE_STRIKE",
        date,
        datePrecision: "DAY",
        places: [data.event.places[0].id],
        quotes: [text],
      },
    ],
  };
  expect((await importBundle(server, article)).errors).toBeUndefined();
}

const LINK = `mutation ($ids: [ID!]!, $same: Boolean) { linkIncident(eventIds: $ids, same: $same) { id match reports { id } undone } }`;

async function link(ids: string[], same: boolean): Promise<{ id: string; match: string; reports: { id: string }[]; undone: string[] }[]> {
  const response = await server.graphql(LINK, { ids, same }, asEditor);
  expect(response.errors).toBeUndefined();
  return response.data!.linkIncident as never;
}

async function incidentOf(eventId: string): Promise<{ id: string; reports: { id: string }[]; undone: string[] }> {
  const data = await server.read(`query ($id: ID!) { event(id: $id) { incident { id reports { id } undone } } }`, { id: eventId });
  return data.event.incident as { id: string; reports: { id: string }[]; undone: string[] };
}

describe("keeping reports apart", () => {
  it("leaves the report an incident is named after in it, listed first or not", async () => {
    // An article's report joined by an editor into the incident named after it, then split off with ACLED's row first.
    const s = uniqueSuffix();
    await bothReports(s, "2021-03-19");
    expect((await incidentOf(articleEvent(s))).id).toBe(`incident:dec-${s}-a`);
    const joined = await link([articleEvent(s), acledEvent(s)], true);
    expect(joined).toEqual([
      {
        id: `incident:dec-${s}-a`,
        match: "CURATED",
        reports: expect.arrayContaining([{ id: acledEvent(s) }, { id: articleEvent(s) }]),
        undone: [],
      },
    ]);
    const split = await link([acledEvent(s), articleEvent(s)], false);
    expect(await incidentOf(articleEvent(s))).toEqual({ id: `incident:dec-${s}-a`, reports: [{ id: articleEvent(s) }], undone: [] });
    expect(await incidentOf(acledEvent(s))).toMatchObject({ id: `incident:acled-TST${s}1`, reports: [{ id: acledEvent(s) }] });
    expect(split.map((incident) => incident.id)).toEqual([`incident:acled-TST${s}1`, `incident:dec-${s}-a`]);

    // ACLED's row first, matched automatically into the incident named after it, split off with the article first.
    const t = uniqueSuffix();
    await bothReports(t);
    expect((await incidentOf(articleEvent(t))).id).toBe(`incident:acled-TST${t}1`);
    const apart = await link([articleEvent(t), acledEvent(t)], false);
    expect(await incidentOf(acledEvent(t))).toEqual({ id: `incident:acled-TST${t}1`, reports: [{ id: acledEvent(t) }], undone: [] });
    expect(await incidentOf(articleEvent(t))).toMatchObject({ id: `incident:dec-${t}-a`, reports: [{ id: articleEvent(t) }] });
    // Matching had joined them, not an editor: nothing of an editor's was undone.
    expect(apart.flatMap((incident) => incident.undone)).toEqual([]);
  });
});

describe("a decision that undoes an earlier one", () => {
  it("says so in its answer: a keep-apart that splits a join, and a join of reports kept apart", async () => {
    const s = uniqueSuffix();
    await bothReports(s, "2021-03-19");
    await link([articleEvent(s), acledEvent(s)], true);
    const split = await link([articleEvent(s), acledEvent(s)], false);
    const named = split.find((incident) => incident.id === `incident:dec-${s}-a`)!;
    expect(named.undone).toEqual([expect.stringMatching(new RegExp(`"${acledEvent(s)}" left incident "incident:dec-${s}-a".*undoes`))]);
    expect(split.find((incident) => incident.id !== named.id)!.undone).toEqual([]);

    const joined = await link([articleEvent(s), acledEvent(s)], true);
    expect(joined).toHaveLength(1);
    expect(joined[0]!.undone).toEqual([expect.stringMatching(/had been kept apart by an editor; this join undoes that decision/)]);
    // Only the answer carries it: a read of the same incident does not.
    expect((await incidentOf(articleEvent(s))).undone).toEqual([]);
    // The same decision again undoes nothing.
    expect((await link([articleEvent(s), acledEvent(s)], true))[0]!.undone).toEqual([]);
  });
});

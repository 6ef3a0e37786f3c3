/**
 * UCDP beside the article: the real UCDP GED rows of the Maarat al-Numan market strike (22 July 2019) and of the next
 * day in the same town (tests/fixtures/ucdp, CC BY 4.0), imported into the test graph that holds the seed article.
 * The strike must join the article's report as one incident, with UCDP's figures and UCDP's side A beside the
 * article's; the next day's row must stay apart. The join needs incident matching across datasets (issue 22 part 4:
 * UCDP's STATE_BASED_VIOLENCE compatible with the article's air strike), which the matching branch brings.
 * This file is the only one that imports these rows unchanged (their ids are UCDP's own).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useServer } from "../helpers/server.js";
import { importUcdp, ucdpCsv, ucdpRecord } from "../helpers/ucdp.js";
import { keyEnvironment } from "../helpers/writing.js";

const ARTICLE_EVENT = "event:2019-07-22-maarat-al-numan-market-airstrike";

const server = useServer(keyEnvironment);

beforeAll(async () => {
  const response = await importUcdp(server, ucdpCsv([ucdpRecord("303399"), ucdpRecord("303600")]));
  expect(response.errors).toBeUndefined();
});

const reportsOf = async (eventId: string): Promise<string[]> => {
  const { event } = await server.read(`query ($id: ID!) { event(id: $id) { incident { reports { id } } } }`, { id: eventId });
  return (event.incident.reports as { id: string }[]).map((report) => report.id).sort();
};

describe("the Maarat al-Numan market strike in UCDP and in the article", () => {
  it("is resolved onto the article's town and state", async () => {
    const { event } = await server.read(`query { event(id: "event:ucdp-303399") { places { id } participants { role actor { id } } } }`);
    expect(event.places).toEqual([{ id: "place:maarat-al-numan" }]);
    expect(event.participants).toContainEqual({ role: "PERPETRATOR", actor: { id: "actor:syria" } });
  });

  it("is one incident with the article's report, showing both datasets' figures and perpetrators", async () => {
    expect(await reportsOf("event:ucdp-303399")).toEqual([ARTICLE_EVENT, "event:ucdp-303399"].sort());
    const { event } = await server.read(
      `query ($id: ID!) { event(id: $id) { incident { reports { id perpetrators { id } claims { kind estimate { low high } assertedBy { id } } } } } }`,
      { id: ARTICLE_EVENT },
    );
    const reports = new Map((event.incident.reports as { id: string }[]).map((report) => [report.id, report]));
    expect(reports.get("event:ucdp-303399")).toMatchObject({
      perpetrators: [{ id: "actor:syria" }],
      claims: expect.arrayContaining([{ kind: "FATALITIES", estimate: { low: 25, high: 42 }, assertedBy: { id: "actor:ucdp" } }]),
    });
    expect(reports.get(ARTICLE_EVENT)).toMatchObject({
      claims: expect.arrayContaining([
        { kind: "FATALITIES", estimate: { low: 39, high: 39 }, assertedBy: { id: "actor:syria-civil-defence" } },
      ]),
    });
  });

  it("keeps the next day's UCDP row in the same town apart", async () => {
    expect(await reportsOf("event:ucdp-303600")).toEqual(["event:ucdp-303600"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatEstimate, type Estimate } from "../../web/client/explorer/model.js";
import { acledCsv, acledRecord } from "../helpers/acled.js";
import { openBrowser, VIEWPORTS, type BrowserSession } from "../helpers/browser.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

/**
 * An incident's reports side by side in the explorer. Through HTTP, as a curator would: an ACLED export of
 * two towns of a fictional country, then an article of its own publisher reporting the strike ACLED has in one
 * town (the server joins the two), and a strike in the other town where ACLED has two rows that day (the
 * server cannot tell which, and lists both as candidates).
 */
describe.each(VIEWPORTS)("incidents in the explorer, at $width x $height", { timeout: 90_000 }, (viewport) => {
  const s = uniqueSuffix();
  const joined = `event:inc-view-${s}-joined`;
  const ambiguous = `event:inc-view-${s}-ambiguous`;
  const acledId = (n: number) => `event:acled-TST${s}${n}`;
  const server = useServer(keyEnvironment);
  let session: BrowserSession;

  /** The article: a source of its own publisher, a civil-defence actor it quotes, and one strike. */
  function article(tag: string, place: string, killed: number) {
    const text = `Warplanes struck the market of the town, report ${tag} ${s} said. ${killed} civilians were killed, the civil defence said.`;
    return {
      source: {
        id: `source:inc-view-${s}-${tag}`,
        title: `Report ${tag} ${s}`,
        publishedOn: "2021-03-13",
        text,
        publisher: `actor:inc-view-${s}-agency`,
      },
      actors: [
        { id: `actor:inc-view-${s}-agency`, name: `Agency ${s}`, kind: "MEDIA" },
        { id: `actor:inc-view-${s}-rescuers`, name: `Civil Defence ${s}`, kind: "CIVIL_DEFENSE" },
      ],
      events: [
        {
          id: `event:inc-view-${s}-${tag}`,
          title: `Market strike ${tag} ${s}`,
          category: "EXPLOSIONS_REMOTE_VIOLENCE",
          type: "AIR_DRONE_STRIKE",
          date: "2021-03-12",
          datePrecision: "DAY",
          places: [place],
          quotes: [`Warplanes struck the market of the town, report ${tag} ${s} said.`],
        },
      ],
      claims: [
        {
          id: `claim:inc-view-${s}-${tag}-killed`,
          kind: "FATALITIES",
          text: `Civil defence: ${killed} killed.`,
          event: `event:inc-view-${s}-${tag}`,
          estimate: { low: killed, high: killed, qualifier: "EXACT" },
          assertedBy: `actor:inc-view-${s}-rescuers`,
          quotes: [`${killed} civilians were killed, the civil defence said.`],
        },
      ],
    };
  }

  async function read(query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
    const response = await server.graphql(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  const townOf = async (id: string): Promise<string> =>
    (await read(`query ($id: ID!) { event(id: $id) { places { id } } }`, { id })).event.places[0].id as string;

  beforeAll(async () => {
    const rows = acledCsv([
      acledRecord(s, { event_id_cnty: `TST${s}1`, location: `Kafr Zeta ${s}`, fatalities: "6" }),
      acledRecord(s, { event_id_cnty: `TST${s}2`, location: `Maarzaf ${s}`, fatalities: "1" }),
      acledRecord(s, { event_id_cnty: `TST${s}3`, location: `Maarzaf ${s}`, fatalities: "3" }),
    ]);
    expect((await importAcled(server, rows)).errors).toBeUndefined();
    expect((await importBundle(server, article("joined", await townOf(acledId(1)), 4))).errors).toBeUndefined();
    expect((await importBundle(server, article("ambiguous", await townOf(acledId(2)), 2))).errors).toBeUndefined();
    session = await openBrowser(viewport);
  });

  afterAll(async () => {
    await session?.close();
  });

  const details = () => session.page.getByRole("region", { name: "Details" });
  const flat = (text: string | null): string =>
    (text ?? "")
      .replace(/\s+/g, " ")
      .replace(/[\u2068\u2069]/g, "")
      .trim();
  const killed = (estimate: Estimate | null) => formatEstimate(estimate);

  it("shows the reports of a joined incident side by side: each source, its figures and its quotes, under the combined toll", async () => {
    const { page } = session;
    const { event } = await read(
      `query ($id: ID!) { event(id: $id) { incident { match fatalities { low high qualifier } injuries { low high qualifier }
        reports { id title claims { kind estimate { low high qualifier } source { title } } } } } }`,
      { id: joined },
    );
    const incident = event.incident;
    // The server joined the article's report and ACLED's row; the page shows what the API says of them.
    expect(incident.match).toBe("AUTOMATIC");
    expect(incident.reports.map((report: { id: string }) => report.id).sort()).toEqual([acledId(1), joined].sort());

    await page.goto(`${server.url}/explore?node=${encodeURIComponent(joined)}`);
    await expect.poll(() => details().getByRole("heading", { name: "Reports of this incident" }).count(), { timeout: 15_000 }).toBe(1);
    expect(flat(await details().locator(".incident-toll").textContent())).toContain(`Incident toll: ${killed(incident.fatalities)} killed`);

    const table = details().getByRole("region", { name: "Reports side by side" }).getByRole("table");
    const columns = flat(await table.locator("thead").textContent());
    for (const report of incident.reports as { id: string; title: string }[]) expect(columns).toContain(report.title);
    expect(columns).toContain(`Market strike joined ${s} (this report)`);
    // One column per report, in the API's order; each report's figures and its sources in its own column.
    const cells = async (row: string): Promise<string[]> =>
      (
        await table
          .getByRole("row")
          .filter({ has: page.getByRole("rowheader", { name: row, exact: true }) })
          .getByRole("cell")
          .allTextContents()
      ).map(flat);
    const order = incident.reports as { id: string; claims: { kind: string; estimate: Estimate; source: { title: string } }[] }[];
    const killedCells = await cells("Killed");
    const sourceCells = await cells("Source");
    expect(killedCells).toHaveLength(2);
    order.forEach((report, index) => {
      const figures = report.claims.filter((claim) => claim.kind === "FATALITIES");
      expect(figures.length).toBeGreaterThan(0);
      for (const claim of figures) {
        expect(killedCells[index]).toContain(formatEstimate(claim.estimate));
        expect(sourceCells[index]).toContain(claim.source.title);
      }
    });
    expect(killedCells[order.findIndex((report) => report.id === joined)]).toContain(`4, according to Civil Defence ${s}`);
    // Each report's quotes sit in its column.
    const quoteCells = table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Quotes", exact: true }) })
      .getByRole("cell");
    for (const index of [0, 1]) expect(await quoteCells.nth(index).locator("blockquote").count()).toBeGreaterThan(0);
    expect(flat(await quoteCells.nth(order.findIndex((report) => report.id === joined)).textContent())).toContain(
      "4 civilians were killed, the civil defence said.",
    );
    await table.scrollIntoViewIfNeeded();
    await session.screenshot("explorer-incident-reports");

    // The other report opens from its column, and shows the same incident from its side.
    const acledTitle = order.find((report) => report.id === acledId(1)) as unknown as { title: string };
    await table.locator("thead").getByRole("button", { name: acledTitle.title }).click();
    await expect.poll(() => details().getByRole("heading", { level: 2 }).textContent(), { timeout: 15_000 }).toBe(acledTitle.title);
    await expect
      .poll(async () => flat(await details().getByRole("table").locator("thead").textContent()), { timeout: 15_000 })
      .toContain(`${acledTitle.title} (this report)`);
    expect(session.errors).toEqual([]);
  });

  it("lists the incidents a report could be when two fit, for an editor to decide", async () => {
    const { page } = session;
    const { event } = await read(
      `query ($id: ID!) { event(id: $id) { incident { reports { id } } incidentCandidates { id reports { id title } } } }`,
      {
        id: ambiguous,
      },
    );
    expect(event.incident.reports).toEqual([{ id: ambiguous }]);
    const candidates = event.incidentCandidates as { id: string; reports: { id: string; title: string }[] }[];
    expect(candidates.flatMap((candidate) => candidate.reports.map((report) => report.id)).sort()).toEqual([acledId(2), acledId(3)].sort());

    await page.goto(`${server.url}/explore?node=${encodeURIComponent(ambiguous)}`);
    await expect.poll(() => details().getByRole("heading", { name: "Could be the same incident as" }).count(), { timeout: 15_000 }).toBe(1);
    // A report alone in its incident has no table of reports.
    expect(await details().getByRole("heading", { name: "Reports of this incident" }).count()).toBe(0);
    const listed = details().locator("li.candidate");
    expect(await listed.evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { id: string } }).dataset.id))).toEqual(
      candidates.map((candidate) => candidate.id),
    );
    // Each candidate's reports, as links (ACLED titles two strikes in one town alike, so by id).
    for (const candidate of candidates)
      for (const report of candidate.reports)
        expect(flat(await listed.locator(`button[data-id="${report.id}"]`).textContent())).toBe(report.title);
    await listed.last().scrollIntoViewIfNeeded();
    await session.screenshot("explorer-incident-candidates");
    expect(session.errors).toEqual([]);
  });

  it("says so, without failing, when linked to an incident itself, which it shows inside its reports", async () => {
    const { page } = session;
    const { event } = await read(`query ($id: ID!) { event(id: $id) { incident { id } } }`, { id: joined });
    await page.goto(`${server.url}/explore?node=${encodeURIComponent(event.incident.id as string)}`);
    await expect
      .poll(async () => flat(await details().textContent()), { timeout: 15_000 })
      .toContain(`Nothing to show for ${event.incident.id}`);
    expect(session.errors).toEqual([]);
  });
});

import type { Core } from "cytoscape";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, VIEWPORTS, type BrowserSession } from "../helpers/browser.js";
import { uniqueSuffix, writeTestBundle } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";

interface PageGlobals {
  cy: Core;
  document: {
    querySelectorAll: (
      selector: string,
    ) => { textContent: string | null; tagName: string; parentElement: { textContent: string | null } | null }[];
  };
}

/**
 * Names the explorer must tell apart or keep from reordering the page: three places called "Idleb <s>" (the
 * province, its district and the district's city, as ACLED names them), an event in the city, an actor whose
 * name holds a right-to-left override, and a chain of membership (brigade -> army -> state).
 * The test writes its own (so it runs with the tests that write).
 */
describe.each(VIEWPORTS)("names in the explorer, at $width x $height", { timeout: 90_000 }, (viewport) => {
  const s = uniqueSuffix();
  const idleb = `Idleb ${s}`;
  const override = `\u202E${s} brigade`;
  const server = useServer();
  let session: BrowserSession;

  beforeAll(async () => {
    await writeTestBundle({
      source: { id: `source:names-${s}`, title: `Names ${s}`, text: `A report on Idleb ${s}: shelling hit the city.` },
      actors: [
        { id: `actor:names-${s}-state`, name: `State ${s}`, kind: "STATE" },
        { id: `actor:names-${s}-army`, name: `Army ${s}`, kind: "ARMED_FORCE", partOf: [`actor:names-${s}-state`] },
        { id: `actor:names-${s}-brigade`, name: override, kind: "ARMED_GROUP", partOf: [`actor:names-${s}-army`] },
      ],
      places: [
        { id: `place:names-${s}-province`, name: idleb, kind: "PROVINCE" },
        { id: `place:names-${s}-district`, name: idleb, kind: "DISTRICT", parent: `place:names-${s}-province` },
        { id: `place:names-${s}-city`, name: idleb, kind: "CITY", parent: `place:names-${s}-district` },
      ],
      events: [
        {
          id: `event:names-${s}-shelling`,
          title: `Shelling ${s}`,
          category: "EXPLOSIONS_REMOTE_VIOLENCE",
          type: "SHELLING_ARTILLERY_MISSILE_ATTACK",
          date: "2020-02-02",
          datePrecision: "DAY",
          places: [`place:names-${s}-city`],
          participants: [{ actor: `actor:names-${s}-army`, role: "PERPETRATOR" }],
          quotes: ["shelling hit the city"],
        },
      ],
    });
    session = await openBrowser(viewport);
    await session.page.goto(`${server.url}/explore`);
  });

  afterAll(async () => {
    await session?.close();
  });

  const labels = {
    province: `${idleb} (province)`,
    district: `${idleb} (district, ${idleb})`,
    city: `${idleb} (city, ${idleb})`,
  };
  const details = () => session.page.getByRole("region", { name: "Details" });
  const flat = (texts: string[]): string[] =>
    texts.map((text) =>
      text
        .replace(/\s+/g, " ")
        .replace(/[\u2068\u2069]/g, "")
        .trim(),
    );

  it("labels places with their kind and enclosing place, in the search hits, the drawing and the list", async () => {
    const { page } = session;
    const box = page.getByRole("searchbox", { name: "Search" });
    await box.fill(idleb);
    const hits = page.getByRole("list", { name: "Search results" }).getByRole("button");
    await expect.poll(() => hits.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const hitTexts = flat(await hits.allInnerTexts()).filter((text) => text.startsWith(idleb));
    // Each hit: the label, then the node's type.
    expect(hitTexts.sort()).toEqual(
      Object.values(labels)
        .map((label) => `${label} Place`)
        .sort(),
    );
    await session.screenshot("explorer-same-name-hits");

    await box.press("Enter");
    const expected = Object.values(labels);
    const listed = page.locator("#node-list .node-label");
    await expect
      .poll(async () => (await listed.allInnerTexts()).filter((text) => text.startsWith(idleb)).sort(), { timeout: 15_000 })
      .toEqual([...expected].sort());
    const drawn = await page.evaluate(
      (name) =>
        (globalThis as unknown as PageGlobals).cy
          .nodes()
          .filter((node) => String(node.data("name")) === name)
          .map((node) => String(node.data("label")).replace(/[\u2068\u2069]/g, "")),
      idleb,
    );
    expect(drawn.sort()).toEqual([...expected].sort());
    await session.screenshot("explorer-same-name-drawn");
  });

  it("isolates names, so that a right-to-left override in one cannot reorder the text after it", async () => {
    const { page } = session;
    const box = page.getByRole("searchbox", { name: "Search" });
    await box.fill(`${s} brigade`);
    await box.press("Enter");
    const list = page.locator("#node-list");
    await expect.poll(async () => (await list.innerText()).includes(override), { timeout: 15_000 }).toBe(true);
    // Every name on the page (list, search hits, details, path panel) sits in its own <bdi>.
    // The list fills before the details panel: wait until both hold the name.
    const isolatedNames = () =>
      page.evaluate(
        (name) =>
          Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll("bdi")).filter(
            (element) => element.textContent === name,
          ).length,
        override,
      );
    await expect.poll(isolatedNames, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    // The details heading and the list's entry hold the name whole and nothing else inside the isolate.
    await expect.poll(() => page.locator("#details h2 bdi").textContent(), { timeout: 15_000 }).toBe(override);
    // Messages built as text set the name apart with FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE.
    await expect.poll(() => page.locator("#message").textContent(), { timeout: 15_000 }).toContain(`\u2068${override}\u2069`);
    await session.screenshot("explorer-bidi-name");
  });

  it("labels an event's places and a place's page, its enclosing places included, the same way", async () => {
    const { page } = session;
    await page.goto(`${server.url}/explore?node=${encodeURIComponent(`event:names-${s}-shelling`)}`);
    const places = details()
      .locator("dt", { hasText: /^Places$/ })
      .locator("+ dd");
    await expect.poll(async () => flat([await places.innerText()]), { timeout: 15_000 }).toEqual([labels.city]);
    await session.screenshot("explorer-event-place-label");

    await places.getByRole("button").click();
    await expect.poll(() => details().getByRole("heading", { level: 2 }).textContent(), { timeout: 15_000 }).toBe(idleb);
    expect(await details().locator(".details-qualifier").textContent()).toBe(`city, ${idleb}`);
    const within = details()
      .locator("dt", { hasText: /^Within$/ })
      .locator("+ dd")
      .getByRole("button");
    expect(flat(await within.allInnerTexts())).toEqual([labels.district, labels.province]);
    await session.screenshot("explorer-place-page-labels");
  });

  it("shows an actor's membership chain, nearest body first, each a link, and a body's members", async () => {
    const { page } = session;
    await page.goto(`${server.url}/explore?node=${encodeURIComponent(`actor:names-${s}-brigade`)}`);
    const chain = details().getByRole("list", { name: /^Membership chain of / });
    await expect
      .poll(async () => flat(await chain.getByRole("listitem").allInnerTexts()), { timeout: 15_000 })
      .toEqual([override, `Army ${s}`, `State ${s}`]);
    expect(await chain.count()).toBe(1);
    expect(flat(await chain.getByRole("button").allInnerTexts())).toEqual([`Army ${s}`, `State ${s}`]);
    await session.screenshot("explorer-membership-chain");

    await chain.getByRole("button", { name: `Army ${s}` }).click();
    await expect.poll(() => details().getByRole("heading", { level: 2 }).textContent(), { timeout: 15_000 }).toBe(`Army ${s}`);
    expect(
      flat(
        await details()
          .getByRole("list", { name: /^Membership chain of / })
          .getByRole("listitem")
          .allInnerTexts(),
      ),
    ).toEqual([`Army ${s}`, `State ${s}`]);
    const members = details()
      .locator("dt", { hasText: /^Members$/ })
      .locator("+ dd")
      .getByRole("button");
    expect(flat(await members.allInnerTexts())).toEqual([override]);
    await members.click();
    await expect.poll(() => details().getByRole("heading", { level: 2 }).textContent(), { timeout: 15_000 }).toBe(override);
    expect(session.errors).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { playgroundTabs } from "../../web/build/recipes.js";
import { openBrowser, VIEWPORTS, type BrowserSession } from "../helpers/browser.js";
import { useServer } from "../helpers/server.js";

const tabs = playgroundTabs(readFileSync(join(projectRoot, "docs", "recipes.md"), "utf8"));

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} is not shown`);
  return found;
}

/**
 * Whether the window shows the element at each corner of its box (just inside): what is hit there is the element, a
 * part of it, or what holds it (its line's box), never something else drawn over it.
 */
async function uncovered(page: Page, locator: Locator): Promise<boolean> {
  const { x, y, width, height } = await box(locator);
  const corners: [number, number][] = [
    [x + 1, y + 1],
    [x + width - 1, y + 1],
    [x + 1, y + height - 1],
    [x + width - 1, y + height - 1],
  ];
  const handle = await locator.elementHandle();
  return page.evaluate(
    ([element, points]) => {
      const { document } = globalThis as unknown as { document: { elementFromPoint(x: number, y: number): unknown } };
      type Hit = { contains(other: unknown): boolean } | null;
      const self = element as unknown as NonNullable<Hit>;
      return (points as readonly (readonly [number, number])[]).every(([px, py]) => {
        const hit = document.elementFromPoint(px, py) as Hit;
        return hit !== null && (self.contains(hit) || hit.contains(self));
      });
    },
    [handle, corners] as const,
  );
}

/** The playground's room: a menu of every tab, the query editor's width, and the header's links left clear. */
describe.each(VIEWPORTS)("the playground's layout, at $width x $height", { timeout: 90_000 }, (viewport) => {
  const server = useServer();
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser(viewport);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("lists every tab in a menu that switches to it, and shows more of the tab bar's titles", async () => {
    const { page } = session;
    await page.goto(`${server.url}/graphql`);
    const tabButtons = page.getByRole("tablist").getByRole("tab");
    await expect.poll(() => tabButtons.count(), { timeout: 30_000 }).toBe(tabs.length);
    await expect.poll(() => page.locator(".graphiql-query-editor").innerText(), { timeout: 30_000 }).toContain(tabs[0]!.operationName);

    const menu = page.getByRole("combobox", { name: `All tabs (${tabs.length})` });
    expect(await menu.isVisible()).toBe(true);
    expect(await menu.locator("option").allInnerTexts()).toEqual(tabs.map((tab, index) => `${index + 1}. ${tab.title}`));

    // Choosing the last question opens its tab, far past the end of the bar.
    const last = tabs.length - 1;
    await menu.selectOption(String(last));
    await expect.poll(() => tabButtons.nth(last).getAttribute("aria-selected"), { timeout: 10_000 }).toBe("true");
    await expect.poll(() => page.locator(".graphiql-query-editor").innerText(), { timeout: 15_000 }).toContain(tabs[last]!.operationName);
    expect(await menu.inputValue()).toBe(String(last));
    // A click on a tab moves the menu along with it.
    await tabButtons.nth(0).click();
    await expect.poll(() => menu.inputValue(), { timeout: 10_000 }).toBe("0");

    // Whole titles in the bar: at least 3 in a wide window (2 and a half before), at least one in a small one.
    const bar = await box(page.getByRole("tablist"));
    const whole = (await Promise.all((await tabButtons.all()).map((tab) => tab.boundingBox()))).filter(
      (tab) => tab !== null && tab.x >= bar.x - 1 && tab.x + tab.width <= bar.x + bar.width + 1,
    );
    expect(whole.length).toBeGreaterThanOrEqual(viewport.width >= 1400 ? 3 : 1);
    // A tab cut short still says its whole question when pointed at.
    expect(await page.locator("button.graphiql-tab-button").nth(1).getAttribute("title")).toBe(tabs[1]!.title);
    await session.screenshot("playground-tab-menu");
    expect(session.errors).toEqual([]);
  });

  it("gives the query editor at least half the window's width, with the result as wide below it", async () => {
    const { page } = session;
    const editor = await box(page.locator(".graphiql-query-editor"));
    const response = await box(page.locator(".graphiql-response"));
    expect(editor.width).toBeGreaterThanOrEqual(viewport.width / 2);
    expect(response.width).toBeGreaterThanOrEqual(viewport.width / 2);
    expect(response.y).toBeGreaterThanOrEqual(editor.y + editor.height - 1);
    expect(editor.height).toBeGreaterThanOrEqual(12 * 19);
  });

  it("leaves the header's name and Explorer link clear of the editor and the tabs", async () => {
    const { page } = session;
    const link = page.getByRole("link", { name: "Explorer" });
    const title = page.locator(".playground-title");
    for (const [name, element] of [
      ["Explorer link", link],
      ["title", title],
    ] as const) {
      const shown = await box(element);
      expect(shown.y + shown.height, name).toBeLessThanOrEqual(viewport.height);
      for (const other of [".graphiql-editors", ".graphiql-response", ".playground-tab-menu", ".graphiql-tab-add"]) {
        expect(overlap(shown, await box(page.locator(other))), `${name} / ${other}`).toBe(false);
      }
      expect(await uncovered(page, element), name).toBe(true);
    }
    await link.click();
    await page.waitForURL(`${server.url}/explore`);
    expect(await page.title()).toMatch(/explorer/);
  });
});

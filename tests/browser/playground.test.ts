import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { parseRecipes } from "../../web/build/recipes.js";
import { foreignRequests, openBrowser, VIEWPORTS, type BrowserSession } from "../helpers/browser.js";
import { useServer } from "../helpers/server.js";

const recipes = parseRecipes(readFileSync(join(projectRoot, "docs", "recipes.md"), "utf8"));

describe.each(VIEWPORTS)("the playground at GET /graphql, at $width x $height", { timeout: 90_000 }, (viewport) => {
  const server = useServer();
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser(viewport);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("opens GraphiQL with a tab per recipe, runs the first as it is, and asks nothing of any other host", async () => {
    const { page } = session;
    const navigation = await page.goto(`${server.url}/graphql`);
    expect(navigation?.status()).toBe(200);
    expect(navigation?.headers()["content-type"]).toMatch(/^text\/html/);

    const tabs = page.getByRole("tablist").getByRole("tab");
    await expect.poll(() => tabs.count(), { timeout: 30_000 }).toBe(recipes.length);
    // Each tab is titled with its recipe's question.
    expect(await tabs.allInnerTexts()).toEqual(recipes.map((recipe) => recipe.title));
    // The documentation explorer is open beside the editor.
    await expect.poll(() => page.locator(".graphiql-doc-explorer").isVisible(), { timeout: 10_000 }).toBe(true);
    const headers = page.getByRole("region", { name: "Headers" }).locator(".graphiql-editor:not(.hidden)");
    if (viewport.height >= 720) {
      // With room for it, the headers editor is open, ready for an editor key.
      await expect.poll(() => headers.isVisible(), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => headers.innerText(), { timeout: 10_000 }).toContain("{}");
    }
    // Monaco has loaded the first tab's query (Execute does nothing before that).
    await expect.poll(() => page.locator(".graphiql-query-editor").innerText(), { timeout: 30_000 }).toContain("totalCount");
    // The query and its result each have room: a dozen lines of query, and a result as wide as the query.
    const query = await page.locator(".graphiql-query-editor").boundingBox();
    const response = await page.locator(".graphiql-response").boundingBox();
    expect(query?.height).toBeGreaterThanOrEqual(12 * 19);
    expect(query?.width).toBeGreaterThanOrEqual(360);
    expect(response?.width).toBeGreaterThanOrEqual(360);
    expect(response?.height).toBeGreaterThanOrEqual(150);
    await session.screenshot("playground-opened");

    const posted = page.waitForResponse(
      (response: Response) =>
        response.url() === `${server.url}/graphql` &&
        response.request().method() === "POST" &&
        !response.request().postData()?.includes("IntrospectionQuery"),
    );
    await page.getByRole("button", { name: /^Execute query/ }).click();
    const body = (await (await posted).json()) as { data?: { events?: { totalCount: number } } };
    expect(body.data?.events?.totalCount).toBe(4);

    const result = page.getByRole("region", { name: "Result Window" });
    // Monaco wraps long lines and draws spaces as no-break spaces; compare words, not layout.
    const shownText = async (): Promise<string> => (await result.innerText()).replace(/\s+/g, " ");
    await expect.poll(shownText, { timeout: 15_000 }).toContain('"totalCount": 4');
    // A small window shows the start of the result; a large one gets as far as the figures.
    if (viewport.height >= 720) expect(await shownText()).toContain('"qualifier": "EXACT"');
    // Running a tab (which makes GraphiQL recompute its title) keeps the question as its title.
    expect(await tabs.allInnerTexts()).toEqual(recipes.map((recipe) => recipe.title));
    await session.screenshot("playground-first-tab-run");

    expect(foreignRequests(session.requests, server.url)).toEqual([]);
    expect(session.requests.length).toBeGreaterThan(3);
    expect(session.errors).toEqual([]);
  });

  it("still answers API clients at /graphql: JSON GETs and POSTs reach Apollo", async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(get.headers.get("content-type")).toMatch(/json/);
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
    const post = await server.graphql("{ __typename }");
    expect(post.data).toEqual({ __typename: "Query" });
  });
});

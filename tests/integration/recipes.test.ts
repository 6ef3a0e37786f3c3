import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useServer } from "../helpers/server.js";

/** Each `## ` section of docs/recipes.md: its title, first graphql block and first json block. */
function recipes(): { title: string; query: string; expected: unknown }[] {
  const markdown = readFileSync(new URL("../../docs/recipes.md", import.meta.url), "utf8");
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((section) => {
      const title = section.split("\n")[0] ?? "";
      const query = /```graphql\n([\s\S]*?)```/.exec(section)?.[1];
      const expected = /```json\n([\s\S]*?)```/.exec(section)?.[1];
      if (!query || !expected) throw new Error(`Recipe "${title}" needs a graphql block and a json block`);
      return { title, query, expected: JSON.parse(expected) as unknown };
    });
}

describe("docs/recipes.md", () => {
  const server = useServer();

  it("holds at least ten recipes", () => {
    expect(recipes().length).toBeGreaterThanOrEqual(10);
  });

  it.each(recipes())("$title", async ({ query, expected }) => {
    const response = await server.graphql(query);
    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject(expected as Record<string, unknown>);
  });
});

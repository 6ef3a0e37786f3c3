/**
 * Each setting is declared once, in src/config.ts (name, type, default, meaning): the README's table is generated
 * from the declarations, and what docker-compose.yml and docs/deploy.md set or name is one of them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { settingsRows, TABLE_END, TABLE_START } from "../../scripts/settingsTable.js";
import { loadConfig, settings } from "../../src/config.js";
import { ErrorCode } from "../../src/errors.js";
import { projectRoot } from "../../src/paths.js";

const read = (file: string) => readFileSync(join(projectRoot, file), "utf8");
const declared = new Set(Object.keys(settings));

/** The rows of the README's generated table, as cells. */
function readmeRows(): string[][] {
  const readme = read("README.md");
  const section = readme.slice(readme.indexOf(TABLE_START), readme.indexOf(TABLE_END));
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) =>
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
}

describe("the settings", () => {
  it("are the README's table, row for row (npx tsx scripts/settingsTable.ts rewrites it)", () => {
    expect(readmeRows()).toEqual(settingsRows());
    expect(readmeRows().length).toBe(declared.size);
  });

  it("are the ones loadConfig reads: each default is the value the declaration shows", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j.queryTimeoutMs).toBe(10_000);
    expect(config.limits.cost).toEqual({ ANONYMOUS: 10_000, READER: 50_000, EDITOR: 50_000 });
    expect(config.seedOnStart).toBe(true);
    expect(config.auth.readRequiresKey).toBe(false);
    expect(config.neo4j.uri).toBeNull();
    for (const [name, setting] of Object.entries(settings)) {
      const parsed = setting.schema.safeParse(undefined);
      expect(parsed.success, name).toBe(true);
      const shown = /^`(.*)`$/.exec(setting.shownDefault)?.[1];
      if (shown !== undefined) expect(String(parsed.data), name).toBe(shown);
      else expect(parsed.data === undefined || parsed.data === "", name).toBe(true);
    }
  });

  it("refuse a bad value by its name", () => {
    expect(() => loadConfig({ NEO4J_QUERY_TIMEOUT_MS: "soon" })).toThrow(/NEO4J_QUERY_TIMEOUT_MS/);
    expect(() => loadConfig({ READ_REQUIRES_KEY: "yes" })).toThrow(/READ_REQUIRES_KEY/);
  });

  it("take CORS_ORIGINS as exact origins, none by default, and refuse anything a browser's Origin would never equal", () => {
    expect(loadConfig({}).http.corsOrigins).toEqual([]);
    expect(
      loadConfig({ CORS_ORIGINS: " https://app.example.org , http://localhost:5173,https://app.example.org" }).http.corsOrigins,
    ).toEqual(["https://app.example.org", "http://localhost:5173"]);
    expect(loadConfig({ CORS_ORIGINS: "http://[::1]:8080" }).http.corsOrigins).toEqual(["http://[::1]:8080"]);
    const refusals: [string, RegExp][] = [
      ["https://app.example.org/", /write "https:\/\/app\.example\.org"/],
      ["https://app.example.org/app", /write "https:\/\/app\.example\.org"/],
      ["https://App.Example.org", /write "https:\/\/app\.example\.org"/],
      ["https://app.example.org:443", /write "https:\/\/app\.example\.org"/],
      ["https://user@app.example.org", /write "https:\/\/app\.example\.org"/],
      ["*", /"\*" is not an http or https origin .*wildcards are not accepted/],
      ["app.example.org", /"app\.example\.org" is not an http or https origin/],
      ["ftp://app.example.org", /is not an http or https origin/],
      ["null", /"null" is not an http or https origin/],
    ];
    for (const [value, message] of refusals) {
      expect(() => loadConfig({ CORS_ORIGINS: `http://localhost:5173,${value}` }), value).toThrow(/CORS_ORIGINS: /);
      expect(() => loadConfig({ CORS_ORIGINS: value }), value).toThrow(message);
    }
  });

  it("are all that docker-compose.yml sets for the API", () => {
    const compose = read("docker-compose.yml");
    const api = compose.slice(compose.indexOf("\n  api:"), compose.indexOf("\nvolumes:"));
    const environment = [...api.matchAll(/^ {6}([A-Z][A-Z0-9_]+):/gm)].map((match) => match[1]!);
    expect(environment.length).toBeGreaterThan(3);
    expect(environment.filter((name) => !declared.has(name))).toEqual([]);
  });

  it("are, with the local Neo4j's and Redis's own (which neo4j-local/ and redis-local/ read), all that .env.example sets", () => {
    const local = read("neo4j-local/localNeo4j.ts") + read("redis-local/localRedis.ts");
    const names = [...read(".env.example").matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((name) => !declared.has(name) && !local.includes(name))).toEqual([]);
  });

  it("are all that docs/deploy.md names (a `PREFIX_*` names at least one)", () => {
    const codes = new Set<string>(Object.values(ErrorCode));
    const names = [...read("docs/deploy.md").matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]*\*?/g)].map((match) => match[0]);
    const unknown = names.filter((name) =>
      name.endsWith("*") || name.endsWith("_")
        ? ![...declared].some((setting) => setting.startsWith(name.replace(/\*$/, "")))
        : !declared.has(name) && !codes.has(name),
    );
    expect(names.length).toBeGreaterThan(10);
    expect(unknown).toEqual([]);
  });
});

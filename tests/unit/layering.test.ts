/**
 * The layers of src/, and the imports between them: every relative import of a file points to its own part or to a
 * part of a lower layer, never up, and never to a part beside it in the same layer. Two rules keep GraphQL at the
 * edge: only src/graphql/, src/http/ and src/app.ts import `graphql` or Apollo, and nothing outside src/graphql/
 * imports the generated types (the model's own types serve below it).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const src = resolve(import.meta.dirname, "../../src");

/**
 * Lowest first. A part is a folder of src/ (`db`), a file at its top (`config`), or, in src/ingest/, a stage's folder
 * or file (`ingest/write`, `ingest/draft`), since the write path's stages stand on each other.
 */
const layers: readonly (readonly string[])[] = [
  // What every layer may use: the domain's errors, event-loop turns, paths, the logger and the metrics.
  ["errors", "pacer", "paths", "logger", "metrics"],
  // The model (pure), and the .env reader.
  ["model", "envFile"],
  // The graph's catalogue and rules.
  ["graph"],
  // Credentials and the settings that name them.
  ["auth"],
  ["config"],
  // Connections to the Redis the replicas share (REDIS_URL), for the bus below and the rate limits.
  ["redis"],
  // The database: driver, executor, schema; the bus that tells live subscriptions what changed.
  ["db", "live"],
  // Reads; the draft every source becomes; what the write path reads back.
  ["repositories", "ingest/draft", "ingest/storedRows", "ingest/csvRows"],
  ["loaders", "ingest/bundle", "ingest/acled", "ingest/resolve"],
  ["ingest/ucdp", "ingest/write"],
  ["ingest/export"],
  ["ingest/importService"],
  ["ingest/importFile", "ingest/seed"],
  // The edge: GraphQL, then HTTP.
  ["graphql"],
  ["http"],
  // What puts it together and runs it.
  ["app", "cli"],
  ["main"],
];

/** Where the edge lives: the only parts that may import graphql-js or Apollo. */
const edge = new Set(["graphql", "http", "app"]);
const generated = join(src, "graphql", "generated");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function partOf(file: string): string {
  const steps = relative(src, file).replace(/\.ts$/, "").split(sep);
  return steps[0] === "ingest" ? `ingest/${steps[1]}` : (steps[0] ?? "");
}

const layerOf = new Map(layers.flatMap((parts, layer) => parts.map((part) => [part, layer] as const)));

interface Import {
  from: string;
  specifier: string;
  /** The file imported, for a relative import. */
  target: string | null;
}

const imports: Import[] = sourceFiles(src).flatMap((file) =>
  ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles.map(({ fileName }) => ({
    from: file,
    specifier: fileName,
    target: fileName.startsWith(".") ? resolve(dirname(file), fileName.replace(/\.js$/, ".ts")) : null,
  })),
);

const shown = (item: Import) => `${relative(src, item.from)} imports ${item.specifier}`;
const inSrc = (item: Import): item is Import & { target: string } => item.target?.startsWith(src + sep) ?? false;

describe("the layers of src/", () => {
  it("find the imports they check (the parser reads every kind)", () => {
    expect(imports.filter(inSrc).length).toBeGreaterThan(500);
    expect(imports.some((item) => item.specifier === "graphql")).toBe(true);
  });

  it("place every part of src/ in one layer", () => {
    const parts = [...new Set(sourceFiles(src).map(partOf))];
    expect(parts.filter((part) => !layerOf.has(part))).toEqual([]);
    expect(layers.flat().filter((part) => !parts.includes(part))).toEqual([]);
    expect(new Set(layers.flat()).size).toBe(layers.flat().length);
  });

  it("have no import that points up a layer or across to a part beside it", () => {
    const wrong = imports.filter(inSrc).filter((item) => {
      const [from, to] = [partOf(item.from), partOf(item.target)];
      if (from === to) return false;
      return (layerOf.get(to) ?? Infinity) >= (layerOf.get(from) ?? -1);
    });
    expect(wrong.map(shown)).toEqual([]);
  });

  it("keep graphql-js and Apollo at the edge (src/graphql, src/http, src/app.ts)", () => {
    const wrong = imports.filter(
      (item) =>
        !item.specifier.startsWith(".") && /graphql|^@apollo\/|^@as-integrations\//.test(item.specifier) && !edge.has(partOf(item.from)),
    );
    expect(wrong.map(shown)).toEqual([]);
  });

  it("keep the generated GraphQL types inside src/graphql", () => {
    const wrong = imports.filter((item) => item.target?.startsWith(generated + sep) === true && partOf(item.from) !== "graphql");
    expect(wrong.map(shown)).toEqual([]);
  });

  it("would catch each import that pointed up before (config, db/migrations, ingest/draft)", () => {
    const up = (from: string, to: string) => (layerOf.get(partOf(join(src, to))) ?? 0) >= (layerOf.get(partOf(join(src, from))) ?? 0);
    expect(up("config.ts", "http/queryCost.ts")).toBe(true);
    expect(up("db/migrations.ts", "repositories/searchRepository.ts")).toBe(true);
    expect(up("db/migrations.ts", "ingest/write/incidents.ts")).toBe(true);
    expect(up("ingest/draft.ts", "ingest/bundle/validation.ts")).toBe(true);
    expect(up("ingest/acled/acledRows.ts", "graphql/generated/resolvers.ts")).toBe(true);
  });
});

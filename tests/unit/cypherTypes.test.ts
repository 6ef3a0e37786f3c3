/**
 * Relationship types reach Cypher only through the catalogue (src/graph/catalogue.ts): outside src/graph/, a
 * statement names a type as `${rel("REPORT_OF")}` or through a rule of src/graph/, never as a literal. Every string
 * and template of src/ is read with TypeScript's parser (comments are not strings, so they may show a pattern) and
 * searched for a relationship pattern with a literal type; inside src/graph/, every literal type must be catalogued.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { derivedRelationshipList, relationshipList } from "../../src/graph/catalogue.js";

const root = new URL("../../", import.meta.url).pathname;
const src = join(root, "src");

/** `[:TYPE`, `[r:TYPE`, `[r:!TYPE` and the later types of `[:A|B`: a type written into a relationship pattern. */
const literalType =
  /\[\s*\w*\s*:\s*!?`?([A-Z][A-Z0-9_]*)\b|\[\s*\w*\s*:[^\]]*?\|\s*:?\s*`?([A-Z][A-Z0-9_]*)\b|^\s*\|\s*:?\s*([A-Z][A-Z0-9_]*)\s*[\]*{]/g;

/** What any text holding `literalType` in one of its strings holds (a template's `${…}|TYPE]` included). */
const mayHold = /\[\s*\w*\s*:\s*!?`?[A-Z]|\|\s*:?\s*[A-Z][A-Z0-9_]*\s*[\]*{]/;

/** The relationship types written literally into the strings and templates of one file's text, with their lines. */
function literalTypesIn(fileName: string, text: string): { type: string; line: number }[] {
  // Parsing is the cost: a file with no such pattern anywhere in its text has none in its strings.
  if (!mayHold.test(text)) return [];
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: { type: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      for (const match of node.text.matchAll(literalType)) {
        const type = match[1] ?? match[2] ?? match[3]!;
        found.push({ type, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(src).map((path) => ({ path: relative(root, path), text: readFileSync(path, "utf8") }));
const inGraph = (path: string) => path.startsWith("src/graph/");

describe("relationship types in Cypher", () => {
  it("are never literals outside src/graph/", () => {
    const literals = files
      .filter((file) => !inGraph(file.path))
      .flatMap((file) => literalTypesIn(file.path, file.text).map(({ type, line }) => `${file.path}:${line} ${type}`));
    expect(literals).toEqual([]);
  });

  it("are, inside src/graph/, all in the catalogue", () => {
    const catalogued = new Set<string>([...relationshipList, ...derivedRelationshipList].map((relationship) => relationship.type));
    const unknown = files
      .filter((file) => inGraph(file.path))
      .flatMap((file) =>
        literalTypesIn(file.path, file.text)
          .filter(({ type }) => !catalogued.has(type))
          .map(({ type, line }) => `${file.path}:${line} ${type}`),
      );
    expect(unknown).toEqual([]);
    // The scan reads src/graph/'s patterns at all: the catalogue itself writes some.
    expect(files.filter((file) => inGraph(file.path)).flatMap((file) => literalTypesIn(file.path, file.text)).length).toBeGreaterThan(10);
  });
});

describe("the scan", () => {
  it("finds a literal type in strings and templates, whatever the variable, direction or alternatives", () => {
    const text = [
      'const a = "MATCH (e)-[:REPORT_OF]->(i)";',
      "const b = `MATCH (e)<-[r:OCCURRED_IN]-(p:Place {id: ${id}})`;",
      'const c = `MATCH (a)-[:${rel("SPOKEN_BY")}|TARGETS]->(b)`;',
      "const d = `EXISTS { (x)-[:WITHIN*0..${depth}]->(y) }`;",
      "const e = 'FOR ()-[r:IDENTIFIES]-() ON (r.key)';",
    ].join("\n");
    expect(literalTypesIn("example.ts", text)).toEqual([
      { type: "REPORT_OF", line: 1 },
      { type: "OCCURRED_IN", line: 2 },
      { type: "TARGETS", line: 3 },
      { type: "WITHIN", line: 4 },
      { type: "IDENTIFIES", line: 5 },
    ]);
  });

  it("passes types given through the catalogue, comments, labels and lists", () => {
    const text = [
      "/** Stored as `(:Event)-[:REPORT_OF]->(:Incident)`. */",
      "// (a)-[:WITHIN]->(b)",
      'const a = `MATCH (e)-[:${rel("REPORT_OF")}]->(i:Incident)`;',
      "const b = `MATCH (n:Actor) RETURN [x IN list WHERE x:Actor | x.id], [(n)-[:${type}*1..3]->(m) | m.id]`;",
      'const c = "ABOUT";',
      "const d = `CREATE (a)-[:$(${JSON.stringify(types)}[toInteger(row[2])])]->(b)`;",
    ].join("\n");
    expect(literalTypesIn("example.ts", text)).toEqual([]);
  });
});

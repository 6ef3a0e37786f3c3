/**
 * Seeding is idempotent: writing the article again changes nothing. Other test files write data of
 * their own at the same time, so only the article's part of the graph is counted: the nodes whose ids
 * the bundle defines and the relationships between them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../../src/db/executor.js";
import { ImportService } from "../../src/ingest/importService.js";
import { seed } from "../../src/ingest/seed.js";
import { useTestDatabase } from "../helpers/server.js";
import { article, articleIds, articleQuotes } from "../helpers/article.js";

const database = useTestDatabase();
let db: Executor;
const ids = articleIds();

beforeAll(() => {
  db = database.db;
});

interface Snapshot {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  /** Every property of every node and relationship, except the time of the last write. */
  properties: string;
}

async function snapshot(): Promise<Snapshot> {
  const nodeRows = await db.read(
    `// testArticleNodeCounts
    MATCH (n) WHERE n.id IN $ids
    UNWIND labels(n) AS label
    RETURN label, count(*) AS count`,
    { ids },
  );
  const relationshipRows = await db.read(
    `// testArticleRelationshipCounts
    MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids
    RETURN type(r) AS type, count(*) AS count`,
    { ids },
  );
  const propertyRows = await db.read(
    `// testArticleProperties
    MATCH (n) WHERE n.id IN $ids
    OPTIONAL MATCH (n)-[r]->(m) WHERE m.id IN $ids
    WITH n, r, m ORDER BY type(r), m.id, r.start, r.end, r.role
    RETURN n.id AS id, properties(n) AS node, collect([type(r), m.id, properties(r)]) AS out
    ORDER BY id`,
    { ids },
  );
  const withoutWriteTime = propertyRows.map((row) => {
    const { updatedAt: _ignored, ...node } = row.node as Record<string, unknown>;
    return { ...row, node };
  });
  return {
    nodes: Object.fromEntries(nodeRows.map((row) => [String(row.label), Number(row.count)])),
    relationships: Object.fromEntries(relationshipRows.map((row) => [String(row.type), Number(row.count)])),
    properties: JSON.stringify(withoutWriteTime),
  };
}

describe("seeding", () => {
  it("holds the whole article: every node of the bundle, and one evidence link per quote", async () => {
    const { nodes, relationships } = await snapshot();
    expect(nodes).toEqual({
      Source: 1,
      Actor: article.actors!.length,
      Place: article.places!.length,
      Agreement: article.agreements!.length,
      Event: article.events!.length,
      Claim: article.claims!.length,
      Statement: article.statements!.length,
    });
    expect(nodes.Actor).toBe(14);
    expect(nodes.Event).toBe(4);
    const quotes = [...articleQuotes().values()].reduce((sum, list) => sum + list.length, 0);
    expect(relationships.EVIDENCED_BY).toBe(quotes);
    expect(relationships.WITHIN).toBe(article.places!.filter((place) => place.parent).length);
    expect(relationships.DISPUTES).toBe(2);
  });

  it("is idempotent: seeding again changes no count and no property", async () => {
    const before = await snapshot();
    const result = await seed(new ImportService(db, { timeoutMs: 120_000 }));
    expect(result.bundles).toBeGreaterThanOrEqual(1);
    const after = await snapshot();
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual(before.relationships);
    expect(after.properties).toBe(before.properties);
  });
});

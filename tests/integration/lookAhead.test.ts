/**
 * The look-ahead's Cypher against the real Neo4j: for every read of the catalogue, on the article's nodes, the rows
 * fetched ahead (with every read of the related label nested below) are the rows the loader's statement gives, in
 * the same order; and a pattern that reads properties spelled like its variables runs nested in itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fieldReads } from "../../src/graph/catalogue.js";
import type { NodeLabel } from "../../src/model/ids.js";
import type { Related } from "../../src/model/rows.js";
import { GraphRepository } from "../../src/repositories/graphRepository.js";
import { aheadKey, lookAheadCypher } from "../../src/repositories/lookAhead.js";
import { likeItsVariables, readOf } from "../helpers/lookAhead.js";
import { useTestDatabase } from "../helpers/server.js";

const database = useTestDatabase();
let graph: GraphRepository;

beforeAll(() => {
  graph = new GraphRepository(database.db);
});

/** Ids of the article's nodes of one label (written by the seed, which every run starts from). */
async function articleIds(label: NodeLabel): Promise<string[]> {
  const rows = await database.db.read(`// articleIds\nMATCH (n:${label} {createdBy: 'seed'}) RETURN n.id AS id ORDER BY id LIMIT 6`);
  return rows.map((row) => String(row.id));
}

const summary = (rows: readonly Related[]) => rows.map(({ node, datum }) => ({ id: node.id, datum }));

describe("the look-ahead", () => {
  it.each([...fieldReads.values()].map((read) => [read.field, read] as const))("fetches %s as its loader does", async (_, read) => {
    const ids = await articleIds(read.from);
    expect(ids.length).toBeGreaterThan(0);
    const below = [...fieldReads.values()].filter((child) => child.from === read.returns);
    const args = Object.fromEntries((read.args ?? []).map((name) => [name, null]));
    const field = { read: read.field, args, children: below.map((child) => ({ read: child.field, args: {}, children: [] })) };
    const loaded = await graph.related(read.field, ids, args);
    for (const id of ids) {
      const node = await graph.nodeAhead(read.from, id, [field]);
      const ahead = node?.ahead?.get(aheadKey(read.field, args)) ?? [];
      expect(summary(ahead), `${read.field} of ${id}`).toEqual(summary(loaded.get(id) ?? []));
    }
  });

  it("runs a pattern that reads properties spelled like its variables, nested in itself", async () => {
    const params: Record<string, unknown> = { id: "actor:us-department-of-state" };
    const field = { read: likeItsVariables.field, args: {}, children: [{ read: likeItsVariables.field, args: {}, children: [] }] };
    const cypher = lookAheadCypher("a", "Actor", [field], params, { readOf });
    const rows = await database.db.read(
      `// likeItsVariables\nMATCH (a:Actor {id: $id})\n${cypher.clauses}\nRETURN ${cypher.projection} AS item`,
      params,
    );
    expect(rows).toHaveLength(1);
  });
});

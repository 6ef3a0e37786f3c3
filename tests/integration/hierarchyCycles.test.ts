/**
 * No cycle in a hierarchy (issue 20, class 4), through HTTP on the real Neo4j: every write that adds PART_OF or WITHIN
 * (bundles, ACLED's derived links, mergeNodes) refuses a cycle at any depth with BAD_USER_INPUT naming the ids along
 * it, nothing written; two concurrent imports cannot each add half of one (imports run one at a time behind the import
 * lock, and each checks the graph as it would leave it). A cycle made straight in the database (as an earlier version
 * could) is never read as a node's own ancestor, parent, member or child, is reported at start-up, is left out of the
 * export, and is broken by `npm run db:repair -- --break-cycles`. Each test owns its data (unique ids and names).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { exportGraph } from "../../src/ingest/export/export.js";
import { reportStoredCycles, storedCycles } from "../../src/ingest/write/hierarchyCycles.js";
import { projectRoot } from "../../src/paths.js";
import { acledCsv, acledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer, useTestDatabase } from "../helpers/server.js";
import { asEditor, importAcled, importBundle, keyEnvironment, REPORT } from "../helpers/writing.js";

const server = useServer(keyEnvironment);
const database = useTestDatabase();

type Actor = { id: string; name: string; kind: string; partOf?: string[]; resolve?: boolean };
type Place = { id: string; name: string; kind: string; parent?: string; resolve?: boolean };

function bundle(s: string, name: string, actors: Actor[], places: Place[] = []) {
  return {
    source: { id: `source:cy-${s}-${name}`, title: `Hierarchy ${s} ${name}`, text: `Hierarchy ${s} ${name}.` },
    actors: actors.map((actor) => ({ resolve: false, ...actor })),
    places: places.map((place) => ({ resolve: false, ...place })),
  };
}

const actor = (s: string, n: string | number, partOf?: string[]): Actor => ({
  id: `actor:cy-${s}-${n}`,
  name: `Cycle Body ${s} ${n}`,
  kind: "GOVERNMENT_BODY",
  ...(partOf ? { partOf } : {}),
});

function refusal(response: Awaited<ReturnType<typeof importBundle>>): { path: string; message: string }[] {
  expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  return response.errors![0]!.extensions!.problems as { path: string; message: string }[];
}

async function parentsOf(id: string): Promise<string[]> {
  const rows = await database.db.read("// testParents\nMATCH (:Actor|Place {id: $id})-[:PART_OF|WITHIN]->(p) RETURN p.id AS id", { id });
  return rows.map((row) => String(row.id)).sort();
}

describe("writes refuse a cycle at any depth", () => {
  it("a second bundle that makes Y part of X when X is part of Y, for actors and places, naming the path", async () => {
    const s = uniqueSuffix();
    const [x, y] = [`actor:cy-${s}-x`, `actor:cy-${s}-y`];
    const [p, q] = [`place:cy-${s}-p`, `place:cy-${s}-q`];
    const first = await importBundle(
      server,
      bundle(
        s,
        "first",
        [
          { ...actor(s, "x"), id: x, partOf: [y] },
          { ...actor(s, "y"), id: y },
        ],
        [
          { id: p, name: `Cycle Town ${s}`, kind: "TOWN", parent: q },
          { id: q, name: `Cycle District ${s}`, kind: "DISTRICT" },
        ],
      ),
    );
    expect(first.errors).toBeUndefined();
    const second = await importBundle(
      server,
      bundle(
        s,
        "second",
        [{ ...actor(s, "y"), id: y, partOf: [x] }],
        [{ id: q, name: `Cycle District ${s}`, kind: "DISTRICT", parent: p }],
      ),
    );
    const problems = refusal(second);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "actors.0.partOf.0", message: expect.stringContaining(`${y} → ${x} → ${y}`) },
        { path: "places.0.parent", message: expect.stringContaining(`${q} → ${p} → ${q}`) },
      ]),
    );
    expect(problems).toHaveLength(2);
    // Nothing written: Y and Q keep no parent; the dry run says the same.
    expect(await parentsOf(y)).toEqual([]);
    expect(await parentsOf(q)).toEqual([]);
    const dry = await importBundle(server, bundle(s, "second", [{ ...actor(s, "y"), id: y, partOf: [x] }]), { dryRun: true });
    expect(refusal(dry)[0]!.message).toContain(`${y} → ${x} → ${y}`);
  });

  it("a chain of 40 closed end to start, across bundles and within one, and a node part of itself", async () => {
    const s = uniqueSuffix();
    const ids = Array.from({ length: 40 }, (_, i) => `actor:cy-${s}-${i}`);
    const chain = ids.map((_, i) => actor(s, i, i < 39 ? [ids[i + 1]!] : undefined));
    expect((await importBundle(server, bundle(s, "chain", chain))).errors).toBeUndefined();
    const closing = refusal(await importBundle(server, bundle(s, "close", [actor(s, 39, [ids[0]!])])));
    expect(closing).toEqual([{ path: "actors.0.partOf.0", message: expect.stringContaining([ids[39], ...ids].join(" → ")) }]);
    expect(await parentsOf(ids[39]!)).toEqual([]);

    const t = uniqueSuffix();
    const ring = [actor(t, "a", [`actor:cy-${t}-b`]), actor(t, "b", [`actor:cy-${t}-c`]), actor(t, "c", [`actor:cy-${t}-a`])];
    const whole = refusal(await importBundle(server, bundle(t, "ring", ring)));
    expect(whole).toHaveLength(1);
    expect(whole[0]!.message).toMatch(new RegExp(`cycle of PART_OF: actor:cy-${t}-. → .* → actor:cy-${t}-.`));
    expect(await parentsOf(`actor:cy-${t}-a`)).toEqual([]);

    const self = await importBundle(server, bundle(t, "self", [actor(t, "self", [`actor:cy-${t}-self`])]));
    expect(self.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await parentsOf(`actor:cy-${t}-self`)).toEqual([]);
  });

  it("mergeNodes of a 40-actor chain's end into its start (beyond any fixed depth) is refused with the chain", async () => {
    const s = uniqueSuffix();
    const ids = Array.from({ length: 40 }, (_, i) => `actor:cy-${s}-${i}`);
    expect(
      (
        await importBundle(
          server,
          bundle(
            s,
            "chain",
            ids.map((_, i) => actor(s, i, i < 39 ? [ids[i + 1]!] : undefined)),
          ),
        )
      ).errors,
    ).toBeUndefined();
    const merged = await server.graphql(
      `mutation ($from: ID!, $into: ID!) { mergeNodes(from: $from, into: $into) { ${REPORT} } }`,
      { from: ids[0], into: ids[39] },
      asEditor,
    );
    expect(merged.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(merged.errors?.[0]?.message).toContain(ids.join(" → "));
    expect(await parentsOf(ids[0]!)).toEqual([ids[1]]);
  });

  it("an ACLED row whose force would be part of a state that a curator made part of that force", async () => {
    const s = uniqueSuffix();
    const force = `Military Forces of Testland ${s} (2000-)`;
    const curated = bundle(s, "curated", [
      { id: `actor:cy-${s}-state`, name: `Testland ${s}`, kind: "STATE", partOf: [`actor:cy-${s}-force`] },
      { id: `actor:cy-${s}-force`, name: force, kind: "ARMED_FORCE" },
    ]);
    expect((await importBundle(server, curated)).errors).toBeUndefined();
    const response = await importAcled(server, acledCsv([acledRecord(s, { actor1: force })]));
    const problems = refusal(response);
    expect(problems).toEqual([
      {
        path: expect.stringMatching(/^rows\.1\./),
        message: expect.stringContaining(`actor:cy-${s}-force → actor:cy-${s}-state → actor:cy-${s}-force`),
      },
    ]);
    expect(await parentsOf(`actor:cy-${s}-force`)).toEqual([]);
  });

  it("two concurrent imports that each add half of a cycle: one is written, the other refused", async () => {
    const s = uniqueSuffix();
    const [x, y] = [`actor:cy-${s}-x`, `actor:cy-${s}-y`];
    expect(
      (
        await importBundle(
          server,
          bundle(s, "both", [
            { ...actor(s, "x"), id: x },
            { ...actor(s, "y"), id: y },
          ]),
        )
      ).errors,
    ).toBeUndefined();
    const halves = await Promise.all([
      importBundle(server, bundle(s, "half-x", [{ ...actor(s, "x"), id: x, partOf: [y] }])),
      importBundle(server, bundle(s, "half-y", [{ ...actor(s, "y"), id: y, partOf: [x] }])),
    ]);
    expect(halves.filter((response) => response.errors === undefined)).toHaveLength(1);
    expect(halves.filter((response) => response.errors?.[0]?.extensions?.code === "BAD_USER_INPUT")).toHaveLength(1);
    expect([...(await parentsOf(x)), ...(await parentsOf(y))]).toHaveLength(1);
  });
});

const run = promisify(execFile);

async function repair(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/repair.ts", ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: inject("neo4jUri"), LOG_LEVEL: "silent" },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("a cycle already stored (made straight in the database, as an earlier version could)", () => {
  it("is never read as a node's own ancestor or member, is reported at start-up, left out of the export, and repaired", async () => {
    const s = uniqueSuffix();
    const [x, y, unit] = [`actor:cy-${s}-x`, `actor:cy-${s}-y`, `actor:cy-${s}-unit`];
    const [p, q] = [`place:cy-${s}-p`, `place:cy-${s}-q`];
    const text = `On 3 March 2020 Cycle Unit ${s} shelled Cycle Town ${s}.`;
    const written = await importBundle(server, {
      ...bundle(
        s,
        "stored",
        [
          { ...actor(s, "x"), id: x, partOf: [y] },
          { ...actor(s, "y"), id: y },
          { ...actor(s, "unit"), id: unit, partOf: [x] },
        ],
        [
          { id: p, name: `Cycle Town ${s}`, kind: "TOWN", parent: q },
          { id: q, name: `Cycle District ${s}`, kind: "DISTRICT" },
        ],
      ),
      source: { id: `source:cy-${s}-stored`, title: `Hierarchy ${s}`, text },
      events: [
        {
          id: `event:cy-${s}-shelling`,
          title: `Shelling of Cycle Town ${s}`,
          category: "EXPLOSIONS_REMOTE_VIOLENCE",
          type: "AIR_DRONE_STRIKE",
          date: "2020-03-03",
          datePrecision: "DAY",
          places: [p],
          participants: [{ actor: unit, role: "PERPETRATOR" }],
        },
      ],
    });
    expect(written.errors).toBeUndefined();
    await database.db.write((tx) =>
      tx.run(
        `// testMakeCycles
        MATCH (x:Actor {id: $x}), (y:Actor {id: $y}), (p:Place {id: $p}), (q:Place {id: $q})
        CREATE (y)-[:PART_OF]->(x), (q)-[:WITHIN]->(p)`,
        { x, y, p, q },
      ),
    );
    try {
      const data = await server.read(
        `query ($x: ID!, $y: ID!, $p: ID!, $q: ID!) {
          x: actor(id: $x) { partOf { id } members { id } events(includeMembers: true) { totalCount edges { node { id } } } }
          y: actor(id: $y) { partOf { id } members { id } }
          p: place(id: $p) { parent { id } ancestors { id } children { id } }
          q: place(id: $q) { parent { id } ancestors { id } children { id } }
          within: places(filter: { withinId: $p }) { totalCount edges { node { id } } }
          events(filter: { actorId: $x }) { totalCount }
        }`,
        { x, y, p, q },
      );
      expect(data.x.partOf).toEqual([{ id: y }]);
      expect(data.y.partOf).toEqual([{ id: x }]);
      expect(data.x.members.map((m: { id: string }) => m.id).sort()).toEqual([unit, y].sort());
      expect(data.y.members).toEqual([{ id: x }]);
      expect(data.x.events).toEqual({ totalCount: 1, edges: [{ node: { id: `event:cy-${s}-shelling` } }] });
      expect(data.p).toEqual({ parent: { id: q }, ancestors: [{ id: q }], children: [{ id: q }] });
      expect(data.q).toEqual({ parent: { id: p }, ancestors: [{ id: p }], children: [{ id: p }] });
      expect(data.within).toEqual({ totalCount: 1, edges: [{ node: { id: q } }] });

      // Start-up's report: one warning per hierarchy, with the count and an example naming the ids.
      const warnings: { fields: Record<string, unknown>; message: string }[] = [];
      await reportStoredCycles(database.db, (fields, message) => warnings.push({ fields, message }));
      const partOf = warnings.find((warning) => warning.fields.relationship === "PART_OF");
      expect(partOf?.message).toMatch(/the graph holds \d+ cycles? of PART_OF .*npm run db:repair -- --break-cycles/);
      expect(warnings.map((warning) => warning.fields.example)).toEqual(
        expect.arrayContaining([expect.stringContaining(y), expect.stringContaining(q)]),
      );

      // The export leaves out the link the repair would remove (out of the node whose id sorts last: y, q) and says so.
      const left: string[] = [];
      const file = await exportGraph(database.db, { onCycleBroken: (message) => left.push(message) });
      expect(left).toEqual(
        expect.arrayContaining([
          expect.stringContaining(`left out ${y} -[:PART_OF]-> ${x}`),
          expect.stringContaining(`left out ${q} -[:WITHIN]-> ${p}`),
        ]),
      );
      const exported = file.bundles.flatMap((entry) => [
        ...((entry.actors as Actor[] | undefined) ?? []),
        ...((entry.places as Place[] | undefined) ?? []),
      ]);
      expect(exported.find((entry) => entry.id === y)).not.toHaveProperty("partOf");
      expect(exported.find((entry) => entry.id === x)).toMatchObject({ partOf: [y] });
      expect(exported.find((entry) => entry.id === q)).not.toHaveProperty("parent");

      const repaired = await repair("--break-cycles");
      expect(repaired.code).toBe(0);
      expect(repaired.stdout).toContain(`${y} -[:PART_OF]-> ${x}  (cycle: ${x} → ${y} → ${x})`);
      expect(repaired.stdout).toContain(`${q} -[:WITHIN]-> ${p}  (cycle: ${p} → ${q} → ${p})`);
      expect(await parentsOf(y)).toEqual([]);
      expect(await parentsOf(x)).toEqual([y]);
      expect(await storedCycles(database.db)).toEqual([]);
      // The repaired actor's content hash is what an import computes: importing it as stored changes nothing.
      const again = await importBundle(server, bundle(s, "again", [{ ...actor(s, "y"), id: y }]));
      expect(again.data?.importBundle).toMatchObject({ updated: 0 });
      expect((await repair("--break-cycles")).stdout).toContain("no cycle of PART_OF or WITHIN; nothing removed");
      expect((await repair()).code).toBe(2);
    } finally {
      // Whatever the test got to, no cycle is left for other files' exports.
      await database.db.write(async (tx) => {
        await tx.run("// testRemoveActorCycle\nMATCH (:Actor {id: $y})-[r:PART_OF]->(:Actor {id: $x}) DELETE r", { x, y });
        await tx.run("// testRemovePlaceCycle\nMATCH (:Place {id: $q})-[r:WITHIN]->(:Place {id: $p}) DELETE r", { p, q });
      });
    }
  }, 120_000);
});

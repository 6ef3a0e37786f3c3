/**
 * External identifiers through HTTP on the real Neo4j: `identifiers` and `nodeByIdentifier`, identifiers in bundles
 * (added by fill, replaced by define, kept when left out), one identifier naming one node, resolution by identifier
 * before names (an ACLED row onto the curated actor that carries its ACLED name), ACLED's event identifiers, the
 * export, and the migration that gives stored identifiers their lookup nodes. Every test owns its data (a unique
 * suffix in ids, names and identifier values).
 */
import { describe, expect, it } from "vitest";
import { dataMigrations, migrate } from "../../src/ingest/write/dataMigrations.js";
import { exportGraph } from "../../src/ingest/export/export.js";
import { acledCsv, acledRecord } from "../helpers/acled.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer, useTestDatabase } from "../helpers/server.js";
import { documentBundle, importAcled, importBundle, keyEnvironment } from "../helpers/writing.js";

const server = useServer(keyEnvironment);
const database = useTestDatabase();

async function imported(bundle: unknown): Promise<Record<string, any>> {
  const response = await importBundle(server, bundle);
  expect(response.errors).toBeUndefined();
  return response.data!.importBundle as Record<string, any>;
}

async function refused(bundle: unknown): Promise<{ path: string; message: string }[]> {
  const response = await importBundle(server, bundle);
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
  return response.errors![0]!.extensions?.problems as { path: string; message: string }[];
}

/** The id and type of the node an identifier names, or null. */
async function named(scheme: string, value: string): Promise<{ id: string; __typename: string } | null> {
  const data = await server.read(
    `query ($scheme: String!, $value: String!) { nodeByIdentifier(scheme: $scheme, value: $value) { __typename id } }`,
    {
      scheme,
      value,
    },
  );
  return data.nodeByIdentifier as { id: string; __typename: string } | null;
}

async function identifiersOf(type: "actor" | "place" | "event", id: string): Promise<{ scheme: string; value: string }[]> {
  const data = await server.read(`query ($id: ID!) { node: ${type}(id: $id) { identifiers { scheme value } } }`, { id });
  return data.node.identifiers as { scheme: string; value: string }[];
}

type Identified = { identifiers?: { scheme: string; value: string }[] };

/** documentBundle(s) with identifiers on its actor, its market and its strike. */
function identifiedBundle(s: string) {
  const bundle = documentBundle(s);
  type Place = (typeof bundle.places)[number] & Identified;
  return {
    ...bundle,
    actors: [
      { ...bundle.actors[0]!, wikidataId: `Q9${numeric(s)}`, identifiers: [{ scheme: "acled-actor", value: `Ministry of Defence ${s}` }] },
    ],
    places: [bundle.places[0]!, { ...bundle.places[1]!, identifiers: [{ scheme: "pcode", value: `SY-${s}` }] }] as Place[],
    events: [{ ...bundle.events[0]!, identifiers: [{ scheme: "acled", value: `SYR${s}` }] }],
  };
}

/** A number of the suffix's hex digits, for a Wikidata id of this test's own. */
function numeric(s: string): string {
  return String(parseInt(s, 16));
}

describe("nodeByIdentifier and identifiers", () => {
  it("find an actor, a place and an event by the identifiers a bundle gave them, and an actor by its wikidataId", async () => {
    const s = uniqueSuffix();
    await imported(identifiedBundle(s));
    expect(await named("acled-actor", `Ministry of Defence ${s}`)).toEqual({ __typename: "Actor", id: `actor:w-${s}-ministry` });
    expect(await named("pcode", `SY-${s}`)).toEqual({ __typename: "Place", id: `place:w-${s}-market` });
    expect(await named("acled", `SYR${s}`)).toEqual({ __typename: "Event", id: `event:w-${s}-strike` });
    expect(await named("wikidata", `Q9${numeric(s)}`)).toEqual({ __typename: "Actor", id: `actor:w-${s}-ministry` });
    // A value is trimmed, as a bundle's is.
    expect(await named("pcode", ` SY-${s} `)).toEqual({ __typename: "Place", id: `place:w-${s}-market` });

    expect(await identifiersOf("actor", `actor:w-${s}-ministry`)).toEqual([
      { scheme: "acled-actor", value: `Ministry of Defence ${s}` },
      { scheme: "wikidata", value: `Q9${numeric(s)}` },
    ]);
    expect(await identifiersOf("place", `place:w-${s}-province`)).toEqual([]);
    const data = await server.read(`query ($id: ID!) { node(id: $id) { ... on Event { identifiers { scheme value } } } }`, {
      id: `event:w-${s}-strike`,
    });
    expect(data.node.identifiers).toEqual([{ scheme: "acled", value: `SYR${s}` }]);
  });

  it("answers the seed's wikidataIds and ACLED names", async () => {
    expect(await named("wikidata", "Q159")).toEqual({ __typename: "Actor", id: "actor:russia" });
    expect(await named("wikidata", "Q858")).toEqual({ __typename: "Place", id: "place:syria" });
    expect(await named("acled-actor", "Military Forces of Syria (2000-)")).toEqual({
      __typename: "Actor",
      id: "actor:syrian-government-forces",
    });
  });

  it("answers null for an identifier no node carries, and BAD_USER_INPUT for one that cannot be an identifier", async () => {
    const s = uniqueSuffix();
    expect(await named("acled", `nothing ${s}`)).toBeNull();
    expect(await named("geonames", `${s}`)).toBeNull();
    for (const [scheme, value, argument] of [
      ["ACLED", "x", "scheme"],
      ["acled:x", "y", "scheme"],
      ["", "x", "scheme"],
      ["a".repeat(33), "x", "scheme"],
      ["acled", "", "value"],
      ["acled", "   ", "value"],
      ["acled", "a\u0000b", "value"],
      ["acled", "x".repeat(501), "value"],
      ["wikidata", "Syria", "value"],
    ] as const) {
      const response = await server.graphql(
        `query ($scheme: String!, $value: String!) { nodeByIdentifier(scheme: $scheme, value: $value) { id } }`,
        {
          scheme,
          value,
        },
      );
      expect(response.errors?.[0]?.extensions, `${scheme} / ${value.slice(0, 20)}`).toMatchObject({ code: "BAD_USER_INPUT", argument });
    }
  });

  it("refuses bad identifiers in a bundle at their paths, with the same rules", async () => {
    const s = uniqueSuffix();
    const bundle = identifiedBundle(s);
    bundle.actors[0]!.identifiers = [{ scheme: "Acled", value: "x" }];
    bundle.places[1]!.identifiers = [{ scheme: "pcode", value: " " }];
    bundle.events[0]!.identifiers = [{ scheme: "wikidata", value: "Idlib" }];
    const problems = await refused(bundle);
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      "actors.0.identifiers.0.scheme",
      "events.0.identifiers.0.value",
      "places.1.identifiers.0.value",
    ]);
  });
});

describe("one identifier names one node", () => {
  it("refuses a second claim by another node, stored or in the same import, at its path, and writes nothing", async () => {
    const s = uniqueSuffix();
    await imported(identifiedBundle(s));
    const t = uniqueSuffix();
    const second = identifiedBundle(t);
    // A stored actor's ACLED name, a stored place's pcode (on a node that may not be linked by name), a stored
    // event's ACLED id, and one pcode given to two places of this import.
    second.actors[0]!.identifiers = [{ scheme: "acled-actor", value: `Ministry of Defence ${s}` }];
    (second.actors[0] as Record<string, unknown>).resolve = false;
    second.places[0] = { ...second.places[0]!, identifiers: [{ scheme: "pcode", value: `P-${t}` }] };
    second.places[1]!.identifiers = [
      { scheme: "geonames", value: t },
      { scheme: "pcode", value: `P-${t}` },
    ];
    second.events[0]!.identifiers = [{ scheme: "acled", value: `SYR${s}` }];
    const problems = await refused(second);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "actors.0.identifiers.0", message: expect.stringContaining(`already names "actor:w-${s}-ministry"`) },
        { path: "events.0.identifiers.0", message: expect.stringContaining(`already names "event:w-${s}-strike"`) },
        { path: "places.1.identifiers.1", message: expect.stringContaining(`also given to "place:w-${t}-province"`) },
      ]),
    );
    expect(problems).toHaveLength(3);
    expect(await named("geonames", t)).toBeNull();
    const nothing = await server.read(`query ($id: ID!, $source: ID!) { actor(id: $id) { id } source(id: $source) { id } }`, {
      id: `actor:w-${t}-ministry`,
      source: `source:w-${t}`,
    });
    expect(nothing).toEqual({ actor: null, source: null });
    // A dry run says the same.
    const dry = await importBundle(server, second, { dryRun: true });
    expect(dry.errors?.[0]?.extensions?.problems).toHaveLength(3);
  });

  it("lets a bundle move an identifier from one node to another in one import", async () => {
    const s = uniqueSuffix();
    const bundle = identifiedBundle(s);
    await imported(bundle);
    bundle.places[1]!.identifiers = [];
    (bundle.places[0] as Record<string, unknown>).identifiers = [{ scheme: "pcode", value: `SY-${s}` }];
    expect(await imported(bundle)).toMatchObject({ created: 0, updated: 2 });
    expect(await named("pcode", `SY-${s}`)).toEqual({ __typename: "Place", id: `place:w-${s}-province` });
  });
});

describe("identifiers in imports", () => {
  it("are replaced by a definition that gives them, kept when it leaves them out, and added by a name match", async () => {
    const s = uniqueSuffix();
    const bundle = identifiedBundle(s);
    await imported(bundle);
    const market = `place:w-${s}-market`;

    // Left out: kept as stored; the import changes nothing.
    const silent = structuredClone(bundle);
    delete (silent.places[1] as { identifiers?: unknown }).identifiers;
    expect(await imported(silent)).toMatchObject({ created: 0, updated: 0 });
    expect(await identifiersOf("place", market)).toEqual([{ scheme: "pcode", value: `SY-${s}` }]);

    // Given: they replace the stored ones, and the old one names nothing any more.
    bundle.places[1]!.identifiers = [{ scheme: "geonames", value: `g${s}` }];
    expect(await imported(bundle)).toMatchObject({ created: 0, updated: 1, touched: [market] });
    expect(await identifiersOf("place", market)).toEqual([{ scheme: "geonames", value: `g${s}` }]);
    expect(await named("pcode", `SY-${s}`)).toBeNull();
    expect(await named("geonames", `g${s}`)).toEqual({ __typename: "Place", id: market });

    // A new place matched by name only adds its identifiers (fill).
    const t = uniqueSuffix();
    const other = documentBundle(t);
    const report = await imported({
      source: other.source,
      places: [
        { id: `place:w-${s}-province`, name: `Hamadiyah Province ${s}`, kind: "PROVINCE" },
        {
          id: `place:w-${t}-same-market`,
          name: `Kafr Zeta ${s} market`,
          kind: "SITE",
          parent: `place:w-${s}-province`,
          identifiers: [{ scheme: "pcode", value: `SY-${t}` }],
        },
      ],
    });
    expect(report.resolved).toEqual([{ id: `place:w-${t}-same-market`, matchedId: market, name: `Kafr Zeta ${s} market`, by: "NAME" }]);
    expect(await identifiersOf("place", market)).toEqual([
      { scheme: "geonames", value: `g${s}` },
      { scheme: "pcode", value: `SY-${t}` },
    ]);
  });

  it("resolve a new actor to the node holding its identifier, before and above a name match", async () => {
    const s = uniqueSuffix();
    await imported(identifiedBundle(s));
    const t = uniqueSuffix();
    // Named like another stored actor, but carrying the first one's ACLED name.
    await imported({
      source: { id: `source:w-${t}-other`, title: `Other ${t}`, text: `Text ${t}` },
      actors: [{ id: `actor:w-${t}-army`, name: `Army ${t}`, kind: "GOVERNMENT_BODY" }],
    });
    const report = await imported({
      source: { id: `source:w-${t}`, title: `Third ${t}`, text: `Text ${t}` },
      actors: [
        {
          id: `actor:w-${t}-new`,
          name: `Army ${t}`,
          kind: "GOVERNMENT_BODY",
          identifiers: [{ scheme: "acled-actor", value: `Ministry of Defence ${s}` }],
        },
      ],
    });
    expect(report.resolved).toEqual([{ id: `actor:w-${t}-new`, matchedId: `actor:w-${s}-ministry`, name: `Army ${t}`, by: "IDENTIFIER" }]);
  });
});

describe("ACLED rows", () => {
  it("carry their event ids and actor names, and a row naming an actor resolves to the curated actor carrying that name", async () => {
    const s = uniqueSuffix();
    const force = `Military Forces of Testland ${s} (2000-)`;
    await imported({
      source: { id: `source:w-${s}-curation`, title: `Curation ${s}`, text: `Curated actors of Testland ${s}.` },
      actors: [
        {
          id: `actor:w-${s}-testland-army`,
          name: `Testland ${s} Armed Forces`,
          kind: "ARMED_FORCE",
          identifiers: [{ scheme: "acled-actor", value: force }],
        },
      ],
    });
    const response = await importAcled(server, acledCsv([acledRecord(s)]));
    expect(response.errors).toBeUndefined();
    const report = response.data!.importAcled as Record<string, any>;
    expect(report.resolved).toEqual([
      { id: `actor:acled-military-forces-of-testland-${s}-2000`, matchedId: `actor:w-${s}-testland-army`, name: force, by: "IDENTIFIER" },
    ]);

    expect(await named("acled", `TST${s}1`)).toEqual({ __typename: "Event", id: `event:acled-TST${s}1` });
    expect(await identifiersOf("event", `event:acled-TST${s}1`)).toEqual([{ scheme: "acled", value: `TST${s}1` }]);
    const data = await server.read(`query ($id: ID!) { event(id: $id) { perpetrators { id } } }`, { id: `event:acled-TST${s}1` });
    expect(data.event.perpetrators).toEqual([{ id: `actor:w-${s}-testland-army` }]);
    expect(await named("acled-actor", force)).toEqual({ __typename: "Actor", id: `actor:w-${s}-testland-army` });
    // Actors ACLED creates carry their ACLED names.
    expect(await named("acled-actor", `Civilians (Testland ${s})`)).toEqual({
      __typename: "Actor",
      id: `actor:acled-civilians-testland-${s}`,
    });
    expect(await identifiersOf("actor", `actor:acled-civilians-testland-${s}`)).toEqual([
      { scheme: "acled-actor", value: `Civilians (Testland ${s})` },
    ]);

    // Re-imported, the row resolves the same way and changes nothing.
    const again = await importAcled(server, acledCsv([acledRecord(s)]));
    expect(again.data!.importAcled).toMatchObject({ created: 0, updated: 0 });
  });

  it("refuses an actor name with control characters, which cannot be an identifier", async () => {
    const s = uniqueSuffix();
    const response = await importAcled(server, acledCsv([acledRecord(s, { actor1: `Militia\t${s}` })]));
    expect(response.errors?.[0]?.extensions?.problems).toEqual([
      { path: "rows.1.actor1", message: expect.stringContaining("control characters") },
    ]);
  });
});

describe("the export and the migration", () => {
  it("export identifiers as [{scheme, value}], which import again unchanged", async () => {
    const s = uniqueSuffix();
    await imported(identifiedBundle(s));
    const file = await exportGraph(database.db);
    const bundle = file.bundles.find((candidate) => (candidate.source as { id: string }).id === `source:w-${s}`) as Record<string, any>;
    const market = (bundle.places as Record<string, any>[]).find((place) => place.id === `place:w-${s}-market`)!;
    expect(market.identifiers).toEqual([{ scheme: "pcode", value: `SY-${s}` }]);
    const actor = (bundle.actors as Record<string, any>[]).find((candidate) => candidate.id === `actor:w-${s}-ministry`)!;
    expect(actor).toMatchObject({
      wikidataId: `Q9${numeric(s)}`,
      identifiers: [{ scheme: "acled-actor", value: `Ministry of Defence ${s}` }],
    });
    expect((bundle.events as Record<string, any>[])[0]!.identifiers).toEqual([{ scheme: "acled", value: `SYR${s}` }]);
    expect(await imported(bundle)).toMatchObject({ created: 0, updated: 0 });
  });

  it("gives stored identifiers and wikidataIds without lookup nodes theirs, once", async () => {
    const s = uniqueSuffix();
    // As a graph written before identifiers had lookup nodes.
    await database.db.write((tx) =>
      tx.run(
        `// legacyNodes
        CREATE (:Actor {id: $actor, name: $actor, kind: 'OTHER', wikidataId: $wikidata, identifiers: [$acled]})
        CREATE (:Place {id: $place, name: $place, kind: 'SITE', wikidataId: $wikidata})`,
        { actor: `actor:legacy-${s}`, place: `place:legacy-${s}`, wikidata: `Q8${numeric(s)}`, acled: `acled:Legacy ${s}` },
      ),
    );
    expect(await named("acled", `Legacy ${s}`)).toBeNull();
    // Such a graph has not had the migration either.
    await database.db.write((tx) => tx.run("// forgetMigration\nMATCH (m:Migration {id: 'external-ids'}) DELETE m"));
    await migrate(database.db);
    await migrate(database.db);
    expect(await named("acled", `Legacy ${s}`)).toEqual({ __typename: "Actor", id: `actor:legacy-${s}` });
    // Two stored nodes with one Wikidata id: the first by id keeps it.
    expect(await named("wikidata", `Q8${numeric(s)}`)).toEqual({ __typename: "Actor", id: `actor:legacy-${s}` });
    const [row] = await database.db.read(
      "// legacyLookups\nMATCH (x:ExternalId)-[:IDENTIFIES]->(n) WHERE n.id IN $ids RETURN count(x) AS lookups",
      { ids: [`actor:legacy-${s}`, `place:legacy-${s}`] },
    );
    expect(row?.lookups).toBe(2);
  });

  it("runs a data migration once per graph: a later start does not read the graph again", async () => {
    const s = uniqueSuffix();
    await migrate(database.db);
    // Written behind the write path's back after the migration ran: a start does not look for such nodes again.
    await database.db.write((tx) =>
      tx.run("// unmigratedNode\nCREATE (:Actor {id: $id, name: $id, kind: 'OTHER', identifiers: [$acled]})", {
        id: `actor:late-${s}`,
        acled: `acled:Late ${s}`,
      }),
    );
    await migrate(database.db);
    expect(await named("acled", `Late ${s}`)).toBeNull();
    const [row] = await database.db.read("// migrationsRecorded\nMATCH (m:Migration) RETURN collect(m.id) AS ids");
    // Each data migration recorded once, and nothing else.
    expect([...(row?.ids as string[])].sort()).toEqual(dataMigrations.map((migration) => migration.id).sort());
    expect(dataMigrations.map((migration) => migration.id)).toEqual(
      expect.arrayContaining(["acled-actor-scheme", "external-ids", "incidents"]),
    );
  });
});

describe("ACLED's event ids and actor names: two schemes", () => {
  it("an actor ACLED names like an event id imports beside that event, and a bundle's `acled` on an actor means acled-actor", async () => {
    const s = uniqueSuffix();
    const eventId = `TST${s}1`;
    const response = await importAcled(server, acledCsv([acledRecord(s, { actor2: eventId, inter2: "3" })]));
    expect(response.errors).toBeUndefined();
    expect(await named("acled", eventId)).toEqual({ __typename: "Event", id: `event:acled-${eventId}` });
    expect(await named("acled-actor", eventId)).toEqual({ __typename: "Actor", id: expect.stringMatching(/^actor:acled-/) });

    const t = uniqueSuffix();
    await imported({
      source: { id: `source:w-${t}-older`, title: `Older ${t}`, text: `An older bundle ${t}.` },
      actors: [
        {
          id: `actor:w-${t}-older`,
          name: `Older Force ${t}`,
          kind: "ARMED_FORCE",
          identifiers: [{ scheme: "acled", value: `Older Force ${t}` }],
        },
      ],
    });
    expect(await identifiersOf("actor", `actor:w-${t}-older`)).toEqual([{ scheme: "acled-actor", value: `Older Force ${t}` }]);
    expect(await named("acled", `Older Force ${t}`)).toBeNull();
  });

  it("the migration moves stored actors' ACLED names and their lookup nodes to acled-actor, and leaves events' ids", async () => {
    const s = uniqueSuffix();
    // An ACLED event as imported now, and an actor as a graph written before the two schemes held it, with lookups.
    expect((await importAcled(server, acledCsv([acledRecord(s)]))).errors).toBeUndefined();
    await database.db.write((tx) =>
      tx.run(
        `// legacyAcledActor
        CREATE (a:Actor {id: $actor, name: $name, kind: 'ARMED_GROUP', identifiers: [$acled, $wikidata]})
        CREATE (:ExternalId {key: $acled, scheme: 'acled', value: $name})-[:IDENTIFIES]->(a)
        CREATE (:ExternalId {key: $wikidata, scheme: 'wikidata', value: $q})-[:IDENTIFIES]->(a)`,
        {
          actor: `actor:legacy-acled-${s}`,
          name: `Legacy Militia ${s}`,
          acled: `acled:Legacy Militia ${s}`,
          wikidata: `wikidata:Q7${numeric(s)}`,
          q: `Q7${numeric(s)}`,
        },
      ),
    );
    await database.db.write((tx) => tx.run("// forgetMigration\nMATCH (m:Migration {id: 'acled-actor-scheme'}) DELETE m"));
    await migrate(database.db);
    expect(await named("acled-actor", `Legacy Militia ${s}`)).toEqual({ __typename: "Actor", id: `actor:legacy-acled-${s}` });
    expect(await named("acled", `Legacy Militia ${s}`)).toBeNull();
    expect(await identifiersOf("actor", `actor:legacy-acled-${s}`)).toEqual([
      { scheme: "acled-actor", value: `Legacy Militia ${s}` },
      { scheme: "wikidata", value: `Q7${numeric(s)}` },
    ]);
    expect(await named("acled", `TST${s}1`)).toEqual({ __typename: "Event", id: `event:acled-TST${s}1` });
    const [row] = await database.db.read("// migrationRecorded\nMATCH (m:Migration {id: 'acled-actor-scheme'}) RETURN count(m) AS done");
    expect(row?.done).toBe(1);
  });
});

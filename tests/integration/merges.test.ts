/**
 * mergeNodes through HTTP on the real Neo4j: relationships move (every type, both directions, roles kept, none
 * duplicated), names become aliases, the old id keeps answering (actor, place, node, later imports), audit stamps,
 * chains, every refusal with nothing changed, roles, and mergedIds in imports (what an export → import restores).
 * Each test imports a document of its own (unique ids and names).
 */
import { describe, expect, it } from "vitest";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer, useTestDatabase } from "../helpers/server.js";
import { asEditor, asReader, importBundle, keyEnvironment, REPORT } from "../helpers/writing.js";
import { exportGraph } from "../../src/ingest/export/export.js";

const server = useServer(keyEnvironment);
const database = useTestDatabase();

const merge = (from: string, into: string, headers: Record<string, string> = asEditor) =>
  server.graphql(`mutation ($from: ID!, $into: ID!) { mergeNodes(from: $from, into: $into) { ${REPORT} } }`, { from, into }, headers);

/**
 * Two actors and two towns that are one each, with every relationship an actor or a place can have: membership
 * both ways, an ally, participations (one of them held by both actors), claims naming and asserted by the actor,
 * statements spoken by and targeting it, the source's publisher, an agreement's parties and coverage, events in the
 * town and a site within it.
 */
function document(s: string) {
  const text =
    `On 5 May 2020 aircraft of the Defence Ministry ${s} struck the market of Saraqeb ${s}, killing 3 people. ` +
    `The Ministry of Defence ${s} said its aircraft hit the Army Unit ${s}. Activists blamed the Ministry of Defence ${s}. ` +
    `The Ally ${s} condemned the Ministry of Defence ${s}.`;
  const id = (kind: string, name: string) => `${kind}:m-${s}-${name}`;
  return {
    source: { id: id("source", "report"), title: `Merge report ${s}`, publishedOn: "2020-05-06", publisher: id("actor", "from"), text },
    actors: [
      { id: id("actor", "state"), name: `State ${s}`, kind: "STATE", resolve: false },
      {
        id: id("actor", "from"),
        name: `Ministry of Defence ${s}`,
        aliases: [`MoD ${s}`],
        kind: "GOVERNMENT_BODY",
        description: `From's description ${s}`,
        partOf: [id("actor", "state")],
        allies: [id("actor", "ally")],
        resolve: false,
      },
      { id: id("actor", "into"), name: `Defence Ministry ${s}`, kind: "GOVERNMENT_BODY", resolve: false },
      { id: id("actor", "unit"), name: `Army Unit ${s}`, kind: "ARMED_FORCE", partOf: [id("actor", "from")], resolve: false },
      { id: id("actor", "ally"), name: `Ally ${s}`, kind: "ARMED_GROUP", resolve: false },
    ],
    places: [
      { id: id("place", "province"), name: `Province ${s}`, kind: "PROVINCE", resolve: false },
      { id: id("place", "other-province"), name: `Other Province ${s}`, kind: "PROVINCE", resolve: false },
      { id: id("place", "from"), name: `Saraqeb ${s}`, kind: "TOWN", parent: id("place", "other-province"), resolve: false },
      { id: id("place", "into"), name: `Saraqib ${s}`, kind: "TOWN", parent: id("place", "province"), resolve: false },
      { id: id("place", "market"), name: `Market ${s}`, kind: "SITE", parent: id("place", "from"), resolve: false },
    ],
    agreements: [
      {
        id: id("agreement", "truce"),
        name: `Truce ${s}`,
        signedOn: "2020-01-01",
        parties: [id("actor", "from"), id("actor", "into")],
        covers: [id("place", "from")],
      },
    ],
    events: [
      {
        id: id("event", "strike"),
        title: `Strike on Saraqeb ${s}`,
        category: "EXPLOSIONS_REMOTE_VIOLENCE",
        type: "AIR_DRONE_STRIKE",
        date: "2020-05-05",
        datePrecision: "DAY",
        places: [id("place", "from")],
        participants: [
          { actor: id("actor", "from"), role: "PERPETRATOR" },
          { actor: id("actor", "into"), role: "PERPETRATOR" },
          { actor: id("actor", "unit"), role: "TARGET" },
        ],
        quotes: [`struck the market of Saraqeb ${s}`],
      },
      {
        id: id("event", "hit"),
        title: `Hit on the Army Unit ${s}`,
        category: "EXPLOSIONS_REMOTE_VIOLENCE",
        type: "AIR_DRONE_STRIKE",
        date: "2020-05-05",
        datePrecision: "DAY",
        places: [id("place", "market")],
        participants: [{ actor: id("actor", "from"), role: "TARGET" }],
      },
    ],
    claims: [
      {
        id: id("claim", "blame"),
        kind: "PERPETRATOR",
        text: "Activists blame the ministry.",
        event: id("event", "strike"),
        actors: [id("actor", "from")],
        assertedBy: id("actor", "ally"),
        quotes: [`Activists blamed the Ministry of Defence ${s}`],
      },
      {
        id: id("claim", "deaths"),
        kind: "FATALITIES",
        text: "3 killed.",
        event: id("event", "strike"),
        estimate: { low: 3, high: 3, qualifier: "EXACT" },
        assertedBy: id("actor", "from"),
        quotes: ["killing 3 people"],
      },
    ],
    statements: [
      {
        id: id("statement", "said"),
        stance: "REPORT",
        text: "The ministry said it hit the unit.",
        speaker: id("actor", "from"),
        onBehalfOf: id("actor", "state"),
        targets: [id("actor", "unit")],
        about: [id("event", "hit")],
        quotes: [`The Ministry of Defence ${s} said its aircraft hit the Army Unit ${s}.`],
      },
      {
        id: id("statement", "condemned"),
        stance: "CONDEMN",
        text: "The ally condemned the ministry.",
        speaker: id("actor", "ally"),
        onBehalfOf: id("actor", "from"),
        targets: [id("actor", "from")],
        about: [id("event", "strike")],
        quotes: [`The Ally ${s} condemned the Ministry of Defence ${s}.`],
      },
    ],
  };
}

async function imported(s: string) {
  const bundle = document(s);
  const response = await importBundle(server, bundle);
  expect(response.errors).toBeUndefined();
  return bundle;
}

const ACTOR = `
  id name aliases description mergedIds
  partOf { id } members { id } allies { id }
  agreements { id }
  events { edges { node { id participants { role actor { id } } } } }
  statements { edges { node { id } } }
  statementsAbout { edges { node { id } } }
`;

async function actor(id: string) {
  const response = await server.graphql(`query ($id: ID!) { actor(id: $id) { ${ACTOR} } }`, { id });
  expect(response.errors).toBeUndefined();
  return response.data?.actor as Record<string, any> | null;
}

/** Relationships stored on a node, as `type>other` / `type<other` with their properties, to compare before and after. */
async function relationshipsOf(id: string): Promise<string[]> {
  const rows = await database.db.read(
    `// testRelationshipsOf
    MATCH (n {id: $id})-[r]-(other)
    RETURN type(r) + CASE WHEN startNode(r) = n THEN '>' ELSE '<' END + other.id + ' ' + coalesce(r.role, '') AS relationship`,
    { id },
  );
  return rows.map((row) => String(row.relationship)).sort();
}

const badInput = (response: Awaited<ReturnType<typeof merge>>, message: RegExp) => {
  expect(response.data).toBeNull();
  expect(response.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message) })]);
  expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
};

describe("merging two actors", () => {
  it("moves every relationship to into, without duplicates, and folds from's names into its aliases", async () => {
    const s = uniqueSuffix();
    const bundle = await imported(s);
    const [from, into] = [`actor:m-${s}-from`, `actor:m-${s}-into`];

    const response = await merge(from, into);
    expect(response.errors).toBeUndefined();
    const report = response.data?.mergeNodes;
    expect(report).toMatchObject({ dryRun: false, created: 0, resolved: [{ id: from, matchedId: into, by: "MERGED" }] });
    // into, and every node whose own relationships named from: the events (participants), claims (named, asserted
    // by), statements (speaker, on behalf of, target), the source (publisher), the agreement (parties), the unit
    // (part of). The ally is not: from owned their alliance, which into owns now.
    expect([...report.touched].sort()).toEqual(
      [
        into,
        `event:m-${s}-strike`,
        `event:m-${s}-hit`,
        `claim:m-${s}-blame`,
        `claim:m-${s}-deaths`,
        `statement:m-${s}-said`,
        `statement:m-${s}-condemned`,
        `source:m-${s}-report`,
        `agreement:m-${s}-truce`,
        `actor:m-${s}-unit`,
      ].sort(),
    );
    expect(report.updated).toBe(report.touched.length);

    const merged = await actor(into);
    expect(merged).toMatchObject({
      id: into,
      name: `Defence Ministry ${s}`,
      aliases: [`Ministry of Defence ${s}`, `MoD ${s}`],
      // from's values fill what into lacks.
      description: `From's description ${s}`,
      mergedIds: [from],
      partOf: [{ id: `actor:m-${s}-state` }],
      members: [{ id: `actor:m-${s}-unit` }],
      allies: [{ id: `actor:m-${s}-ally` }],
      agreements: [{ id: `agreement:m-${s}-truce` }],
      statements: { edges: [{ node: { id: `statement:m-${s}-said` } }] },
      statementsAbout: { edges: [{ node: { id: `statement:m-${s}-condemned` } }] },
    });
    const edges = merged!.events.edges as { node: { id: string; participants: unknown } }[];
    const events = new Map(edges.map(({ node }) => [node.id, node.participants]));
    // The strike had both as perpetrators: one participation is left. The hit keeps from's role.
    expect(events.get(`event:m-${s}-strike`)).toEqual([
      { role: "PERPETRATOR", actor: { id: into } },
      { role: "TARGET", actor: { id: `actor:m-${s}-unit` } },
    ]);
    expect(events.get(`event:m-${s}-hit`)).toEqual([{ role: "TARGET", actor: { id: into } }]);

    const documents = await server.graphql(
      `query ($claim: ID!, $deaths: ID!, $said: ID!, $condemned: ID!, $source: ID!, $truce: ID!) {
        claim(id: $claim) { actors { id } }
        deaths: claim(id: $deaths) { assertedBy { id } }
        said: statement(id: $said) { speaker { id } }
        condemned: statement(id: $condemned) { onBehalfOf { id } targets { id } }
        source(id: $source) { publisher { id } }
        agreement(id: $truce) { parties { id } }
      }`,
      {
        claim: `claim:m-${s}-blame`,
        deaths: `claim:m-${s}-deaths`,
        said: `statement:m-${s}-said`,
        condemned: `statement:m-${s}-condemned`,
        source: `source:m-${s}-report`,
        truce: `agreement:m-${s}-truce`,
      },
    );
    expect(documents.data).toEqual({
      claim: { actors: [{ id: into }] },
      deaths: { assertedBy: { id: into } },
      said: { speaker: { id: into } },
      condemned: { onBehalfOf: { id: into }, targets: [{ id: into }] },
      source: { publisher: { id: into } },
      agreement: { parties: [{ id: into }] },
    });
    // Nothing is left of from but its redirect; into holds each relationship once.
    const stored = await relationshipsOf(into);
    expect(stored).toEqual([...new Set(stored)]);
    expect(await database.db.read("// testFromGone\nMATCH (n:Actor {id: $id}) RETURN n", { id: from })).toEqual([]);

    // Importing the same document again changes nothing: its references to from are references to into, and its
    // definition of from adds nothing into lacks.
    const again = await importBundle(server, bundle);
    expect(again.errors).toBeUndefined();
    expect(again.data?.importBundle).toMatchObject({ created: 0, updated: 0, touched: [] });
    expect(again.data?.importBundle.resolved).toContainEqual({ id: from, matchedId: into, name: `Ministry of Defence ${s}`, by: "MERGED" });
    expect(await relationshipsOf(into)).toEqual(stored);
  });

  it("keeps the old id answering in actor, node and later imports, and stamps who merged", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const [from, into] = [`actor:m-${s}-from`, `actor:m-${s}-into`];
    const before = await database.db.read("// testUpdatedAt\nMATCH (n:Actor {id: $id}) RETURN toString(n.updatedAt) AS at", { id: into });
    expect((await merge(from, into)).errors).toBeUndefined();

    const answers = await server.graphql(
      `query ($id: ID!) { actor(id: $id) { id name } node(id: $id) { id ... on Actor { name } }
        ahead: actor(id: $id) { id partOf { id } } }`,
      { id: from },
    );
    expect(answers.data).toEqual({
      actor: { id: into, name: `Defence Ministry ${s}` },
      node: { id: into, name: `Defence Ministry ${s}` },
      ahead: { id: into, partOf: [{ id: `actor:m-${s}-state` }] },
    });

    // A later bundle naming from links to into, and its definition under from's id adds an alias to into rather
    // than renaming it or recreating from.
    const later = await importBundle(server, {
      source: { id: `source:m-${s}-later`, title: `Later ${s}`, text: `The MoD Later ${s} struck again.` },
      actors: [{ id: from, name: `MoD Later ${s}`, kind: "GOVERNMENT_BODY" }],
      events: [
        {
          id: `event:m-${s}-later`,
          title: `Later strike ${s}`,
          category: "EXPLOSIONS_REMOTE_VIOLENCE",
          type: "AIR_DRONE_STRIKE",
          date: "2020-06-01",
          datePrecision: "DAY",
          places: [`place:m-${s}-into`],
          participants: [{ actor: from, role: "PERPETRATOR" }],
        },
      ],
    });
    expect(later.errors).toBeUndefined();
    expect(later.data?.importBundle.resolved).toEqual([{ id: from, matchedId: into, name: `MoD Later ${s}`, by: "MERGED" }]);
    const event = await server.graphql(`query ($id: ID!) { event(id: $id) { participants { actor { id name aliases } } } }`, {
      id: `event:m-${s}-later`,
    });
    expect(event.data?.event.participants).toEqual([
      { actor: { id: into, name: `Defence Ministry ${s}`, aliases: [`Ministry of Defence ${s}`, `MoD ${s}`, `MoD Later ${s}`] } },
    ]);
    expect(await database.db.read("// testFromNotRecreated\nMATCH (n:Actor {id: $id}) RETURN n", { id: from })).toEqual([]);

    // Audit stamps: into was updated by the editor's key label; the redirect records who and when.
    const [stamps] = await database.db.read(
      `// testMergeStamps
      MATCH (r:Redirect {id: $from})-[:MERGED_INTO]->(n:Actor {id: $into})
      RETURN r.createdBy AS redirectBy, r.createdAt IS NOT NULL AS redirectAt, n.updatedBy AS updatedBy,
        toString(n.updatedAt) AS updatedAt`,
      { from, into },
    );
    expect(stamps).toMatchObject({ redirectBy: "alice", redirectAt: true, updatedBy: "alice" });
    expect(String(stamps!.updatedAt) > String(before[0]!.at)).toBe(true);
  });

  it("follows a chain in one hop: A into B, then B into C, and A answers as C", async () => {
    const s = uniqueSuffix();
    const ids = ["a", "b", "c"].map((name) => `actor:m-${s}-chain-${name}`);
    const response = await importBundle(server, {
      source: { id: `source:m-${s}-chain`, title: `Chain ${s}`, text: `Chain ${s}.` },
      actors: ids.map((id, i) => ({ id, name: `Chain ${s} ${"ABC"[i]}`, kind: "ARMED_GROUP", resolve: false })),
    });
    expect(response.errors).toBeUndefined();
    const [a, b, c] = ids as [string, string, string];
    expect((await merge(a, b)).errors).toBeUndefined();
    expect((await merge(b, c)).errors).toBeUndefined();

    const answers = await server.graphql(`query ($a: ID!, $b: ID!) { a: actor(id: $a) { id mergedIds aliases } b: node(id: $b) { id } }`, {
      a,
      b,
    });
    expect(answers.data).toEqual({ a: { id: c, mergedIds: [a, b].sort(), aliases: [`Chain ${s} B`, `Chain ${s} A`] }, b: { id: c } });
    // Every redirect leads straight to C.
    const redirects = await database.db.read(
      "// testChain\nUNWIND $ids AS id MATCH (r:Redirect {id: id})-[:MERGED_INTO]->(n) RETURN r.id AS id, n.id AS target ORDER BY id",
      { ids: [a, b] },
    );
    expect(redirects).toEqual([
      { id: a, target: c },
      { id: b, target: c },
    ]);
    // A merged id is not a node to merge: the refusal names what it answers as.
    badInput(await merge(a, c), new RegExp(`"${a}" was merged into "${c}" already`));
  });
});

describe("identifiers", () => {
  it("move to into: the identifiers list and the IDENTIFIES of their ExternalId nodes", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const [from, into] = [`actor:m-${s}-from`, `actor:m-${s}-into`];
    const [acled, wikidata, geonames] = [`acled:Ministry of Defence ${s}`, `wikidata:Q${s}`, `geonames:${s}`];
    // Written here directly: whoever wrote them (a bundle, an ACLED row), the merge moves them.
    await database.db.write((tx) =>
      tx.run(
        `// testIdentifiers
        MATCH (f:Actor {id: $from}) MATCH (i:Actor {id: $into})
        SET f.identifiers = [$acled, $wikidata], i.identifiers = [$geonames, $wikidata]
        CREATE (:ExternalId {key: $acled})-[:IDENTIFIES]->(f)
        CREATE (:ExternalId {key: $geonames})-[:IDENTIFIES]->(i)`,
        { from, into, acled, wikidata, geonames },
      ),
    );
    expect((await merge(from, into)).errors).toBeUndefined();
    const rows = await database.db.read(
      `// testIdentifiersMoved
      MATCH (i:Actor {id: $into})
      RETURN i.identifiers AS identifiers, [(x:ExternalId)-[:IDENTIFIES]->(i) | x.key] AS keys`,
      { into },
    );
    expect(rows).toEqual([{ identifiers: [acled, geonames, wikidata].sort(), keys: expect.arrayContaining([acled, geonames]) }]);
    expect((rows[0]!.keys as string[]).length).toBe(2);
  });
});

describe("merging two places", () => {
  it("moves the events, the sites within and the agreements' coverage; into keeps its own parent", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const [from, into] = [`place:m-${s}-from`, `place:m-${s}-into`];
    const response = await merge(from, into);
    expect(response.errors).toBeUndefined();
    expect([...(response.data?.mergeNodes.touched as string[])].sort()).toEqual(
      [into, `event:m-${s}-strike`, `place:m-${s}-market`, `agreement:m-${s}-truce`].sort(),
    );

    const place = await server.graphql(
      `query ($id: ID!) { place(id: $id) { id name aliases mergedIds parent { id } children { id } agreements { id }
        events(includeSubPlaces: true) { edges { node { id } } } } }`,
      { id: from },
    );
    expect(place.data?.place).toEqual({
      id: into,
      name: `Saraqib ${s}`,
      aliases: [`Saraqeb ${s}`],
      mergedIds: [from],
      parent: { id: `place:m-${s}-province` },
      children: [{ id: `place:m-${s}-market` }],
      agreements: [{ id: `agreement:m-${s}-truce` }],
      events: { edges: expect.arrayContaining([{ node: { id: `event:m-${s}-strike` } }, { node: { id: `event:m-${s}-hit` } }]) },
    });
    expect(place.data?.place.events.edges).toHaveLength(2);
    expect(await relationshipsOf(into)).toEqual(
      [
        `COVERS<agreement:m-${s}-truce `,
        `OCCURRED_IN<event:m-${s}-strike `,
        `WITHIN<place:m-${s}-market `,
        `WITHIN>place:m-${s}-province `,
        `MERGED_INTO<${from} `,
      ].sort(),
    );
  });
});

describe("links between the two, and a place without a parent", () => {
  it("drops an alliance between the two, and gives into from's parent when it has none", async () => {
    const s = uniqueSuffix();
    await imported(s);
    // from is allied with the ally: merged, the alliance would be with itself.
    expect((await merge(`actor:m-${s}-ally`, `actor:m-${s}-from`)).errors).toBeUndefined();
    expect(await actor(`actor:m-${s}-from`)).toMatchObject({ allies: [], aliases: [`MoD ${s}`, `Ally ${s}`] });

    const parentless = `place:m-${s}-parentless`;
    const response = await importBundle(server, {
      source: { id: `source:m-${s}-parentless`, title: `Parentless ${s}`, text: `Parentless ${s}.` },
      places: [{ id: parentless, name: `Parentless ${s}`, kind: "TOWN", resolve: false }],
    });
    expect(response.errors).toBeUndefined();
    expect((await merge(`place:m-${s}-into`, parentless)).errors).toBeUndefined();
    const place = await server.graphql(`query ($id: ID!) { place(id: $id) { id parent { id } } }`, { id: `place:m-${s}-into` });
    expect(place.data?.place).toEqual({ id: parentless, parent: { id: `place:m-${s}-province` } });
  });
});

describe("refusals", () => {
  it("refuse with BAD_USER_INPUT naming the reason, and change nothing", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const a = (name: string) => `actor:m-${s}-${name}`;
    const p = (name: string) => `place:m-${s}-${name}`;
    const watched = [a("from"), a("into"), a("unit"), a("state"), p("from"), p("into"), p("market")];
    const before = await Promise.all(watched.map(relationshipsOf));

    badInput(await merge(a("from"), p("into")), /Cannot merge an actor into a place/);
    badInput(await merge(`event:m-${s}-strike`, `event:m-${s}-hit`), /Only actors and places can be merged; "event:m-.*" is an event/);
    badInput(await merge(a("from"), a("from")), /into itself/);
    badInput(await merge(a("nobody"), a("into")), new RegExp(`Unknown actor "${a("nobody")}"`));
    badInput(await merge(a("from"), a("nobody")), new RegExp(`Unknown actor "${a("nobody")}"`));
    badInput(await merge("actor:", a("into")), /Malformed id/);
    // Directly part of it: the link would become a self-loop.
    badInput(await merge(a("unit"), a("from")), new RegExp(`"${a("unit")}" is part of "${a("from")}".*PART_OF.*part of itself`));
    badInput(await merge(a("from"), a("unit")), new RegExp(`"${a("unit")}" is part of "${a("from")}"`));
    // Through another: unit is part of from, which is part of state.
    badInput(await merge(a("unit"), a("state")), new RegExp(`"${a("unit")}" is part of "${a("state")}".*a PART_OF relationship`));
    badInput(await merge(a("state"), a("unit")), /part of itself/);
    badInput(await merge(p("market"), p("from")), new RegExp(`"${p("market")}" lies within "${p("from")}".*WITHIN.*within itself`));
    badInput(await merge(p("other-province"), p("market")), new RegExp(`"${p("market")}" lies within "${p("other-province")}"`));

    expect(await Promise.all(watched.map(relationshipsOf))).toEqual(before);
    expect((await actor(a("from")))?.id).toBe(a("from"));
  });

  it("answer UNAUTHENTICATED to anonymous callers and FORBIDDEN to readers, and change nothing", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const [from, into] = [`actor:m-${s}-from`, `actor:m-${s}-into`];
    const before = await relationshipsOf(from);

    const anonymous = await merge(from, into, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const reader = await merge(from, into, asReader);
    expect(reader.status).toBe(403);
    expect(reader.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    expect((await actor(from))?.id).toBe(from);
    expect(await relationshipsOf(from)).toEqual(before);
  });
});

describe("mergedIds in imports and exports", () => {
  it("are exported, and an import recreates the redirects they name", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const [from, into] = [`actor:m-${s}-from`, `actor:m-${s}-into`];
    expect((await merge(from, into)).errors).toBeUndefined();
    const exported = (await exportGraph(database.db)).bundles.flatMap((bundle) => (bundle.actors as { id: string }[] | undefined) ?? []);
    expect(exported.find((entry) => entry.id === into)).toMatchObject({ mergedIds: [from] });

    // A restored actor listing an id merged into it: the id answers as it, in reads and in the same import.
    const old = `actor:m-${s}-old`;
    const restored = await importBundle(server, {
      source: { id: `source:m-${s}-restore`, title: `Restore ${s}`, text: `Restored ${s}.`, publisher: old },
      actors: [{ id: `actor:m-${s}-restored`, name: `Restored ${s}`, kind: "MEDIA", mergedIds: [old], resolve: false }],
    });
    expect(restored.errors?.[0]?.extensions?.problems ?? restored.errors).toBeUndefined();
    const answer = await server.graphql(
      `query ($id: ID!, $source: ID!) { actor(id: $id) { id mergedIds } source(id: $source) { publisher { id } } }`,
      {
        id: old,
        source: `source:m-${s}-restore`,
      },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      actor: { id: `actor:m-${s}-restored`, mergedIds: [old] },
      source: { publisher: { id: `actor:m-${s}-restored` } },
    });
  });

  it("refuse, as import problems, a merged id that is a live node's or answers as another node", async () => {
    const s = uniqueSuffix();
    await imported(s);
    const [from, into] = [`actor:m-${s}-from`, `actor:m-${s}-into`];
    expect((await merge(from, into)).errors).toBeUndefined();
    const response = await importBundle(server, {
      source: { id: `source:m-${s}-claims`, title: `Claims ${s}`, text: `Claims ${s}.` },
      actors: [
        { id: `actor:m-${s}-claimer`, name: `Claimer ${s}`, kind: "MEDIA", mergedIds: [`actor:m-${s}-state`, from], resolve: false },
        { id: `actor:m-${s}-self`, name: `Self ${s}`, kind: "MEDIA", mergedIds: [`actor:m-${s}-self`, `place:m-${s}-x`], resolve: false },
      ],
    });
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const problems = response.errors?.[0]?.extensions?.problems as { path: string; message: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "actors.0.mergedIds.0", message: expect.stringContaining(`"actor:m-${s}-state" is the id of a node`) },
        { path: "actors.0.mergedIds.1", message: expect.stringContaining(`"${from}" was merged into "${into}"`) },
        { path: "actors.1.mergedIds.0", message: expect.stringContaining("is defined in this bundle") },
        { path: "actors.1.mergedIds.1", message: expect.stringContaining("is not an actor id") },
      ]),
    );
    expect(await actor(`actor:m-${s}-claimer`)).toBeNull();
  });
});

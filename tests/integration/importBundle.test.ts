/**
 * `importBundle` through HTTP: all or nothing, every problem at once, dry runs, counts that make re-imports
 * visible as no-ops, entity resolution and its overrides, hostile strings, and concurrent overlapping imports.
 * Every test owns its data (a unique suffix in ids and names), so nothing here touches the article's graph.
 */
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createDriver } from "../../src/db/driver.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { documentBundle, documentIds, importBundle, keyEnvironment } from "../helpers/writing.js";

const server = useServer(keyEnvironment);

/** Runs a read that must succeed. */
/** Imports and expects success; returns the report. */
async function imported(bundle: unknown, dryRun = false): Promise<Record<string, any>> {
  const response = await importBundle(server, bundle, { dryRun });
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data!.importBundle as Record<string, any>;
}

/** Straight from the database: what the API does not show (audit stamps, duplicates by name). */
async function cypher(statement: string, parameters: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const driver = createDriver({
    uri: inject("neo4jUri"),
    user: "neo4j",
    password: "",
    database: undefined,
    queryTimeoutMs: 30_000,
    connectTimeoutMs: 5_000,
    maxPoolSize: 1,
  });
  try {
    const result = await driver.executeQuery(statement, parameters);
    return result.records.map((record) => record.toObject());
  } finally {
    await driver.close();
  }
}

describe("importBundle", () => {
  it("writes a bundle whole, with evidence located in the source text and every node stamped", async () => {
    const s = uniqueSuffix();
    const bundle = documentBundle(s);
    const report = await imported(bundle);
    expect(report).toEqual({ dryRun: false, created: 7, updated: 0, unchanged: 0, touched: documentIds(s), resolved: [], rows: null });

    const data = await server.read(
      `query ($id: ID!) { event(id: $id) {
        title places { id parent { id } } participants { role actor { id } } fatalities { low high qualifier }
        responsibilityContested evidence { quote start end source { text } } statements { stance }
      } }`,
      { id: `event:w-${s}-strike` },
    );
    expect(data.event).toMatchObject({
      title: bundle.events[0]!.title,
      places: [{ id: `place:w-${s}-market`, parent: { id: `place:w-${s}-province` } }],
      participants: [{ role: "PERPETRATOR", actor: { id: `actor:w-${s}-ministry` } }],
      fatalities: { low: 5, high: 5, qualifier: "EXACT" },
      responsibilityContested: true,
      statements: [{ stance: "DENY" }],
    });
    const [evidence] = data.event.evidence;
    expect(evidence.source.text.slice(evidence.start, evidence.end)).toBe(evidence.quote);

    const stamps = await cypher(
      "MATCH (n) WHERE n.id IN $ids RETURN n.createdBy AS by, n.createdAt IS NOT NULL AND n.updatedAt IS NOT NULL AS stamped",
      {
        ids: documentIds(s),
      },
    );
    expect(stamps).toHaveLength(7);
    expect(stamps.every((row) => row.by === "alice" && row.stamped === true)).toBe(true);
  });

  it("reports 0 created and 0 updated when the same bundle comes again, and leaves updatedAt alone", async () => {
    const s = uniqueSuffix();
    await imported(documentBundle(s));
    const before = await cypher("MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, toString(n.updatedAt) AS at ORDER BY id", {
      ids: documentIds(s),
    });
    const again = await imported(documentBundle(s));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 7, touched: [] });
    const after = await cypher("MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, toString(n.updatedAt) AS at ORDER BY id", {
      ids: documentIds(s),
    });
    expect(after).toEqual(before);
  });

  it("counts a changed node as updated, relationships and evidence included, and replaces what the bundle owns", async () => {
    const s = uniqueSuffix();
    const bundle = documentBundle(s);
    await imported(bundle);
    const changed = structuredClone(bundle);
    changed.events[0]!.participants = [{ actor: `actor:w-${s}-ministry`, role: "TARGET" }];
    changed.claims[0]!.estimate = { low: 6, high: 6, qualifier: "EXACT" };
    changed.statements[0]!.quotes = [`The Ministry of Defence ${s} denied`];
    const report = await imported(changed);
    expect(report).toMatchObject({ created: 0, updated: 3, unchanged: 4 });
    expect(new Set(report.touched)).toEqual(new Set([`event:w-${s}-strike`, `claim:w-${s}-deaths`, `statement:w-${s}-denial`]));
    const data = await server.read(
      `query ($event: ID!, $statement: ID!) {
        event(id: $event) { participants { role } fatalities { low } }
        statement(id: $statement) { evidence { quote } }
      }`,
      { event: `event:w-${s}-strike`, statement: `statement:w-${s}-denial` },
    );
    expect(data.event).toEqual({ participants: [{ role: "TARGET" }], fatalities: { low: 6 } });
    expect(data.statement.evidence).toEqual([{ quote: `The Ministry of Defence ${s} denied` }]);
  });

  it("keeps an updated actor's and place's relationships to nodes the import does not name (parents, allies)", async () => {
    const s = uniqueSuffix();
    const source = { id: `source:wk-${s}`, title: `Kept ${s}`, text: `Kept ${s}.` };
    await imported({
      source,
      actors: [
        { id: `actor:wk-${s}-state`, name: `State ${s}`, kind: "STATE" },
        { id: `actor:wk-${s}-ally`, name: `Ally ${s}`, kind: "STATE" },
        {
          id: `actor:wk-${s}-army`,
          name: `Army ${s}`,
          kind: "ARMED_FORCE",
          partOf: [`actor:wk-${s}-state`],
          allies: [`actor:wk-${s}-ally`],
        },
      ],
      places: [
        { id: `place:wk-${s}-province`, name: `Province ${s}`, kind: "PROVINCE" },
        { id: `place:wk-${s}-town`, name: `Town ${s}`, kind: "TOWN", parent: `place:wk-${s}-province` },
      ],
    });
    // A later import that only adds a spelling to each: they are updated, and their owned relationships written anew.
    const report = await imported({
      source,
      actors: [{ id: `actor:wk-${s}-army`, name: `Army ${s}`, aliases: [`Armed forces ${s}`], kind: "ARMED_FORCE" }],
      places: [{ id: `place:wk-${s}-town`, name: `Town ${s}`, aliases: [`Township ${s}`], kind: "TOWN" }],
    });
    expect(report).toMatchObject({ created: 0, updated: 2 });
    const data = await server.read(
      `query ($actor: ID!, $place: ID!) {
        actor(id: $actor) { aliases partOf { id } allies { id } }
        place(id: $place) { aliases parent { id } }
      }`,
      { actor: `actor:wk-${s}-army`, place: `place:wk-${s}-town` },
    );
    expect(data).toEqual({
      actor: { aliases: [`Armed forces ${s}`], partOf: [{ id: `actor:wk-${s}-state` }], allies: [{ id: `actor:wk-${s}-ally` }] },
      place: { aliases: [`Township ${s}`], parent: { id: `place:wk-${s}-province` } },
    });
  });

  it("with dryRun reports what it would do and writes nothing", async () => {
    const s = uniqueSuffix();
    const report = await imported(documentBundle(s), true);
    expect(report).toMatchObject({ dryRun: true, created: 7, updated: 0, unchanged: 0 });
    expect(report.touched).toHaveLength(7);
    expect(await cypher("MATCH (n) WHERE n.id IN $ids RETURN n.id", { ids: documentIds(s) })).toEqual([]);
  });

  it("refuses the whole bundle, writing nothing, and names every problem: unknown references by id and type, missing quotes", async () => {
    const s = uniqueSuffix();
    const bundle = documentBundle(s);
    bundle.events[0]!.places.push("place:nowhere-" + s);
    bundle.events[0]!.participants.push({ actor: "actor:syria", role: "TARGET" }); // exists, as an actor: fine
    (bundle.claims[0] as Record<string, unknown>).assertedBy = "actor:idlib-governorate"; // exists only as a place
    bundle.claims[0]!.quotes.push("words the report never says");
    bundle.statements[0]!.about.push(`event:w-${s}-missing`);
    const response = await importBundle(server, bundle);
    expect(response.status).toBe(200);
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error!.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error!.extensions?.problems).toEqual(
      expect.arrayContaining([
        { path: "events.0.places.1", message: expect.stringContaining(`place:nowhere-${s}`) },
        { path: "claims.0.assertedBy", message: expect.stringContaining('unknown actor "actor:idlib-governorate"') },
        { path: "claims.0.quotes.1", message: expect.stringContaining("quote not found") },
        { path: "statements.0.about.1", message: expect.stringContaining(`event:w-${s}-missing`) },
      ]),
    );
    expect(error!.extensions?.problems).toHaveLength(4);
    expect(await cypher("MATCH (n) WHERE n.id IN $ids RETURN n.id", { ids: documentIds(s) })).toEqual([]);
  });

  it("reports schema problems with their paths (GraphQL types first, then the bundle's own rules)", async () => {
    const s = uniqueSuffix();
    const bundle = documentBundle(s);
    bundle.events[0]!.date = "2020-02-30";
    (bundle.actors[0] as Record<string, unknown>).id = "place:not-an-actor";
    const response = await importBundle(server, bundle);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const wrongKind = await importBundle(server, {
      ...documentBundle(s),
      events: [{ ...documentBundle(s).events[0], category: "PICNIC" }],
    });
    expect(wrongKind.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await cypher("MATCH (n) WHERE n.id IN $ids RETURN n.id", { ids: documentIds(s) })).toEqual([]);
  });

  it("stores hostile strings literally: Cypher fragments, quotes, backslashes and unicode in names and text", async () => {
    const s = uniqueSuffix();
    const hostile = [
      `Robert'); MATCH (n) DETACH DELETE n; // ${s}`,
      `"}) RETURN 1 UNION MATCH (x) SET x.owned = true //`,
      String.raw`back\slash \\ \u0000 \n not a newline`,
      "Ma\u02bfarrat al-Nu\u02bfm\u0101n \u{1F4A3} \u0645\u0639\u0631\u0629 \u0627\u0644\u0646\u0639\u0645\u0627\u0646 \u202Eright-to-left",
      "${injection} {{template}} <script>alert(1)</script>",
    ];
    const bundle = documentBundle(s);
    bundle.actors[0]!.name = hostile[0]!;
    (bundle.actors[0] as Record<string, unknown>).aliases = hostile.slice(1);
    (bundle.actors[0] as Record<string, unknown>).description = hostile.join(" | ");
    bundle.source.title = hostile[1]!;
    bundle.source.text += ` ${hostile.join(" ")}`;
    bundle.claims[0]!.text = hostile[2]!;
    bundle.claims[0]!.quotes.push(hostile[3]!);
    const report = await imported(bundle);
    expect(report.created).toBe(7);

    const data = await server.read(
      `query ($actor: ID!, $source: ID!, $claim: ID!) {
        actor(id: $actor) { name aliases description }
        source(id: $source) { title text }
        claim(id: $claim) { text evidence { quote } }
      }`,
      { actor: `actor:w-${s}-ministry`, source: `source:w-${s}`, claim: `claim:w-${s}-deaths` },
    );
    expect(data.actor).toEqual({ name: hostile[0], aliases: hostile.slice(1), description: hostile.join(" | ") });
    expect(data.source).toEqual({ title: hostile[1], text: bundle.source.text });
    expect(data.claim.text).toBe(hostile[2]);
    expect(data.claim.evidence.map((e: { quote: string }) => e.quote)).toContain(hostile[3]);
    // Nothing was executed: the article is still there and nothing got an `owned` flag.
    expect(await cypher("MATCH (n) WHERE n.owned IS NOT NULL RETURN n.id", {})).toEqual([]);
    expect(await cypher("MATCH (s:Source {id: 'source:anadolu-2019-07-23-idlib-airstrikes'}) RETURN s.id", {})).toHaveLength(1);
    // And a name search finds the hostile alias through its normalised form.
    const hits = await server.read(`query ($q: String!) { search(query: $q, types: [ACTOR]) { node { id } } }`, { q: `Maarrat al Numan` });
    expect(hits.search.map((hit: { node: { id: string } }) => hit.node.id)).toContain(`actor:w-${s}-ministry`);
  });

  it("refuses ids that are not ids, however they are dressed", async () => {
    const s = uniqueSuffix();
    const bundle = documentBundle(s);
    (bundle.places[1] as Record<string, unknown>).id = "place:x}) DETACH DELETE (n";
    const response = await importBundle(server, bundle);
    expect(response.errors?.[0]?.extensions?.problems).toEqual(
      expect.arrayContaining([{ path: "places.1.id", message: expect.stringContaining("is not a place id") }]),
    );
  });
});

describe("entity resolution", () => {
  /** A second document naming the first one's province and market under new ids and other spellings. */
  function secondBundle(s: string, t: string, places: Record<string, unknown>[], extraText = "") {
    const text = `Shelling hit Kafr Zeeta ${s} again on 5 March 2020. ${extraText}`;
    return {
      source: { id: `source:w-${t}-second`, title: `Second report ${t}`, text },
      places,
      events: [
        {
          id: `event:w-${t}-shelling`,
          title: "Shelling",
          category: "EXPLOSIONS_REMOTE_VIOLENCE",
          type: "SHELLING_ARTILLERY_MISSILE_ATTACK",
          date: "2020-03-05",
          datePrecision: "DAY",
          places: [String(places.at(-1)!.id)],
          quotes: ["Shelling hit"],
        },
      ],
    };
  }

  it("links a new spelling of an existing place of the same kind to it, adds the spelling as an alias and rewrites references", async () => {
    const s = uniqueSuffix();
    const t = uniqueSuffix();
    await imported(documentBundle(s));
    const report = await imported(
      secondBundle(s, t, [
        { id: `place:w-${t}-province`, name: `HAMADIYA PROVINCE ${s}`, kind: "PROVINCE" },
        { id: `place:w-${t}-market`, name: `Kafr Zeeta ${s} market`, kind: "SITE", parent: `place:w-${t}-province` },
      ]),
    );
    expect(report.resolved).toEqual([
      { id: `place:w-${t}-province`, matchedId: `place:w-${s}-province`, name: `HAMADIYA PROVINCE ${s}`, by: "NAME" },
      { id: `place:w-${t}-market`, matchedId: `place:w-${s}-market`, name: `Kafr Zeeta ${s} market`, by: "NAME" },
    ]);
    expect(report).toMatchObject({ created: 2, updated: 2 });
    const data = await server.read(
      `query ($market: ID!, $event: ID!, $ghost: ID!) {
        market: place(id: $market) { aliases }
        event(id: $event) { places { id } }
        ghost: place(id: $ghost) { id }
      }`,
      { market: `place:w-${s}-market`, event: `event:w-${t}-shelling`, ghost: `place:w-${t}-market` },
    );
    expect(data.market.aliases).toEqual([`Kafr Zeeta ${s} market`]);
    expect(data.event.places).toEqual([{ id: `place:w-${s}-market` }]);
    expect(data.ghost).toBeNull();

    // The same second bundle again: nothing changes, the matches are made again the same way.
    const again = await imported(
      secondBundle(s, t, [
        { id: `place:w-${t}-province`, name: `HAMADIYA PROVINCE ${s}`, kind: "PROVINCE" },
        { id: `place:w-${t}-market`, name: `Kafr Zeeta ${s} market`, kind: "SITE", parent: `place:w-${t}-province` },
      ]),
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it("keeps a same-named place of another kind apart (a district named after its city)", async () => {
    const s = uniqueSuffix();
    const t = uniqueSuffix();
    await imported(documentBundle(s));
    const report = await imported(secondBundle(s, t, [{ id: `place:w-${t}-district`, name: `Hamadiyah Province ${s}`, kind: "DISTRICT" }]));
    expect(report.resolved).toEqual([]);
    expect(report.created).toBe(3);
  });

  it("is overridden by resolve: false, by sameAs, and by an id that already exists", async () => {
    const s = uniqueSuffix();
    const t = uniqueSuffix();
    await imported(documentBundle(s));
    const separate = await imported(
      secondBundle(s, t, [{ id: `place:w-${t}-province`, name: `Hamadiyah Province ${s}`, kind: "PROVINCE", resolve: false }]),
    );
    expect(separate.resolved).toEqual([]);
    expect(separate.touched).toContain(`place:w-${t}-province`);

    const u = uniqueSuffix();
    const linked = await imported(
      secondBundle(s, u, [{ id: `place:w-${u}-elsewhere`, name: `Qasr ${u}`, kind: "TOWN", sameAs: `place:w-${s}-market` }]),
    );
    expect(linked.resolved).toEqual([{ id: `place:w-${u}-elsewhere`, matchedId: `place:w-${s}-market`, name: `Qasr ${u}`, by: "SAME_AS" }]);
    const market = await server.read(`query ($id: ID!) { place(id: $id) { kind aliases } }`, { id: `place:w-${s}-market` });
    expect(market.place).toEqual({ kind: "SITE", aliases: [`Qasr ${u}`] });

    // The curator's correction after a wrong match: drop the spelling it added.
    const corrected = structuredClone(documentBundle(s));
    (corrected.places[1] as Record<string, unknown>).removeAliases = [`QASR ${u}`];
    expect(await imported(corrected)).toMatchObject({ updated: 1, touched: [`place:w-${s}-market`] });
    expect((await server.read(`query ($id: ID!) { place(id: $id) { aliases } }`, { id: `place:w-${s}-market` })).place.aliases).toEqual([]);

    // The province's own id, given again under another spelling: that node, renamed; the old name becomes an alias.
    const renamed = structuredClone(documentBundle(s));
    renamed.places[0]!.name = `Hamadiyeh Governorate ${s}`;
    expect(await imported(renamed)).toMatchObject({ resolved: [], updated: 1 });
    const province = await server.read(`query ($id: ID!) { place(id: $id) { name aliases } }`, { id: `place:w-${s}-province` });
    expect(province.place).toEqual({ name: `Hamadiyeh Governorate ${s}`, aliases: [`Hamadiyah Province ${s}`] });
  });

  it("matches transliterations and ignores case and diacritics, for actors too", async () => {
    const s = uniqueSuffix();
    const t = uniqueSuffix();
    await imported({
      ...documentBundle(s),
      actors: [
        { id: `actor:w-${s}-ministry`, name: `Ministry of Defence ${s}`, kind: "GOVERNMENT_BODY" },
        { id: `actor:w-${s}-group`, name: `Jaish al-Izza ${s}`, kind: "ARMED_GROUP" },
      ],
    });
    const report = await imported({
      source: { id: `source:w-${t}-note`, title: `Note ${t}`, text: "A note." },
      actors: [
        { id: `actor:w-${t}-group`, name: `Jaysh al-\u02bfIzzah ${s}`, kind: "ARMED_GROUP" },
        { id: `actor:w-${t}-ministry`, name: `MINISTRY OF DÉFENCE ${s}`, kind: "GOVERNMENT_BODY", partOf: [`actor:w-${t}-group`] },
        { id: `actor:w-${t}-person`, name: `Ministry of Defence ${s}`, kind: "PERSON" },
      ],
    });
    expect(report.resolved.map((match: { id: string; matchedId: string }) => [match.id, match.matchedId])).toEqual([
      [`actor:w-${t}-group`, `actor:w-${s}-group`],
      [`actor:w-${t}-ministry`, `actor:w-${s}-ministry`],
    ]);
    const data = await server.read(`query ($id: ID!) { actor(id: $id) { aliases partOf { id } } }`, { id: `actor:w-${s}-ministry` });
    // The case and accent variant adds no alias; the relationship given under the new id is kept on the match.
    expect(data.actor).toEqual({ aliases: [], partOf: [{ id: `actor:w-${s}-group` }] });
  });

  it("refuses to guess between two equally good matches", async () => {
    const s = uniqueSuffix();
    const t = uniqueSuffix();
    await imported({
      source: { id: `source:w-${s}-twins`, title: "Twins", text: "Twins." },
      actors: [
        { id: `actor:w-${s}-a`, name: `Liwa ${s}`, kind: "ARMED_GROUP" },
        { id: `actor:w-${s}-b`, name: `Liwa ${s}`, kind: "ARMED_GROUP", resolve: false },
      ],
    });
    const response = await importBundle(server, {
      source: { id: `source:w-${t}-third`, title: "Third", text: "Third." },
      actors: [{ id: `actor:w-${t}-c`, name: `LIWA ${s}`, kind: "ARMED_GROUP" }],
    });
    expect(response.errors?.[0]?.extensions?.problems).toEqual([
      { path: "actors.0.name", message: expect.stringContaining(`actor:w-${s}-a, actor:w-${s}-b`) },
    ]);
  });
});

describe("concurrency", () => {
  it("overlapping bundles imported at the same time leave one node per id and per name, each created once", async () => {
    const s = uniqueSuffix();
    const first = documentBundle(s);
    // The second defines the first's actor and province by id, and its market under another id and spelling.
    const second = {
      source: { id: `source:w-${s}-other`, title: "Other", text: `Kafr Zeeta ${s} market was hit again.` },
      actors: first.actors,
      places: [
        first.places[0]!,
        { id: `place:w-${s}-market-b`, name: `Kafr Zeeta ${s} market`, kind: "SITE", parent: `place:w-${s}-province` },
      ],
      events: [
        {
          id: `event:w-${s}-again`,
          title: "Hit again",
          category: "EXPLOSIONS_REMOTE_VIOLENCE",
          type: "AIR_DRONE_STRIKE",
          date: "2020-03-06",
          datePrecision: "DAY",
          places: [`place:w-${s}-market-b`],
          participants: [{ actor: `actor:w-${s}-ministry`, role: "PERPETRATOR" }],
          quotes: ["was hit again"],
        },
      ],
    };
    const reports = await Promise.all([importBundle(server, first), importBundle(server, second), importBundle(server, first)]);
    for (const response of reports) expect(response.errors).toBeUndefined();

    // Whichever came first, the market exists once, under one of its two ids, and both strikes happened there.
    const ids = [...documentIds(s), `source:w-${s}-other`, `place:w-${s}-market-b`, `event:w-${s}-again`];
    const nodes = await cypher("MATCH (n) WHERE n.id IN $ids RETURN n.id AS id", { ids });
    expect(nodes).toHaveLength(9);
    const markets = await cypher("MATCH (p:Place {kind: 'SITE'}) WHERE p.id IN $ids RETURN p.id AS id", { ids });
    expect(markets).toHaveLength(1);
    const strikes = await cypher("MATCH (e:Event)-[:OCCURRED_IN]->(p:Place) WHERE e.id IN $ids RETURN DISTINCT p.id AS id", { ids });
    expect(strikes).toEqual(markets);
    // The import lock serialises imports, so the counts add up: every node reported created exactly once.
    const created = reports.reduce((sum, response) => sum + Number(response.data!.importBundle.created), 0);
    expect(created).toBe(9);
  });
});

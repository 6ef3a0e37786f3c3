/**
 * The core contract answered against the seeded article, through HTTP. The article's key facts
 * (tolls, dates, who denies what) are asserted literally; counts that merely restate the bundle are
 * derived from it. List queries are scoped to Idlib Governorate where other test files could add data.
 */
import { describe, expect, it } from "vitest";
import { normalizeName } from "../../src/model/text.js";
import { article, articleIds, articleQuotes } from "../helpers/article.js";
import { useServer } from "../helpers/server.js";

const MAARAT = "event:2019-07-22-maarat-al-numan-market-airstrike";
const SARAQIB = "event:2019-07-22-saraqib-market-airstrike";
const BIDAMA = "event:2019-07-22-bidama-talmenes-al-kabina-airstrikes";
const TUESDAY = "event:2019-07-23-idlib-airstrikes";
const SOCHI = "agreement:sochi-memorandum-2018";
const DENIAL = "statement:russian-mod-denies-marketplace-strike";
const SOURCE = "source:anadolu-2019-07-23-idlib-airstrikes";
const IDLIB = "place:idlib-governorate";

const server = useServer();

/** Runs a query that must succeed and returns its data. */
async function query(text: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await server.graphql(text, variables);
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data!;
}

const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);
const articleIdSet = new Set(articleIds());
/** The article's part of a whole-graph list: other test files add nodes of their own while this one runs. */
const fromArticle = (connection: { edges: { node: { id: string } }[] }) => edgeIds(connection).filter((id) => articleIdSet.has(id));
const names = (nodes: { name: string }[]) => nodes.map((node) => node.name);
const edgeIds = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id);

/** Events inside Idlib Governorate matching `filter`, as ids in list order. */
async function idlibEvents(filter: Record<string, unknown> = {}, orderBy = "DATE_DESC"): Promise<string[]> {
  const data = await query(
    `query ($filter: EventFilter, $orderBy: EventOrder) {
      events(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { id } } }
    }`,
    { filter: { placeId: IDLIB, ...filter }, orderBy },
  );
  expect(data.events.totalCount).toBe(data.events.edges.length);
  return edgeIds(data.events);
}

describe("events", () => {
  it("are the article's four strikes: three on Monday 2019-07-22, one on Tuesday 2019-07-23, all air strikes known to the day", async () => {
    const data = await query(
      `{
        maarat: event(id: "${MAARAT}") { ...fields }
        saraqib: event(id: "${SARAQIB}") { ...fields }
        bidama: event(id: "${BIDAMA}") { ...fields }
        tuesday: event(id: "${TUESDAY}") { ...fields }
        list: events(filter: { placeId: "${IDLIB}" }, first: 100) { totalCount edges { node { id } } }
      }
      fragment fields on Event { id title date datePrecision category type summary }`,
    );
    expect(data.maarat).toMatchObject({ id: MAARAT, date: "2019-07-22", datePrecision: "DAY" });
    expect(data.saraqib).toMatchObject({ id: SARAQIB, date: "2019-07-22", datePrecision: "DAY" });
    expect(data.bidama).toMatchObject({ id: BIDAMA, date: "2019-07-22", datePrecision: "DAY" });
    expect(data.tuesday).toMatchObject({ id: TUESDAY, date: "2019-07-23", datePrecision: "DAY" });
    for (const event of [data.maarat, data.saraqib, data.bidama, data.tuesday]) {
      expect(event).toMatchObject({ category: "EXPLOSIONS_REMOTE_VIOLENCE", type: "AIR_DRONE_STRIKE" });
      const seeded = article.events!.find((e) => e.id === event.id)!;
      expect(event).toMatchObject({ title: seeded.title, summary: seeded.summary });
    }
    expect(data.list.totalCount).toBe(4);
    expect(new Set(edgeIds(data.list))).toEqual(new Set([MAARAT, SARAQIB, BIDAMA, TUESDAY]));
  });

  it("answer a count alone, a page alone and both together alike (only the selected parts are fetched)", async () => {
    const data = await query(
      `{
        countOnly: events(filter: { placeId: "${IDLIB}" }) { totalCount }
        pageOnly: events(filter: { placeId: "${IDLIB}" }, first: 3) { edges { node { id } } pageInfo { hasNextPage endCursor } }
        both: events(filter: { placeId: "${IDLIB}" }, first: 3) { ...counted }
        fragmentOnly: events(filter: { placeId: "${IDLIB}" }) { ... on EventConnection { totalCount } }
      }
      fragment counted on EventConnection { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }`,
    );
    expect(data.countOnly.totalCount).toBe(4);
    expect(data.fragmentOnly.totalCount).toBe(4);
    expect(data.both.totalCount).toBe(4);
    expect(edgeIds(data.pageOnly)).toEqual(edgeIds(data.both));
    expect(edgeIds(data.pageOnly)).toHaveLength(3);
    expect(data.pageOnly.pageInfo).toEqual(data.both.pageInfo);
    expect(data.pageOnly.pageInfo.hasNextPage).toBe(true);
  });

  it("combine each event's casualty claims: Maarat 39 exactly, Saraqib at least 7, Bidama/Talmenes/Al-Kabina 4, Tuesday at least 2", async () => {
    const data = await query(
      `{
        maarat: event(id: "${MAARAT}") { ...tolls }
        saraqib: event(id: "${SARAQIB}") { ...tolls }
        bidama: event(id: "${BIDAMA}") { ...tolls }
        tuesday: event(id: "${TUESDAY}") { ...tolls }
      }
      fragment tolls on Event {
        fatalities { low high qualifier }
        injuries { low high qualifier }
        claims { id kind estimate { low high qualifier } }
      }`,
    );
    expect(data.maarat.fatalities).toEqual({ low: 39, high: 39, qualifier: "EXACT" });
    expect(data.maarat.injuries).toBeNull();
    expect(data.saraqib.fatalities).toEqual({ low: 7, high: null, qualifier: "AT_LEAST" });
    // "dozens of others wounded": ACLED's convention records dozens as at least 12.
    expect(data.saraqib.injuries).toEqual({ low: 12, high: null, qualifier: "AT_LEAST" });
    expect(data.bidama.fatalities).toEqual({ low: 4, high: 4, qualifier: "EXACT" });
    expect(data.bidama.injuries).toBeNull();
    expect(data.tuesday.fatalities).toEqual({ low: 2, high: null, qualifier: "AT_LEAST" });
    // "half a dozen more were injured"
    expect(data.tuesday.injuries).toEqual({ low: 6, high: 6, qualifier: "ABOUT" });

    const saraqibFatalities = data.saraqib.claims.find((claim: any) => claim.kind === "FATALITIES");
    expect(saraqibFatalities).toEqual({
      id: "claim:saraqib-fatalities-local-sources",
      kind: "FATALITIES",
      estimate: { low: 7, high: null, qualifier: "AT_LEAST" },
    });
    const perpetratorClaim = data.saraqib.claims.find((claim: any) => claim.kind === "PERPETRATOR");
    expect(perpetratorClaim.estimate).toBeNull();

    const byEvent: [string, any][] = [
      [MAARAT, data.maarat],
      [SARAQIB, data.saraqib],
      [BIDAMA, data.bidama],
      [TUESDAY, data.tuesday],
    ];
    for (const [eventId, event] of byEvent) {
      const seeded = article.claims!.filter((claim) => claim.event === eventId).map((claim) => claim.id);
      expect(new Set(ids(event.claims))).toEqual(new Set(seeded));
    }
  });

  it("name their places, perpetrators (through claims) and participants, optionally by role", async () => {
    const data = await query(
      `{
        maarat: event(id: "${MAARAT}") { ...who }
        saraqib: event(id: "${SARAQIB}") { ...who }
        bidama: event(id: "${BIDAMA}") {
          ...who
          perpetratorsOnly: participants(role: PERPETRATOR) { role actor { id } }
          victims: participants(role: VICTIM) { role actor { id } }
          targets: participants(role: TARGET) { role actor { id } }
        }
        tuesday: event(id: "${TUESDAY}") { ...who }
      }
      fragment who on Event {
        places { id }
        perpetrators { id name }
        participants { role actor { id } }
      }`,
    );
    expect(ids(data.maarat.places)).toEqual(["place:maarat-al-numan-market"]);
    expect(ids(data.saraqib.places)).toEqual(["place:saraqib-market"]);
    expect(ids(data.bidama.places)).toEqual(["place:al-kabina", "place:bidama", "place:talmenes"]);
    expect(ids(data.tuesday.places)).toEqual([IDLIB]);

    // The civil defence blames Russian jets; the U.S. blames Russia and Syria.
    expect(ids(data.maarat.perpetrators)).toEqual(["actor:russia", "actor:russian-aerospace-forces", "actor:syria"]);
    expect(ids(data.saraqib.perpetrators)).toEqual(["actor:syrian-arab-air-force"]);
    expect(ids(data.bidama.perpetrators)).toEqual(["actor:russian-aerospace-forces", "actor:syrian-arab-air-force"]);
    // The report names no perpetrator for Tuesday's strikes.
    expect(data.tuesday.perpetrators).toEqual([]);

    expect(data.bidama.participants).toEqual([
      { role: "PERPETRATOR", actor: { id: "actor:russian-aerospace-forces" } },
      { role: "PERPETRATOR", actor: { id: "actor:syrian-arab-air-force" } },
      { role: "VICTIM", actor: { id: "actor:civilians-syria" } },
    ]);
    expect(data.bidama.perpetratorsOnly).toEqual(data.bidama.participants.slice(0, 2));
    expect(data.bidama.victims).toEqual([{ role: "VICTIM", actor: { id: "actor:civilians-syria" } }]);
    expect(data.bidama.targets).toEqual([]);
    expect(data.tuesday.participants).toEqual([{ role: "VICTIM", actor: { id: "actor:civilians-syria" } }]);
  });

  it("carry claims with who asserts them, in which source and whether they are disputed", async () => {
    const data = await query(
      `{
        event(id: "${MAARAT}") {
          claims {
            id kind text
            event { id }
            actors { id }
            assertedBy { id }
            source { id }
            disputedBy { id }
          }
        }
        claim(id: "claim:saraqib-fatalities-local-sources") { assertedBy { id } disputedBy { id } }
      }`,
    );
    const claims = new Map<string, any>(data.event.claims.map((claim: any): [string, any] => [claim.id, claim]));
    expect(claims.get("claim:maarat-al-numan-fatalities-civil-defence")).toMatchObject({
      kind: "FATALITIES",
      assertedBy: { id: "actor:syria-civil-defence" },
      disputedBy: [],
    });
    expect(claims.get("claim:maarat-al-numan-perpetrator-us")).toMatchObject({
      kind: "PERPETRATOR",
      actors: [{ id: "actor:russia" }, { id: "actor:syria" }],
      assertedBy: { id: "actor:us-department-of-state" },
      disputedBy: [{ id: DENIAL }],
    });
    expect(claims.get("claim:maarat-al-numan-perpetrator-civil-defence")).toMatchObject({
      actors: [{ id: "actor:russian-aerospace-forces" }],
      disputedBy: [{ id: DENIAL }],
    });
    for (const claim of claims.values()) {
      expect(claim.event).toEqual({ id: MAARAT });
      expect(claim.source).toEqual({ id: SOURCE });
      expect(claim.text).toBe(article.claims!.find((seeded) => seeded.id === claim.id)!.text);
    }
    // "local sources in the field": the source does not say who.
    expect(data.claim).toEqual({ assertedBy: null, disputedBy: [] });
  });
});

describe("the harmed, as the article names them", () => {
  const CIVIL_DEFENCE = "actor:syria-civil-defence";

  it("lets a researcher ask for the events in which civil-defence workers were killed, with the claim and words that say so", async () => {
    const data = await query(
      `query ($actor: ID!) {
        actor(id: $actor) {
          name aliases
          events(role: VICTIM) {
            totalCount
            edges {
              node {
                id
                fatalities { low high qualifier }
                victims: participants(role: VICTIM) { actor { id } }
                claims { id kind text actors { id } assertedBy { id } evidence { quote } }
              }
            }
          }
        }
        events(filter: { actorId: $actor, role: VICTIM }) { totalCount edges { node { id } } }
      }`,
      { actor: CIVIL_DEFENCE },
    );
    expect(data.actor.aliases).toContain("White Helmets");
    // The White Helmets volunteer killed at Maarat al-Numan: the one event of the article.
    expect(edgeIds(data.actor.events)).toEqual([MAARAT]);
    expect(fromArticle(data.events)).toEqual([MAARAT]);

    const [{ node: event }] = data.actor.events.edges;
    expect(ids(event.victims.map((victim: { actor: { id: string } }) => victim.actor))).toEqual(["actor:civilians-syria", CIVIL_DEFENCE]);
    // The claim naming the civil defence as harmed, resting on the article's own words.
    const naming = event.claims.filter((claim: { actors: { id: string }[] }) => ids(claim.actors).includes(CIVIL_DEFENCE));
    expect(naming).toHaveLength(1);
    expect(naming[0]).toMatchObject({ assertedBy: { id: CIVIL_DEFENCE }, text: expect.stringContaining("White Helmets volunteer") });
    expect(naming[0].evidence.map((item: { quote: string }) => item.quote).join(" ")).toContain("including a White Helmets volunteer");
    // The volunteer is one of the 39 civilians: the toll stays 39, not 39 + 1 (DOMAIN.md: counts are never added up).
    expect(event.fatalities).toEqual({ low: 39, high: 39, qualifier: "EXACT" });
  });

  it("codes every event's harmed civilians, and the civil defence only where its volunteer died", async () => {
    const data = await query(
      `{
        events(filter: { placeId: "${IDLIB}", role: VICTIM }, first: 100) {
          edges { node { id participants(role: VICTIM) { actor { id } } } }
        }
      }`,
    );
    const victims = new Map(
      data.events.edges.map(({ node }: { node: { id: string; participants: { actor: { id: string } }[] } }) => [
        node.id,
        node.participants.map((participant) => participant.actor.id),
      ]),
    );
    expect(victims).toEqual(
      new Map([
        [TUESDAY, ["actor:civilians-syria"]],
        [SARAQIB, ["actor:civilians-syria"]],
        [MAARAT, ["actor:civilians-syria", CIVIL_DEFENCE]],
        [BIDAMA, ["actor:civilians-syria"]],
      ]),
    );
  });
});

describe("the Russian denial", () => {
  it("is an undated DENY by the Russian Ministry of Defence, dated by its report, disputing both claims that blame the Maarat strike on Russia", async () => {
    const data = await query(
      `{
        statement(id: "${DENIAL}") {
          id stance date datePrecision text
          speaker { id }
          onBehalfOf { id }
          about { id }
          targets { id }
          invokes { id }
          disputes { id kind assertedBy { id } }
          source { id publishedOn }
        }
      }`,
    );
    expect(data.statement).toMatchObject({
      stance: "DENY",
      date: null,
      datePrecision: null,
      speaker: { id: "actor:russian-ministry-of-defence" },
      onBehalfOf: { id: "actor:russia" },
      about: [{ id: MAARAT }],
      targets: [],
      invokes: [],
      source: { id: SOURCE, publishedOn: "2019-07-23" },
    });
    expect(data.statement.disputes).toEqual([
      { id: "claim:maarat-al-numan-perpetrator-civil-defence", kind: "PERPETRATOR", assertedBy: { id: "actor:syria-civil-defence" } },
      { id: "claim:maarat-al-numan-perpetrator-us", kind: "PERPETRATOR", assertedBy: { id: "actor:us-department-of-state" } },
    ]);
  });

  it("makes the Maarat strike's responsibility contested, and no other", async () => {
    const data = await query(
      `{
        maarat: event(id: "${MAARAT}") { responsibilityContested statements(stance: DENY) { id } }
        saraqib: event(id: "${SARAQIB}") { responsibilityContested statements(stance: DENY) { id } }
        bidama: event(id: "${BIDAMA}") { responsibilityContested }
        tuesday: event(id: "${TUESDAY}") { responsibilityContested }
      }`,
    );
    expect(data.maarat).toEqual({ responsibilityContested: true, statements: [{ id: DENIAL }] });
    expect(data.saraqib).toEqual({ responsibilityContested: false, statements: [] });
    expect(data.bidama.responsibilityContested).toBe(false);
    expect(data.tuesday.responsibilityContested).toBe(false);
  });
});

describe("places", () => {
  it("sit in a hierarchy: market -> Maarat al-Numan -> Idlib Governorate -> Syria", async () => {
    const data = await query(
      `{
        market: place(id: "place:maarat-al-numan-market") { kind parent { id } ancestors { id name } children { id } location { latitude longitude } }
        maarat: place(id: "place:maarat-al-numan") { name aliases kind parent { id } location { latitude longitude } children { id } }
        idlib: place(id: "${IDLIB}") { name kind wikidataId aliases parent { id } ancestors { id } children { id } }
        syria: place(id: "place:syria") { kind wikidataId parent { id } ancestors { id } children { id } }
      }`,
    );
    expect(data.market.kind).toBe("SITE");
    expect(data.market.parent).toEqual({ id: "place:maarat-al-numan" });
    // Nearest first.
    expect(data.market.ancestors).toEqual([
      { id: "place:maarat-al-numan", name: "Maarat al-Numan" },
      { id: IDLIB, name: "Idlib Governorate" },
      { id: "place:syria", name: "Syria" },
    ]);
    expect(data.market.children).toEqual([]);
    expect(data.market.location).toBeNull();

    expect(data.maarat).toEqual({
      name: "Maarat al-Numan",
      aliases: ["Ma'arrat al-Nu'man", "Maarrat an-Nu'man"],
      kind: "CITY",
      parent: { id: IDLIB },
      location: { latitude: 35.6433, longitude: 36.6717 },
      children: [{ id: "place:maarat-al-numan-market" }],
    });

    expect(data.idlib).toMatchObject({ name: "Idlib Governorate", kind: "PROVINCE", wikidataId: "Q233218", parent: { id: "place:syria" } });
    expect(data.idlib.aliases).toContain("Idleb");
    expect(data.idlib.ancestors).toEqual([{ id: "place:syria" }]);
    expect(ids(data.idlib.children)).toEqual([
      "place:al-kabina",
      "place:bidama",
      "place:maarat-al-numan",
      "place:saraqib",
      "place:talmenes",
    ]);

    expect(data.syria).toEqual({ kind: "COUNTRY", wikidataId: "Q858", parent: null, ancestors: [], children: [{ id: IDLIB }] });
  });

  it("list the events inside them, by default including sub-places", async () => {
    const data = await query(
      `{
        idlib: place(id: "${IDLIB}") {
          all: events { totalCount edges { node { id } } }
          own: events(includeSubPlaces: false) { totalCount edges { node { id } } }
        }
        maarat: place(id: "place:maarat-al-numan") { events { totalCount edges { node { id } } } }
        syria: place(id: "place:syria") { events(filter: { minFatalities: 5 }) { totalCount } }
      }`,
    );
    expect(data.idlib.all.totalCount).toBe(4);
    // Newest first; same-day events tie-break on id (descending, like the date).
    expect(edgeIds(data.idlib.all)).toEqual([TUESDAY, SARAQIB, MAARAT, BIDAMA]);
    expect(edgeIds(data.idlib.own)).toEqual([TUESDAY]);
    expect(edgeIds(data.maarat.events)).toEqual([MAARAT]);
    expect(data.syria.events.totalCount).toBe(2);
  });
});

describe("the Sochi agreement", () => {
  it("was signed 2018-09-17 by Turkey and Russia, covers Idlib Governorate, and is violated by all four strikes", async () => {
    const data = await query(
      `{
        agreement(id: "${SOCHI}") {
          id name signedOn datePrecision endsOn summary
          parties { id name }
          covers { id }
          violations { totalCount edges { node { id date } } pageInfo { hasNextPage hasPreviousPage } }
        }
      }`,
    );
    const { agreement } = data;
    expect(agreement).toMatchObject({ signedOn: "2018-09-17", datePrecision: "DAY", endsOn: null });
    expect(names(agreement.parties)).toEqual(["Russia", "Turkey"]);
    expect(ids(agreement.covers)).toEqual([IDLIB]);
    expect(agreement.violations.totalCount).toBe(4);
    expect(edgeIds(agreement.violations)).toEqual([TUESDAY, SARAQIB, MAARAT, BIDAMA]);
    expect(agreement.violations.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false });
  });

  it("is what each strike violates, and applies to a site inside Idlib through the place hierarchy", async () => {
    const data = await query(
      `{
        events(filter: { placeId: "${IDLIB}" }) { edges { node { id violates { id } } } }
        market: place(id: "place:maarat-al-numan-market") { agreements { id } }
        talmenes: place(id: "place:talmenes") { agreements { id } }
        idlib: place(id: "${IDLIB}") { agreements { id } }
        syria: place(id: "place:syria") { agreements { id } }
        turkey: actor(id: "actor:turkey") { agreements { id } }
        us: actor(id: "actor:united-states") { agreements { id } }
      }`,
    );
    expect(data.events.edges).toHaveLength(4);
    for (const { node } of data.events.edges) expect(node.violates).toEqual([{ id: SOCHI }]);
    expect(data.market.agreements).toEqual([{ id: SOCHI }]);
    expect(data.talmenes.agreements).toEqual([{ id: SOCHI }]);
    expect(data.idlib.agreements).toEqual([{ id: SOCHI }]);
    // The memorandum covers Idlib, not the whole country.
    expect(data.syria.agreements).toEqual([]);
    expect(data.turkey.agreements).toEqual([{ id: SOCHI }]);
    expect(data.us.agreements).toEqual([]);
  });
});

describe("statements", () => {
  it("made by Morgan Ortagus: a condemnation, an accusation and a call for a ceasefire, for the State Department", async () => {
    const data = await query(
      `{
        actor(id: "actor:morgan-ortagus") {
          statements {
            totalCount
            edges { node { id stance date datePrecision text onBehalfOf { id } targets { id } invokes { id } about { id } source { id } } }
          }
        }
      }`,
    );
    const { statements } = data.actor;
    expect(statements.totalCount).toBe(3);
    const byStance = new Map<string, any>(statements.edges.map(({ node }: any): [string, any] => [node.stance, node]));
    expect([...byStance.keys()].sort()).toEqual(["ACCUSE", "CALL_FOR", "CONDEMN"]);
    for (const statement of byStance.values()) {
      expect(statement).toMatchObject({ date: "2019-07-23", datePrecision: "DAY", onBehalfOf: { id: "actor:us-department-of-state" } });
      expect(statement.source).toEqual({ id: SOURCE });
      expect(ids(statement.targets)).toEqual(["actor:russia", "actor:syria"]);
    }
    expect(byStance.get("CONDEMN").text).toContain("These strikes are an act of desperation.");
    expect(ids(byStance.get("CONDEMN").about)).toEqual([MAARAT]);
    expect(byStance.get("CONDEMN").invokes).toEqual([]);
    // The call for a return to the ceasefire appeals to the Sochi memorandum.
    expect(byStance.get("CALL_FOR").invokes).toEqual([{ id: SOCHI }]);
    // About all four strikes, oldest first.
    expect(ids(byStance.get("CALL_FOR").about)).toEqual([BIDAMA, MAARAT, SARAQIB, TUESDAY]);
  });

  it("about Russia and Syria, and about the Maarat strike by stance", async () => {
    const data = await query(
      `{
        russia: actor(id: "actor:russia") { statementsAbout { totalCount edges { node { id stance speaker { id } } } } }
        syria: actor(id: "actor:syria") { statementsAbout { totalCount edges { node { id } } } }
        maarat: event(id: "${MAARAT}") {
          condemnations: statements(stance: CONDEMN) { id speaker { id name } }
          all: statements { id stance }
        }
        anadolu: statement(id: "statement:2019-07-23-anadolu-regime-broke-ceasefire") { speaker { id } onBehalfOf { id } targets { id } invokes { id } }
        snhr: statement(id: "statement:2019-07-12-snhr-report-idlib-civilian-deaths") { date stance targets { id } about { id } }
      }`,
    );
    expect(data.russia.statementsAbout.totalCount).toBe(3);
    expect(new Set(data.russia.statementsAbout.edges.map(({ node }: any) => node.stance as string))).toEqual(
      new Set(["CONDEMN", "ACCUSE", "CALL_FOR"]),
    );
    for (const { node } of data.russia.statementsAbout.edges) expect(node.speaker).toEqual({ id: "actor:morgan-ortagus" });
    // Syria is also accused by Anadolu of breaking the ceasefire.
    expect(data.syria.statementsAbout.totalCount).toBe(4);
    expect(edgeIds(data.syria.statementsAbout)).toContain("statement:2019-07-23-anadolu-regime-broke-ceasefire");

    expect(data.maarat.condemnations).toEqual([
      {
        id: "statement:2019-07-23-us-condemns-maarat-al-numan-airstrikes",
        speaker: { id: "actor:morgan-ortagus", name: "Morgan Ortagus" },
      },
    ]);
    expect(data.maarat.all.map((statement: any) => statement.stance as string).sort()).toEqual(["ACCUSE", "CALL_FOR", "CONDEMN", "DENY"]);

    expect(data.anadolu).toEqual({
      speaker: { id: "actor:anadolu-agency" },
      onBehalfOf: null,
      targets: [{ id: "actor:syria" }],
      invokes: [{ id: SOCHI }],
    });
    expect(data.snhr).toEqual({ date: "2019-07-12", stance: "REPORT", targets: [{ id: "actor:syrian-government-forces" }], about: [] });
  });
});

describe("actors", () => {
  it("belong to bodies nearest first, have members, and allies both ways", async () => {
    const data = await query(
      `{
        ortagus: actor(id: "actor:morgan-ortagus") { name kind description partOf { id name kind } }
        jets: actor(id: "actor:russian-aerospace-forces") { aliases partOf { id } }
        regimeJets: actor(id: "actor:syrian-arab-air-force") { partOf { id } }
        us: actor(id: "actor:united-states") { kind wikidataId partOf { id } members { id } }
        state: actor(id: "actor:us-department-of-state") { wikidataId members { id } }
        syria: actor(id: "actor:syria") { allies { id } members { id } }
        russia: actor(id: "actor:russia") { allies { id } members { id } }
        turkey: actor(id: "actor:turkey") { allies { id } aliases }
      }`,
    );
    expect(data.ortagus).toMatchObject({
      name: "Morgan Ortagus",
      kind: "PERSON",
      description: "Spokesperson of the U.S. Department of State",
    });
    expect(data.ortagus.partOf).toEqual([
      { id: "actor:us-department-of-state", name: "U.S. Department of State", kind: "GOVERNMENT_BODY" },
      { id: "actor:united-states", name: "United States", kind: "STATE" },
    ]);
    expect(data.jets.aliases).toContain("Russian jets");
    expect(ids(data.jets.partOf)).toEqual(["actor:russian-ministry-of-defence", "actor:russia"]);
    expect(ids(data.regimeJets.partOf)).toEqual(["actor:syrian-government-forces", "actor:syria"]);
    expect(data.us).toEqual({ kind: "STATE", wikidataId: "Q30", partOf: [], members: [{ id: "actor:us-department-of-state" }] });
    expect(data.state).toEqual({ wikidataId: "Q789915", members: [{ id: "actor:morgan-ortagus" }] });
    expect(data.syria).toEqual({ allies: [{ id: "actor:russia" }], members: [{ id: "actor:syrian-government-forces" }] });
    expect(data.russia).toEqual({ allies: [{ id: "actor:syria" }], members: [{ id: "actor:russian-ministry-of-defence" }] });
    expect(data.turkey.allies).toEqual([]);
    expect(data.turkey.aliases).toContain("Türkiye");
  });

  it("list the events they took part in, by role", async () => {
    const data = await query(
      `{
        jets: actor(id: "actor:russian-aerospace-forces") {
          perpetrated: events(role: PERPETRATOR) { totalCount edges { node { id } } }
          suffered: events(role: VICTIM) { totalCount }
        }
        civilians: actor(id: "actor:civilians-syria") { events(role: VICTIM, filter: { from: "2019-07-23" }) { totalCount edges { node { id } } } }
      }`,
    );
    expect(data.jets.perpetrated.totalCount).toBe(2);
    expect(edgeIds(data.jets.perpetrated)).toEqual([MAARAT, BIDAMA]);
    expect(data.jets.suffered.totalCount).toBe(0);
    expect(edgeIds(data.civilians.events)).toEqual([TUESDAY]);
  });
});

describe("the source", () => {
  it("holds the article's full text and its publisher", async () => {
    const data = await query(`{ source(id: "${SOURCE}") { id title publishedOn url text publisher { id name kind } } }`);
    expect(data.source).toEqual({
      id: SOURCE,
      title: article.source.title,
      publishedOn: "2019-07-23",
      url: null,
      text: article.source.text,
      publisher: { id: "actor:anadolu-agency", name: "Anadolu Agency", kind: "MEDIA" },
    });
    expect(data.source.text).toContain("killing 39 civilians");
  });
});

describe("node(id:)", () => {
  it("finds a node of every type and names its type", async () => {
    const cases: [string, string][] = [
      ["actor:russia", "Actor"],
      [IDLIB, "Place"],
      [MAARAT, "Event"],
      [SOCHI, "Agreement"],
      [DENIAL, "Statement"],
      [SOURCE, "Source"],
      ["claim:saraqib-fatalities-local-sources", "Claim"],
    ];
    const data = await query(`{ ${cases.map(([id], i) => `n${i}: node(id: "${id}") { __typename id }`).join("\n")} }`);
    cases.forEach(([id, typename], i) => expect(data[`n${i}`]).toEqual({ __typename: typename, id }));
  });

  it("exposes each type's own fields through fragments", async () => {
    const data = await query(
      `{
        actor: node(id: "actor:russia") { ... on Actor { name wikidataId } }
        place: node(id: "place:saraqib") { ... on Place { name aliases } }
        event: node(id: "${SARAQIB}") { ... on Event { fatalities { low } } }
        claim: node(id: "claim:bidama-talmenes-al-kabina-fatalities-anadolu") { ... on Claim { estimate { low high qualifier } } }
      }`,
    );
    expect(data.actor).toEqual({ name: "Russia", wikidataId: "Q159" });
    expect(data.place).toEqual({ name: "Saraqib", aliases: ["Saraqeb"] });
    expect(data.event).toEqual({ fatalities: { low: 7 } });
    expect(data.claim).toEqual({ estimate: { low: 4, high: 4, qualifier: "EXACT" } });
  });
});

describe("evidence", () => {
  it("every quote in the graph is the exact slice of the source text its offsets point to", async () => {
    const data = await query(
      `{
        events(filter: { placeId: "${IDLIB}" }, first: 100) {
          edges { node { id evidence { ...evidence } claims { id evidence { ...evidence } } } }
        }
        statements(first: 100) { edges { node { id evidence { ...evidence } } } }
        agreements(first: 100) { edges { node { id evidence { ...evidence } } } }
      }
      fragment evidence on Evidence { quote start end source { id text } }`,
    );
    const found = new Map<string, { quote: string; start: number; end: number; source: { id: string; text: string } }[]>();
    for (const { node } of data.events.edges) {
      found.set(node.id, node.evidence);
      for (const claim of node.claims) found.set(claim.id, claim.evidence);
    }
    for (const { node } of [...data.statements.edges, ...data.agreements.edges]) found.set(node.id, node.evidence);

    const expected = articleQuotes();
    const quotesInBundle = [...expected.values()].reduce((sum, quotes) => sum + quotes.length, 0);
    expect(quotesInBundle).toBe(33);

    let checked = 0;
    for (const [nodeId, evidence] of found) {
      for (const { quote, start, end, source } of evidence) {
        expect(source.text.slice(start, end), `${nodeId}: ${quote}`).toBe(quote);
        expect(end - start).toBe(quote.length);
        if (source.id === SOURCE) checked += 1;
      }
    }
    expect(checked).toBe(quotesInBundle);
    // And each node rests on exactly the quotes its bundle gave it.
    for (const [nodeId, quotes] of expected) {
      const evidence = found.get(nodeId);
      expect(evidence, nodeId).toBeDefined();
      expect(evidence!.map((item) => item.quote).sort(), nodeId).toEqual([...quotes].sort());
      for (const item of evidence!) expect(item.source.id).toBe(SOURCE);
    }
  });
});

describe("lists", () => {
  it("events under a place include events at sites two levels down", async () => {
    const list = await idlibEvents();
    expect(list).toHaveLength(4);
    expect(list).toContain(MAARAT); // at the Maarat al-Numan market, a site inside a city inside the province
    expect(list).toContain(SARAQIB);
    const maarat = await query(`{ events(filter: { placeId: "place:maarat-al-numan" }) { edges { node { id } } } }`);
    expect(edgeIds(maarat.events)).toEqual([MAARAT]);
  });

  it("filter events by actor and role", async () => {
    expect(await idlibEvents({ actorId: "actor:russian-aerospace-forces", role: "PERPETRATOR" })).toEqual([MAARAT, BIDAMA]);
    expect(await idlibEvents({ actorId: "actor:syrian-arab-air-force" })).toEqual([SARAQIB, BIDAMA]);
    expect(await idlibEvents({ actorId: "actor:russian-aerospace-forces", role: "VICTIM" })).toEqual([]);
    expect(await idlibEvents({ actorId: "actor:civilians-syria", role: "VICTIM" })).toEqual([TUESDAY, SARAQIB, MAARAT, BIDAMA]);
    // Role alone: events with any perpetrator on record.
    expect(await idlibEvents({ role: "PERPETRATOR" })).toEqual([SARAQIB, MAARAT, BIDAMA]);
  });

  it("filter events by date range, inclusive at both ends", async () => {
    expect(await idlibEvents({ from: "2019-07-23" })).toEqual([TUESDAY]);
    expect(await idlibEvents({ to: "2019-07-22" })).toEqual([SARAQIB, MAARAT, BIDAMA]);
    expect(await idlibEvents({ from: "2019-07-22", to: "2019-07-22" })).toEqual([SARAQIB, MAARAT, BIDAMA]);
    expect(await idlibEvents({ from: "2019-07-24" })).toEqual([]);
    expect(await idlibEvents({ to: "2018-09-16" })).toEqual([]);
  });

  it("filter events by conservative death toll, contestedness and category", async () => {
    expect(await idlibEvents({ minFatalities: 5 })).toEqual([SARAQIB, MAARAT]);
    expect(await idlibEvents({ minFatalities: 39 })).toEqual([MAARAT]);
    expect(await idlibEvents({ minFatalities: 40 })).toEqual([]);
    expect(await idlibEvents({ contested: true })).toEqual([MAARAT]);
    expect(await idlibEvents({ contested: false })).toEqual([TUESDAY, SARAQIB, BIDAMA]);
    expect(await idlibEvents({ categories: ["EXPLOSIONS_REMOTE_VIOLENCE"] })).toHaveLength(4);
    expect(await idlibEvents({ categories: ["BATTLES", "PROTESTS"] })).toEqual([]);
    expect(await idlibEvents({ types: ["AIR_DRONE_STRIKE"] })).toHaveLength(4);
  });

  it("order events by death toll, most killed first", async () => {
    expect(await idlibEvents({}, "FATALITIES_DESC")).toEqual([MAARAT, SARAQIB, BIDAMA, TUESDAY]);
    expect(await idlibEvents({}, "DATE_ASC")).toEqual([BIDAMA, MAARAT, SARAQIB, TUESDAY]);
    const data = await query(
      `{ events(filter: { placeId: "${IDLIB}" }, orderBy: FATALITIES_DESC) { edges { node { fatalities { low } } } } }`,
    );
    expect(data.events.edges.map(({ node }: any) => node.fatalities.low as number)).toEqual([39, 7, 4, 2]);
  });

  it("actors by kind and by a name or alias, ignoring case and diacritics", async () => {
    const data = await query(
      `{
        states: actors(filter: { kinds: [STATE] }, first: 100) { ...actors }
        helmets: actors(filter: { nameContains: "white helmets" }, first: 100) { ...actors }
        turkiye: actors(filter: { nameContains: "TURKIYE" }, first: 100) { ...actors }
        forces: actors(filter: { kinds: [ARMED_FORCE], nameContains: "syria" }, first: 100) { ...actors }
      }
      fragment actors on ActorConnection { totalCount edges { node { id name aliases kind } } }`,
    );
    /** Each actor's name and aliases, normalised, in one string. */
    const spellings = (connection: { edges: { node: { name: string; aliases: string[] } }[] }) =>
      connection.edges.map(({ node }) => [node.name, ...node.aliases].map(normalizeName).join(" | "));
    for (const connection of [data.states, data.helmets, data.turkiye, data.forces]) {
      expect(connection.totalCount).toBe(connection.edges.length);
    }
    expect(fromArticle(data.states)).toEqual(["actor:russia", "actor:syria", "actor:turkey", "actor:united-states"]);
    for (const { node } of data.states.edges) expect(node.kind).toBe("STATE");
    // "White Helmets" is an alias of the Syria Civil Defence.
    expect(fromArticle(data.helmets)).toEqual(["actor:syria-civil-defence"]);
    for (const name of spellings(data.helmets)) expect(name).toContain("white helmets");
    // "Türkiye" is an alias of Turkey.
    expect(fromArticle(data.turkiye)).toEqual(["actor:turkey"]);
    for (const name of spellings(data.turkiye)) expect(name).toContain("turkiye");
    expect(fromArticle(data.forces)).toEqual(["actor:syrian-arab-air-force", "actor:syrian-government-forces"]);
    for (const { node } of data.forces.edges) expect(node.kind).toBe("ARMED_FORCE");
    for (const name of spellings(data.forces)) expect(name).toContain("syria");
  });

  it("places inside a place, transitively", async () => {
    const data = await query(
      `{
        inIdlib: places(filter: { withinId: "${IDLIB}" }) { totalCount edges { node { id } } }
        sites: places(filter: { withinId: "place:syria", kinds: [SITE] }) { edges { node { id } } }
        named: places(filter: { nameContains: "maarrat an-nu'man" }) { edges { node { id } } }
      }`,
    );
    const inside = article
      .places!.filter((place) => place.parent && place.id !== IDLIB && place.id !== "place:syria")
      .map((place) => place.id);
    expect(data.inIdlib.totalCount).toBe(7);
    expect(new Set(edgeIds(data.inIdlib))).toEqual(new Set(inside));
    expect(edgeIds(data.inIdlib)).toEqual([
      "place:al-kabina",
      "place:bidama",
      "place:maarat-al-numan",
      "place:maarat-al-numan-market",
      "place:saraqib",
      "place:saraqib-market",
      "place:talmenes",
    ]);
    expect(edgeIds(data.sites)).toEqual(["place:maarat-al-numan-market", "place:saraqib-market"]);
    expect(edgeIds(data.named)).toEqual(["place:maarat-al-numan"]);
  });

  it("statements by stance, speaker, event and date; agreements", async () => {
    const data = await query(
      `{
        denials: statements(filter: { stances: [DENY] }, first: 100) { totalCount edges { node { id stance date source { publishedOn } } } }
        ortagus: statements(filter: { speakerId: "actor:morgan-ortagus" }) { totalCount }
        aboutSaraqib: statements(filter: { aboutEventId: "${SARAQIB}" }) { totalCount }
        targetingForces: statements(filter: { targetId: "actor:syrian-government-forces" }) { edges { node { id } } }
        beforeTheStrikes: statements(filter: { to: "2019-07-21" }, first: 100) { edges { node { id date source { publishedOn } } } }
        agreements { totalCount edges { node { id signedOn } } }
      }`,
    );
    expect(fromArticle(data.denials)).toEqual([DENIAL]);
    for (const { node } of data.denials.edges) expect(node.stance).toBe("DENY");
    const denial = data.denials.edges.find(({ node }: any) => node.id === DENIAL).node;
    expect(denial).toEqual({ id: DENIAL, stance: "DENY", date: null, source: { publishedOn: "2019-07-23" } });
    expect(data.ortagus.totalCount).toBe(3);
    expect(data.aboutSaraqib.totalCount).toBe(2);
    expect(edgeIds(data.targetingForces)).toEqual(["statement:2019-07-12-snhr-report-idlib-civilian-deaths"]);
    // Undated statements count from the date of the report that carried them.
    expect(fromArticle(data.beforeTheStrikes)).toEqual(["statement:2019-07-12-snhr-report-idlib-civilian-deaths"]);
    for (const { node } of data.beforeTheStrikes.edges) expect((node.date ?? node.source.publishedOn) <= "2019-07-21").toBe(true);
    expect(data.agreements.edges.map(({ node }: any) => node as unknown)).toContainEqual({ id: SOCHI, signedOn: "2018-09-17" });
  });
});

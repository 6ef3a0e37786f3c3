/**
 * Roll-ups (issue 13, item 3): an actor's events with its members' (includeMembers) and with those that claims blame
 * on it (credited), and the research fields that must count the same set: eventStats(groupBy: PERPETRATOR,
 * includeMembers) and coInvolved. Through HTTP on the real Neo4j, on a bundle of the test's own: a state, a force
 * part of it, a unit part of the force, a rival group and civilians.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useServer } from "../helpers/server.js";
import { uniqueSuffix, writeTestBundle } from "../helpers/bundles.js";

type Role = "PERPETRATOR" | "TARGET" | "VICTIM";
type ActorKey = "state" | "force" | "unit" | "rival" | "civilians";

interface FixtureEvent {
  name: string;
  date: string;
  participants: [ActorKey, Role][];
  /** The actors a PERPETRATOR claim about the event names. */
  credited: ActorKey[];
  fatalities?: number;
}

const s = uniqueSuffix();
const actorId = (key: ActorKey) => `actor:rollup-${s}-${key}`;
const eventId = (name: string) => `event:rollup-${s}-${name}`;
const placeId = `place:rollup-${s}-town`;

/** Each actor's parent (PART_OF). */
const PARENT: Partial<Record<ActorKey, ActorKey>> = { force: "state", unit: "force" };

// One event a day, so that no two could be taken for reports of one incident.
const EVENTS: FixtureEvent[] = [
  { name: "both", date: "2021-01-07", participants: [["unit", "PERPETRATOR"]], credited: ["state", "unit"], fatalities: 3 },
  { name: "credited", date: "2021-01-06", participants: [["civilians", "VICTIM"]], credited: ["state"], fatalities: 5 },
  {
    name: "raid",
    date: "2021-01-05",
    participants: [
      ["unit", "PERPETRATOR"],
      ["civilians", "VICTIM"],
    ],
    credited: [],
    fatalities: 2,
  },
  {
    name: "shelling",
    date: "2021-01-04",
    participants: [
      ["unit", "PERPETRATOR"],
      ["civilians", "VICTIM"],
    ],
    credited: [],
  },
  {
    name: "clash",
    date: "2021-01-03",
    participants: [
      ["unit", "PERPETRATOR"],
      ["rival", "TARGET"],
    ],
    credited: [],
    fatalities: 7,
  },
  {
    name: "ambush",
    date: "2021-01-02",
    participants: [
      ["rival", "PERPETRATOR"],
      ["force", "TARGET"],
    ],
    credited: [],
    fatalities: 11,
  },
  // A claim about the toll names the state: that credits nothing.
  { name: "other", date: "2021-01-01", participants: [["rival", "PERPETRATOR"]], credited: ["rival"], fatalities: 13 },
];

function bundle() {
  const quote = (name: string) => `Report on ${name} ${s}.`;
  const text = EVENTS.map((event) => quote(event.name)).join(" ");
  const kinds: Record<ActorKey, string> = {
    state: "STATE",
    force: "ARMED_FORCE",
    unit: "ARMED_FORCE",
    rival: "ARMED_GROUP",
    civilians: "CIVILIANS",
  };
  return {
    source: { id: `source:rollup-${s}`, title: `Roll-up report ${s}`, publishedOn: "2021-01-10", text },
    actors: (Object.keys(kinds) as ActorKey[]).map((key) => ({
      id: actorId(key),
      name: `Rollup ${key} ${s}`,
      kind: kinds[key],
      ...(PARENT[key] ? { partOf: [actorId(PARENT[key])] } : {}),
    })),
    places: [{ id: placeId, name: `Rollup town ${s}`, kind: "TOWN" }],
    events: EVENTS.map((event) => ({
      id: eventId(event.name),
      title: `Strike ${event.name} ${s}`,
      category: "EXPLOSIONS_REMOTE_VIOLENCE",
      type: "SHELLING_ARTILLERY_MISSILE_ATTACK",
      date: event.date,
      datePrecision: "DAY",
      places: [placeId],
      participants: event.participants.map(([actor, role]) => ({ actor: actorId(actor), role })),
    })),
    claims: EVENTS.flatMap((event) => [
      ...(event.credited.length > 0
        ? [
            {
              id: `claim:rollup-${s}-${event.name}-perpetrator`,
              kind: "PERPETRATOR",
              text: "who struck",
              event: eventId(event.name),
              actors: event.credited.map(actorId),
              quotes: [quote(event.name)],
            },
          ]
        : []),
      ...(event.fatalities !== undefined
        ? [
            {
              id: `claim:rollup-${s}-${event.name}-fatalities`,
              kind: "FATALITIES",
              text: `${event.fatalities} dead`,
              event: eventId(event.name),
              estimate: { low: event.fatalities, high: event.fatalities, qualifier: "EXACT" },
              ...(event.name === "other" ? { actors: [actorId("state")] } : {}),
              quotes: [quote(event.name)],
            },
          ]
        : []),
    ]),
  };
}

/** The actor and, with includeMembers, every actor part of it, transitively: worked out from the fixture. */
function selves(actor: ActorKey, includeMembers: boolean): Set<ActorKey> {
  const found = new Set<ActorKey>([actor]);
  if (!includeMembers) return found;
  let grown = true;
  while (grown) {
    grown = false;
    for (const [child, parent] of Object.entries(PARENT) as [ActorKey, ActorKey][]) {
      if (found.has(parent) && !found.has(child)) {
        found.add(child);
        grown = true;
      }
    }
  }
  return found;
}

interface Options {
  role: Role | null;
  includeMembers: boolean;
  credited: boolean;
}

/** The events the schema's description of Actor.events promises, newest first: the fixture read by hand. */
function expectedEvents(actor: ActorKey, { role, includeMembers, credited }: Options): string[] {
  const mine = selves(actor, includeMembers);
  const creditedCounts = credited && (role === null || role === "PERPETRATOR");
  return EVENTS.filter(
    (event) =>
      event.participants.some(([who, as]) => mine.has(who) && (role === null || as === role)) ||
      (creditedCounts && event.credited.some((who) => mine.has(who))),
  )
    .sort((a, b) => b.date.localeCompare(a.date) || eventId(b.name).localeCompare(eventId(a.name)))
    .map((event) => eventId(event.name));
}

const OPTIONS: Options[] = [null, "PERPETRATOR", "TARGET", "VICTIM"].flatMap((role) =>
  [false, true].flatMap((includeMembers) => [false, true].map((credited) => ({ role: role as Role | null, includeMembers, credited }))),
);

const argumentsOf = ({ role, includeMembers, credited }: Options, extra = "") =>
  `${role ? `role: ${role}, ` : ""}includeMembers: ${includeMembers}, credited: ${credited}${extra}`;

interface EventsConnection {
  totalCount: number;
  edges: { cursor: string; node: { id: string; fatalities: { low: number } | null; participants: { actor: { id: string } }[] } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const CONNECTION = `totalCount
  edges { cursor node { id fatalities { low } participants { actor { id } } } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

const server = useServer();
beforeAll(async () => {
  await writeTestBundle(bundle());
});

async function data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await server.graphql<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** The options in requests of four: few statements at once, so that a busy machine answers each within the query timeout. */
const OPTION_BATCHES = [0, 4, 8, 12].map((start) => OPTIONS.slice(start, start + 4));

/** Every combination of role, includeMembers and credited for one actor. */
async function allOptions(actor: ActorKey): Promise<Map<Options, EventsConnection>> {
  const found = new Map<Options, EventsConnection>();
  for (const batch of OPTION_BATCHES) {
    const fields = batch.map((options, i) => `o${i}: events(${argumentsOf(options)}, first: 20) { ${CONNECTION} }`);
    const answer = await data<{ actor: Record<string, EventsConnection> }>(`{ actor(id: "${actorId(actor)}") { ${fields.join("\n")} } }`);
    batch.forEach((options, i) => found.set(options, answer.actor[`o${i}`]!));
  }
  return found;
}

interface Shared {
  actor: { id: string };
  sharedEvents: number;
}

const ids = (connection: EventsConnection) => connection.edges.map((edge) => edge.node.id);

describe("Actor.events", () => {
  it.each(["state", "force", "unit"] as ActorKey[])("%s: each option alone and combined, in every role", async (actor) => {
    for (const [options, connection] of await allOptions(actor)) {
      const expected = expectedEvents(actor, options);
      expect({ options, ids: ids(connection) }).toEqual({ options, ids: expected });
      expect({ options, totalCount: connection.totalCount }).toEqual({ options, totalCount: expected.length });
    }
  });

  it("counts what the schema says for the state, by hand", async () => {
    const found = await data(`{ actor(id: "${actorId("state")}") {
      direct: events { totalCount }
      credited: events(credited: true) { edges { node { id } } }
      members: events(includeMembers: true) { edges { node { id } } }
      blamed: events(role: PERPETRATOR, includeMembers: true, credited: true) { edges { node { id } } }
      targeted: events(role: TARGET, includeMembers: true, credited: true) { edges { node { id } } }
      all: events(includeMembers: true, credited: true) { totalCount edges { node { id } } }
    } }`);
    const listed = (key: string) => ids(found.actor[key] as EventsConnection);
    expect(found.actor.direct.totalCount).toBe(0);
    expect(listed("credited")).toEqual(["both", "credited"].map(eventId));
    expect(listed("members")).toEqual(["both", "raid", "shelling", "clash", "ambush"].map(eventId));
    expect(listed("blamed")).toEqual(["both", "credited", "raid", "shelling", "clash"].map(eventId));
    // Credited events count as PERPETRATOR: a TARGET list gains none.
    expect(listed("targeted")).toEqual([eventId("ambush")]);
    expect(found.actor.all.totalCount).toBe(6);
    expect(listed("all")).toEqual(["both", "credited", "raid", "shelling", "clash", "ambush"].map(eventId));
  });

  it("lists an event both credited to an actor and carried out by it once", async () => {
    const found = await data(`{ actor(id: "${actorId("unit")}") { events(credited: true) { totalCount edges { node { id } } } } }`);
    expect(found.actor.events.totalCount).toBe(4);
    expect(found.actor.events.edges.filter((edge: { node: { id: string } }) => edge.node.id === eventId("both"))).toHaveLength(1);
  });

  it("applies the filter on top, its actorId to that actor's own participation", async () => {
    const found = await data(`{
      unit: actor(id: "${actorId("unit")}") { events(filter: { actorId: "${actorId("civilians")}" }) { edges { node { id } } } }
      state: actor(id: "${actorId("state")}") {
        events(includeMembers: true, credited: true, filter: { actorId: "${actorId("civilians")}", to: "2021-01-05" }) { totalCount edges { node { id } } }
      }
    }`);
    expect(found.unit.events.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(["raid", "shelling"].map(eventId));
    expect(found.state.events.totalCount).toBe(2);
    expect(found.state.events.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(["raid", "shelling"].map(eventId));
  });

  it("pages the rolled-up list both ways with a steady totalCount", async () => {
    const expected = expectedEvents("state", { role: null, includeMembers: true, credited: true });
    const page = async (args: Record<string, unknown>) =>
      (
        await data<{ actor: { events: EventsConnection } }>(
          `query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
            actor(id: $id) { events(includeMembers: true, credited: true, first: $first, after: $after, last: $last, before: $before) { ${CONNECTION} } }
          }`,
          { id: actorId("state"), ...args },
        )
      ).actor.events;

    const forwards: string[] = [];
    let after: string | null = null;
    for (let more = true; more;) {
      const current: EventsConnection = await page({ first: 2, after });
      expect(current.totalCount).toBe(expected.length);
      expect(current.pageInfo.hasPreviousPage).toBe(after !== null);
      forwards.push(...ids(current));
      after = current.pageInfo.endCursor;
      more = current.pageInfo.hasNextPage;
    }
    expect(forwards).toEqual(expected);

    const backwards: string[] = [];
    let before: string | null = null;
    for (let more = true; more;) {
      const current: EventsConnection = await page({ last: 2, before });
      expect(current.totalCount).toBe(expected.length);
      backwards.unshift(...ids(current));
      before = current.pageInfo.startCursor;
      more = current.pageInfo.hasPreviousPage;
    }
    expect(backwards).toEqual(expected);
  });
});

describe("eventStats(groupBy: PERPETRATOR) agrees with Actor.events", () => {
  const FILTER = `, filter: { placeId: "${placeId}" }`;

  it.each([false, true])("includeMembers %s: each actor's bucket is its events(role: PERPETRATOR, credited: true)", async (rolledUp) => {
    const keys: ActorKey[] = ["state", "force", "unit", "rival", "civilians"];
    // Two requests: together they would cost more than an anonymous caller may ask (src/http/queryCost.ts).
    const stats = await data(`{ eventStats(groupBy: PERPETRATOR, includeMembers: ${rolledUp}${FILTER}) { key events fatalitiesLow } }`);
    const found = await data(`{
      ${keys
        .map(
          (key) => `${key}: actor(id: "${actorId(key)}") {
            events(role: PERPETRATOR, includeMembers: ${rolledUp}, credited: true${FILTER}, first: 20) { ${CONNECTION} }
          }`,
        )
        .join("\n")}
    }`);
    const buckets = new Map<string, { events: number; fatalitiesLow: number }>(
      stats.eventStats.map((bucket: { key: string; events: number; fatalitiesLow: number }) => [bucket.key, bucket]),
    );
    for (const key of keys) {
      const events: EventsConnection = found[key].events;
      const bucket = buckets.get(actorId(key)) ?? { events: 0, fatalitiesLow: 0 };
      const fatalities = events.edges.reduce((sum, edge) => sum + (edge.node.fatalities?.low ?? 0), 0);
      expect({ key, events: bucket.events, fatalitiesLow: bucket.fatalitiesLow }).toEqual({
        key,
        events: events.totalCount,
        fatalitiesLow: fatalities,
      });
    }
    // The fixture read by hand: the unit's strikes count for the force and the state once rolled up.
    expect(buckets.get(actorId("state"))?.events).toBe(rolledUp ? 5 : 2);
    expect(buckets.get(actorId("force"))?.events).toBe(rolledUp ? 4 : undefined);
  });

  it("refuses includeMembers with another grouping, before any Cypher", async () => {
    const before = await server.queriesSent();
    const response = await server.graphql("{ eventStats(groupBy: MONTH, includeMembers: true) { key } }");
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "includeMembers" });
    expect(await server.queriesSent()).toBe(before);
  });
});

describe("coInvolved agrees with Actor.events", () => {
  it.each(["state", "force"] as ActorKey[])("%s: the other participants of the same events, for every option", async (actor) => {
    const coInvolved = new Map<Options, Shared[]>();
    for (const batch of OPTION_BATCHES) {
      const fields = batch.map(
        (options, i) => `c${i}: coInvolved(actorId: "${actorId(actor)}", ${argumentsOf(options)}, first: 20) { actor { id } sharedEvents }`,
      );
      const answer = await data<Record<string, Shared[]>>(`{ ${fields.join("\n")} }`);
      batch.forEach((options, i) => coInvolved.set(options, answer[`c${i}`]!));
    }
    for (const [options, events] of await allOptions(actor)) {
      const excluded = new Set([...selves(actor, options.includeMembers)].map(actorId));
      const shared = new Map<string, number>();
      for (const { node } of events.edges) {
        for (const other of new Set(node.participants.map((participant) => participant.actor.id))) {
          if (!excluded.has(other)) shared.set(other, (shared.get(other) ?? 0) + 1);
        }
      }
      const expected = [...shared].map(([id, sharedEvents]) => ({ id, sharedEvents })).sort((a, b) => a.id.localeCompare(b.id));
      const actual = coInvolved
        .get(options)!
        .map((row) => ({ id: row.actor.id, sharedEvents: row.sharedEvents }))
        .sort((a, b) => a.id.localeCompare(b.id));
      expect({ options, actual }).toEqual({ options, actual: expected });
    }
  });

  it("finds the participants of what a claim blames on the state, and of its members' events with includeMembers", async () => {
    const found = await data(`{
      credited: coInvolved(actorId: "${actorId("state")}", credited: true) { actor { id } sharedEvents }
      members: coInvolved(actorId: "${actorId("state")}", includeMembers: true, credited: true) { actor { id } sharedEvents }
    }`);
    // Without includeMembers the unit that struck is another actor like any other.
    expect(found.credited).toEqual([
      { actor: { id: actorId("civilians") }, sharedEvents: 1 },
      { actor: { id: actorId("unit") }, sharedEvents: 1 },
    ]);
    expect(found.members).toEqual([
      { actor: { id: actorId("civilians") }, sharedEvents: 3 },
      { actor: { id: actorId("rival") }, sharedEvents: 2 },
    ]);
  });
});

describe("the article", () => {
  it("blames Russia for the Maarat al-Numan strike, and its forces' strikes roll up to it", async () => {
    const filter = 'filter: { placeId: "place:idlib-governorate" }';
    const found = await data(`{
      actor(id: "actor:russia") {
        direct: events { totalCount }
        credited: events(credited: true) { edges { node { id } } }
        blamed: events(role: PERPETRATOR, includeMembers: true, credited: true, ${filter}) { totalCount edges { node { id } } }
      }
      eventStats(groupBy: PERPETRATOR, includeMembers: true, ${filter}) { key events }
    }`);
    expect(found.actor.direct.totalCount).toBe(0);
    const credited = found.actor.credited.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(credited).toContain("event:2019-07-22-maarat-al-numan-market-airstrike");
    const blamed = found.actor.blamed.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(blamed).toEqual(
      expect.arrayContaining([
        "event:2019-07-22-maarat-al-numan-market-airstrike",
        "event:2019-07-22-bidama-talmenes-al-kabina-airstrikes",
      ]),
    );
    const russia = found.eventStats.find((bucket: { key: string }) => bucket.key === "actor:russia");
    expect(russia?.events).toBe(found.actor.blamed.totalCount);
  });
});

/**
 * A list fetches only the row properties its selection reads (src/repositories/records.ts, `selectedOnly`). Swept
 * over every field that reads such a property, on events, on their places and on their participants' actors: the
 * field selected alone below a page of events answers what it answers on the node fetched whole by id, on a
 * document of the test's own where every one of those fields has a value. The node fetched whole comes from a server
 * without the compiled read path (COMPILED_READS=false), whose `node(id)` reads every property.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { NodeLabel } from "../../src/model/ids.js";
import { selectedOnly } from "../../src/repositories/records.js";
import { uniqueSuffix, writeTestBundle } from "../helpers/bundles.js";
import { useServer } from "../helpers/server.js";
import { documentBundle } from "../helpers/writing.js";

const s = uniqueSuffix();
const province = `place:w-${s}-province`;

/** `documentBundle` with every optional property of its event, market and ministry given. */
function everyPropertyBundle() {
  const bundle = documentBundle(s);
  const wikidata = `Q${parseInt(s, 16) + 900_000_000}`;
  const identifiers = (kind: string) => [{ scheme: "test", value: `${kind}-${s}` }];
  const [ministry] = bundle.actors;
  const [, market] = bundle.places;
  const [strike] = bundle.events;
  return {
    ...bundle,
    actors: [
      {
        ...ministry!,
        aliases: [`MoD ${s}`],
        description: "The ministry.",
        wikidataId: wikidata,
        period: "2000-",
        identifiers: identifiers("actor"),
        mergedIds: [`actor:w-${s}-old`],
      },
    ],
    places: [
      bundle.places[0]!,
      {
        ...market!,
        aliases: [`Souq ${s}`],
        location: { latitude: 35.1, longitude: 36.6 },
        wikidataId: `Q${parseInt(s, 16) + 800_000_000}`,
        identifiers: identifiers("place"),
        mergedIds: [`place:w-${s}-old`],
      },
    ],
    events: [
      {
        ...strike!,
        summary: "A drone strike.",
        location: { latitude: 35.1, longitude: 36.6 },
        geoPrecision: "TOWN",
        identifiers: identifiers("event"),
        ucdpConflictId: `c-${s}`,
        ucdpDyadId: `d-${s}`,
      },
    ],
    claims: [
      ...bundle.claims,
      {
        id: `claim:w-${s}-injured`,
        kind: "INJURIES",
        text: "3 injured.",
        event: strike!.id,
        estimate: { low: 3, high: 3, qualifier: "EXACT" },
        quotes: strike!.quotes,
      },
    ],
  };
}

beforeAll(async () => {
  await writeTestBundle(everyPropertyBundle());
});
const server = useServer();
/** The reference: resolvers and loaders only, which fetch a node by id whole (`node(id)` is compiled otherwise). */
const resolvers = useServer({ COMPILED_READS: "false" });

/** Where the nodes of each label sit below a page of events: the path to them, and how to read them back. */
const paths: Record<string, { wrap: (inner: string) => string; nodes: (event: Record<string, unknown>) => Record<string, unknown>[] }> = {
  Event: { wrap: (inner) => inner, nodes: (event) => [event] },
  Place: { wrap: (inner) => `places { ${inner} }`, nodes: (event) => event.places as Record<string, unknown>[] },
  Actor: {
    wrap: (inner) => `participants { actor { ${inner} } }`,
    nodes: (event) => (event.participants as { actor: Record<string, unknown> }[]).map((participant) => participant.actor),
  },
};

interface IntrospectedType {
  kind: string;
  name: string | null;
  ofType: IntrospectedType | null;
}

const named = (type: IntrospectedType): IntrospectedType => (type.ofType ? named(type.ofType) : type);

/** The fields of a type, with their named types' kinds and names. */
async function fieldsOf(typeName: string): Promise<{ name: string; args: unknown[]; type: IntrospectedType }[]> {
  const response = await server.graphql<{ __type: { fields: { name: string; args: unknown[]; type: IntrospectedType }[] } }>(
    `query ($name: String!) { __type(name: $name) { fields { name args { name } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`,
    { name: typeName },
  );
  return response.data!.__type.fields;
}

/**
 * Every field of a label that is not a relationship: scalars, enums and objects without an id (an estimate, a
 * location, identifiers), these with their own scalar fields. The sweep covers them all, not only those the
 * table names, so that a field reading a property the table leaves out fails here.
 */
async function plainFields(label: string): Promise<{ field: string; selection: string }[]> {
  const found: { field: string; selection: string }[] = [];
  for (const field of await fieldsOf(label)) {
    const type = named(field.type);
    if (field.args.length > 0 || field.name === "id") continue;
    if (type.kind === "SCALAR" || type.kind === "ENUM") found.push({ field: field.name, selection: field.name });
    else if (type.kind === "OBJECT") {
      const inner = await fieldsOf(type.name!);
      if (inner.some((child) => child.name === "id")) continue;
      const scalars = inner.filter((child) => ["SCALAR", "ENUM"].includes(named(child.type).kind)).map((child) => child.name);
      found.push({ field: field.name, selection: `${field.name} { ${scalars.join(" ")} }` });
    }
  }
  return found;
}

/** The fields that read a property fetched only when selected, per label. */
const readingOptional = (label: NodeLabel) => new Set(Object.values(selectedOnly[label] ?? {}).flat());

describe("a page of events selecting one field", () => {
  it.each(Object.keys(selectedOnly) as NodeLabel[])("answers every field of %s as the node fetched whole does", async (label) => {
    const fields = await plainFields(label);
    // Every field the table names exists (a renamed field would otherwise leave its properties unfetched).
    expect(fields.map(({ field }) => field)).toEqual(expect.arrayContaining([...readingOptional(label)]));
    for (const { field, selection } of fields) {
      const page = await server.graphql<{ events: { edges: { node: Record<string, unknown> }[] } }>(
        `{ events(filter: { placeId: "${province}" }, first: 50) { edges { node { ${paths[label]!.wrap(`id ${selection}`)} } } } }`,
      );
      expect(page.errors, field).toBeUndefined();
      const nodes = page.data!.events.edges.flatMap(({ node }) => paths[label]!.nodes(node));
      expect(nodes.length).toBeGreaterThan(0);
      const ids = [...new Set(nodes.map((node) => String(node.id)))];
      const whole = await resolvers.graphql<Record<string, Record<string, unknown>>>(
        `{ ${ids.map((id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { ... on ${label} { id ${selection} } }`).join("\n")} }`,
      );
      expect(whole.errors, field).toBeUndefined();
      const byId = new Map(Object.values(whole.data!).map((node) => [node.id, node]));
      for (const node of nodes) expect(node, `${label}.${field} of ${String(node.id)}`).toEqual(byId.get(node.id));
      // The document gives these a value: fetched without their properties, they would answer null, false or [].
      if (!readingOptional(label).has(field)) continue;
      const values = nodes
        .map((node) => node[field])
        .filter((value) => value !== null && value !== false && !(Array.isArray(value) && value.length === 0));
      expect(values.length, `${label}.${field} has a value`).toBeGreaterThan(0);
    }
  });
});

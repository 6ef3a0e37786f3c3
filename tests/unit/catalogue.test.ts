/**
 * The catalogue (src/graph/catalogue.ts) against everything that must agree with it: the schema's fields, the
 * resolvers, the bundle format and its drafts, the export, and the README's list of relationships.
 */
import { readFileSync } from "node:fs";
import { buildSchema, getNamedType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from "graphql";
import { describe, expect, it } from "vitest";
import {
  derivedRelationshipList,
  fieldReads,
  type GraphRelationshipType,
  otherLabel,
  ownerLabel,
  rel,
  relationshipList,
  STORED_ID_FIELDS,
  TRAVERSED_TYPES,
} from "../../src/graph/catalogue.js";
import { loadTypeDefs } from "../../src/graphql/schema.js";
import { resolvers } from "../../src/graphql/resolvers/index.js";
import { validateBundle } from "../../src/ingest/bundle/validation.js";
import { bundleDraft } from "../../src/ingest/bundle/bundleDraft.js";
import { relationshipSpecs } from "../../src/ingest/draft.js";
import { graphToBundles } from "../../src/ingest/export/export.js";
import type { StoredGraph } from "../../src/ingest/export/exportStore.js";
import { labelByPrefix } from "../../src/model/ids.js";

const schema = buildSchema(loadTypeDefs());
const labels: readonly string[] = Object.values(labelByPrefix);
const seedBundle = JSON.parse(
  readFileSync(new URL("../../data/seed/anadolu-2019-07-23-idlib-airstrikes.bundle.json", import.meta.url), "utf8"),
);

/** Fields answered through the relationships no bundle gives, by their repositories rather than the catalogue's reads. */
const derivedFields: readonly string[] = derivedRelationshipList.flatMap((relationship) => relationship.readBy);

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

describe("the catalogue's reads", () => {
  it("are fields of the schema, returning the declared label, as a list or one node, with the declared arguments", () => {
    for (const read of fieldReads.values()) {
      const [typeName, fieldName] = read.field.split(".") as [string, string];
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      const field = type.getFields()[fieldName];
      expect(field, read.field).toBeDefined();
      expect(isList(field!.type) ? "many" : "one", read.field).toBe(read.cardinality);
      let returned = getNamedType(field!.type);
      if (read.through) {
        expect(isObjectType(returned), read.field).toBe(true);
        if (isObjectType(returned)) returned = getNamedType(returned.getFields()[read.through]!.type);
      }
      expect(returned.name, read.field).toBe(read.returns);
      expect(field!.args.map((arg) => arg.name).sort(), read.field).toEqual([...(read.args ?? [])].sort());
    }
  });

  it("cover every field of a node type that returns nodes directly or through a wrapper (connections aside)", () => {
    const wrappers = new Set(
      [...fieldReads.values()].flatMap((read) => (read.through ? [getNamedType(fieldOf(read.field).type).name] : [])),
    );
    const unread: string[] = [];
    for (const label of labels) {
      const type = schema.getType(label);
      if (!isObjectType(type)) continue;
      for (const [name, field] of Object.entries(type.getFields())) {
        const returned = getNamedType(field.type).name;
        const coordinate = `${label}.${name}`;
        if (
          (labels.includes(returned) || wrappers.has(returned)) &&
          !fieldReads.has(coordinate as never) &&
          !derivedFields.includes(coordinate) &&
          !STORED_ID_FIELDS.includes(coordinate)
        )
          unread.push(`${label}.${name}`);
      }
    }
    expect(unread).toEqual([]);
  });

  it("each have a resolver", () => {
    for (const read of fieldReads.values()) {
      const [typeName, fieldName] = read.field.split(".") as [string, string];
      const typeResolvers = (resolvers as Record<string, Record<string, unknown> | undefined>)[typeName];
      expect(typeof typeResolvers?.[fieldName], read.field).toBe("function");
    }
  });
});

describe("the catalogue's relationships", () => {
  it("have one owner per type and label, and one traversal rule per type", () => {
    const owned = relationshipSpecs.map((spec) => `${spec.owner}:${spec.type}`);
    expect(new Set(owned).size).toBe(owned.length);
    for (const relationship of relationshipList) {
      expect(TRAVERSED_TYPES.includes(relationship.type), relationship.name).toBe(relationship.traversed);
    }
  });

  it("are each given by the bundle format: the article's bundle, as a draft, holds every one", async () => {
    const valid = await validateBundle(seedBundle);
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    const draft = bundleDraft(valid.value);
    for (const relationship of relationshipList) {
      const nodes = draft.nodes.filter((node) => node.label === ownerLabel(relationship));
      const given =
        relationship.type === "EVIDENCED_BY"
          ? nodes.some((node) => [...node.evidence.values()].some((located) => located.length > 0))
          : nodes.some((node) => node.links.some((link) => link.type === relationship.type));
      expect(given, relationship.name).toBe(true);
    }
  });

  it("are each checked as references by the bundle's validation, at the path of their field", async () => {
    const sections: Record<string, string> = {
      Actor: "actors",
      Place: "places",
      Agreement: "agreements",
      Event: "events",
      Claim: "claims",
      Statement: "statements",
    };
    for (const relationship of relationshipList) {
      const { field, holds } = relationship.bundle;
      if (holds === "source" || holds === "quotes") continue;
      const bundle = structuredClone(seedBundle);
      const owner = ownerLabel(relationship);
      const definition = owner === "Source" ? bundle.source : bundle[sections[owner]!][0];
      const path = owner === "Source" ? "source" : `${sections[owner]}.0`;
      const unknown = `${otherLabel(relationship).toLowerCase()}:unknown-to-the-bundle`;
      if (holds === "id") definition[field] = unknown;
      else if (holds === "ids") definition[field] = [unknown];
      else definition[field] = [{ actor: unknown, role: "TARGET" }];
      const result = await validateBundle(bundle);
      const expected = holds === "id" ? `${path}.${field}` : holds === "ids" ? `${path}.${field}.0` : `${path}.${field}.0.actor`;
      expect(result.ok && result.external.get(unknown)?.paths, relationship.name).toEqual([expected]);
    }
  });

  it("are each written back by the export under the field the bundle reads", async () => {
    const valid = await validateBundle(seedBundle);
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    const draft = bundleDraft(valid.value);
    const graph: StoredGraph = { nodes: new Map(), links: new Map(), evidence: new Map() };
    for (const node of draft.nodes) {
      graph.nodes.set(node.label, [...(graph.nodes.get(node.label) ?? []), { id: node.id, ...node.properties }]);
      const byOwner = graph.links.get(node.label) ?? new Map();
      byOwner.set(
        node.id,
        node.links.map((link) => ({ type: link.type, target: link.target, role: link.role ?? null })),
      );
      graph.links.set(node.label, byOwner);
      for (const [source, located] of node.evidence) {
        graph.evidence.set(
          node.id,
          located.map((at) => ({ source, ...at })),
        );
      }
    }
    const [bundle] = graphToBundles(graph) as Record<string, unknown>[];
    const again = await validateBundle(bundle);
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    const linkKeys = (nodes: typeof draft.nodes) =>
      nodes.flatMap((node) => node.links.map((link) => `${node.id} ${link.type} ${link.target} ${link.role ?? ""}`)).sort();
    expect(linkKeys(bundleDraft(again.value).nodes)).toEqual(linkKeys(draft.nodes));
  });

  it("are the README's list of relationships", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const model = /### Graph model\n([\s\S]*?)\n\n/.exec(readme)?.[1] ?? "";
    const listed = new Set<string>();
    for (const [, from, types, properties, to] of model.matchAll(/`\(([\w|]+)\)-\[:([\w|]+)(?: \{([^}]*)\})?\]->\(([\w|]+)\)`/g)) {
      for (const start of from!.split("|"))
        for (const type of types!.split("|"))
          for (const end of to!.split("|")) listed.add(`(${start})-[:${type}${properties ? ` {${properties}}` : ""}]->(${end})`);
    }
    const catalogued = relationshipList.map(
      (r) => `(${r.from})-[:${r.type}${r.properties.length > 0 ? ` {${r.properties.join(", ")}}` : ""}]->(${r.to})`,
    );
    expect([...listed].sort()).toEqual([...new Set(catalogued)].sort());
  });

  it("name labels at both ends", () => {
    for (const relationship of relationshipList) {
      expect(labels).toContain(ownerLabel(relationship));
      expect(labels).toContain(otherLabel(relationship));
    }
  });
});

describe("the relationships no bundle gives", () => {
  it("say what writes them, are read by fields of the schema, and are walked by no traversal", () => {
    for (const relationship of derivedRelationshipList) {
      expect(relationship.bundle, relationship.type).toBeNull();
      expect(relationship.derivedBy.length, relationship.type).toBeGreaterThan(0);
      expect(TRAVERSED_TYPES, relationship.type).not.toContain(relationship.type);
      expect(relationship.readBy.length, relationship.type).toBeGreaterThan(0);
      for (const field of relationship.readBy) expect(fieldOf(field), field).toBeDefined();
    }
  });

  it("are not types the bundles give", () => {
    const given = new Set(relationshipList.map((relationship) => relationship.type as string));
    for (const relationship of derivedRelationshipList) expect(given.has(relationship.type), relationship.type).toBe(false);
  });

  it("are in the README's graph model, with their ends and properties", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const { from, type, to, properties } of derivedRelationshipList) {
      const props = properties.length > 0 ? ` \\{${properties.join(", ")}\\}` : "";
      const pattern = new RegExp(`\\(:?${from}[^)]*\\)-\\[:${type}${props}\\]->\\(${to.join("\\|")}\\)`);
      expect(readme, type).toMatch(pattern);
    }
  });
});

describe("rel", () => {
  it("gives back every catalogued type and refuses any other", () => {
    for (const { type } of [...relationshipList, ...derivedRelationshipList]) expect(rel(type)).toBe(type);
    expect(() => rel("NOT_IN_THE_CATALOGUE" as GraphRelationshipType)).toThrow(/not a relationship of the catalogue/);
  });
});

function fieldOf(name: string) {
  const [typeName, fieldName] = name.split(".") as [string, string];
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return type.getFields()[fieldName]!;
}

/**
 * The node catalogue (src/graph/nodes.ts) against the SDL, and the bundle format's two definitions against each other:
 * `BundleInput` in the SDL and the zod `bundleSchema` derived from the catalogues, key for key both ways, at every
 * depth; the static `Bundle` type against the generated `BundleInput` at compile time.
 */
import { buildSchema, getNamedType, isInputObjectType, isObjectType, type GraphQLInputObjectType, type GraphQLNamedType } from "graphql";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { nodeTypeList, nodeTypes, writeLabels, type NodeType } from "../../src/graph/nodes.js";
import { loadTypeDefs } from "../../src/graphql/schema.js";
import { bundleSchema, type Bundle } from "../../src/ingest/bundle/validation.js";
import { labelByPrefix } from "../../src/model/ids.js";
import type * as Generated from "../../src/graphql/generated/resolvers.js";

const schema = buildSchema(loadTypeDefs());

function inputType(name: string): GraphQLInputObjectType {
  const type = schema.getType(name);
  if (!isInputObjectType(type)) throw new Error(`${name} is not an input type`);
  return type;
}

/** The input type of a bundle section (`events` -> EventInput). */
function sectionInput(section: string): GraphQLInputObjectType {
  const field = inputType("BundleInput").getFields()[section];
  if (!field) throw new Error(`BundleInput has no ${section}`);
  const type: GraphQLNamedType = getNamedType(field.type);
  if (!isInputObjectType(type)) throw new Error(`BundleInput.${section} is not an input object`);
  return type;
}

describe("the node catalogue", () => {
  it("gives each label the prefix its ids have (model/ids.ts)", () => {
    for (const type of nodeTypeList) expect(labelByPrefix[type.prefix], type.label).toBe(type.label);
    expect(nodeTypeList.map((type) => type.label).sort()).toEqual(Object.values(labelByPrefix).sort());
  });

  it("names only GraphQL fields that the label's type has", () => {
    const missing: string[] = [];
    for (const type of nodeTypeList) {
      const object = schema.getType(type.label);
      if (!isObjectType(object)) throw new Error(`${type.label} is not an object type`);
      for (const [key, property] of Object.entries(type.properties)) {
        for (const field of property.fields ?? []) if (!object.getFields()[field]) missing.push(`${type.label}.${key}: ${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("names only bundle fields that the section's input type has, composites' keys included", () => {
    const missing: string[] = [];
    for (const label of writeLabels) {
      const type: NodeType = nodeTypes[label];
      const input = sectionInput(nodeTypes[label].section);
      for (const [key, property] of Object.entries(type.properties)) {
        const bundle = property.bundle;
        if (!bundle) continue;
        const field = input.getFields()[bundle.field];
        if (!field) missing.push(`${label}.${key}: ${input.name}.${bundle.field}`);
        else if (bundle.key !== undefined) {
          const composite = getNamedType(field.type);
          if (!isInputObjectType(composite) || !composite.getFields()[bundle.key])
            missing.push(`${label}.${key}: ${composite.name}.${bundle.key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("gives every property a type, and an index or constraint a name of its own", () => {
    const names = nodeTypeList.flatMap((type) =>
      Object.values(type.properties).flatMap((property) => [property.index, property.unique].filter((name) => name !== undefined)),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});

/** The zod schema under its optional, nullable and array wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; element?: z.ZodType };
  if (def.innerType && ["optional", "nullable", "default", "nonoptional"].includes(def.type)) return unwrap(def.innerType);
  if (def.type === "array" && def.element) return unwrap(def.element);
  return schema;
}

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> | null => {
  const def = schema._zod.def as { type: string; shape?: Record<string, z.ZodType> };
  return def.type === "object" && def.shape ? def.shape : null;
};

/** Every key path where the SDL's input type and the zod schema differ: a field one has and the other has not. */
function differences(input: GraphQLInputObjectType, zod: z.ZodType, path: string): string[] {
  const shape = shapeOf(unwrap(zod));
  if (!shape) return [`${path}: an input object in the SDL, not an object in zod`];
  const found: string[] = [];
  const sdlFields = input.getFields();
  for (const name of Object.keys(sdlFields)) if (!(name in shape)) found.push(`${path}.${name}: in the SDL, not in zod`);
  for (const name of Object.keys(shape)) if (!(name in sdlFields)) found.push(`${path}.${name}: in zod, not in the SDL`);
  for (const [name, field] of Object.entries(sdlFields)) {
    const type = getNamedType(field.type);
    const inner = shape[name];
    if (inner === undefined) continue;
    if (isInputObjectType(type)) found.push(...differences(type, inner, `${path}.${name}`));
    else if (shapeOf(unwrap(inner))) found.push(`${path}.${name}: an object in zod, a ${type.name} in the SDL`);
  }
  return found;
}

describe("the bundle format", () => {
  it("has the same fields at every depth in the SDL's BundleInput and in the zod schema", () => {
    expect(differences(inputType("BundleInput"), bundleSchema, "BundleInput")).toEqual([]);
  });

  it("is refused with a problem at the path of a key it does not have, at any depth", async () => {
    const { validateBundle } = await import("../../src/ingest/bundle/validation.js");
    const result = await validateBundle({
      source: { id: "source:unknown-keys", title: "T", text: "A text.", publsher: "actor:x" },
      claims: [{ id: "claim:u", kind: "OTHER", text: "t", event: "event:x", quotes: ["A text."], estimate: { qualifier: "EXACT", lo: 1 } }],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.path).sort()).toEqual(["claims.0.estimate.lo", "source.publsher"]);
  });

  it("has the same fields in its static type as the generated BundleInput (checked by the compiler)", () => {
    type Section<K extends keyof Bundle> = NonNullable<Bundle[K]> extends readonly (infer D)[] ? D : NonNullable<Bundle[K]>;
    type InputOf<K extends keyof Generated.BundleInput> =
      NonNullable<Generated.BundleInput[K]> extends readonly (infer D)[] ? D : NonNullable<Generated.BundleInput[K]>;
    expectTypeOf<keyof Bundle>().toEqualTypeOf<keyof Generated.BundleInput>();
    expectTypeOf<keyof Section<"source">>().toEqualTypeOf<keyof InputOf<"source">>();
    expectTypeOf<keyof Section<"actors">>().toEqualTypeOf<keyof InputOf<"actors">>();
    expectTypeOf<keyof Section<"places">>().toEqualTypeOf<keyof InputOf<"places">>();
    expectTypeOf<keyof Section<"agreements">>().toEqualTypeOf<keyof InputOf<"agreements">>();
    expectTypeOf<keyof Section<"events">>().toEqualTypeOf<keyof InputOf<"events">>();
    expectTypeOf<keyof Section<"claims">>().toEqualTypeOf<keyof InputOf<"claims">>();
    expectTypeOf<keyof Section<"statements">>().toEqualTypeOf<keyof InputOf<"statements">>();
  });
});

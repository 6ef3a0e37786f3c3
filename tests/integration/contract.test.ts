/**
 * The public read API: our schema must stay a compatible superset of the core contract, and every
 * type and field we publish must say what it is.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildASTSchema,
  buildSchema,
  findBreakingChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
  visit,
  type GraphQLNamedType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { loadTypeDefs } from "../../src/graphql/schema.js";
import { projectRoot } from "../../src/paths.js";

const vendoredPath = join(projectRoot, "tests", "contract", "core.graphql");
const sharedPath = join(projectRoot, "..", "shared", "contract", "core.graphql");
const contract = readFileSync(vendoredPath, "utf8");
const ours = buildSchema(loadTypeDefs());

describe("the core contract", () => {
  it("is met: no breaking change from the contract to our schema", () => {
    const changes = findBreakingChanges(buildSchema(contract), ours);
    expect(changes.map((change) => `${change.type}: ${change.description}`)).toEqual([]);
  });

  it("would catch a breaking change (the check itself works)", () => {
    const withoutField = visit(parse(loadTypeDefs()), {
      FieldDefinition: (field) => (field.name.value === "responsibilityContested" ? null : undefined),
    });
    const broken = buildASTSchema(withoutField);
    expect(findBreakingChanges(buildSchema(contract), broken).map((change) => change.description)).toEqual([
      "Event.responsibilityContested was removed.",
    ]);
  });

  it.runIf(existsSync(sharedPath))("is vendored byte for byte from shared/contract", () => {
    expect(contract).toBe(readFileSync(sharedPath, "utf8"));
  });
});

describe("our schema", () => {
  const types = Object.values(ours.getTypeMap()).filter((type) => !type.name.startsWith("__") && !isSpecifiedScalarType(type));

  it("describes every type", () => {
    expect(types.length).toBeGreaterThan(30);
    expect(types.filter((type) => !type.description?.trim()).map((type) => type.name)).toEqual([]);
  });

  it("describes every field, input field and enum value", () => {
    const undocumented: string[] = [];
    for (const type of types) {
      for (const [name, description] of members(type)) if (!description?.trim()) undocumented.push(`${type.name}.${name}`);
    }
    expect(undocumented).toEqual([]);
  });
});

/** A type's fields (object, interface, input) or values (enum), with their descriptions. */
function members(type: GraphQLNamedType): [string, string | null | undefined][] {
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    const fields: Record<string, { name: string; description?: string | null | undefined }> = type.getFields();
    return Object.values(fields).map((field) => [field.name, field.description]);
  }
  if (isEnumType(type)) return type.getValues().map((value) => [value.name, value.description]);
  return [];
}

import { buildSchema, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { loadTypeDefs } from "../../src/graphql/schema.js";
import { schemaEnums } from "../../src/model/enums.js";

const schema = buildSchema(loadTypeDefs());

describe("the model's enum constants", () => {
  it.each(Object.entries(schemaEnums))("%s holds the schema's values, each once", (name, values) => {
    const type = schema.getType(name);
    if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
    expect([...values].sort()).toEqual(
      type
        .getValues()
        .map((value) => value.name)
        .sort(),
    );
    expect(new Set(values).size).toBe(values.length);
  });
});

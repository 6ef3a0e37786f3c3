/** A read for tests of the look-ahead's Cypher, which the catalogue does not hold. */
import { type FieldRead, fieldRead, type ReadName } from "../../src/graph/catalogue.js";

/** A read whose pattern reads properties called `depth` and `path`, like its own variables. */
export const likeItsVariables: FieldRead = {
  field: "Actor.likeItsVariables" as ReadName,
  from: "Actor",
  relationship: "partOf",
  statement: "actorLikeItsVariables",
  returns: "Actor",
  cardinality: "many",
  pattern: ({ n, m, local }) => {
    const [path, depth] = [local("path"), local("depth")];
    return `MATCH ${path} = (${n})-[:PART_OF*1..2]->(${m}:Actor) WHERE ${m}.depth IS NULL AND ${n}.path IS NULL
      WITH ${m}, min(length(${path})) AS ${depth} ORDER BY ${depth}, ${m}.depth, ${m}.path RETURN ${m}`;
  },
};

/** The catalogue's reads, and `likeItsVariables`. */
export const readOf = (field: ReadName): FieldRead => (field === likeItsVariables.field ? likeItsVariables : fieldRead(field));

import neo4j from "neo4j-driver";

/**
 * Converts what the driver returns into plain JSON-ish values, in one place: integers become
 * numbers, temporal values become ISO strings (dates as `YYYY-MM-DD`), points `{latitude, longitude}`, nodes become
 * their properties.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers: answer them before the driver's type checks, which cost a property
  // look-up each and dominated this function's time in profiles.
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isInt(value)) {
    if (!value.inSafeRange()) throw new RangeError(`Integer out of JavaScript's safe range: ${value.toString()}`);
    return value.toNumber();
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  // Points are WGS-84 (graph/eventLocation.ts): x is the longitude, y the latitude.
  if (neo4j.isPoint(value)) return { latitude: value.y, longitude: value.x };
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  const plain: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) plain[key] = toPlain(inner);
  return plain;
}

/** Integers sent as parameters must be Neo4j integers, or Cypher sees floats (and LIMIT refuses them). */
export function int(value: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(value);
}

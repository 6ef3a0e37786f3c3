/** Bounds on the graph's shape that reads and writes rely on: every variable-length pattern is bounded. */

/** The deepest place hierarchy reads traverse (country > province > district > sub-district > town > site, with room to spare). */
export const MAX_PLACE_DEPTH = 8;

/** The deepest part-of chain between actors that reads traverse (person > office > ministry > government > state, with room). */
export const MAX_ACTOR_DEPTH = 8;

/**
 * How far the write path follows a chain of parents (place hierarchies when resolving names, parents when exporting).
 * Far beyond any real hierarchy: the bound only guarantees that a cycle in stored data cannot make a walk endless.
 */
export const MAX_STORED_CHAIN = 32;

/** The largest death or injury toll any import accepts (a figure beyond every real war's, but safe to add up). */
export const MAX_TOLL = 10_000_000;

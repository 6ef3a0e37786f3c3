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

/**
 * The largest death or injury figure any input may give for one event, in every import format and mutation (ACLED's
 * `fatalities`, a bundle claim's estimate, UCDP's tolls): ten million, far beyond any single event on record, and
 * small enough that sums over buckets stay exact in a 64-bit integer (see StatsBucket) whatever the graph holds.
 */
export const MAX_TOLL = 10_000_000;

/** Facts about the graph's shape that several repositories rely on. */

/** The deepest place hierarchy we traverse (country > province > district > sub-district > town > site, with room to spare). Every variable-length pattern is bounded. */
export const MAX_PLACE_DEPTH = 8;

/** The deepest part-of chain between actors (person > office > ministry > government > state, with room). */
export const MAX_ACTOR_DEPTH = 8;

/** ACLED's political-violence categories: the ones that can break a ceasefire. */
export const VIOLENT_CATEGORIES = ["BATTLES", "EXPLOSIONS_REMOTE_VIOLENCE", "VIOLENCE_AGAINST_CIVILIANS"] as const;

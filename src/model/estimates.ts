import type { EstimateRow } from "./rows.js";

/**
 * Combines several sources' figures for one event without double-counting: the figures describe the
 * same deaths, so they are never added. `low` is the lowest figure any source gives (ACLED keeps the
 * lowest credible figure); `high` is the highest upper bound, or null when any source leaves the
 * count open ("at least"), since the truth may then exceed every stated figure. `best` is the lowest
 * best estimate any source gives (null when none gives one): conservative like `low`, and always
 * within [low, high], since each source's best lies within its own range.
 */
export function combineEstimates(estimates: readonly EstimateRow[]): EstimateRow | null {
  if (estimates.length === 0) return null;
  if (estimates.length === 1) return estimates[0] ?? null;
  // A report without a figure says nothing about how many; it neither lowers nor opens the range.
  const figures = estimates.filter((e) => e.low !== null || e.high !== null);
  if (figures.length === 0) return { low: null, high: null, qualifier: "UNKNOWN" };
  if (figures.length === 1) return figures[0] ?? null;
  const lows = figures.map((e) => e.low).filter((low): low is number => low !== null);
  const low = lows.length > 0 ? Math.min(...lows) : null;
  const bests = figures.map((e) => e.best).filter((best): best is number => best != null);
  const best = bests.length > 0 ? { best: Math.min(...bests) } : {};
  const openEnded = figures.some((e) => e.high === null);
  const high = openEnded ? null : Math.max(...figures.map((e) => e.high ?? 0));
  if (high === null) return { low, high, qualifier: "AT_LEAST", ...best };
  if (low === null) return { low, high, qualifier: "UP_TO", ...best };
  return { low, high, qualifier: low === high ? "EXACT" : "RANGE", ...best };
}

/**
 * The benchmark's pure arithmetic, kept apart from the code that runs servers so that the unit tier can test it
 * (tests/unit/benchFigures.test.ts):
 *
 *   cpuTicksOfStat     a process's CPU time so far (user + system clock ticks) from the text of /proc/<pid>/stat
 *   cpuMsPerRequest    CPU milliseconds per request from the CPU-seconds spent in measured windows
 *   pairedRatios       per-round ratios of two contenders measured in the same interleaved rounds, with their min–max
 *   warmUpSettled      whether a warm-up's successive windows have a stable p50
 *   rotate             the contenders' order in an interleaved round
 */

/**
 * User plus system CPU time of a process, in clock ticks, from the content of `/proc/<pid>/stat` (proc(5): fields 14
 * `utime` and 15 `stime`). The second field, the command name in parentheses, may itself hold spaces and
 * parentheses, so the fields are counted from the last `)`.
 */
export function cpuTicksOfStat(stat: string): number {
  const end = stat.lastIndexOf(")");
  if (end < 0) throw new Error("not a /proc/<pid>/stat line: no command name in parentheses");
  // After the name: field 3 (state) is index 0, so utime (14) is index 11 and stime (15) index 12.
  const fields = stat
    .slice(end + 1)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) throw new Error("not a /proc/<pid>/stat line: no utime and stime");
  return utime + stime;
}

/** CPU milliseconds per request over several measured windows: the CPU-seconds each spent, summed, over their requests. */
export function cpuMsPerRequest(windows: readonly { cpuSeconds: number; requests: number }[]): number {
  const requests = windows.reduce((sum, window) => sum + window.requests, 0);
  const seconds = windows.reduce((sum, window) => sum + window.cpuSeconds, 0);
  return requests > 0 ? (1000 * seconds) / requests : NaN;
}

/** The median of some values (the lower of the two middle ones for an even count, as the bench's p50 is taken). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export interface RatioSpread {
  /** a ÷ b of each round both were measured in, in round order. */
  perRound: number[];
  min: number;
  max: number;
}

/**
 * Ratios of two contenders' figures round by round (round i of one with round i of the other: interleaved rounds
 * ran within moments of each other, under the same conditions), and their min–max. Rounds either lacks, or whose
 * divisor is not positive, are left out.
 */
export function pairedRatios(a: readonly number[], b: readonly number[]): RatioSpread {
  const perRound: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (Number.isFinite(x) && Number.isFinite(y) && y > 0) perRound.push(x / y);
  }
  return { perRound, min: perRound.length ? Math.min(...perRound) : NaN, max: perRound.length ? Math.max(...perRound) : NaN };
}

export interface WarmUpRule {
  /** Successive windows' p50 must differ by at most this fraction of the earlier one. */
  tolerance: number;
  /** How many successive pairs of windows in a row must agree. */
  agreeing: number;
  /** Windows at most, settled or not. */
  maxWindows: number;
}

/** The default: two pairs in a row within 5%, so three windows agree; at most 30 windows. */
export const WARM_UP_RULE: WarmUpRule = { tolerance: 0.05, agreeing: 2, maxWindows: 30 };

/**
 * Whether a warm-up may stop after the windows whose p50s are given, in order: `settled` when the last
 * `rule.agreeing` pairs of successive windows each differ by at most `rule.tolerance`, `cap` when `rule.maxWindows`
 * windows ran without that, otherwise `go on`.
 */
export function warmUpSettled(p50s: readonly number[], rule: WarmUpRule = WARM_UP_RULE): "settled" | "cap" | "go on" {
  const n = p50s.length;
  if (n > rule.agreeing) {
    let agree = true;
    for (let i = n - rule.agreeing; i < n; i++) {
      const [before, after] = [p50s[i - 1]!, p50s[i]!];
      if (!(before > 0) || Math.abs(after - before) / before > rule.tolerance) agree = false;
    }
    if (agree) return "settled";
  }
  return n >= rule.maxWindows ? "cap" : "go on";
}

/** The items in round `by`'s order: each round starts one further along, so no contender always goes first. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  return items.map((_, i) => items[(i + by) % items.length]!);
}

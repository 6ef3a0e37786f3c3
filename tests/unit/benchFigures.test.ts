import { describe, expect, it } from "vitest";
import { cpuMsPerRequest, cpuTicksOfStat, median, pairedRatios, warmUpSettled } from "../../bench/figures.js";

// A real line of /proc/<pid>/stat (a `cat`), with utime 7 and stime 5 put in fields 14 and 15.
const statLine = (name: string, utime: number, stime: number) =>
  `2148 (${name}) R 2145 2145 27836 0 -1 4194304 100 0 0 0 ${utime} ${stime} 0 0 20 0 1 0 2266060 3133440 382 ` +
  `18446744073709551615 93885802008576 93885802028457 140730544856496 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0`;

describe("the bench's CPU accounting from /proc", () => {
  it("reads user plus system ticks from fields 14 and 15", () => {
    expect(cpuTicksOfStat(statLine("cat", 7, 5))).toBe(12);
    expect(cpuTicksOfStat(statLine("node", 12_345, 678))).toBe(13_023);
  });

  it("counts fields from the last parenthesis, so a command name with spaces and parentheses does not shift them", () => {
    expect(cpuTicksOfStat(statLine("node (bench) x y", 30, 4))).toBe(34);
  });

  it("refuses text that is not a stat line", () => {
    expect(() => cpuTicksOfStat("VmRSS: 1234 kB")).toThrow(/stat/);
    expect(() => cpuTicksOfStat("1 (x) R 1 2")).toThrow(/utime/);
  });

  it("gives CPU milliseconds per request over all measured windows, not the mean of each window's", () => {
    // 0.5 s over 100 requests and 1.5 s over 100: 2 s over 200 = 10 ms (the mean of 5 and 15 as well here) …
    expect(
      cpuMsPerRequest([
        { cpuSeconds: 0.5, requests: 100 },
        { cpuSeconds: 1.5, requests: 100 },
      ]),
    ).toBeCloseTo(10);
    // … but windows of different sizes weigh by their requests: 1.1 s over 110 = 10 ms, not (10 + 10) / 2 by luck.
    expect(
      cpuMsPerRequest([
        { cpuSeconds: 1, requests: 10 },
        { cpuSeconds: 0.1, requests: 100 },
      ]),
    ).toBeCloseTo(10);
    expect(cpuMsPerRequest([])).toBeNaN();
  });
});

describe("ratios over paired rounds", () => {
  it("divides round i by round i and gives the min–max", () => {
    const spread = pairedRatios([10, 12, 9], [5, 4, 6]);
    expect(spread.perRound).toEqual([2, 3, 1.5]);
    expect([spread.min, spread.max]).toEqual([1.5, 3]);
  });

  it("leaves out rounds one side lacks or whose divisor is not positive", () => {
    expect(pairedRatios([4, 6, 8], [2, 0]).perRound).toEqual([2]);
    expect(pairedRatios([], [1]).min).toBeNaN();
  });

  it("takes the lower middle value as the median of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe("warming up until the p50 is stable", () => {
  const rule = { tolerance: 0.05, agreeing: 2, maxWindows: 6 };

  it("goes on while successive windows differ by more than the tolerance", () => {
    expect(warmUpSettled([20], rule)).toBe("go on");
    expect(warmUpSettled([20, 14, 12], rule)).toBe("go on");
    // One pair agrees, the rule asks for two in a row.
    expect(warmUpSettled([20, 14, 12, 11.8], rule)).toBe("go on");
  });

  it("stops once the last pairs in a row agree within the tolerance", () => {
    expect(warmUpSettled([20, 14, 12, 11.8, 11.5], rule)).toBe("settled");
    expect(warmUpSettled([10, 10.5, 10.2], rule)).toBe("settled");
  });

  it("stops at the cap when the p50 never settles, and says so", () => {
    expect(warmUpSettled([10, 20, 10, 20, 10, 20], rule)).toBe("cap");
    expect(warmUpSettled([10, 20, 10, 20, 10], rule)).toBe("go on");
  });
});

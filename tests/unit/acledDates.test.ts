import { describe, expect, it } from "vitest";
import { acledDate, pivot } from "../../src/ingest/acled/acledDates.js";

describe("acledDate", () => {
  it.each([
    ["2019-07-22", "", "2019-07-22"],
    ["22 July 2019", "", "2019-07-22"],
    ["02 November 2019", "", "2019-11-02"],
    ["2 Sep 2019", "", "2019-09-02"],
    ["2 Sept 2019", "", "2019-09-02"],
    ["22 july 2019", "", "2019-07-22"],
    ["22-Jul-19", "", "2019-07-22"],
    ["22-Jul-19", "2019", "2019-07-22"],
    ["2-Nov-19", "", "2019-11-02"],
    ["22-Jul-2019", "", "2019-07-22"],
    ["01-Jan-97", "", "1997-01-01"],
    ["31-Dec-99", "1999", "1999-12-31"],
    ["01-Jan-00", "", "2000-01-01"],
    ["29-Feb-24", "", "2024-02-29"],
    ["29 February 2000", "", "2000-02-29"],
    ["  22-Jul-19 ", "", "2019-07-22"],
  ])("reads %j (year column %j) as %s", (value, year, date) => {
    expect(acledDate(value, year)).toEqual({ date });
  });

  it.each([
    ["07/08/2019", "", /ambiguous/],
    ["7.8.2019", "", /ambiguous/],
    ["07-08-2019", "", /ambiguous/],
    ["22/07/19", "", /ambiguous/],
    ["31-Feb-19", "", /not a day of the calendar/],
    ["29-Feb-19", "", /not a day of the calendar/],
    ["2019-02-30", "", /not a day of the calendar/],
    ["2019-13-01", "", /not a day of the calendar/],
    ["00 July 2019", "", /not a day of the calendar/],
    ["22 Jul 19", "", /two-digit year/],
    ["22 July 19", "", /two-digit year/],
    ["22-Jul-19", "2018", /reads as 2019, but the year column says 2018/],
    ["22-Jly-19", "", /no month/],
    ["22 Julyy 2019", "", /no month/],
    ["22 Ju 2019", "", /not a date/],
    ["July 22, 2019", "", /not a date/],
    ["2019-7-22", "", /not a date/],
    ["22-Jul 2019", "", /not a date/],
    ["22 Jul-2019", "", /not a date/],
    ["someday", "", /not a date/],
    ["", "", /not a date/],
    ["1563753600", "", /not a date/],
  ])("refuses %j (year column %j)", (value, year, message) => {
    const result = acledDate(value, year);
    expect(result.date).toBeUndefined();
    expect(result.problem).toMatch(message);
    expect(result.problem).toContain(`"${value.trim()}"`);
  });

  it("places two-digit years from 1997, ACLED's first year, to 2096", () => {
    expect([97, 99, 0, 19, 96].map(pivot)).toEqual([1997, 1999, 2000, 2019, 2096]);
  });
});

/**
 * UCDP GED's two CSV layouts (pure; ../shared/DOMAIN.md, UCDP's codebooks 19.1 and 20.1). Releases up to 19.x write
 * 41 columns; from 20.1 on, 49, in another order, with eight more columns and dates written `2019-07-22 00:00:00.000`.
 * A file is told apart by its header alone, in any column order: a spreadsheet that resaves a file may reorder its
 * columns, and the columns' names are what the rows are read by.
 */

/** The 41 columns of releases up to 19.x, in their order (the shared Syria release 652.1601.1911). */
export const GED_19_COLUMNS = [
  "id",
  "year",
  "active_year",
  "type_of_violence",
  "conflict_new_id",
  "conflict_name",
  "dyad_new_id",
  "dyad_name",
  "side_a_new_id",
  "side_a",
  "side_b_new_id",
  "gwnob",
  "side_b",
  "number_of_sources",
  "source_article",
  "source_office",
  "source_date",
  "source_headline",
  "source_original",
  "where_prec",
  "where_coordinates",
  "adm_1",
  "adm_2",
  "latitude",
  "longitude",
  "geom_wkt",
  "priogrid_gid",
  "country",
  "country_id",
  "region",
  "event_clarity",
  "date_prec",
  "date_start",
  "date_end",
  "deaths_a",
  "deaths_b",
  "deaths_civilians",
  "deaths_unknown",
  "low",
  "best",
  "high",
] as const;

/** The columns 20.1 added. */
export const GED_20_ADDED = [
  "relid",
  "code_status",
  "conflict_dset_id",
  "dyad_dset_id",
  "side_a_dset_id",
  "side_b_dset_id",
  "where_description",
  "gwnoa",
] as const;

/** The 49 columns of releases from 20.1 on, in their order. */
export const GED_20_COLUMNS = [
  "id",
  "relid",
  "year",
  "active_year",
  "code_status",
  "type_of_violence",
  "conflict_dset_id",
  "conflict_new_id",
  "conflict_name",
  "dyad_dset_id",
  "dyad_new_id",
  "dyad_name",
  "side_a_dset_id",
  "side_a_new_id",
  "side_a",
  "side_b_dset_id",
  "side_b_new_id",
  "side_b",
  "number_of_sources",
  "source_article",
  "source_office",
  "source_date",
  "source_headline",
  "source_original",
  "where_prec",
  "where_coordinates",
  "where_description",
  "adm_1",
  "adm_2",
  "latitude",
  "longitude",
  "geom_wkt",
  "priogrid_gid",
  "country",
  "country_id",
  "region",
  "event_clarity",
  "date_prec",
  "date_start",
  "date_end",
  "deaths_a",
  "deaths_b",
  "deaths_civilians",
  "deaths_unknown",
  "best",
  "high",
  "low",
  "gwnoa",
  "gwnob",
] as const;

export type UcdpColumn = (typeof GED_20_COLUMNS)[number];
export type UcdpLayout = "GED_19" | "GED_20";

export type LayoutCheck = { layout: UcdpLayout; problem?: never } | { layout?: never; problem: string };

/** Columns whose presence says a CSV is UCDP GED rather than anything else. */
const SIGNATURE = ["id", "type_of_violence", "dyad_new_id", "side_a", "side_b", "best"] as const;

/** Whether a header (names trimmed and lower-cased) is UCDP GED's, in either layout, complete or not. */
export function looksLikeUcdp(header: readonly string[]): boolean {
  return SIGNATURE.every((column) => header.includes(column));
}

/**
 * The layout a header (names trimmed and lower-cased) is written in: every column of one layout, and no other
 * column. A header with some of 20.1's added columns but not all is neither, and the problem says which are missing.
 */
export function ucdpLayout(header: readonly string[]): LayoutCheck {
  const present = new Set(header);
  const repeated = header.filter((column, i) => header.indexOf(column) !== i);
  if (repeated.length > 0) return { problem: `the header repeats ${[...new Set(repeated)].join(", ")}` };
  const added = GED_20_ADDED.filter((column) => present.has(column));
  const expected: readonly string[] = added.length === 0 ? GED_19_COLUMNS : GED_20_COLUMNS;
  const missing = expected.filter((column) => !present.has(column));
  const unknown = header.filter((column) => !expected.includes(column));
  if (missing.length === 0 && unknown.length === 0) return { layout: added.length === 0 ? "GED_19" : "GED_20" };
  const parts = [
    ...(missing.length > 0 ? [`missing ${missing.length === 1 ? "column" : "columns"} ${missing.join(", ")}`] : []),
    ...(unknown.length > 0
      ? [`unknown ${unknown.length === 1 ? "column" : "columns"} ${unknown.map((c) => c.slice(0, 40)).join(", ")}`]
      : []),
  ];
  const which = added.length === 0 ? `the 41 columns of GED up to 19.x` : `the 49 columns of GED 20.1 and later`;
  return { problem: `not a UCDP GED file with ${which}: ${parts.join("; ")}` };
}

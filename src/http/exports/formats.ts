/**
 * The two formats of the exports, written page by page: CSV (RFC 4180, csv-stringify) and GeoJSON (RFC 7946). Each
 * format is a head, a body for each page of records, and a tail, so that nothing but one page is ever held.
 */
import { stringify } from "csv-stringify/sync";
import type { ExportLocation, ExportRecord } from "./columns.js";

export type ExportFormat = "csv" | "geojson";

/** A record with where to draw it. */
export interface LocatedRecord {
  record: ExportRecord;
  location: ExportLocation | null;
}

export interface Writer {
  contentType: string;
  head(): string;
  /** The page's text; `first` says whether any record came before it. */
  page(records: readonly LocatedRecord[], first: boolean): string;
  tail(): string;
}

/**
 * CSV with a header, CRLF line ends, fields quoted when they must be. Formula injection: a text cell beginning with
 * `=`, `+`, `-`, `@`, a tab or a carriage return (or their full-width forms) is prefixed with `'`, so a spreadsheet
 * shows it as text instead of running it; numbers are written as numbers, negative ones included (csv-stringify's
 * `escape_formulas` leaves numbers alone).
 */
export function csvWriter(columns: readonly string[]): Writer {
  const options = {
    columns: [...columns],
    escape_formulas: true,
    record_delimiter: "windows",
    cast: { boolean: (value: boolean) => (value ? "true" : "false") },
  } as const;
  return {
    contentType: "text/csv; charset=utf-8",
    head: () => stringify([], { ...options, header: true }),
    page: (records) =>
      stringify(
        records.map(({ record }) => record),
        options,
      ),
    tail: () => "",
  };
}

/**
 * A GeoJSON FeatureCollection: one Feature per record, its geometry a Point at [longitude, latitude] (RFC 7946 §3.1.1;
 * WGS 84), or null for a record without a location; its properties the record's columns, its `id` the record's id.
 */
export function geoJsonWriter(): Writer {
  return {
    contentType: "application/geo+json; charset=utf-8",
    head: () => '{"type":"FeatureCollection","features":[\n',
    page: (records, first) =>
      records
        .map(({ record, location }, i) => {
          const feature = {
            type: "Feature",
            id: record.id,
            geometry: location ? { type: "Point", coordinates: [location.longitude, location.latitude] } : null,
            properties: record,
          };
          return `${first && i === 0 ? "" : ",\n"}${JSON.stringify(feature)}`;
        })
        .join(""),
    tail: () => "\n]}\n",
  };
}

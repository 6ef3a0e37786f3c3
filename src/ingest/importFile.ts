/**
 * A file to import, told apart by its content, not its name: JSON is a bundle, a list of bundles or an export of
 * this service (restored with its ids as they are); anything else must be a CSV, an ACLED export (its header names
 * `event_id_cnty`) or a UCDP GED file (its header names `id`, `type_of_violence`, `dyad_new_id`…). Any of them may be
 * gzip-compressed (`.csv.gz`, as UCDP's downloads come): the content says so, not the name. Each must be UTF-8 (a byte
 * order mark is accepted): a file in another encoding is refused with the first byte that is not UTF-8 and its line,
 * or named when it is UTF-16, rather than stored with U+FFFD in place of its accented letters.
 */
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { InvalidImportError } from "../errors.js";
import { decodeUtf8, utf16Encoding } from "../model/encoding.js";
import { looksLikeUcdp } from "./ucdp/ucdpLayouts.js";
import { EXPORT_FORMAT } from "./export/export.js";
import type { ImportReport } from "./write/importer.js";
import type { ImportRequest, ImportService, ProgressReporter } from "./importService.js";

export type FileKind = "bundle" | "bundles" | "export" | "acled" | "ucdp";

export interface FileImport {
  kind: FileKind;
  report: ImportReport;
}

/** A compressed file may unpack to at most this much (a gzip bomb is refused, not held in memory). */
const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

const isGzip = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** What the file's text is, from its start. */
export function detectKind(text: string): "json" | "acled" | "ucdp" {
  const start = text.slice(0, 4096).replace(/^\uFEFF/, "");
  if (/^\s*[[{]/.test(start)) return "json";
  const header = start.split(/\r?\n/, 1)[0] ?? "";
  if (/(^|,)\s*"?event_id_cnty"?\s*(,|$)/i.test(header)) return "acled";
  if (looksLikeUcdp(header.split(",").map((column) => column.trim().replace(/^"|"$/g, "").toLowerCase()))) return "ucdp";
  throw new InvalidImportError([
    {
      path: "file",
      message:
        "neither JSON (a bundle or an export), an ACLED export (a CSV with event_id_cnty) nor a UCDP GED file " +
        "(a CSV with id, type_of_violence, dyad_new_id, side_a, side_b, best), plain or gzip-compressed",
    },
  ]);
}

export async function importFile(
  service: ImportService,
  path: string,
  request: ImportRequest,
  progress: ProgressReporter = {},
): Promise<FileImport> {
  const text = await readText(path);
  const kind = detectKind(text);
  if (kind === "acled") return { kind, report: await service.importAcled(text, request, progress) };
  if (kind === "ucdp") return { kind, report: await service.importUcdp(text, request, progress) };
  let content: unknown;
  try {
    content = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new InvalidImportError([{ path: "file", message: `not valid JSON: ${(error as Error).message}` }]);
  }
  if (Array.isArray(content)) return { kind: "bundles", report: await service.importBundles(content, request, { progress }) };
  if (isExport(content)) {
    // Exports written before incidents existed have none: their events are matched as any import's.
    const incidents =
      content.incidents === undefined ? {} : { incidents: { incidents: content.incidents, keptApart: content.keptApart ?? [] } };
    return { kind: "export", report: await service.importBundles(content.bundles, request, { restore: true, progress, ...incidents }) };
  }
  return { kind: "bundle", report: await service.importBundle(content, request) };
}

/** The file's text (decompressed when it is gzip), refused whole when any byte of it is not UTF-8. */
async function readText(path: string): Promise<string> {
  let bytes = await readFile(path);
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_UNZIPPED_BYTES });
    } catch (error) {
      throw new InvalidImportError([{ path: "file", message: `not valid gzip: ${(error as Error).message}` }]);
    }
  }
  const other = utf16Encoding(bytes.subarray(0, 4096));
  if (other !== null) throw new InvalidImportError([{ path: "file", message: `the file is ${other}, not UTF-8: save it as UTF-8` }]);
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new InvalidImportError([{ path: "file", message: `the file ${decoded.problem.message}: save it as UTF-8` }]);
  return decoded.text;
}

function isExport(content: unknown): content is { bundles: unknown[]; incidents?: unknown; keptApart?: unknown } {
  return (
    typeof content === "object" &&
    content !== null &&
    (content as { format?: unknown }).format === EXPORT_FORMAT &&
    Array.isArray((content as { bundles?: unknown }).bundles)
  );
}

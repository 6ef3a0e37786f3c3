/**
 * A file to import, told apart by its content, not its name: JSON is a bundle, a list of bundles or an export of
 * this service (restored with its ids as they are); anything else must be an ACLED export, a CSV whose header names
 * `event_id_cnty`. Either must be UTF-8 (a byte order mark is accepted): a file in another encoding is refused with
 * the first byte that is not UTF-8 and its line, or named when it is UTF-16, rather than stored with U+FFFD in place
 * of its accented letters.
 */
import { open, readFile } from "node:fs/promises";
import { InvalidImportError } from "../errors.js";
import { decodeUtf8, utf16Encoding } from "../model/encoding.js";
import { EXPORT_FORMAT } from "./export/export.js";
import type { ImportReport } from "./write/importer.js";
import type { ImportRequest, ImportService, ProgressReporter } from "./importService.js";

export type FileKind = "bundle" | "bundles" | "export" | "acled";

export interface FileImport {
  kind: FileKind;
  report: ImportReport;
}

export async function detectFileKind(path: string): Promise<"json" | "acled"> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const other = utf16Encoding(buffer.subarray(0, bytesRead));
    if (other !== null) throw new InvalidImportError([{ path: "file", message: `the file is ${other}, not UTF-8: save it as UTF-8` }]);
    const head = buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    if (/^\s*[[{]/.test(head)) return "json";
    const header = head.split(/\r?\n/, 1)[0] ?? "";
    if (/(^|,)\s*"?event_id_cnty"?\s*(,|$)/i.test(header)) return "acled";
  } finally {
    await handle.close();
  }
  throw new InvalidImportError([
    { path: "file", message: "neither JSON (a bundle or an export) nor an ACLED export (a CSV with event_id_cnty)" },
  ]);
}

export async function importFile(
  service: ImportService,
  path: string,
  request: ImportRequest,
  progress: ProgressReporter = {},
): Promise<FileImport> {
  const kind = await detectFileKind(path);
  const text = await readUtf8(path);
  if (kind === "acled") return { kind: "acled", report: await service.importAcled(text, request, progress) };
  let content: unknown;
  try {
    content = JSON.parse(text);
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

/** The file's text, refused whole when any byte of it is not UTF-8. */
async function readUtf8(path: string): Promise<string> {
  const decoded = decodeUtf8(await readFile(path));
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

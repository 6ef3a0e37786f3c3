/**
 * A file to import, told apart by its content, not its name: JSON is a bundle, a list of bundles or an export of
 * this service (restored with its ids as they are); anything else must be a CSV, an ACLED export (its header names
 * `event_id_cnty`) or a UCDP GED file (its header names `id`, `type_of_violence`, `dyad_new_id`…). Any of them may be
 * gzip-compressed (`.csv.gz`, as UCDP's downloads come): the content says so, not the name.
 */
import { createReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip, gunzipSync } from "node:zlib";
import { InvalidImportError } from "../errors.js";
import { looksLikeUcdp } from "./ucdp/ucdpLayouts.js";
import { EXPORT_FORMAT } from "./export/export.js";
import type { ImportReport } from "./write/importer.js";
import type { ImportRequest, ImportService, ProgressReporter } from "./importService.js";

export type FileKind = "bundle" | "bundles" | "export" | "acled" | "ucdp";

export interface FileImport {
  kind: FileKind;
  report: ImportReport;
}

const HEAD = 4096;
const isGzip = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The file's bytes, decompressed when it is gzip. */
function openFile(path: string, gzip: boolean): Readable {
  const file = createReadStream(path);
  if (!gzip) return file;
  const gunzip = createGunzip();
  file.on("error", (error) => gunzip.destroy(error));
  return file.pipe(gunzip);
}

/** The first bytes of the file's content (decompressed), and whether it is gzip. */
async function head(path: string): Promise<{ text: string; gzip: boolean }> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD), 0, HEAD, 0);
    if (!isGzip(buffer.subarray(0, bytesRead))) return { text: buffer.subarray(0, bytesRead).toString("utf8"), gzip: false };
  } finally {
    await handle.close();
  }
  const chunks: Buffer[] = [];
  let length = 0;
  const stream = openFile(path, true);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= HEAD) break;
    }
  } catch (error) {
    throw new InvalidImportError([{ path: "file", message: `not valid gzip: ${(error as Error).message}` }]);
  } finally {
    stream.destroy();
  }
  return { text: Buffer.concat(chunks).subarray(0, HEAD).toString("utf8"), gzip: true };
}

export async function detectFileKind(path: string): Promise<{ kind: "json" | "acled" | "ucdp"; gzip: boolean }> {
  const { text, gzip } = await head(path);
  const start = text.replace(/^\uFEFF/, "");
  if (/^\s*[[{]/.test(start)) return { kind: "json", gzip };
  const header = start.split(/\r?\n/, 1)[0] ?? "";
  if (/(^|,)\s*"?event_id_cnty"?\s*(,|$)/i.test(header)) return { kind: "acled", gzip };
  if (looksLikeUcdp(header.split(",").map((column) => column.trim().replace(/^"|"$/g, "").toLowerCase()))) return { kind: "ucdp", gzip };
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
  const { kind, gzip } = await detectFileKind(path);
  if (kind === "acled") return { kind, report: await service.importAcled(openFile(path, gzip), request, progress) };
  if (kind === "ucdp") return { kind, report: await service.importUcdp(openFile(path, gzip), request, progress) };
  let content: unknown;
  try {
    const bytes = await readFile(path);
    content = JSON.parse((gzip ? gunzipSync(bytes) : bytes).toString("utf8"));
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

function isExport(content: unknown): content is { bundles: unknown[]; incidents?: unknown; keptApart?: unknown } {
  return (
    typeof content === "object" &&
    content !== null &&
    (content as { format?: unknown }).format === EXPORT_FORMAT &&
    Array.isArray((content as { bundles?: unknown }).bundles)
  );
}

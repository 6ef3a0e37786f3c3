/**
 * The write path's entry points, shared by the API and the command line: a bundle, several bundles (an export
 * file) or an ACLED file in; an import report out, or an `InvalidImportError` listing every problem. Each checks its
 * input on its own first (schema, quotes, rows), then hands a draft to the importer, which checks it against the
 * graph and writes it in one transaction.
 */
import { Readable } from "node:stream";
import type { Executor } from "../db/executor.js";
import { type ImportProblem, ImportTimeoutError, InvalidImportError, QueryTimeoutError } from "../errors.js";
import { acledDraft } from "./acled/acledDraft.js";
import { readAcled } from "./acled/acledRows.js";
import { ucdpDraft } from "./ucdp/ucdpDraft.js";
import { readUcdp } from "./ucdp/ucdpRows.js";
import { validateBundle } from "./bundle/validation.js";
import { bundleDraft } from "./bundle/bundleDraft.js";
import type { Draft } from "./draft.js";
import { Pacer } from "../pacer.js";
import { type ImportOptions, type ImportReport, limitProblems, runImportWithChanges } from "./write/importer.js";
import type { ChangeBus } from "../live/changeBus.js";
import { publishChange } from "../live/publish.js";
import { parseId } from "../model/ids.js";
import { mergeNodes } from "./write/mergeNodes.js";
import { incidentDecisionsSchema, type IncidentDecision, linkIncident } from "./write/incidentDecisions.js";
import { lockImports } from "./write/importStore.js";

export interface ImportRequest {
  dryRun: boolean;
  /** Who writes: recorded as `createdBy`/`updatedBy`. */
  writtenBy: string;
}

export interface ProgressReporter {
  /** Bytes of the input read so far. */
  read?: (bytes: number) => void;
  /** Nodes written so far, of `total`. */
  written?: (done: number, total: number) => void;
}

export class ImportService {
  constructor(
    private readonly db: Executor,
    /** `caller`: who reads the refusal of an import over budget, an API client or the command line's user (ImportTimeoutError). */
    private readonly settings: { timeoutMs: number; caller?: "api" | "cli" },
    /** Where committed changes to event reports are told (live updates); none for the command line on its own. */
    private readonly changes: ChangeBus | null = null,
  ) {}

  /**
   * Runs one import, then tells the bus which event reports it changed: after the commit only, so a refused or
   * rolled-back import (and a dry run) tells nothing.
   */
  private async imported(draft: Draft, options: ImportOptions): Promise<ImportReport> {
    const { report, changed } = await runImportWithChanges(this.db, draft, options);
    if (this.changes) {
      publishChange(this.changes, "CREATED", changed.created);
      publishChange(this.changes, "UPDATED", changed.updated);
      publishChange(this.changes, "REGROUPED", changed.regrouped);
    }
    return report;
  }

  /** Runs a write of the import's budget; running out of it is said as the import's, not as a query's, timeout. */
  private async budgeted<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueryTimeoutError) throw new ImportTimeoutError(this.settings.timeoutMs, this.settings.caller ?? "api");
      throw error;
    }
  }

  /** One bundle (the API's `importBundle`). */
  importBundle(input: unknown, request: ImportRequest): Promise<ImportReport> {
    return this.importBundles([input], request, { paths: "bare" });
  }

  /**
   * Several bundles as one import: references may cross bundles, and all are written or none. `restore` is for
   * this service's own exports, whose ids are the truth: nothing is linked to existing nodes by name.
   */
  async importBundles(
    inputs: readonly unknown[],
    request: ImportRequest,
    options: { paths?: "bare" | "indexed"; restore?: boolean; progress?: ProgressReporter; incidents?: unknown } = {},
  ): Promise<ImportReport> {
    const problems: ImportProblem[] = [];
    // An export's incidents and keep-aparts (write/incidentDecisions.ts), restored with its bundles.
    const incidents = options.incidents === undefined ? undefined : incidentDecisionsSchema.safeParse(options.incidents);
    if (incidents && !incidents.success) {
      problems.push(...incidents.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })));
    }
    const draft: Draft = { nodes: [] };
    let shapeBroken = false;
    const pacer = new Pacer();
    for (const [i, input] of inputs.entries()) {
      const prefix = options.paths === "bare" ? "" : `bundles.${i}.`;
      const result = await validateBundle(input, pacer);
      if (!result.ok) problems.push(...result.problems.map((problem) => ({ ...problem, path: `${prefix}${problem.path}` })));
      if (result.value) draft.nodes.push(...bundleDraft(result.value, { pathPrefix: prefix }).nodes);
      else shapeBroken = true;
      // Validation is synchronous work in proportion to the bundle: other requests get a turn between bundles.
      await pacer.pace();
    }
    // A bundle whose shape is wrong cannot be checked further; the others' problems are still worth reporting.
    if (shapeBroken) throw new InvalidImportError(limitProblems(problems));
    return this.budgeted(() =>
      this.imported(draft, {
        ...request,
        problems,
        resolve: !options.restore,
        ...(incidents?.success ? { incidents: incidents.data } : {}),
        timeoutMs: this.settings.timeoutMs,
        ...(options.progress?.written ? { onProgress: options.progress.written } : {}),
      }),
    );
  }

  /** Two ids of one actor or place become one node, `into` (write/mergeNodes.ts); nothing changes when refused. */
  async mergeNodes(from: string, into: string, request: Omit<ImportRequest, "dryRun">): Promise<ImportReport> {
    const report = await this.budgeted(() =>
      mergeNodes(this.db, { from, into, writtenBy: request.writtenBy, timeoutMs: this.settings.timeoutMs }),
    );
    // The events that named `from` name `into` now: their content was written again (the report's `touched`).
    if (this.changes)
      publishChange(
        this.changes,
        "MERGED",
        report.touched.filter((id) => parseId(id)?.label === "Event"),
      );
    return report;
  }

  /**
   * An editor's decision on incidents (the API's `linkIncident`, ingest/write/incidentDecisions.ts), serialised with imports;
   * returns the ids of the listed reports' incidents and the earlier decisions it undid.
   */
  async linkIncident(eventIds: readonly string[], same: boolean, writtenBy: string): Promise<IncidentDecision> {
    const decision = await this.budgeted(() =>
      this.db.write(
        async (tx) => {
          await lockImports(tx);
          return linkIncident(tx, eventIds, same, writtenBy);
        },
        { timeoutMs: this.settings.timeoutMs },
      ),
    );
    // The listed reports were joined into one incident or kept apart (each taking an incident of its own).
    if (this.changes) publishChange(this.changes, "REGROUPED", eventIds);
    return decision;
  }

  /** An ACLED export (CSV with its header row), streamed; all rows or none. */
  async importAcled(csv: string | Readable, request: ImportRequest, progress: ProgressReporter = {}): Promise<ImportReport> {
    // A string is fed in slices: given whole, the CSV parser would read every row of it in one synchronous call.
    const input = typeof csv === "string" ? Readable.from(slices(csv)) : csv;
    const pacer = new Pacer();
    const { rows, count, problems, unreadable } = await readAcled(input, pacer, progress.read);
    if (unreadable) throw new InvalidImportError(limitProblems(problems));
    const draft = await acledDraft(rows, pacer);
    return this.budgeted(() =>
      this.imported(draft, {
        ...request,
        problems,
        rows: count,
        timeoutMs: this.settings.timeoutMs,
        ...(progress.written ? { onProgress: progress.written } : {}),
      }),
    );
  }

  /**
   * A UCDP GED file (CSV with its header row, 41 or 49 columns), streamed; all rows or none. Rows read with a warning
   * (figures out of order) are imported, and their warnings reported.
   */
  async importUcdp(csv: string | Readable, request: ImportRequest, progress: ProgressReporter = {}): Promise<ImportReport> {
    const input = typeof csv === "string" ? Readable.from(slices(csv)) : csv;
    const pacer = new Pacer();
    const { rows, count, problems, warnings, unreadable } = await readUcdp(input, pacer, progress.read);
    if (unreadable) throw new InvalidImportError(limitProblems(problems));
    return this.imported(await ucdpDraft(rows, pacer), {
      ...request,
      problems,
      warnings,
      rows: count,
      timeoutMs: this.settings.timeoutMs,
      ...(progress.written ? { onProgress: progress.written } : {}),
    });
  }
}

const SLICE = 1 << 16;

/** The text in slices of about 64k characters, never splitting a surrogate pair. */
function* slices(text: string): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + SLICE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield text.slice(start, end);
    start = end;
  }
}

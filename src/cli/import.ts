/**
 * npm run import -- <file> [--dry-run]
 *
 * Imports a bundle (.json), a list of bundles, an export of this service, an ACLED export or a UCDP GED file (.csv,
 * either plain or gzip-compressed, .csv.gz; the format is told by the content) into the configured database, all or nothing, and prints what it did. Exit codes: 0 imported, 1 refused (the problems are
 * listed on stderr) or failed, 2 usage error. Writes are recorded as `cli:<user>`.
 */
import { stat } from "node:fs/promises";
import { userInfo } from "node:os";
import { pino } from "pino";
import { loadConfig } from "../config.js";
import { InvalidImportError } from "../errors.js";
import { importFile } from "../ingest/importFile.js";
import { ImportService } from "../ingest/importService.js";
import { changeBusFor } from "../live/redisChangeBus.js";
import { createMetrics } from "../metrics.js";
import { counted } from "../model/text.js";
import { openDatabase } from "./database.js";
import { count, megabytes, phase, progressBar } from "./progress.js";
import { runCommand } from "./runCommand.js";

const USAGE = "usage: npm run import -- <file.json|file.csv|file.csv.gz> [--dry-run]";

async function main(argv: string[]): Promise<number> {
  const dryRun = argv.includes("--dry-run");
  const files = argv.filter((arg) => arg !== "--dry-run");
  if (files.length !== 1 || files[0]!.startsWith("-")) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const path = files[0]!;
  const size = (await stat(path)).size;
  const config = loadConfig();
  const { driver, db, uri } = await openDatabase(config);
  // With REDIS_URL set, the API's live subscribers hear this import as they hear one sent to the API; else no one can.
  const changes = changeBusFor(config, pino({ level: "warn" }, pino.destination(2)), createMetrics());
  const reading = progressBar("reading", megabytes);
  const writing = progressBar("writing", count);
  const committing = phase("committing (relationships, event figures, then the transaction)");
  const finish = () => {
    reading.finish();
    writing.finish();
    committing.finish();
  };
  const startedAt = performance.now();
  try {
    const { kind, report } = await importFile(
      new ImportService(db, { ...config.imports, caller: "cli" }, changes),
      path,
      { dryRun, writtenBy: `cli:${userInfo().username}` },
      {
        read: (bytes) => reading.update(bytes, size),
        written: (done, total) => {
          reading.finish();
          writing.update(done, total);
          if (done >= total) {
            writing.finish();
            committing.start();
          }
        },
      },
    );
    finish();
    const seconds = (performance.now() - startedAt) / 1000;
    const rows = report.rows === null ? "" : `${counted(report.rows, "row")}, ${count(Math.round(report.rows / seconds))} rows/s; `;
    const verb = dryRun ? "Dry run, nothing written: would create" : "created";
    process.stdout.write(
      `${path} (${kind}) into ${uri}: ${rows}${verb} ${count(report.created)}, updated ${count(report.updated)}, ` +
        `unchanged ${count(report.unchanged)}; ${report.resolved.length} linked to existing actors or places; ${seconds.toFixed(1)} s\n`,
    );
    for (const match of report.resolved) process.stdout.write(`  ${match.id} -> ${match.matchedId} (${match.by}: ${match.name})\n`);
    if (report.warnings.length > 0) process.stdout.write(`${counted(report.warnings.length, "warning")}:\n`);
    for (const warning of report.warnings) process.stdout.write(`  ${warning.path}: ${warning.message}\n`);
    return 0;
  } catch (error) {
    finish();
    if (!(error instanceof InvalidImportError)) throw error;
    process.stderr.write(`${path}: ${error.message}\n`);
    for (const problem of error.problems) process.stderr.write(`  ${problem.path || "-"}: ${problem.message}\n`);
    return 1;
  } finally {
    await changes.close();
    await driver.close();
  }
}

runCommand(() => main(process.argv.slice(2)));

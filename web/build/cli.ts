/**
 * npm run build:web   builds the playground and explorer into dist/web/ and lists what it wrote.
 * --if-stale          only when they are missing or their inputs changed (npm start runs this).
 */
import { assetsAreFresh, buildWebAssets } from "./assets.js";

const ifStale = process.argv.includes("--if-stale");

if (ifStale && assetsAreFresh()) process.exit(0);
if (ifStale) console.error("web assets missing or out of date: building them (web/ -> dist/web/)…");
const report = await buildWebAssets();
const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1).padStart(8)} kB`;
if (!ifStale) for (const file of report.files) console.log(`${kilobytes(file.bytes)}  dist/web/${file.path}`);
const total = report.files.reduce((sum, file) => sum + file.bytes, 0);
console.error(`web assets built in ${(report.milliseconds / 1000).toFixed(1)} s: ${report.files.length} files, ${kilobytes(total).trim()}`);

import { loadEnvFile } from "../envFile.js";

/**
 * Runs a command-line entry point, with the project's .env file loaded first: its result is the exit code; a failure
 * prints one line, not a stack trace.
 */
export function runCommand(main: () => Promise<number>): void {
  Promise.resolve()
    .then(() => {
      loadEnvFile();
      return main();
    })
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      },
    );
}

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second, and only on a terminal: piped output and
 * CI logs get the summary alone.
 */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

export function progressBar(label: string, unit: (value: number) => string, stream: NodeJS.WriteStream = process.stderr): Progress {
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (!stream.isTTY || total <= 0) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const share = Math.min(1, done / total);
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(
        `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${unit(done)}/${unit(total)}`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}

export const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
export const count = (value: number) => value.toLocaleString("en");

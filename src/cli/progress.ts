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

/**
 * A phase whose length is unknown, shown as its label and the seconds it has taken so far (redrawn each second, on a
 * terminal only): the import's last phase, after every node is written, when relationships, event figures and the
 * commit itself take their time with nothing to count.
 */
export function phase(label: string, stream: NodeJS.WriteStream = process.stderr): { start(): void; finish(): void } {
  let timer: NodeJS.Timeout | undefined;
  let startedAt = 0;
  const draw = () => stream.write(`\r${label}… ${Math.round((Date.now() - startedAt) / 1000)} s`.padEnd(60));
  return {
    start() {
      if (!stream.isTTY || timer !== undefined) return;
      startedAt = Date.now();
      draw();
      timer = setInterval(draw, 1_000);
      timer.unref();
    },
    finish() {
      if (timer === undefined) return;
      clearInterval(timer);
      timer = undefined;
      draw();
      stream.write("\n");
    },
  };
}

export const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
export const count = (value: number) => value.toLocaleString("en");

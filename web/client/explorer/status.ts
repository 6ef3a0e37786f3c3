/** The status line read out to screen readers: how much of the graph is on screen. */

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

export interface StatusCounts {
  nodes: number;
  edges: number;
  hiddenEvents: number;
  truncated: boolean;
}

export function statusText({ nodes, edges, hiddenEvents, truncated }: StatusCounts): string {
  let text = `${plural(nodes, "node")}, ${plural(edges, "edge")} shown`;
  if (hiddenEvents > 0) text += ` (${plural(hiddenEvents, "event")} hidden by date)`;
  if (truncated) text += "; cut at the limit: open nodes to see more";
  return text;
}

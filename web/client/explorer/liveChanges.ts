/**
 * Live changes in the explorer: while the page is open it subscribes to `eventsChanged` (graphql-ws, on /graphql)
 * and marks what changed. A drawn event that changed, and the drawn actors and places an event that changed names,
 * get a halo and the class `changed`; nodes drawn later are marked as they appear; a status line counts the events
 * changed since the page opened. The subscription is the server's to bound: a client too slow is dropped, and the
 * client reconnects.
 */
import type { Core, NodeSingular } from "cytoscape";
import { createClient } from "graphql-ws";

const EVENTS_CHANGED = `subscription ExplorerChanges {
  eventsChanged { kind event { id places { id } participants { actor { id } } } }
}`;

interface EventChange {
  kind: "CREATED" | "UPDATED" | "REGROUPED" | "MERGED";
  event: { id: string; places: { id: string }[]; participants: { actor: { id: string } }[] };
}

/** The most ids remembered as changed; older ones are forgotten first (a long-open page stays bounded). */
const MAX_REMEMBERED = 5_000;

/** A halo behind the node (the stylesheet, which the view replaces as it zooms, draws no underlay of its own). */
const HALO = { "underlay-color": "#f59e0b", "underlay-opacity": 0.55, "underlay-padding": 7, "underlay-shape": "ellipse" } as const;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Subscribes for as long as the page is open; `after` is the element the status line goes after. */
export function watchLiveChanges(cy: Core, after: HTMLElement): void {
  const status = document.createElement("p");
  status.id = "live-status";
  status.setAttribute("role", "status");
  status.textContent = "Live changes: connecting…";
  after.insertAdjacentElement("afterend", status);

  const changedEvents = new Set<string>();
  const marked = new Set<string>();
  const remember = (set: Set<string>, id: string) => {
    set.delete(id);
    set.add(id);
    if (set.size > MAX_REMEMBERED) set.delete(set.values().next().value!);
  };
  const mark = (node: NodeSingular) => {
    if (!marked.has(node.id()) || node.hasClass("changed")) return;
    node.addClass("changed");
    node.style(HALO);
  };
  const showCount = () => {
    status.textContent =
      changedEvents.size === 0 ? "Live changes: none since the page opened" : `${plural(changedEvents.size, "event")} changed`;
  };
  cy.on("add", "node", (event) => mark(event.target as NodeSingular));

  const protocol = location.protocol === "https:" ? "wss:" : "ws:";
  const client = createClient({
    url: `${protocol}//${location.host}/graphql`,
    retryAttempts: Infinity,
    on: {
      connected: showCount,
      closed: () => {
        status.textContent = "Live changes: reconnecting…";
      },
    },
  });
  client.subscribe<{ eventsChanged: EventChange }>(
    { query: EVENTS_CHANGED },
    {
      next: ({ data }) => {
        const change = data?.eventsChanged;
        if (!change) return;
        remember(changedEvents, change.event.id);
        const named = [
          change.event.id,
          ...change.event.places.map((place) => place.id),
          ...change.event.participants.map((p) => p.actor.id),
        ];
        for (const id of named) {
          remember(marked, id);
          const node = cy.getElementById(id);
          if (node.nonempty() && node.isNode()) mark(node);
        }
        showCount();
      },
      error: () => {
        status.textContent = "Live changes are unavailable.";
      },
      complete: () => undefined,
    },
  );
  addEventListener("pagehide", () => void client.dispose());
}

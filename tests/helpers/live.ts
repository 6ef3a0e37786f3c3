/** Live updates' tests: graphql-ws's own client in Node (with `ws`), as docs/clients.md sets it up. */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export interface Received {
  kind: string;
  event: { id: string } & Record<string, unknown>;
  /** When it arrived (Date.now()). */
  at: number;
}

export interface LiveSubscription {
  received: Received[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  completed: boolean;
  stop: () => void;
}

export interface LiveClient {
  client: Client;
  /** The close events the client saw, in order. */
  closes: { code: number; reason: string }[];
  /** The client's sockets, to stop reading from one (a slow consumer). */
  sockets: WebSocket[];
  subscribe(query: string, variables?: Record<string, unknown>): LiveSubscription;
  dispose(): Promise<void>;
}

export function liveClient(httpUrl: string, connectionParams?: Record<string, unknown>): LiveClient {
  const closes: { code: number; reason: string }[] = [];
  const sockets: WebSocket[] = [];
  class RecordedWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      sockets.push(this);
    }
  }
  const client = createClient({
    url: `${httpUrl.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: RecordedWebSocket,
    retryAttempts: 0,
    ...(connectionParams ? { connectionParams } : {}),
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closes.push({ code, reason: String(reason) });
      },
    },
  });
  return {
    client,
    closes,
    sockets,
    subscribe(query, variables) {
      const subscription: LiveSubscription = { received: [], errors: [], completed: false, stop: () => undefined };
      subscription.stop = client.subscribe<{ eventsChanged: { kind: string; event: Received["event"] } }>(
        { query, ...(variables ? { variables } : {}) },
        {
          next: (result) => {
            if (result.errors) subscription.errors.push(...(result.errors as LiveSubscription["errors"]));
            const change = result.data?.eventsChanged;
            if (change) subscription.received.push({ ...change, at: Date.now() });
          },
          error: (error) => {
            if (Array.isArray(error)) subscription.errors.push(...(error as LiveSubscription["errors"]));
            else subscription.errors.push({ message: error instanceof Error ? error.message : JSON.stringify(error) });
          },
          complete: () => {
            subscription.completed = true;
          },
        },
      );
      return subscription;
    },
    dispose: () => Promise.resolve(client.dispose()),
  };
}

export const EVENTS_CHANGED = `subscription ($filter: EventFilter) {
  eventsChanged(filter: $filter) { kind event { id title places { id name } } }
}`;

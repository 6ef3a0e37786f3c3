/**
 * Live updates across API replicas: a subscriber connected to one process hears an import committed through another,
 * within a second, through Redis (REDIS_URL). Real processes (src/main.ts), a real Redis (redis-local), graphql-ws's
 * own client.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { uniqueSuffix } from "../helpers/bundles.js";
import { liveClient, type LiveClient, type LiveSubscription } from "../helpers/live.js";
import { spawnApi, useRedis, type ApiProcess } from "../helpers/redis.js";
import { waitFor } from "../helpers/waiting.js";
import { asEditor, documentBundle, keyEnvironment, REPORT } from "../helpers/writing.js";

const CHANGES = `subscription { eventsChanged { kind event { id title } } }`;

async function importThrough(replica: ApiProcess, bundle: unknown): Promise<void> {
  const response = await fetch(`${replica.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...asEditor },
    body: JSON.stringify({
      query: `mutation ($bundle: BundleInput!) { importBundle(bundle: $bundle) { ${REPORT} } }`,
      variables: { bundle },
    }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  expect(body.errors).toBeUndefined();
}

const heard = (subscription: LiveSubscription, id: string) => subscription.received.find((change) => change.event.id === id);

describe("live updates across two API processes sharing one Redis", { timeout: 120_000 }, () => {
  const redis = useRedis();
  let replicas: ApiProcess[] = [];
  let live: LiveClient | undefined;

  beforeAll(async () => {
    replicas = await Promise.all([0, 1].map(() => spawnApi({ redisUrl: redis.url, environment: keyEnvironment })));
  });

  afterAll(async () => {
    await live?.dispose();
    await Promise.all(replicas.map((replica) => replica.stop()));
  });

  it("send an import committed through one process to a subscriber of the other within a second", async () => {
    const [importer, listener] = replicas as [ApiProcess, ApiProcess];
    live = liveClient(listener.url);
    const subscription = live.subscribe(CHANGES);
    // The subscription listens once the other process's server has taken it: an import heard proves it (its own
    // process cannot be watched from here), then a second import is timed.
    const first = uniqueSuffix();
    await importThrough(importer, documentBundle(first));
    await waitFor(() => heard(subscription, `event:w-${first}-strike`) !== undefined || subscription.errors.length > 0, {
      timeoutMs: 20_000,
      what: "the first import to reach the other process's subscriber",
    });
    expect(subscription.errors).toEqual([]);

    const second = uniqueSuffix();
    await importThrough(importer, documentBundle(second));
    const committed = Date.now();
    await waitFor(() => heard(subscription, `event:w-${second}-strike`) !== undefined, {
      timeoutMs: 1_000,
      stepMs: 10,
      what: "the second import, within a second of its commit",
    });
    const change = heard(subscription, `event:w-${second}-strike`)!;
    expect(change.kind).toBe("CREATED");
    expect(change.event.title).toBe(`Drone strike on the Kafr Zeta ${second} market`);
    expect(change.at - committed).toBeLessThan(1_000);
    // Heard once: the importing process's own notice is not echoed back to it and sent twice.
    expect(subscription.received.filter((received) => received.event.id === `event:w-${second}-strike`)).toHaveLength(1);
  });

  it("send an import made with `npm run import` (REDIS_URL set) to the API's subscribers", async () => {
    const listener = replicas[1]!;
    const subscription = live!.subscribe(CHANGES);
    const s = uniqueSuffix();
    const folder = mkdtempSync(join(tmpdir(), "live-cli-"));
    try {
      const file = join(folder, "bundle.json");
      writeFileSync(file, JSON.stringify(documentBundle(s)));
      await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/import.ts", file], {
        cwd: projectRoot,
        env: { ...process.env, NEO4J_URI: inject("neo4jUri"), REDIS_URL: redis.url },
        timeout: 90_000,
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await waitFor(() => heard(subscription, `event:w-${s}-strike`) !== undefined, {
      timeoutMs: 5_000,
      what: `the command line's import to reach ${listener.url}'s subscriber`,
    });
    expect(heard(subscription, `event:w-${s}-strike`)!.kind).toBe("CREATED");
  });
});

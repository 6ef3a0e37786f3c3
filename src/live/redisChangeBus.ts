/**
 * The change bus of several API processes: Redis pub/sub on one channel (REDIS_URL). A notice goes to this process's
 * listeners at once and to the other processes through Redis; each process ignores its own notices coming back.
 * Redis is a helper, not a dependency: while it is away, this process's listeners still hear this process's changes,
 * and a notice that could not be sent is logged and counted (`live_change_notices_total{outcome="lost"}`), never
 * thrown into the write path that published it.
 *
 * On receipt a message is bounded (MAX_NOTICE_BYTES) and validated (zod) before any listener sees it: the channel is
 * open to every client of that Redis, so what arrives is input like any request's.
 */
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { z } from "zod";
import type { Config } from "../config.js";
import { throttledWarning } from "../logger.js";
import type { Metrics } from "../metrics.js";
import { closeRedis, openRedis, type RedisClient } from "../redis/connection.js";
import { inProcessChangeBus, MAX_IDS_PER_NOTICE, type ChangeBus, type ChangeListener, type ChangeNotice } from "./changeBus.js";

/** The channel every replica publishes on and listens to. Pub/sub channels span Redis's numbered databases: one Redis per deployment. */
export const CHANGES_CHANNEL = "conflict-graph:changes";

/** Event ids are short; a generous bound per id keeps a notice of MAX_IDS_PER_NOTICE ids under MAX_NOTICE_BYTES. */
const MAX_ID_LENGTH = 200;
/** The largest message read from the channel; larger ones are dropped unread (a notice of 1,000 ids of 40 characters is ~45 kB). */
export const MAX_NOTICE_BYTES = 256 * 1024;

/** A flood of bad messages is one warning per this interval, with the count of the others. */
const DROP_WARNING_INTERVAL_MS = 10_000;

/** What travels on the channel: a notice and the process that sent it (so that it does not hear itself twice). */
const wireNotice = z.object({
  origin: z.string().min(1).max(64),
  kind: z.enum(["CREATED", "UPDATED", "REGROUPED", "MERGED"]),
  eventIds: z.array(z.string().min(1).max(MAX_ID_LENGTH)).min(1).max(MAX_IDS_PER_NOTICE),
});

export type NoticeOutcome = "published" | "received" | "lost" | "invalid" | "oversized";

/** A message from the channel as a notice, or why it is dropped; `own` for a notice this process sent itself. */
export function readWireNotice(
  message: Buffer,
  self: string,
): { notice: ChangeNotice; own: boolean } | { dropped: "invalid" | "oversized" } {
  if (message.length > MAX_NOTICE_BYTES) return { dropped: "oversized" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.toString("utf8"));
  } catch {
    return { dropped: "invalid" };
  }
  const checked = wireNotice.safeParse(parsed);
  if (!checked.success) return { dropped: "invalid" };
  const { origin, kind, eventIds } = checked.data;
  return { notice: { kind, eventIds }, own: origin === self };
}

export interface RedisChangeBusOptions {
  url: string;
  logger: Logger;
  metrics: Pick<Metrics, "changeNotices">;
}

/** A bus over Redis pub/sub: a publishing connection and a subscribed one, both reconnecting by themselves. */
export function redisChangeBus({ url, logger, metrics }: RedisChangeBusOptions): ChangeBus {
  const self = randomUUID();
  const local = inProcessChangeBus();
  const log = logger.child({ bus: CHANGES_CHANNEL });
  const publisher: RedisClient = openRedis(url, { role: "changes-publisher", logger });
  const subscriber: RedisClient = openRedis(url, { role: "changes-subscriber", logger, queueWhileOffline: true });
  const count = (outcome: NoticeOutcome) => metrics.changeNotices.inc({ outcome });
  const dropWarning = throttledWarning(DROP_WARNING_INTERVAL_MS, "droppedSinceLastWarning", (fields) =>
    log.warn(fields, "dropped a message on the changes channel"),
  );
  const warnDropped = (reason: "invalid" | "oversized", bytes: number) => dropWarning.warn({ reason, bytes });
  const tell = (notice: ChangeNotice) => {
    try {
      local.publish(notice);
    } catch (error) {
      log.error({ err: error }, "a change listener failed");
    }
  };

  // Subscribed from the start, so that a process counts what reaches it even before anyone listens.
  subscriber
    .subscribe(
      CHANGES_CHANNEL,
      (message: Buffer) => {
        const read = readWireNotice(message, self);
        if ("dropped" in read) {
          count(read.dropped);
          warnDropped(read.dropped, message.length);
          return;
        }
        if (read.own) return;
        count("received");
        tell(read.notice);
      },
      true,
    )
    .catch((error: unknown) => log.warn({ err: error }, "could not subscribe to the changes channel"));

  return {
    publish(notice) {
      tell(notice);
      const message = JSON.stringify({ origin: self, kind: notice.kind, eventIds: notice.eventIds });
      if (Buffer.byteLength(message) > MAX_NOTICE_BYTES || notice.eventIds.length > MAX_IDS_PER_NOTICE) {
        // A publisher must split large changes (MAX_IDS_PER_NOTICE); the other processes would drop this one.
        count("oversized");
        log.warn({ kind: notice.kind, ids: notice.eventIds.length }, "a change notice too large for the other processes was not sent");
        return;
      }
      publisher.publish(CHANGES_CHANNEL, message).then(
        () => count("published"),
        (error: unknown) => {
          count("lost");
          log.warn(
            { reason: error instanceof Error ? error.message : String(error), kind: notice.kind, ids: notice.eventIds.length },
            "a change notice did not reach Redis: subscribers on other processes miss it",
          );
        },
      );
    },
    subscribe: (listener: ChangeListener) => local.subscribe(listener),
    async close() {
      await Promise.all([closeRedis(subscriber), closeRedis(publisher)]);
      await local.close();
    },
  };
}

/** The app's bus: over Redis when REDIS_URL is set, else within this process. */
export function changeBusFor(config: Pick<Config, "redis">, logger: Logger, metrics: Pick<Metrics, "changeNotices">): ChangeBus {
  return config.redis.url === null ? inProcessChangeBus() : redisChangeBus({ url: config.redis.url, logger, metrics });
}

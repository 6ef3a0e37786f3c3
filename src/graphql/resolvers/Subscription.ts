import type { ResolversTypes, SubscriptionResolvers } from "../generated/resolvers.js";
import { changeStream } from "../../live/changeStream.js";
import { checkedEventFilter } from "./shared.js";

type EventChangeRow = ResolversTypes["EventChange"];

/**
 * `eventsChanged`: each change notice on the bus (live/changeBus.ts) is read back through the filter, as `Query.events`
 * filters, and becomes one `EventChange` per event still within it. The filter is checked before anything listens,
 * so a bad one is refused without a subscription. Each payload is executed with a context of its own (liveUpdates.ts).
 */
export const Subscription: SubscriptionResolvers = {
  eventsChanged: {
    subscribe: (_root, { filter }, context) => {
      const conditions = checkedEventFilter(filter);
      const live = context.live;
      if (!live) throw new Error("eventsChanged is served over WebSocket only");
      const changes = changeStream<EventChangeRow>(live.changes, {
        maxWaiting: live.maxWaiting,
        overflowed: live.overflowed,
        read: async (notice) =>
          (await context.repositories.events.amongIds(notice.eventIds, conditions)).map((event) => ({ kind: notice.kind, event })),
      });
      return changes;
    },
    resolve: (change: EventChangeRow) => change,
  },
};

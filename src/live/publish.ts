import { type ChangeBus, type ChangeKind, MAX_IDS_PER_NOTICE } from "./changeBus.js";

/** Tells the bus of one kind of change to these events, in notices of at most MAX_IDS_PER_NOTICE ids; none when empty. */
export function publishChange(bus: ChangeBus, kind: ChangeKind, eventIds: readonly string[]): void {
  const ids = [...new Set(eventIds)];
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_NOTICE) {
    bus.publish({ kind, eventIds: ids.slice(start, start + MAX_IDS_PER_NOTICE) });
  }
}

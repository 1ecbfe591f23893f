import type { Context } from "../../context";
import { follow as followBus, isResync } from "../../pubsub";
import { currentStatus } from "./service";

/** `myAccountStatus`: the current status at once, then every change. */
export async function* followAccountStatus(ctx: Context) {
  // subscribe first, then read: a change landing between the two is not missed
  const iterator = followBus(ctx.pubsub, "account:status", ctx.viewer!.id);
  try {
    let last = await currentStatus(ctx);
    yield last;
    for await (const event of iterator) {
      if (isResync(event)) {
        // a change made while Redis was away never arrives: the current status, when it is another
        const now = await currentStatus(ctx);
        if (now.status === last.status && now.reason === last.reason) continue;
        yield (last = now);
        continue;
      }
      yield (last = event);
    }
  } finally {
    await iterator.return(undefined);
  }
}

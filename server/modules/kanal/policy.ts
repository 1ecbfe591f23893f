import type { Context } from "../../context";

/**
 * A person's notice channels and phone number are their own: only they choose them (signed in, whatever the
 * account's status: a pending account is told of its activation too); no admin and no API client does it for
 * them. The stop link needs no session: it is signed for one account and one channel (rules.ts stopToken).
 */
export function mayChooseOwnChannels(ctx: Pick<Context, "viewer" | "client">): boolean {
  return ctx.viewer !== null && ctx.client === null;
}

/**
 * Failed-login policy, pure. Per account: from the 3rd consecutive failure each further attempt must
 * wait 2^(n-3) seconds (slowed), and the 10th locks the account for 15 minutes. Per client address:
 * 30 failures within 15 minutes lock that address until the window ends, whatever accounts it tries.
 */
export const ACCOUNT_SLOW_AFTER = 3;
export const ACCOUNT_LOCK_AFTER = 10;
export const ACCOUNT_LOCK_MS = 15 * 60_000;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
export const ADDRESS_LOCK_AFTER = 30;

/** When the account may try again after its `failures`-th consecutive failure (null: at once). */
export function accountRetryAt(failures: number, now: Date): Date | null {
  if (failures >= ACCOUNT_LOCK_AFTER) return new Date(now.getTime() + ACCOUNT_LOCK_MS);
  if (failures >= ACCOUNT_SLOW_AFTER) return new Date(now.getTime() + 1000 * 2 ** (failures - ACCOUNT_SLOW_AFTER));
  return null;
}

export interface AddressState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

/** The address state after one more failure. */
export function addressAfterFailure(state: AddressState | null, now: Date): AddressState {
  const fresh = !state || now.getTime() - state.windowStart.getTime() >= ADDRESS_WINDOW_MS;
  const failures = fresh ? 1 : state!.failures + 1;
  const windowStart = fresh ? now : state!.windowStart;
  const lockedUntil = failures >= ADDRESS_LOCK_AFTER ? new Date(windowStart.getTime() + ADDRESS_WINDOW_MS) : null;
  return { failures, windowStart, lockedUntil };
}

/** The address state when an attempt counted in advance turned out not to be a failure (a success, a malformed identifier …). */
export function addressAfterRefund(state: AddressState): AddressState {
  const failures = Math.max(0, state.failures - 1);
  return { failures, windowStart: state.windowStart, lockedUntil: failures >= ADDRESS_LOCK_AFTER ? state.lockedUntil : null };
}

export function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}

export function waitMessage(seconds: number): string {
  if (seconds >= 90) return `${Math.ceil(seconds / 60)} menit`;
  return `${seconds} detik`;
}

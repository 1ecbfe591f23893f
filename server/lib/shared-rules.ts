import type { z } from "zod";
import type { Masalah } from "../shared/teks";
import { problem } from "./validate";

/**
 * A zod check made of a rule from server/shared/ (the one the browser runs too): each problem it finds becomes an
 * issue at its field, relative to where the check is applied ("0.buka" → [0, "buka"], "" → the value itself), with
 * its code and message. Used as `schema.superRefine(sharedCheck((v) => periksaX(v)))`.
 */
export function sharedCheck<T>(check: (value: T) => readonly Masalah[]) {
  return (value: T, ctx: z.RefinementCtx<T>) => {
    for (const p of check(value)) {
      const path = p.field ? p.field.split(".").map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg)) : [];
      ctx.addIssue({ code: "custom", path, message: problem(p.code, p.message).error() });
    }
  };
}

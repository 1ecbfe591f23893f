import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The values of the request being executed that must not be printed (declared SECRET, IDENTIFIER or
 * PERSONAL in the schema: see server/schema/sensitivity.ts). Set by the audit plugin for the execution of an
 * operation; read by the logger and the error formatter, which replace each occurrence.
 */
export const requestSecrets = new AsyncLocalStorage<Set<string>>();

export const HIDDEN = "[disembunyikan]";

/** Each value, and its JSON-escaped form (how error messages quote it), longest first. */
export function needlesOf(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (typeof v !== "string" || v.length < 3) continue;
    out.add(v);
    const json = JSON.stringify(v).slice(1, -1);
    if (json !== v) out.add(json);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** `text` with every one of `values` replaced. */
export function redactValues(text: string, values: Iterable<string> | undefined): string {
  if (!values) return text;
  let out = text;
  for (const n of needlesOf(values)) if (out.includes(n)) out = out.split(n).join(HIDDEN);
  return out;
}

// A safety net for values that reach a log line without passing through a declared argument (e.g. a
// library's error message): identity numbers (16 or 18 digits), tokens in links, bearer credentials.
const PATTERNS: Array<[RegExp, string]> = [
  [/(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)/g, "$1********$2"],
  [/(?<!\d)(\d{4})\d{10}(\d{4})(?!\d)/g, "$1**********$2"],
  [/([?&](?:token|kode|secret|key)=)[^\s&"'#]+/gi, `$1${HIDDEN}`],
  [/(Bearer\s+)\S+/gi, `$1${HIDDEN}`],
  [/\blk[cs]_[A-Za-z0-9._-]+/g, HIDDEN],
];

/** A log or error line without the current request's declared values and without identity numbers or tokens. */
export function redactText(text: string): string {
  let out = redactValues(text, requestSecrets.getStore());
  for (const [re, by] of PATTERNS) out = out.replace(re, by);
  return out;
}

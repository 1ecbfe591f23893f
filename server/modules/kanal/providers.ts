import type { SmsConfig, WhatsAppConfig } from "../../config";
import { fillSmsBody, graphRetryable, parseGraphError, retryAfterMs, smsMessageId } from "./rules";

/**
 * The two providers' HTTP calls, each answered as one of three outcomes:
 * - accepted (with the provider's message id),
 * - refused (the provider answered: nothing was sent; worth trying again or not),
 * - unknown (the request may have reached the provider and no answer came: a timeout, a reset connection).
 */
export type ProviderResult =
  | { ok: true; messageId: string | null }
  | { ok: false; sent: "no"; retry: boolean; error: string; code?: number | null; waitMs?: number | null }
  | { ok: false; sent: "unknown"; error: string };

const TIMEOUT_MS = 15_000;

/** Errors where the request surely never left: nothing can have been sent. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

function networkFailure(err: unknown): ProviderResult {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.cause?.code ?? (e?.name === "TimeoutError" ? "TIMEOUT" : undefined);
  const error = `${code ?? e?.name ?? "Error"}: ${e?.cause?.message ?? e?.message ?? String(err)}`.slice(0, 300);
  if (code && NOT_SENT.has(code)) return { ok: false, sent: "no", retry: true, error };
  return { ok: false, sent: "unknown", error };
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; json: unknown; retryAfter: string | null } | ProviderResult> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    return networkFailure(err);
  }
  let text = "";
  try {
    text = await res.text();
  } catch (err) {
    // the status line came, the body did not: a 2xx may mean it was accepted
    if (res.ok) return networkFailure(err);
  }
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, retryAfter: res.headers.get("retry-after") };
}

export type WhatsAppMessage = { type: "text"; body: string } | { type: "template"; name: string; params: string[] };

/** `POST {WHATSAPP_API_URL}/{phone-number-id}/messages`; `ref` comes back in the status webhooks (biz_opaque_callback_data). */
export async function sendWhatsApp(cfg: WhatsAppConfig, to: string, message: WhatsAppMessage, ref: string): Promise<ProviderResult> {
  const content =
    message.type === "text"
      ? { type: "text", text: { preview_url: true, body: message.body } }
      : {
          type: "template",
          template: {
            name: message.name,
            language: { code: cfg.templateLanguage },
            components: [{ type: "body", parameters: message.params.map((text) => ({ type: "text", text })) }],
          },
        };
  const body = JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to, ...content, biz_opaque_callback_data: ref });
  const r = await post(`${cfg.apiUrl}/${encodeURIComponent(cfg.phoneNumberId)}/messages`, { authorization: `Bearer ${cfg.token}` }, body);
  if ("ok" in r) return r;
  if (r.status >= 200 && r.status < 300) {
    const id = (r.json as { messages?: Array<{ id?: unknown }> } | null)?.messages?.[0]?.id;
    // a 2xx without a message id: it was taken, but we cannot tell which message it is
    return { ok: true, messageId: typeof id === "string" ? id : null };
  }
  const e = parseGraphError(r.json);
  return {
    ok: false,
    sent: "no",
    retry: graphRetryable(r.status, e.code),
    code: e.code,
    waitMs: retryAfterMs(r.retryAfter),
    error: `HTTP ${r.status}${e.code !== null ? ` (#${e.code})` : ""}: ${e.message}${e.details ? ` — ${e.details}` : ""}`.slice(0, 300),
  };
}

/**
 * One SMS through the configured gateway: `POST SMS_GATEWAY_URL` with SMS_GATEWAY_BODY filled in and
 * SMS_GATEWAY_AUTH as the Authorization header. 2xx = accepted (the id is read from `id`, `messageId`,
 * `message_id` or `msgid`, also under `data`); 429 and 5xx = try again later (Retry-After honoured);
 * any other answer = refused for good.
 */
export async function sendSms(cfg: SmsConfig, to: string, text: string, ref: string): Promise<ProviderResult> {
  const r = await post(cfg.url, cfg.auth ? { authorization: cfg.auth } : {}, fillSmsBody(cfg.bodyTemplate, { to, text, ref }));
  if ("ok" in r) return r;
  if (r.status >= 200 && r.status < 300) return { ok: true, messageId: smsMessageId(r.json) };
  const detail = (r.json as { message?: unknown; error?: unknown } | null) ?? {};
  const msg = typeof detail.message === "string" ? detail.message : typeof detail.error === "string" ? detail.error : "";
  return {
    ok: false,
    sent: "no",
    retry: r.status === 429 || r.status >= 500 || r.status === 408,
    waitMs: retryAfterMs(r.retryAfter),
    error: `HTTP ${r.status}${msg ? `: ${msg}` : ""}`.slice(0, 300),
  };
}

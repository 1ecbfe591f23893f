import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Provider, useMutation, useQuery, type Client } from "urql";
import type { DeliveryStatus, WebhookEvent } from "../../../gql/graphql";
import { ErrorSummary } from "../../../components/error-summary";
import { CheckboxCards, Field, FormActions, FormMessage, PasswordInput } from "../../../components/field";
import { SecretOnce } from "../../../components/secret-once";
import { createKeyClient, keyClientId } from "../../../lib/api-client-key";
import { DELIVERY_STATUS_TEXT, WEBHOOK_EVENTS, WEBHOOK_EVENT_TEXT } from "../../../lib/admin-labels";
import { errorCode, requestErrorMessage, type FieldErrors, failureMessage } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { formatDateTime } from "../../../lib/format";
import { isSuperadmin, useSession } from "../../../lib/session";
import {
  WebhookSubscriptionsQuery,
  WebhookDeliveriesQuery,
  CreateWebhookSubscriptionMutation,
  DeleteWebhookSubscriptionMutation,
  RedeliverWebhookMutation,
} from "./documents";
import { HelpLink } from "../../../components/help-link";

// ---------------------------------------------------------------------------------------------------
// webhooks of one client

const WEBHOOK_FIELDS = ["url", "events", "token"] as const;
const KEY_FIELDS = ["token"] as const;

/** What is wrong with a pasted client key before it is tried: the key must be this client's own. */
function tokenProblem(token: string, clientRawId: string): string | null {
  if (!token.trim()) return "Masukkan token klien ini (diawali lkc_).";
  const owner = keyClientId(token);
  if (!owner) return "Ini bukan token klien API. Token diawali lkc_ dan diberikan saat klien didaftarkan atau saat token baru dibuat.";
  if (owner !== clientRawId) return "Token ini milik klien API lain.";
  return null;
}

function AddWebhookForm({
  clientRawId,
  keyClient,
  onAdded,
  onClose,
}: {
  clientRawId: string;
  keyClient: Client | null;
  onAdded: (token: string | null) => void;
  onClose: () => void;
}) {
  const { values, setValues, bind, set, errors, formError, setFormError, formRef, checked, showApiError, showRequestError, summary } = useForm(
    { url: "", events: ["PENGAJUAN_STATUS"] as WebhookEvent[], token: "" },
    WEBHOOK_FIELDS,
  );
  const { url, events, token } = values;
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    const local: FieldErrors = {};
    if (!/^https?:\/\/\S+$/i.test(url.trim())) local.url = "Tulis alamat lengkap penerima, diawali https://.";
    if (events.length === 0) local.events = "Pilih paling sedikit satu jenis peristiwa.";
    const keyProblem = keyClient ? null : tokenProblem(token, clientRawId);
    if (keyProblem) local.token = keyProblem;
    if (!checked(local)) return;
    setBusy(true);
    const client = keyClient ?? createKeyClient(token);
    const result = await client.mutation(CreateWebhookSubscriptionMutation, { url: url.trim(), events }).toPromise();
    setBusy(false);
    const r = result.data?.createWebhookSubscription;
    if (!r) {
      const code = errorCode(result.error);
      // a key that is wrong, revoked or lacks the webhook scope is refused as a whole request
      const refused = code === "UNAUTHENTICATED" || code === "FORBIDDEN";
      if (!keyClient && refused) showRequestError(result.error, "token");
      else setFormError(refused ? `Token klien ditolak: ${requestErrorMessage(result.error)}` : requestErrorMessage(result.error));
      return;
    }
    if (r.__typename === "CreateWebhookSubscriptionSuccess") {
      setSecret(r.data.signingSecret);
      setValues((v) => ({ ...v, url: "" }));
      onAdded(keyClient ? null : token.trim());
      return;
    }
    showApiError(r);
  }

  if (secret) {
    return (
      <SecretOnce
        title="Webhook terdaftar: simpan kunci tanda tangannya"
        label="Kunci tanda tangan webhook"
        secret={secret}
        onDone={() => {
          setSecret(null);
          onClose();
        }}
      >
        <p>
          Sistem penerima memakai kunci ini untuk memastikan setiap pemberitahuan benar-benar dari Loket (tanda tangan pada header{" "}
          <span className="mono">X-Loket-Signature</span>).
        </p>
      </SecretOnce>
    );
  }

  return (
    <form ref={formRef} className="form webhook-form" noValidate onSubmit={submit} aria-label="Tambah webhook">
      <h4 className="webhook__heading">Tambah webhook</h4>
      <ErrorSummary {...summary} />
      <Field
        name="url"
        label="Alamat penerima"
        hint="Alamat https:// milik sistem penerima. (http:// hanya untuk komputer ini saat uji coba.)"
        error={errors.url}
      >
        {(p) => <input {...p} type="url" inputMode="url" autoCapitalize="none" spellCheck={false} placeholder="https://" {...bind("url")} />}
      </Field>
      <CheckboxCards
        name="events"
        legend="Kirim pemberitahuan saat"
        options={WEBHOOK_EVENTS}
        text={WEBHOOK_EVENT_TEXT}
        value={events}
        onChange={(list) => set("events", list)}
        error={errors.events}
      />
      {!keyClient && (
        <Field
          name="token"
          label="Token klien ini"
          hint="Webhook didaftarkan atas nama klien itu sendiri, jadi perlu tokennya (diawali lkc_). Token hanya dipakai di halaman ini dan tidak disimpan."
          error={errors.token}
        >
          {(p) => <PasswordInput {...p} autoComplete="off" value={token} onChange={(v) => set("token", v)} />}
        </Field>
      )}
      <FormActions error={formError} busy={busy} busyText="Mendaftarkan…" onCancel={onClose} cancelKind="secondary">
        Tambah webhook
      </FormActions>
    </form>
  );
}

function SubscriptionRow({ s, onChanged }: { s: { id: string; url: string; events: WebhookEvent[]; createdAt: string }; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, remove] = useMutation(DeleteWebhookSubscriptionMutation);
  async function confirm() {
    setError(null);
    const result = await remove({ id: s.id });
    const r = result.data?.deleteWebhookSubscription;
    if (r?.__typename === "DeleteWebhookSubscriptionSuccess") {
      setConfirming(false);
      onChanged();
      return;
    }
    setError(failureMessage(r, result.error));
  }
  return (
    <li className="webhook">
      <p className="webhook__url mono break">{s.url}</p>
      <p className="small muted">
        {s.events.map((e) => WEBHOOK_EVENT_TEXT[e].label).join(" · ")} — didaftarkan {formatDateTime(s.createdAt)}
      </p>
      {confirming ? (
        <div className="confirm" role="group" aria-label="Konfirmasi hapus webhook">
          <p>Hapus webhook ini? Pemberitahuan yang belum terkirim ke alamat ini tidak akan dikirim.</p>
          <div className="form__actions">
            <button type="button" className="button button--danger button--small" disabled={fetching} onClick={() => void confirm()}>
              Ya, hapus webhook
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
              Batal
            </button>
          </div>
        </div>
      ) : (
        <div className="form__actions">
          <button type="button" className="button button--danger button--small" onClick={() => setConfirming(true)}>
            Hapus<span className="sr-only"> webhook {s.url}</span>
          </button>
        </div>
      )}
      <FormMessage kind="error">{error}</FormMessage>
    </li>
  );
}

type Delivery = {
  id: string;
  event: WebhookEvent;
  status: DeliveryStatus;
  attempts: number;
  lastError?: string | null;
  lastStatusCode?: number | null;
  nextAttemptAt: string;
  sentAt?: string | null;
  createdAt: string;
  subscription: { id: string; url: string; aktif: boolean };
};

function DeliveryRow({ d, onChanged }: { d: Delivery; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [{ fetching }, redeliver] = useMutation(RedeliverWebhookMutation);
  const tone = DELIVERY_STATUS_TEXT[d.status];
  async function again() {
    setError(null);
    setNote(null);
    const result = await redeliver({ id: d.id });
    const r = result.data?.redeliverWebhook;
    if (r?.__typename === "RedeliverWebhookSuccess") {
      setNote("Dijadwalkan untuk dikirim sekarang.");
      onChanged();
      return;
    }
    setError(failureMessage(r, result.error));
  }
  return (
    <li className="delivery">
      <div className="delivery__head">
        <span className="delivery__event">{WEBHOOK_EVENT_TEXT[d.event].label}</span>
        <span className={`badge badge--${tone.tone}`}>{tone.label}</span>
      </div>
      <p className="small muted">
        {formatDateTime(d.createdAt)} · <span className="break">{d.subscription.url}</span>
      </p>
      <p className="small">
        {d.status === "SENT" && d.sentAt && `Diterima penerima ${formatDateTime(d.sentAt)}.`}
        {d.status !== "SENT" && d.attempts === 0 && "Belum dicoba."}
        {d.status !== "SENT" &&
          d.attempts > 0 &&
          `Gagal ${d.attempts}× — jawaban terakhir: ${d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? "tidak ada jawaban")}.`}
        {d.status === "PENDING" && d.attempts > 0 && ` Dicoba lagi ${formatDateTime(d.nextAttemptAt)}.`}
        {d.status !== "SENT" && d.lastError && d.lastStatusCode && d.lastError !== `HTTP ${d.lastStatusCode}` ? ` (${d.lastError})` : ""}
      </p>
      {d.status !== "SENT" && d.subscription.aktif && (
        <div className="form__actions">
          <button type="button" className="button button--secondary button--small" disabled={fetching} onClick={() => void again()}>
            Kirim ulang
            <span className="sr-only">
              {" "}
              pemberitahuan {WEBHOOK_EVENT_TEXT[d.event].label} {formatDateTime(d.createdAt)}
            </span>
          </button>
          {note && (
            <span className="small" role="status">
              {note}
            </span>
          )}
        </div>
      )}
      <FormMessage kind="error">{error}</FormMessage>
    </li>
  );
}

const DELIVERY_TABS: Array<{ key: DeliveryStatus | null; label: string }> = [
  { key: null, label: "Semua" },
  { key: "FAILED", label: "Gagal" },
  { key: "PENDING", label: "Menunggu" },
  { key: "SENT", label: "Terkirim" },
];

const DELIVERY_PAGE = 20;

const POLL_MS = 3000;

function DeliveryLog({ clientId }: { clientId: string }) {
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const [pages, setPages] = useState(1);
  const first = Math.min(100, DELIVERY_PAGE * pages);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: WebhookDeliveriesQuery,
    variables: { clientId, status, first },
    requestPolicy: "cache-and-network",
  });
  const list = data?.webhookDeliveries;
  const waiting = list?.edges.some((e) => e.node.status === "PENDING") ?? false;
  // while something waits to be sent, its outcome shows up without reloading
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => refetch({ requestPolicy: "network-only" }), POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, refetch]);
  const again = () => setTimeout(() => refetch({ requestPolicy: "network-only" }), 800);

  return (
    <div className="deliveries">
      <div className="section-head">
        <h4 className="webhook__heading">Log pengiriman</h4>
        <button type="button" className="button button--quiet button--small" onClick={() => refetch({ requestPolicy: "network-only" })}>
          Muat ulang<span className="sr-only"> log pengiriman</span>
        </button>
      </div>
      <div className="tabs" role="group" aria-label="Saring log pengiriman menurut status">
        {DELIVERY_TABS.map((t) => (
          <button
            key={t.label}
            type="button"
            className={`tab tab--small${t.key === status ? " tab--active" : ""}`}
            aria-pressed={t.key === status}
            onClick={() => {
              setStatus(t.key);
              setPages(1);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      {error && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      <p className="small muted" aria-live="polite">
        {fetching && !data
          ? "Memuat…"
          : list
            ? `${list.totalCount} pengiriman${list.totalCount > list.edges.length ? ` (menampilkan ${list.edges.length} terbaru)` : ""}.`
            : ""}
        {waiting && " Diperbarui otomatis selama ada yang menunggu."}
      </p>
      {list && list.edges.length > 0 && (
        <ul className="delivery-list">
          {list.edges.map((e) => (
            <DeliveryRow key={e.node.id} d={e.node} onChanged={again} />
          ))}
        </ul>
      )}
      {list && list.totalCount > list.edges.length && first < 100 && (
        <p>
          <button type="button" className="button button--secondary button--small" onClick={() => setPages((n) => n + 1)}>
            Tampilkan lebih banyak
          </button>
        </p>
      )}
    </div>
  );
}

function WebhookManager({
  client,
  keyClient,
  canAdd,
  onKey,
}: {
  client: { id: string; clientId: string; nama: string };
  keyClient: Client | null;
  canAdd: boolean;
  onKey: (token: string) => void;
}) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: WebhookSubscriptionsQuery,
    variables: { clientId: client.id },
    requestPolicy: "cache-and-network",
  });
  const [adding, setAdding] = useState(false);
  const subs = data?.webhookSubscriptions ?? [];
  const reload = () => refetch({ requestPolicy: "network-only" });
  // the form is open at once while there is no webhook yet
  const showForm = canAdd && (adding || (!!data && subs.length === 0));
  return (
    <>
      <h4 className="webhook__heading">Webhook aktif</h4>
      {error && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      {fetching && !data && <p aria-busy="true">Memuat webhook…</p>}
      {data && subs.length === 0 && <p className="muted">Belum ada webhook untuk klien ini.</p>}
      {subs.length > 0 && (
        <ul className="webhook-list">
          {subs.map((s) => (
            <SubscriptionRow key={s.id} s={s} onChanged={reload} />
          ))}
        </ul>
      )}
      {showForm ? (
        <AddWebhookForm
          clientRawId={client.clientId}
          keyClient={keyClient}
          onAdded={(token) => {
            if (token) onKey(token);
            setAdding(true);
            reload();
          }}
          onClose={() => setAdding(false)}
        />
      ) : (
        canAdd && (
          <p>
            <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
              Tambah webhook<span className="sr-only"> untuk {client.nama}</span>
            </button>
          </p>
        )
      )}
      <DeliveryLog clientId={client.id} />
    </>
  );
}

function UnlockWithKey({ clientRawId, onKey }: { clientRawId: string; onKey: (token: string) => void }) {
  const { values, set, errors, formRef, checked } = useForm({ token: "" }, KEY_FIELDS);
  function submit(e: FormEvent) {
    e.preventDefault();
    const problem = tokenProblem(values.token, clientRawId);
    if (checked(problem ? { token: problem } : {})) onKey(values.token.trim());
  }
  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-label="Buka webhook dengan token klien">
      <p className="muted">
        Webhook dikelola oleh sistem klien itu sendiri dengan tokennya; superadmin dapat melihat semuanya. Bila Anda memegang token klien ini, masukkan di sini
        untuk melihat, menambah, atau menghapus webhooknya. Token hanya dipakai selama halaman ini terbuka.
      </p>
      <Field name="token" label="Token klien" error={errors.token}>
        {(p) => <PasswordInput {...p} autoComplete="off" value={values.token} onChange={(v) => set("token", v)} />}
      </Field>
      <FormActions kind="secondary">Buka webhook</FormActions>
    </form>
  );
}

/**
 * A client's webhooks. SUPERADMIN reads and manages them with the session; anyone else does so as the client,
 * with its key (just issued on this page, or pasted). Subscribing always needs the key: the API lets only the
 * client itself subscribe.
 */
export function WebhookPanel({
  client,
  token,
  onKey,
}: {
  client: { id: string; clientId: string; nama: string; aktif: boolean };
  token: string | null;
  onKey: (token: string) => void;
}) {
  const { me } = useSession();
  const superadmin = isSuperadmin(me);
  const keyClient = useMemo(() => (token ? createKeyClient(token) : null), [token]);
  if (superadmin) return <WebhookManager client={client} keyClient={keyClient} canAdd={client.aktif} onKey={onKey} />;
  if (!client.aktif) return <p className="muted">Klien ini tidak aktif lagi; webhooknya tidak dikirimi pemberitahuan.</p>;
  if (!keyClient) return <UnlockWithKey clientRawId={client.clientId} onKey={onKey} />;
  return (
    <Provider value={keyClient}>
      <WebhookManager client={client} keyClient={keyClient} canAdd onKey={onKey} />
    </Provider>
  );
}

import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Provider, useMutation, useQuery, type Client } from "urql";
import { graphql, useFragment, type FragmentType } from "../../gql";
import type { ApiScope, DeliveryStatus, WebhookEvent } from "../../gql/graphql";
import { AdminOnly } from "../../components/admin-only";
import { CheckboxCards, Field, FormMessage, PasswordInput } from "../../components/field";
import { PageTitle } from "../../components/page-title";
import { SecretOnce } from "../../components/secret-once";
import { createKeyClient, keyClientId } from "../../lib/api-client-key";
import { API_SCOPES, API_SCOPE_TEXT, DELIVERY_STATUS_TEXT, WEBHOOK_EVENTS, WEBHOOK_EVENT_TEXT } from "../../lib/admin-labels";
import { errorCode, focusFirstError, placeError, requestErrorMessage, type FieldErrors, failureMessage } from "../../lib/errors";
import { formatDateTime, todayIn } from "../../lib/format";
import { useSession } from "../../lib/session";

export const ApiClientCard_ApiClientFragment = graphql(`
  fragment ApiClientCard_ApiClient on ApiClient {
    id
    clientId
    nama
    kontak
    scopes
    aktif
    berlakuSampai
    dicabutAt
    lastUsedAt
    secretDiputarAt
    createdAt
    instansi {
      id
      nama
    }
  }
`);

const ApiClientsQuery = graphql(`
  query AdminApiClients($instansiId: ID) {
    apiClients(instansiId: $instansiId) {
      id
      ...ApiClientCard_ApiClient
    }
  }
`);

const ApiClientInstansiQuery = graphql(`
  query AdminApiClientInstansi {
    instansiList {
      id
      nama
    }
  }
`);

const CreateApiClientMutation = graphql(`
  mutation CreateApiClient($instansiId: ID!, $nama: String!, $kontak: String!, $scopes: [ApiScope!]!, $berlakuSampai: DateTime) {
    createApiClient(instansiId: $instansiId, nama: $nama, kontak: $kontak, scopes: $scopes, berlakuSampai: $berlakuSampai) {
      __typename
      ... on CreateApiClientSuccess {
        data {
          token
          client {
            id
            ...ApiClientCard_ApiClient
          }
        }
      }
      ...ErrorFields
    }
  }
`);

const RotateApiClientSecretMutation = graphql(`
  mutation RotateApiClientSecret($id: ID!) {
    rotateApiClientSecret(id: $id) {
      __typename
      ... on RotateApiClientSecretSuccess {
        data {
          token
          client {
            id
            aktif
            secretDiputarAt
          }
        }
      }
      ...ErrorFields
    }
  }
`);

const RevokeApiClientMutation = graphql(`
  mutation RevokeApiClient($id: ID!) {
    revokeApiClient(id: $id) {
      __typename
      ... on RevokeApiClientSuccess {
        data {
          id
          aktif
          dicabutAt
        }
      }
      ...ErrorFields
    }
  }
`);

const WebhookSubscriptionsQuery = graphql(`
  query AdminWebhookSubscriptions($clientId: ID) {
    webhookSubscriptions(clientId: $clientId) {
      id
      url
      events
      aktif
      createdAt
    }
  }
`);

const WebhookDeliveriesQuery = graphql(`
  query AdminWebhookDeliveries($clientId: ID, $status: DeliveryStatus, $first: Int) {
    webhookDeliveries(clientId: $clientId, status: $status, first: $first) {
      totalCount
      edges {
        node {
          id
          deliveryId
          event
          status
          attempts
          lastError
          lastStatusCode
          nextAttemptAt
          sentAt
          createdAt
          subscription {
            id
            url
            aktif
          }
        }
      }
    }
  }
`);

const CreateWebhookSubscriptionMutation = graphql(`
  mutation CreateWebhookSubscription($url: String!, $events: [WebhookEvent!]!) {
    createWebhookSubscription(url: $url, events: $events) {
      __typename
      ... on CreateWebhookSubscriptionSuccess {
        data {
          signingSecret
          subscription {
            id
            url
            events
            aktif
            createdAt
          }
        }
      }
      ...ErrorFields
    }
  }
`);

const DeleteWebhookSubscriptionMutation = graphql(`
  mutation DeleteWebhookSubscription($id: ID!) {
    deleteWebhookSubscription(id: $id) {
      __typename
      ... on DeleteWebhookSubscriptionSuccess {
        data
      }
      ...ErrorFields
    }
  }
`);

const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($id: ID!) {
    redeliverWebhook(id: $id) {
      __typename
      ... on RedeliverWebhookSuccess {
        data {
          id
          status
          attempts
          lastError
          lastStatusCode
          nextAttemptAt
          sentAt
        }
      }
      ...ErrorFields
    }
  }
`);

const MAX_YEARS = 5;

/** The last moment of a calendar day in WIB, as the API's DateTime. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59+07:00`).toISOString();
}

function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split("-");
  return `${Number(y) + years}-${m}-${d}`;
}

/** A key issued (or pasted) on this page: shown once, then kept in memory only to manage the client's webhooks. */
interface Issued {
  token: string;
  shown: boolean;
  rotated: boolean;
}

/** "Aktif", "Dicabut" or "Kedaluwarsa", as a badge. */
function ClientBadge({ aktif, dicabutAt }: { aktif: boolean; dicabutAt?: string | null }) {
  if (dicabutAt) return <span className="badge badge--bad">Dicabut</span>;
  if (!aktif) return <span className="badge badge--closed">Kedaluwarsa</span>;
  return <span className="badge badge--ok">Aktif</span>;
}

// ---------------------------------------------------------------------------------------------------
// registering a client

const CLIENT_FIELDS = ["nama", "instansiId", "kontak", "scopes", "berlakuSampai"] as const;

function RegisterClientForm({ onCreated, onCancel }: { onCreated: (clientId: string, token: string, nama: string) => void; onCancel: () => void }) {
  const { me } = useSession();
  const superadmin = me?.role === "SUPERADMIN";
  const [{ data: offices }] = useQuery({ query: ApiClientInstansiQuery, pause: !superadmin });
  const [nama, setNama] = useState("");
  const [kontak, setKontak] = useState("");
  const [chosen, setChosen] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [expiry, setExpiry] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateApiClientMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayIn();
  const instansiId = superadmin ? chosen || offices?.instansiList[0]?.id || "" : (me?.instansi?.id ?? "");

  function clear(field: string) {
    if (errors[field]) setErrors((x) => ({ ...x, [field]: "" }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    setFormError(null);
    const local: FieldErrors = {};
    if (nama.trim().length < 3) local.nama = "Tulis nama sistem yang akan memakai akses ini (3–100 karakter).";
    if (!instansiId) local.instansiId = "Pilih instansi pemilik akses ini.";
    if (kontak.trim().length < 5) local.kontak = "Tulis siapa yang dapat dihubungi tentang sistem ini: nama, email, dan telepon.";
    if (scopes.length === 0) local.scopes = "Pilih paling sedikit satu hal yang boleh dilakukan sistem ini.";
    if (expiry && (expiry <= today || expiry > addYears(today, MAX_YEARS))) local.berlakuSampai = `Pilih tanggal setelah hari ini, paling lama ${MAX_YEARS} tahun lagi.`;
    if (Object.keys(local).length) {
      setErrors(local);
      focusFirstError(formRef.current, CLIENT_FIELDS, local);
      return;
    }
    setErrors({});
    const result = await create({ instansiId, nama: nama.trim(), kontak: kontak.trim(), scopes, berlakuSampai: expiry ? endOfDay(expiry) : null });
    const r = result.data?.createApiClient;
    if (!r) {
      // not an admin of that office: it concerns the office chosen
      if (errorCode(result.error) === "FORBIDDEN" && superadmin) setErrors({ instansiId: requestErrorMessage(result.error) ?? "" });
      else setFormError(requestErrorMessage(result.error));
      return;
    }
    if (r.__typename === "CreateApiClientSuccess") {
      onCreated(r.data.client.id, r.data.token, nama.trim());
      return;
    }
    const placed = placeError(r, CLIENT_FIELDS);
    setErrors(placed.fields);
    setFormError(placed.form);
    focusFirstError(formRef.current, CLIENT_FIELDS, placed.fields);
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="klien-baru-heading">
      <h2 id="klien-baru-heading">Daftarkan klien API</h2>
      <p className="muted">
        Klien API adalah akses untuk sistem lain (misalnya SP4N-LAPOR!, gerbang WhatsApp, atau aplikasi kementerian) agar dapat bekerja dengan Loket tanpa
        memakai akun dan kata sandi seorang pegawai.
      </p>
      <Field name="nama" label="Nama sistem" hint="Contoh: SP4N-LAPOR! Kabupaten Madiun." error={errors.nama}>
        {(p) => (
          <input
            {...p}
            type="text"
            maxLength={100}
            value={nama}
            onChange={(e) => {
              setNama(e.target.value);
              clear("nama");
            }}
          />
        )}
      </Field>
      {superadmin ? (
        <Field name="instansiId" label="Instansi pemilik akses" error={errors.instansiId}>
          {(p) => (
            <select
              {...p}
              value={instansiId}
              onChange={(e) => {
                setChosen(e.target.value);
                clear("instansiId");
              }}
            >
              {!offices && <option value="">Memuat daftar instansi…</option>}
              {offices?.instansiList.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.nama}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p>
          <strong>Instansi:</strong> {me?.instansi?.nama}
          {errors.instansiId && <span className="field__error"> — {errors.instansiId}</span>}
        </p>
      )}
      <Field name="kontak" label="Penanggung jawab di sistem itu" hint="Nama, email, dan telepon orang yang dihubungi bila ada masalah." error={errors.kontak}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            maxLength={300}
            value={kontak}
            onChange={(e) => {
              setKontak(e.target.value);
              clear("kontak");
            }}
          />
        )}
      </Field>
      <CheckboxCards
        name="scopes"
        legend="Yang boleh dilakukan sistem ini"
        hint="Pilih seperlunya saja. Akses dapat dicabut kapan pun."
        options={API_SCOPES}
        text={API_SCOPE_TEXT}
        value={scopes}
        onChange={(list) => {
          setScopes(list);
          clear("scopes");
        }}
        error={errors.scopes}
      />
      <Field
        name="berlakuSampai"
        label="Berlaku sampai"
        required={false}
        hint={`Kosongkan bila tanpa batas waktu. Paling lama ${MAX_YEARS} tahun; akses berhenti di akhir hari itu (WIB).`}
        error={errors.berlakuSampai}
      >
        {(p) => (
          <input
            {...p}
            type="date"
            className="input--date"
            min={today}
            max={addYears(today, MAX_YEARS)}
            value={expiry}
            onChange={(e) => {
              setExpiry(e.target.value);
              clear("berlakuSampai");
            }}
          />
        )}
      </Field>
      <FormMessage kind="error">{formError}</FormMessage>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? "Mendaftarkan…" : "Daftarkan dan tampilkan token"}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Batal
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------
// webhooks of one client

const WEBHOOK_FIELDS = ["url", "events", "token"] as const;

function AddWebhookForm({ clientRawId, keyClient, onAdded, onClose }: { clientRawId: string; keyClient: Client | null; onAdded: (token: string | null) => void; onClose: () => void }) {
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>(["PENGAJUAN_STATUS"]);
  const [token, setToken] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    const local: FieldErrors = {};
    if (!/^https?:\/\/\S+$/i.test(url.trim())) local.url = "Tulis alamat lengkap penerima, diawali https://.";
    if (events.length === 0) local.events = "Pilih paling sedikit satu jenis peristiwa.";
    if (!keyClient) {
      const owner = keyClientId(token);
      if (!token.trim()) local.token = "Masukkan token klien ini (diawali lkc_).";
      else if (!owner) local.token = "Ini bukan token klien API. Token diawali lkc_ dan diberikan saat klien didaftarkan atau saat token baru dibuat.";
      else if (owner !== clientRawId) local.token = "Token ini milik klien API lain.";
    }
    if (Object.keys(local).length) {
      setErrors(local);
      focusFirstError(formRef.current, WEBHOOK_FIELDS, local);
      return;
    }
    setErrors({});
    setBusy(true);
    const client = keyClient ?? createKeyClient(token);
    const result = await client.mutation(CreateWebhookSubscriptionMutation, { url: url.trim(), events }).toPromise();
    setBusy(false);
    const r = result.data?.createWebhookSubscription;
    if (!r) {
      const code = errorCode(result.error);
      // a key that is wrong, revoked or lacks the webhook scope is refused as a whole request
      const message = requestErrorMessage(result.error);
      if (!keyClient && (code === "UNAUTHENTICATED" || code === "FORBIDDEN")) setErrors({ token: message ?? "" });
      else setFormError(code === "UNAUTHENTICATED" || code === "FORBIDDEN" ? `Token klien ditolak: ${message}` : message);
      return;
    }
    if (r.__typename === "CreateWebhookSubscriptionSuccess") {
      setSecret(r.data.signingSecret);
      setUrl("");
      onAdded(keyClient ? null : token.trim());
      return;
    }
    const placed = placeError(r, WEBHOOK_FIELDS);
    setErrors(placed.fields);
    setFormError(placed.form);
    focusFirstError(formRef.current, WEBHOOK_FIELDS, placed.fields);
  }

  if (secret) {
    return (
      <SecretOnce title="Webhook terdaftar: simpan kunci tanda tangannya" label="Kunci tanda tangan webhook" secret={secret} onDone={() => {
        setSecret(null);
        onClose();
      }}>
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
      <Field name="url" label="Alamat penerima" hint="Alamat https:// milik sistem penerima. (http:// hanya untuk komputer ini saat uji coba.)" error={errors.url}>
        {(p) => (
          <input
            {...p}
            type="url"
            inputMode="url"
            autoCapitalize="none"
            spellCheck={false}
            placeholder="https://"
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              if (errors.url) setErrors((x) => ({ ...x, url: "" }));
            }}
          />
        )}
      </Field>
      <CheckboxCards
        name="events"
        legend="Kirim pemberitahuan saat"
        options={WEBHOOK_EVENTS}
        text={WEBHOOK_EVENT_TEXT}
        value={events}
        onChange={(list) => {
          setEvents(list);
          if (errors.events) setErrors((x) => ({ ...x, events: "" }));
        }}
        error={errors.events}
      />
      {!keyClient && (
        <Field
          name="token"
          label="Token klien ini"
          hint="Webhook didaftarkan atas nama klien itu sendiri, jadi perlu tokennya (diawali lkc_). Token hanya dipakai di halaman ini dan tidak disimpan."
          error={errors.token}
        >
          {(p) => (
            <PasswordInput
              {...p}
              autoComplete="off"
              value={token}
              onChange={(v) => {
                setToken(v);
                if (errors.token) setErrors((x) => ({ ...x, token: "" }));
              }}
            />
          )}
        </Field>
      )}
      <FormMessage kind="error">{formError}</FormMessage>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Mendaftarkan…" : "Tambah webhook"}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Batal
        </button>
      </div>
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
        {d.status !== "SENT" && d.attempts > 0 && `Gagal ${d.attempts}× — jawaban terakhir: ${d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? "tidak ada jawaban")}.`}
        {d.status === "PENDING" && d.attempts > 0 && ` Dicoba lagi ${formatDateTime(d.nextAttemptAt)}.`}
        {d.status !== "SENT" && d.lastError && d.lastStatusCode && d.lastError !== `HTTP ${d.lastStatusCode}` ? ` (${d.lastError})` : ""}
      </p>
      {d.status !== "SENT" && d.subscription.aktif && (
        <div className="form__actions">
          <button type="button" className="button button--secondary button--small" disabled={fetching} onClick={() => void again()}>
            Kirim ulang<span className="sr-only"> pemberitahuan {WEBHOOK_EVENT_TEXT[d.event].label} {formatDateTime(d.createdAt)}</span>
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
  const [{ data, fetching, error }, refetch] = useQuery({ query: WebhookDeliveriesQuery, variables: { clientId, status, first }, requestPolicy: "cache-and-network" });
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
      {error && <p className="alert alert--error">{requestErrorMessage(error)}</p>}
      <p className="small muted" aria-live="polite">
        {fetching && !data ? "Memuat…" : list ? `${list.totalCount} pengiriman${list.totalCount > list.edges.length ? ` (menampilkan ${list.edges.length} terbaru)` : ""}.` : ""}
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

function WebhookManager({ client, keyClient, canAdd, onKey }: { client: { id: string; clientId: string; nama: string }; keyClient: Client | null; canAdd: boolean; onKey: (token: string) => void }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: WebhookSubscriptionsQuery, variables: { clientId: client.id }, requestPolicy: "cache-and-network" });
  const [adding, setAdding] = useState(false);
  const subs = data?.webhookSubscriptions ?? [];
  const reload = () => refetch({ requestPolicy: "network-only" });
  // the form is open at once while there is no webhook yet
  const showForm = canAdd && (adding || (!!data && subs.length === 0));
  return (
    <>
      <h4 className="webhook__heading">Webhook aktif</h4>
      {error && <p className="alert alert--error">{requestErrorMessage(error)}</p>}
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
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  function submit(e: FormEvent) {
    e.preventDefault();
    const owner = keyClientId(token);
    if (!token.trim()) return setError("Masukkan token klien ini (diawali lkc_).");
    if (!owner) return setError("Ini bukan token klien API. Token diawali lkc_ dan diberikan saat klien didaftarkan atau saat token baru dibuat.");
    if (owner !== clientRawId) return setError("Token ini milik klien API lain.");
    onKey(token.trim());
  }
  return (
    <form className="form" noValidate onSubmit={submit} aria-label="Buka webhook dengan token klien">
      <p className="muted">
        Webhook dikelola oleh sistem klien itu sendiri dengan tokennya; superadmin dapat melihat semuanya. Bila Anda memegang token klien ini, masukkan di
        sini untuk melihat, menambah, atau menghapus webhooknya. Token hanya dipakai selama halaman ini terbuka.
      </p>
      <Field name="token" label="Token klien" error={error}>
        {(p) => (
          <PasswordInput
            {...p}
            autoComplete="off"
            value={token}
            onChange={(v) => {
              setToken(v);
              setError(null);
            }}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--secondary">
          Buka webhook
        </button>
      </div>
    </form>
  );
}

/**
 * A client's webhooks. SUPERADMIN reads and manages them with the session; anyone else does so as the client,
 * with its key (just issued on this page, or pasted). Subscribing always needs the key: the API lets only the
 * client itself subscribe.
 */
function WebhookPanel({ client, token, onKey }: { client: { id: string; clientId: string; nama: string; aktif: boolean }; token: string | null; onKey: (token: string) => void }) {
  const { me } = useSession();
  const superadmin = me?.role === "SUPERADMIN";
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

// ---------------------------------------------------------------------------------------------------
// one client

function ClientCard(props: {
  client: FragmentType<typeof ApiClientCard_ApiClientFragment>;
  issued: Issued | undefined;
  onIssued: (clientId: string, issued: Issued) => void;
  onMessage: (message: string) => void;
  showOffice: boolean;
}) {
  const c = useFragment(ApiClientCard_ApiClientFragment, props.client);
  const [asking, setAsking] = useState<null | "rotate" | "revoke">(null);
  const [error, setError] = useState<string | null>(null);
  const [webhooks, setWebhooks] = useState(false);
  const [{ fetching: rotating }, rotate] = useMutation(RotateApiClientSecretMutation);
  const [{ fetching: revoking }, revoke] = useMutation(RevokeApiClientMutation);
  const hasWebhookScope = c.scopes.includes("TERIMA_WEBHOOK");

  async function confirm() {
    setError(null);
    if (asking === "rotate") {
      const result = await rotate({ id: c.id });
      const r = result.data?.rotateApiClientSecret;
      if (r?.__typename === "RotateApiClientSecretSuccess") {
        setAsking(null);
        props.onIssued(c.id, { token: r.data.token, shown: false, rotated: true });
        return;
      }
      setError(failureMessage(r, result.error));
    } else if (asking === "revoke") {
      const result = await revoke({ id: c.id });
      const r = result.data?.revokeApiClient;
      if (r?.__typename === "RevokeApiClientSuccess") {
        setAsking(null);
        props.onMessage(`Akses ${c.nama} telah dicabut. Tokennya tidak berlaku lagi dan webhooknya berhenti.`);
        return;
      }
      setError(failureMessage(r, result.error));
    }
  }

  return (
    <li className="card client">
      <div className="user__head">
        <h3 className="user__name">{c.nama}</h3>
        <ClientBadge aktif={c.aktif} dicabutAt={c.dicabutAt} />
      </div>
      {props.issued && !props.issued.shown && (
        <SecretOnce
          title={props.issued.rotated ? `Token baru untuk ${c.nama}` : `Token untuk ${c.nama}`}
          label="Token klien API"
          secret={props.issued.token}
          onDone={() => props.onIssued(c.id, { ...props.issued!, shown: true })}
        >
          <p>
            Berikan token ini kepada pengelola sistem tersebut. Sistem itu mengirimkannya pada setiap permintaan sebagai{" "}
            <span className="mono">Authorization: Bearer …</span>.{props.issued.rotated && " Token sebelumnya sudah tidak berlaku: pasang token ini sekarang."}
          </p>
        </SecretOnce>
      )}
      <dl className="facts facts--compact">
        {props.showOffice && (
          <div>
            <dt>Instansi</dt>
            <dd>{c.instansi.nama}</dd>
          </div>
        )}
        <div>
          <dt>Penanggung jawab</dt>
          <dd className="break">{c.kontak}</dd>
        </div>
        <div>
          <dt>Boleh</dt>
          <dd>
            <ul className="plain-list scope-names">
              {c.scopes.map((s) => (
                <li key={s}>{API_SCOPE_TEXT[s].label}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>Berlaku sampai</dt>
          <dd>{c.dicabutAt ? `Dicabut ${formatDateTime(c.dicabutAt)}` : c.berlakuSampai ? formatDateTime(c.berlakuSampai) : "Tanpa batas waktu"}</dd>
        </div>
        <div>
          <dt>Terakhir dipakai</dt>
          <dd>{c.lastUsedAt ? formatDateTime(c.lastUsedAt) : "Belum pernah"}</dd>
        </div>
        <div>
          <dt>Token dibuat</dt>
          <dd>{formatDateTime(c.secretDiputarAt)}</dd>
        </div>
        <div>
          <dt>ID klien</dt>
          <dd className="mono break small">{c.clientId}</dd>
        </div>
      </dl>
      {asking ? (
        <div className="confirm" role="group" aria-label={asking === "rotate" ? `Konfirmasi token baru untuk ${c.nama}` : `Konfirmasi cabut akses ${c.nama}`}>
          <p>
            {asking === "rotate"
              ? "Buat token baru? Token yang sekarang langsung berhenti berfungsi: sistem itu tidak dapat tersambung sampai token baru dipasang."
              : "Cabut akses ini untuk selamanya? Tokennya langsung tidak berlaku dan webhooknya berhenti. Tindakan ini tidak dapat dibatalkan."}
          </p>
          <div className="form__actions">
            <button type="button" className="button button--danger" disabled={rotating || revoking} onClick={() => void confirm()}>
              {asking === "rotate" ? "Ya, buat token baru" : "Ya, cabut akses"}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAsking(null)}>
              Batal
            </button>
          </div>
        </div>
      ) : (
        !c.dicabutAt && (
          <div className="form__actions">
            <button type="button" className="button button--secondary button--small" onClick={() => setAsking("rotate")}>
              Buat token baru<span className="sr-only"> untuk {c.nama}</span>
            </button>
            <button type="button" className="button button--danger button--small" onClick={() => setAsking("revoke")}>
              Cabut akses<span className="sr-only"> {c.nama}</span>
            </button>
          </div>
        )
      )}
      <FormMessage kind="error">{error}</FormMessage>
      {hasWebhookScope && (
        <section className="webhooks" aria-label={`Webhook ${c.nama}`}>
          <button type="button" className="button button--quiet webhooks__toggle" aria-expanded={webhooks} onClick={() => setWebhooks((w) => !w)}>
            {webhooks ? "Tutup webhook dan log pengiriman" : "Webhook dan log pengiriman"}
            <span className="sr-only"> {c.nama}</span>
          </button>
          {webhooks && <WebhookPanel client={c} token={props.issued?.token ?? null} onKey={(token) => props.onIssued(c.id, { token, shown: true, rotated: false })} />}
        </section>
      )}
    </li>
  );
}

// ---------------------------------------------------------------------------------------------------
// the page

function Klien() {
  const { me } = useSession();
  const superadmin = me?.role === "SUPERADMIN";
  const [{ data: offices }] = useQuery({ query: ApiClientInstansiQuery, pause: !superadmin });
  const [office, setOffice] = useState("");
  const instansiId = superadmin ? office || null : (me?.instansi?.id ?? null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ApiClientsQuery, variables: { instansiId }, requestPolicy: "cache-and-network" });
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // keys issued on this page: shown once (then hidden), kept in memory only to manage the client's webhooks
  const [issued, setIssued] = useState<Record<string, Issued>>({});
  const clients = data?.apiClients ?? [];

  function onIssued(clientId: string, key: Issued) {
    setIssued((m) => ({ ...m, [clientId]: key }));
  }

  return (
    <>
      <FormMessage kind="success">{message}</FormMessage>
      {adding ? (
        <section className="card">
          <RegisterClientForm
            onCancel={() => setAdding(false)}
            onCreated={(clientId, token, nama) => {
              setAdding(false);
              onIssued(clientId, { token, shown: false, rotated: false });
              setMessage(`Klien API ${nama} terdaftar. Salin tokennya sekarang (di kartu klien di bawah).`);
              refetch({ requestPolicy: "network-only" });
            }}
          />
        </section>
      ) : (
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setAdding(true);
              setMessage(null);
            }}
          >
            Daftarkan klien API
          </button>
        </p>
      )}
      <section aria-labelledby="daftar-klien-heading">
        <h2 id="daftar-klien-heading">Klien API terdaftar</h2>
        {superadmin && (
          <div className="section-filter">
            <label className="inline-field">
              <span>Tampilkan klien milik</span>
              <select value={office} onChange={(e) => setOffice(e.target.value)}>
                <option value="">Semua instansi</option>
                {offices?.instansiList.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.nama}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        {error && <p className="alert alert--error">{requestErrorMessage(error)}</p>}
        {fetching && !data && <p aria-busy="true">Memuat…</p>}
        {data && clients.length === 0 && <p className="card muted">Belum ada klien API. Sistem lain belum dapat tersambung dengan Loket.</p>}
        <ul className="users">
          {clients.map((c) => (
            <ClientCard
              key={c.id}
              client={c}
              issued={issued[c.id]}
              onIssued={onIssued}
              onMessage={(text) => {
                setMessage(text);
                refetch({ requestPolicy: "network-only" });
              }}
              showOffice={superadmin && !office}
            />
          ))}
        </ul>
      </section>
    </>
  );
}

export default function ApiClientsPage() {
  return (
    <div>
      <PageTitle>Klien API</PageTitle>
      <p className="lead">
        Akses untuk sistem lain yang bekerja dengan Loket. Setiap klien hanya boleh melakukan yang dicentang, dan setiap permintaannya tercatat di log
        audit.
      </p>
      <AdminOnly>
        <Klien />
      </AdminOnly>
    </div>
  );
}


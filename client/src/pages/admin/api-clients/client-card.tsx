import { useState } from "react";
import { useMutation } from "urql";
import { graphql, useFragment, type FragmentType } from "../../../gql";
import { FormMessage } from "../../../components/field";
import { SecretOnce } from "../../../components/secret-once";
import { API_SCOPE_TEXT } from "../../../lib/admin-labels";
import { failureMessage } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { RotateApiClientSecretMutation, RevokeApiClientMutation } from "./documents";
import { WebhookPanel } from "./webhooks";

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

/** A key issued (or pasted) on this page: shown once, then kept in memory only to manage the client's webhooks. */
export interface Issued {
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
// one client

export function ClientCard(props: {
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
          {webhooks && (
            <WebhookPanel client={c} token={props.issued?.token ?? null} onKey={(token) => props.onIssued(c.id, { token, shown: true, rotated: false })} />
          )}
        </section>
      )}
    </li>
  );
}

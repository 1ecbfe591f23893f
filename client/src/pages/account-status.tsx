import { useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { useQuery, useSubscription } from "urql";
import { graphql } from "../gql";
import type { AccountStatus } from "../gql/graphql";
import { PageTitle } from "../components/page-title";
import { StatusBadge } from "../components/status-badge";
import { requestErrorMessage } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { useSession } from "../lib/session";
import { useOnline } from "../lib/connection";
import { HelpLink } from "../components/help-link";
import { PerbaikiPendaftaranForm } from "./account-fix";

const AccountStatusPageQuery = graphql(`
  query AccountStatusPage {
    me {
      id
      namaLengkap
      identityType
      nomorIdentitasMasked
      status
      statusReason
      statusReasonCode
      createdAt
      berkasDiharapkan
      berkasIdentitas {
        id
        jenis
      }
    }
  }
`);

const AccountStatusSubscription = graphql(`
  subscription AccountStatusLive {
    myAccountStatus {
      status
      reason
      at
    }
  }
`);

const STEPS: Array<{ key: string; label: string }> = [
  { key: "daftar", label: "Pendaftaran diterima" },
  { key: "periksa", label: "Admin memeriksa data Anda" },
  { key: "aktif", label: "Akun aktif" },
];

function Steps({ status }: { status: AccountStatus }) {
  const done = status === "AKTIF" ? 3 : 1;
  return (
    <ol className="steps" aria-label="Tahapan aktivasi">
      {STEPS.map((s, i) => {
        const state = i < done ? "selesai" : i === done && status === "MENUNGGU_AKTIVASI" ? "sedang berlangsung" : "belum";
        return (
          <li key={s.key} className={`steps__item steps__item--${state === "selesai" ? "done" : state === "belum" ? "todo" : "current"}`}>
            <span className="steps__marker" aria-hidden="true">
              {state === "selesai" ? "✓" : i + 1}
            </span>
            <span>
              {s.label} <span className="sr-only">({state})</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function Explanation({ status, reason }: { status: AccountStatus; reason: string | null | undefined }) {
  switch (status) {
    case "MENUNGGU_AKTIVASI":
      return (
        <>
          <p>
            Pendaftaran Anda sudah kami terima. Admin kantor akan mencocokkan NIK/NIP dan nama Anda, biasanya pada hari kerja berikutnya.{" "}
            <strong>Halaman ini berubah sendiri</strong> begitu akun diaktifkan — Anda tidak perlu memuat ulang, dan Anda juga akan menerima notifikasi.
          </p>
          <p className="muted">Jika dalam tiga hari kerja akun belum aktif, hubungi kantor melalui kontak di Beranda.</p>
        </>
      );
    case "AKTIF":
      return (
        <>
          <p>Akun Anda sudah aktif. Anda sekarang dapat menggunakan Loket.</p>
          <p>
            <Link className="button button--primary" to="/profil">
              Buka profil saya
            </Link>
          </p>
        </>
      );
    case "DITOLAK":
      return (
        <>
          <p>
            Pendaftaran Anda ditolak
            {reason ? (
              <>
                . Alasan: <strong>{reason}</strong>
              </>
            ) : (
              "."
            )}
          </p>
          <p>Perbaiki data atau unggah foto baru di bawah ini, lalu ajukan kembali. Anda juga dapat datang ke kantor dengan membawa KTP atau Kartu Keluarga.</p>
        </>
      );
    case "DITANGGUHKAN":
      return (
        <>
          <p>
            Akun Anda ditangguhkan
            {reason ? (
              <>
                . Alasan: <strong>{reason}</strong>
              </>
            ) : (
              "."
            )}
          </p>
          <p>Hubungi kantor untuk keterangan lebih lanjut.</p>
        </>
      );
  }
}

export default function AccountStatusPage() {
  const { refresh } = useSession();
  const [sent, setSent] = useState(false);
  const online = useOnline();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccountStatusPageQuery });
  const signedIn = !!data?.me;
  const [{ data: live }] = useSubscription({ query: AccountStatusSubscription, pause: !signedIn });
  const me = data?.me;
  const event = live?.myAccountStatus;
  const status = event?.status ?? me?.status;
  const reason = event ? event.reason : me?.statusReason;

  // the header (menu, notifications) follows the account's status too
  const lastStatus = useRef(status);
  useEffect(() => {
    if (status && lastStatus.current && status !== lastStatus.current) {
      refresh();
      // the chosen reason and the documents come with the account, not the event
      refetch({ requestPolicy: "network-only" });
    }
    lastStatus.current = status;
  }, [status, refresh, refetch]);

  return (
    <div className="narrow">
      <PageTitle>Status akun</PageTitle>
      {fetching && !data && <p aria-busy="true">Memuat status akun…</p>}
      {error && !data && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      {data && !me && (
        <div className="card">
          <p>Anda belum masuk. Status akun dapat dilihat di perangkat yang Anda pakai untuk mendaftar, atau setelah akun aktif dengan masuk.</p>
          <p>
            <Link to="/masuk">Masuk</Link> · <Link to="/daftar">Daftar</Link>
          </p>
        </div>
      )}
      {me && status && (
        <section className="card status-card" aria-labelledby="status-heading">
          <h2 id="status-heading" className="sr-only">
            Status saat ini
          </h2>
          <div role="status" aria-live="polite" aria-atomic="true" className="status-card__now">
            <p className="status-card__label">Status akun {me.namaLengkap}</p>
            <StatusBadge status={status} large />
          </div>
          <dl className="facts">
            <div>
              <dt>{me.identityType}</dt>
              <dd className="mono">{me.nomorIdentitasMasked}</dd>
            </div>
            <div>
              <dt>Terdaftar</dt>
              <dd>{formatDateTime(me.createdAt)}</dd>
            </div>
            {event && (
              <div>
                <dt>Terakhir berubah</dt>
                <dd>{formatDateTime(event.at)}</dd>
              </div>
            )}
          </dl>
          {(status === "MENUNGGU_AKTIVASI" || status === "AKTIF") && <Steps status={status} />}
          <Explanation status={status} reason={reason} />
          <p className="live-note" aria-hidden="true">
            <span className={`dot${online && event ? " dot--on" : ""}`} /> {online && event ? "Diperbarui langsung" : "Menyambungkan pembaruan langsung…"}
          </p>
        </section>
      )}
      {me && (status === "DITOLAK" || (status === "MENUNGGU_AKTIVASI" && !me.berkasIdentitas.some((b) => b.jenis !== "SK_ASN"))) && (
        <section className="card">
          <PerbaikiPendaftaranForm
            key={`${status}-${me.berkasIdentitas.length}`}
            namaLengkap={me.namaLengkap}
            identityType={me.identityType}
            berkasDiharapkan={me.berkasDiharapkan}
            adaFoto={me.berkasIdentitas.some((b) => b.jenis !== "SK_ASN")}
            kodeAlasan={status === "DITOLAK" ? (me.statusReasonCode ?? null) : null}
            ditolak={status === "DITOLAK"}
            onDone={() => {
              setSent(true);
              refetch({ requestPolicy: "network-only" });
            }}
          />
        </section>
      )}
      {sent && status === "MENUNGGU_AKTIVASI" && (
        <p className="alert alert--success" role="status">
          Perbaikan terkirim. Admin akan memeriksa kembali pendaftaran Anda.
        </p>
      )}
    </div>
  );
}

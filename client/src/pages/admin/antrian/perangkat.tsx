import { useEffect, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { AdminPerangkatAntrianQuery as PerangkatResult, JenisPerangkatAntrian } from "../../../gql/graphql";
import { Field, FormActions, RadioChoice } from "../../../components/field";
import { SecretOnce } from "../../../components/secret-once";
import { failureMessage, type FieldErrors } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { showFailure } from "../../../lib/form-failure";
import { formatDateTime } from "../../../lib/format";
import { rawId } from "../../../lib/ids";
import { RevokeApiClientMutation } from "../api-clients/documents";
import { BuatPerangkatAntrianMutation } from "./documents";

type Perangkat = PerangkatResult["perangkatAntrian"][number];

export const JENIS_PERANGKAT: Record<JenisPerangkatAntrian, string> = {
  TAMPIL: "Layar antrian (TV)",
  KIOSK: "Kios ambil nomor",
};

function jenisDari(scopes: readonly string[]): JenisPerangkatAntrian | null {
  return scopes.includes("ANTRIAN_TAMPIL") ? "TAMPIL" : scopes.includes("ANTRIAN_KIOSK") ? "KIOSK" : null;
}

/** The pairing link as a QR code (an SVG made in this browser; qrcode is loaded only here), for a TV's phone or camera. */
function QrTautan({ tautan }: { tautan: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import("qrcode")
      .then((QRCode) => QRCode.toString(tautan, { type: "svg", margin: 1, errorCorrectionLevel: "M" }))
      .then((text) => live && setSvg(text))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [tautan]);
  if (!svg) return null;
  return (
    <figure className="antrian-admin__qr">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG the qrcode library drew from our own link, nothing from elsewhere */}
      <div role="img" aria-label="Kode QR tautan pemasangan" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="muted small">Pindai dengan perangkat itu untuk membuka tautan pemasangan.</figcaption>
    </figure>
  );
}

interface Baru {
  nama: string;
  kunci: string;
  tautan: string;
}

const FIELDS = ["nama", "jenis"] as const;

function PerangkatForm({ instansiId, onCreated, onCancel }: { instansiId: string; onCreated: (baru: Baru) => void; onCancel: () => void }) {
  const form = useForm({ nama: "", jenis: "TAMPIL" as JenisPerangkatAntrian }, FIELDS);
  const { values, set, bind, errors, formRef, formError, setFormError, checked } = form;
  const [{ fetching }, buat] = useMutation(BuatPerangkatAntrianMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    setFormError(null);
    const local: FieldErrors = {};
    if (values.nama.trim().length < 3) local.nama = "Tulis nama perangkat, misalnya TV Ruang Tunggu.";
    if (!checked(local)) return;
    const result = await buat({ instansiId, nama: values.nama.trim(), jenis: values.jenis });
    const r = result.data?.buatPerangkatAntrian;
    if (r?.__typename === "BuatPerangkatAntrianSuccess") return onCreated({ nama: r.data.perangkat.nama, kunci: r.data.kunci, tautan: r.data.tautan });
    showFailure(form, r, result.error, { "input.nama": "nama", "input.jenis": "jenis" });
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="perangkat-form-judul">
      <h3 id="perangkat-form-judul">Tambah perangkat</h3>
      <Field name="nama" label="Nama perangkat" hint="Di mana perangkat itu berada: TV Ruang Tunggu, Kios Pintu Masuk." error={errors.nama}>
        {(p) => <input {...p} type="text" maxLength={80} {...bind("nama")} />}
      </Field>
      <RadioChoice
        name="jenis"
        legend="Jenis perangkat"
        options={[
          ["TAMPIL", "Layar antrian (TV): menampilkan dan menyuarakan nomor yang dipanggil"],
          ["KIOSK", "Kios: pengunjung mengambil nomor antrian sendiri"],
        ]}
        value={values.jenis}
        onChange={(v) => set("jenis", v)}
        error={errors.jenis ?? null}
      />
      <FormActions error={formError} busy={fetching} busyText="Membuat kunci…" onCancel={onCancel} cancelKind="secondary">
        Buat kunci perangkat
      </FormActions>
    </form>
  );
}

function BarisPerangkat({ p, onMessage }: { p: Perangkat; onMessage: (text: string) => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, revoke] = useMutation(RevokeApiClientMutation);
  const jenis = jenisDari(p.scopes);

  async function cabut() {
    setError(null);
    const result = await revoke({ id: p.id });
    const r = result.data?.revokeApiClient;
    if (r?.__typename === "RevokeApiClientSuccess") {
      setAsking(false);
      onMessage(`Kunci ${p.nama} dicabut. Perangkat itu berhenti menampilkan antrian.`);
      return;
    }
    setError(failureMessage(r, result.error));
  }

  return (
    <li className="card antrian-admin__perangkat">
      <div className="antrian-admin__baris">
        <span className="antrian-admin__nama">{p.nama}</span>
        <span className="muted">{jenis ? JENIS_PERANGKAT[jenis] : p.scopes.join(", ")}</span>
        {p.dicabutAt ? (
          <span className="badge badge--bad">Dicabut</span>
        ) : p.aktif ? (
          <span className="badge badge--ok">Aktif</span>
        ) : (
          <span className="badge badge--closed">Kedaluwarsa</span>
        )}
      </div>
      <p className="muted small">
        Dibuat {formatDateTime(p.createdAt)} · {p.lastUsedAt ? `terakhir tersambung ${formatDateTime(p.lastUsedAt)}` : "belum pernah tersambung"}
      </p>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {p.aktif && !p.dicabutAt && !asking && (
        <button type="button" className="button button--secondary button--small" onClick={() => setAsking(true)}>
          Cabut kunci<span className="sr-only"> {p.nama}</span>
        </button>
      )}
      {asking && (
        <div className="confirm" role="group" aria-label={`Cabut kunci ${p.nama}`}>
          <p>Perangkat {p.nama} akan berhenti bekerja sampai dipasangkan dengan kunci baru. Lanjutkan?</p>
          <div className="form__actions">
            <button type="button" className="button button--danger" disabled={fetching} onClick={() => void cabut()}>
              {fetching ? "Mencabut…" : "Ya, cabut"}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
              Batal
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** The office's display and kiosk keys: made here, shown once with their pairing link, revoked here. */
export function PerangkatSection({
  instansiId,
  perangkat,
  loaded,
  onChanged,
}: {
  instansiId: string;
  perangkat: readonly Perangkat[];
  loaded: boolean;
  onChanged: (text: string | null) => void;
}) {
  const [adding, setAdding] = useState(false);
  const [baru, setBaru] = useState<Baru | null>(null);
  const uuid = rawId(instansiId);
  return (
    <section aria-labelledby="perangkat-heading" className="antrian-admin__bagian">
      <h2 id="perangkat-heading">Perangkat</h2>
      <p className="muted">
        Layar TV di ruang tunggu (<span className="mono">/antrian/tampil/{uuid}</span>) dan kios ambil nomor (
        <span className="mono">/antrian/kiosk/{uuid}</span>) berjalan tanpa akun, dengan kunci perangkat dari sini.
      </p>
      {baru && (
        <SecretOnce title={`Kunci perangkat ${baru.nama}`} label="Kunci perangkat" secret={baru.kunci} onDone={() => setBaru(null)}>
          <p>
            Buka tautan pemasangan ini di perangkat itu (kuncinya ikut di dalam tautan dan disimpan di perangkat):{" "}
            <a href={baru.tautan} className="mono antrian-admin__tautan" target="_blank" rel="noreferrer">
              {baru.tautan}
            </a>
          </p>
          <QrTautan tautan={baru.tautan} />
        </SecretOnce>
      )}
      {adding ? (
        <div className="card">
          <PerangkatForm
            instansiId={instansiId}
            onCancel={() => setAdding(false)}
            onCreated={(b) => {
              setAdding(false);
              setBaru(b);
              onChanged(null);
            }}
          />
        </div>
      ) : (
        !baru && (
          <p>
            <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
              Tambah perangkat
            </button>
          </p>
        )
      )}
      {loaded && perangkat.length === 0 && <p className="card muted">Belum ada perangkat.</p>}
      <ul className="antrian-admin__daftar">
        {perangkat.map((p) => (
          <BarisPerangkat key={p.id} p={p} onMessage={onChanged} />
        ))}
      </ul>
    </section>
  );
}

import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import type { JenisPemberitahuan, KanalNotifikasi, KanalTelepon } from "../gql/graphql";
import { Field, FormMessage } from "../components/field";
import { failureMessage } from "../lib/errors";

const PengaturanFields = graphql(`
  fragment PengaturanNotifikasi_Fields on PengaturanNotifikasi {
    kanalTersedia
    telepon
    teleponTerverifikasi
    pilihan {
      jenis
      kanal
      aktif
    }
  }
`);
void PengaturanFields;

const PengaturanQuery = graphql(`
  query PengaturanNotifikasi {
    pengaturanNotifikasi {
      ...PengaturanNotifikasi_Fields
    }
  }
`);

const AturMutation = graphql(`
  mutation AturKanalNotifikasi($jenis: JenisPemberitahuan!, $kanal: KanalNotifikasi!, $aktif: Boolean!) {
    aturKanalNotifikasi(jenis: $jenis, kanal: $kanal, aktif: $aktif) {
      __typename
      ... on AturKanalNotifikasiSuccess {
        data {
          ...PengaturanNotifikasi_Fields
        }
      }
      ...ErrorFields
    }
  }
`);

const HentikanMutation = graphql(`
  mutation HentikanKanalNotifikasi($kanal: KanalNotifikasi!) {
    hentikanKanalNotifikasi(kanal: $kanal) {
      ...PengaturanNotifikasi_Fields
    }
  }
`);

const KirimKodeMutation = graphql(`
  mutation KirimKodeTelepon($kanal: KanalTelepon!) {
    kirimKodeTelepon(kanal: $kanal) {
      __typename
      ... on KirimKodeTeleponSuccess {
        data {
          tujuan
          berlakuSampai
        }
      }
      ...ErrorFields
    }
  }
`);

const VerifikasiMutation = graphql(`
  mutation VerifikasiTelepon($kode: String!) {
    verifikasiTelepon(kode: $kode) {
      __typename
      ... on VerifikasiTeleponSuccess {
        data {
          ...PengaturanNotifikasi_Fields
        }
      }
      ...ErrorFields
    }
  }
`);

const JENIS_LABEL: Record<JenisPemberitahuan, string> = {
  STATUS_LAYANAN: "Perubahan status permohonan layanan",
  BALASAN_PENGADUAN: "Tanggapan atas pengaduan",
  TENGGAT_PPID: "Jawaban dan tenggat permohonan informasi (PPID)",
  PENGINGAT_KUNJUNGAN: "Pengingat jadwal kunjungan",
};
const KANAL_LABEL: Record<KanalNotifikasi, string> = { EMAIL: "Email", WHATSAPP: "WhatsApp", SMS: "SMS" };

interface Pengaturan {
  kanalTersedia: KanalNotifikasi[];
  telepon: string;
  teleponTerverifikasi: boolean;
  pilihan: Array<{ jenis: JenisPemberitahuan; kanal: KanalNotifikasi; aktif: boolean }>;
}

/** The profile's notice channels: which kinds of notice go where, the phone number's one-time code, one-tap stops. */
export function NotificationChannels() {
  const [{ data, error }] = useQuery({ query: PengaturanQuery });
  const [, atur] = useMutation(AturMutation);
  const [, hentikan] = useMutation(HentikanMutation);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  // the settings each change answered with (newer than the query's), and a box's state while its change is on its way
  const [latest, setLatest] = useState<Pengaturan | null>(null);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const s = latest ?? (data?.pengaturanNotifikasi as unknown as Pengaturan | undefined);
  if (error && !s) return <FormMessage kind="error">{failureMessage(null, error)}</FormMessage>;
  if (!s) return <p aria-busy="true">Memuat pengaturan pemberitahuan…</p>;
  const phone = s.kanalTersedia.filter((k): k is KanalTelepon => k !== "EMAIL");

  async function toggle(jenis: JenisPemberitahuan, kanal: KanalNotifikasi, aktif: boolean) {
    setMessage(null);
    const key = `${jenis}-${kanal}`;
    setPending((p) => ({ ...p, [key]: aktif }));
    const r = await atur({ jenis, kanal, aktif });
    setPending(({ [key]: _done, ...rest }) => rest);
    const fail = failureMessage(r.data?.aturKanalNotifikasi, r.error);
    if (fail) return setMessage({ kind: "error", text: fail });
    const d = r.data?.aturKanalNotifikasi;
    if (d?.__typename === "AturKanalNotifikasiSuccess") setLatest(d.data as unknown as Pengaturan);
    setMessage({ kind: "success", text: `${JENIS_LABEL[jenis]} lewat ${KANAL_LABEL[kanal]}: ${aktif ? "aktif" : "dihentikan"}.` });
  }
  async function stopAll(kanal: KanalNotifikasi) {
    setMessage(null);
    const r = await hentikan({ kanal });
    if (r.error || !r.data) return setMessage({ kind: "error", text: failureMessage(null, r.error) ?? "" });
    setLatest(r.data.hentikanKanalNotifikasi as unknown as Pengaturan);
    setMessage({ kind: "success", text: `Semua pemberitahuan lewat ${KANAL_LABEL[kanal]} dihentikan.` });
  }

  return (
    <>
      <p>Pilih ke mana kami mengirim kabar terbaru. Pemberitahuan di aplikasi ini selalu ada.</p>
      {phone.length > 0 && <PhoneVerification pengaturan={s} kanal={phone} onVerified={setLatest} />}
      {Object.entries(JENIS_LABEL).map(([jenis, label]) => (
        <fieldset key={jenis} className="field">
          <legend className="field__label">{label}</legend>
          {s.kanalTersedia.map((kanal) => {
            const p = s.pilihan.find((x) => x.jenis === jenis && x.kanal === kanal);
            const locked = kanal !== "EMAIL" && !s.teleponTerverifikasi && !p?.aktif;
            const id = `kanal-${jenis}-${kanal}`;
            return (
              <div className="check" key={kanal}>
                <input
                  id={id}
                  type="checkbox"
                  checked={pending[`${jenis}-${kanal}`] ?? !!p?.aktif}
                  disabled={locked}
                  aria-describedby={locked ? "kanal-perlu-verifikasi" : undefined}
                  onChange={(e) => void toggle(jenis as JenisPemberitahuan, kanal, e.target.checked)}
                />
                <label htmlFor={id}>{KANAL_LABEL[kanal]}</label>
              </div>
            );
          })}
        </fieldset>
      ))}
      {phone.length > 0 && !s.teleponTerverifikasi && (
        <p id="kanal-perlu-verifikasi" className="field__hint">
          WhatsApp dan SMS bisa dipilih setelah nomor telepon Anda diverifikasi.
        </p>
      )}
      {phone
        .filter((k) => s.pilihan.some((p) => p.kanal === k && p.aktif))
        .map((k) => (
          <p key={k}>
            <button type="button" className="button button--secondary" onClick={() => void stopAll(k)}>
              Hentikan semua pemberitahuan {KANAL_LABEL[k]}
            </button>
          </p>
        ))}
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
    </>
  );
}

function PhoneVerification({ pengaturan, kanal, onVerified }: { pengaturan: Pengaturan; kanal: KanalTelepon[]; onVerified: (s: Pengaturan) => void }) {
  const [, kirim] = useMutation(KirimKodeMutation);
  const [, verifikasi] = useMutation(VerifikasiMutation);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [kode, setKode] = useState("");
  const [kodeError, setKodeError] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  if (pengaturan.teleponTerverifikasi)
    return (
      <p>
        Nomor telepon <strong>{pengaturan.telepon}</strong> sudah diverifikasi.
        {done && " Terima kasih."}
      </p>
    );

  async function send(k: KanalTelepon) {
    setBusy(true);
    setSendError(null);
    const r = await kirim({ kanal: k });
    setBusy(false);
    const fail = failureMessage(r.data?.kirimKodeTelepon, r.error);
    if (fail) return setSendError(fail);
    const d = r.data?.kirimKodeTelepon;
    if (d?.__typename === "KirimKodeTeleponSuccess") setSentTo(`${d.data.tujuan} lewat ${KANAL_LABEL[k]}`);
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    setKodeError(null);
    if (!/^\d{6}$/.test(kode.trim())) return setKodeError("Masukkan 6 angka kode yang kami kirim.");
    setBusy(true);
    const r = await verifikasi({ kode: kode.trim() });
    setBusy(false);
    const fail = failureMessage(r.data?.verifikasiTelepon, r.error);
    if (fail) return setKodeError(fail);
    setDone(true);
    const d = r.data?.verifikasiTelepon;
    if (d?.__typename === "VerifikasiTeleponSuccess") onVerified(d.data as unknown as Pengaturan);
  }

  return (
    <div className="stack">
      <p>
        Nomor telepon <strong>{pengaturan.telepon}</strong> belum diverifikasi. Kami kirim kode 6 angka ke nomor ini; kode berlaku 10 menit.
      </p>
      <div className="form__actions">
        {kanal.map((k) => (
          <button key={k} type="button" className="button button--secondary" disabled={busy} onClick={() => void send(k)}>
            Kirim kode lewat {KANAL_LABEL[k]}
          </button>
        ))}
      </div>
      {sendError && <FormMessage kind="error">{sendError}</FormMessage>}
      {sentTo && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormMessage kind="success">Kode dikirim ke {sentTo}.</FormMessage>
          <Field name="kode" label="Kode verifikasi" hint="6 angka dari pesan yang kami kirim" error={kodeError}>
            {(props) => (
              <input
                {...props}
                className="input input--short"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={kode}
                onChange={(e) => setKode(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button" disabled={busy}>
            Verifikasi nomor
          </button>
        </form>
      )}
    </div>
  );
}

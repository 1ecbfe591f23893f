import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { PengajuanDetail_PengajuanFragment as Detail } from "../../gql/graphql";
import { AnswerRow } from "../../components/check-answers";
import { FormMessage } from "../../components/field";
import { slotKey } from "../../components/document-slots";
import { formKey, type FormValues } from "../../components/service-form";
import { formatUkuran } from "../../lib/files";
import { formatDate } from "../../lib/format";

/** Where a change link leads: the form, with the field (or document slot, or choice) to change named. */
export const ubahHref = (key: string) => `?ubah=${encodeURIComponent(key)}`;

const Row = ({ label, value, change }: { label: string; value: ReactNode; change: string }) => <AnswerRow label={label} value={value} to={ubahHref(change)} />;

const empty = <span className="muted">Belum diisi</span>;

/**
 * "Periksa kembali" (GOV.UK check answers): every answer and document of the request, each with a change link to
 * its field, then one button that submits. Nothing is sent from here but the submit itself: the answers were
 * saved as they were typed.
 */
export function PeriksaKembali({
  p,
  values,
  pengiriman,
  pengirimanLabel,
  showPengiriman,
  busy,
  error,
  onSubmit,
}: {
  p: Detail;
  values: FormValues;
  pengiriman: string;
  pengirimanLabel: string;
  showPengiriman: boolean;
  busy: boolean;
  error: string | null;
  onSubmit: () => void;
}) {
  const docs = new Map(p.dokumen.map((d) => [d.persyaratan.id, d]));
  return (
    <section className="card check-answers" aria-labelledby="periksa-kembali">
      <h2 id="periksa-kembali" tabIndex={-1}>
        Periksa kembali sebelum mengajukan
      </h2>
      <p>Pastikan isian dan dokumen di bawah ini benar. Tekan “Ubah” untuk memperbaiki; Anda akan kembali ke halaman ini.</p>
      {p.layanan.formFields.length > 0 && (
        <>
          <h3>Isian formulir</h3>
          <dl className="check-answers__list">
            {p.layanan.formFields.map((f) => {
              const v = values[f.nama]?.trim();
              return <Row key={f.nama} label={f.label} change={formKey(f.nama)} value={v ? (f.tipe === "DATE" ? formatDate(v) : v) : empty} />;
            })}
          </dl>
        </>
      )}
      {p.layanan.persyaratan.length > 0 && (
        <>
          <h3>Dokumen</h3>
          <dl className="check-answers__list">
            {p.layanan.persyaratan.map((s) => {
              const d = docs.get(s.id);
              return (
                <Row
                  key={s.id}
                  label={s.label}
                  change={slotKey(s.id)}
                  value={d ? `${d.namaFile} (${formatUkuran(d.ukuran)})` : <span className="muted">Belum diunggah</span>}
                />
              );
            })}
          </dl>
        </>
      )}
      {showPengiriman && (
        <>
          <h3>Penerimaan hasil</h3>
          <dl className="check-answers__list">
            <Row label="Cara menerima hasil" change="pengiriman" value={pengirimanLabel || pengiriman} />
          </dl>
        </>
      )}
      <h3>Kirim pengajuan</h3>
      <p>Dengan menekan “{p.status === "PERLU_PERBAIKAN" ? "Ajukan kembali" : "Ajukan"}”, Anda menyatakan data dan dokumen yang dikirim benar.</p>
      <FormMessage kind="error">{error}</FormMessage>
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={onSubmit}>
          {busy ? "Mengirim…" : p.status === "PERLU_PERBAIKAN" ? "Ajukan kembali" : "Ajukan"}
        </button>
        <Link to="?" className="button button--secondary">
          Kembali ke formulir
        </Link>
      </div>
    </section>
  );
}

import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { PeriksaBerkasMutation } from "../gql/graphql";
import { Field, FormMessage } from "../components/field";
import { PageTitle } from "../components/page-title";
import { errorOf, requestErrorMessage, UNEXPECTED_MESSAGE } from "../lib/errors";
import { useForm } from "../lib/form";
import { formatDateTime } from "../lib/format";
import { uploadMutation } from "../lib/upload";

const VerifikasiDokumenQuery = graphql(`
  query VerifikasiDokumen($kode: String!) {
    verifikasiDokumen(kode: $kode) {
      judul
      instansi
      layanan
      nomorRegistrasi
      diterbitkan
      sha256
      surat {
        nomorSurat
        status
        dibatalkan
        alasanBatal
        dibatalkanAt
        penandatanganNama
        penandatanganJabatan
        ditandatanganiAt
      }
    }
  }
`);

const PeriksaBerkasMutationDoc = graphql(`
  mutation PeriksaBerkas($kode: String!, $berkas: File!) {
    periksaBerkasVerifikasi(kode: $kode, berkas: $berkas) {
      __typename
      ... on PeriksaBerkasVerifikasiSuccess {
        data {
          sama
          pdf
          dibatalkan
          akarDiatur
          tidakBertandaTangan
          tandaTanganSah
          kesimpulan
          tandaTangan {
            urutan
            sah
            ringkasan
            integritas
            waktuTandaTanganKlaim
            waktuTimestamp
            penerbitTimestamp
            timestampValid
            pencabutanKeterangan
            penandatangan {
              nama
              penerbit
            }
          }
        }
      }
      ...ErrorFields
    }
  }
`);

/** The API's limit (server/modules/surat/verifikasi-berkas.ts BERKAS_MAX_BYTES): a larger file is not sent. */
const BERKAS_MAX_BYTES = 10 * 1024 * 1024;

type HasilPeriksa = Extract<PeriksaBerkasMutation["periksaBerkasVerifikasi"], { __typename: "PeriksaBerkasVerifikasiSuccess" }>["data"];

type Pemeriksaan =
  | { state: "idle" }
  | { state: "busy"; nama: string }
  | { state: "done"; nama: string; hasil: HasilPeriksa }
  | { state: "error"; pesan: string };

/**
 * /verifikasi and /verifikasi/<kode>: anyone checks a result document's or letter's code, sees the letter's public
 * facts (number, who signed it and when, whether it was voided), and may send the file they hold: the server
 * compares it with the issued file and checks its electronic signatures (its answer is the authoritative one).
 */
export default function VerifikasiDokumenPage() {
  const { kode: fromUrl = "" } = useParams();
  const navigate = useNavigate();
  const kode = decodeURIComponent(fromUrl);
  const form = useForm({ kode }, ["kode"]);
  const [{ data, fetching, error: failed }] = useQuery({ query: VerifikasiDokumenQuery, variables: { kode }, pause: !kode });
  const [periksa, setPeriksa] = useState<Pemeriksaan>({ state: "idle" });

  function submit(e: FormEvent) {
    e.preventDefault();
    const k = form.values.kode.trim();
    if (!form.checked(k ? {} : { kode: "Masukkan kode verifikasi yang tertulis pada dokumen." })) return;
    setPeriksa({ state: "idle" });
    navigate(`/verifikasi/${encodeURIComponent(k)}`);
  }

  async function kirimBerkas(f: File) {
    if (f.size > BERKAS_MAX_BYTES) {
      setPeriksa({ state: "error", pesan: "Berkas terlalu besar untuk diperiksa (paling besar 10 MB)." });
      return;
    }
    setPeriksa({ state: "busy", nama: f.name });
    const result = await uploadMutation(PeriksaBerkasMutationDoc, { kode, berkas: f });
    const r = result.data?.periksaBerkasVerifikasi;
    if (!r) return setPeriksa({ state: "error", pesan: result.failure ?? UNEXPECTED_MESSAGE });
    if (r.__typename === "PeriksaBerkasVerifikasiSuccess") return setPeriksa({ state: "done", nama: f.name, hasil: r.data });
    setPeriksa({ state: "error", pesan: errorOf(r)?.message ?? UNEXPECTED_MESSAGE });
  }

  const v = data?.verifikasiDokumen;
  const surat = v?.surat ?? null;
  const jenis = surat ? "surat" : "dokumen";
  return (
    <div className="narrow">
      <PageTitle>Verifikasi dokumen</PageTitle>
      <p className="lead">Periksa apakah dokumen hasil layanan atau surat resmi benar diterbitkan melalui Loket.</p>
      <form ref={form.formRef} className="card form" noValidate onSubmit={submit} aria-label="Verifikasi dokumen">
        <Field
          name="kode"
          label="Kode verifikasi"
          hint="Contoh: 7KQ2-M9XD-P4RT, atau 16 karakter di bawah kode QR surat. Huruf besar/kecil dan tanda hubung boleh diabaikan."
          error={form.errors.kode}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              autoCapitalize="characters"
              spellCheck={false}
              value={form.values.kode}
              onChange={(e) => form.set("kode", e.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Periksa
          </button>
        </div>
      </form>
      {kode && fetching && <p aria-busy="true">Memeriksa…</p>}
      {failed && <FormMessage kind="error">{requestErrorMessage(failed)}</FormMessage>}
      {kode && data && !v && (
        <div className="alert alert--error" role="alert">
          <strong>Kode tidak dikenal.</strong> Tidak ada dokumen Loket dengan kode ini. Periksa penulisan kodenya; jika benar, dokumen tersebut patut diragukan
          keasliannya.
        </div>
      )}
      {v && (
        <section className="card" aria-labelledby="dokumen-sah" role="status">
          {surat?.dibatalkan ? (
            <>
              <h2 id="dokumen-sah">
                <span aria-hidden="true">✕ </span>Surat ini telah DIBATALKAN
              </h2>
              <div className="alert alert--error">
                <strong>Surat ini telah DIBATALKAN</strong> oleh instansi penerbit
                {surat.dibatalkanAt ? ` pada ${formatDateTime(surat.dibatalkanAt)} WIB` : ""} dan tidak berlaku lagi.
                {surat.alasanBatal && <> Alasan: {surat.alasanBatal}</>}
              </div>
            </>
          ) : (
            <h2 id="dokumen-sah">
              <span aria-hidden="true">✓ </span>
              {surat ? "Surat terdaftar" : "Dokumen terdaftar"}
            </h2>
          )}
          <dl className="facts">
            {surat && (
              <div>
                <dt>Nomor surat</dt>
                <dd className="mono">{surat.nomorSurat}</dd>
              </div>
            )}
            {surat?.penandatanganNama && (
              <div>
                <dt>Ditandatangani oleh</dt>
                <dd>
                  {surat.penandatanganNama}
                  {surat.penandatanganJabatan ? `, ${surat.penandatanganJabatan}` : ""}
                  {surat.ditandatanganiAt ? `, pada ${formatDateTime(surat.ditandatanganiAt)} WIB` : ""}
                </dd>
              </div>
            )}
            <div>
              <dt>Judul</dt>
              <dd>{v.judul}</dd>
            </div>
            <div>
              <dt>Diterbitkan oleh</dt>
              <dd>{v.instansi}</dd>
            </div>
            <div>
              <dt>Layanan</dt>
              <dd>{v.layanan}</dd>
            </div>
            <div>
              <dt>Nomor registrasi</dt>
              <dd className="mono">{v.nomorRegistrasi}</dd>
            </div>
            <div>
              <dt>Tanggal terbit</dt>
              <dd>{formatDateTime(v.diterbitkan)} WIB</dd>
            </div>
          </dl>
          <h3>Cocokkan berkas yang Anda pegang</h3>
          <p className="muted small">
            Pilih berkas{surat ? " PDF surat" : ""} yang Anda terima (paling besar 10 MB). Berkas dikirim ke Loket hanya untuk dibandingkan dengan {jenis} yang
            diterbitkan dan untuk memeriksa tanda tangan elektroniknya; berkas tidak disimpan.
          </p>
          <input
            id="cocokkan-berkas"
            className="file-input"
            type="file"
            accept={surat ? ".pdf,application/pdf" : undefined}
            disabled={periksa.state === "busy"}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = "";
              if (f) void kirimBerkas(f);
            }}
          />
          <label className="button button--secondary button--small file-input__label" htmlFor="cocokkan-berkas">
            Pilih berkas untuk dicocokkan
          </label>
          <div aria-live="polite">
            {periksa.state === "busy" && <p aria-busy="true">Memeriksa {periksa.nama}…</p>}
            {periksa.state === "error" && <p className="field__error">⚠ {periksa.pesan}</p>}
            {periksa.state === "done" && <HasilBerkas hasil={periksa.hasil} nama={periksa.nama} jenis={jenis} />}
          </div>
          <p className="muted small break">
            SHA-256 {jenis} asli: <span className="mono">{v.sha256}</span>
          </p>
        </section>
      )}
    </div>
  );
}

function HasilBerkas({ hasil, nama, jenis }: { hasil: HasilPeriksa; nama: string; jenis: string }) {
  return (
    <div className="verifikasi-berkas">
      <p className={hasil.sama ? "field__success" : "field__error"}>
        <strong>
          {hasil.sama
            ? `✓ Berkas sesuai dengan ${jenis} yang diterbitkan.`
            : `⚠ Berkas tidak sesuai dengan ${jenis} yang diterbitkan (mungkin telah diubah, atau berkas lain).`}
        </strong>{" "}
        <span className="muted small">({nama})</span>
      </p>
      {hasil.dibatalkan && (
        <p className="field__error">
          <strong>Surat ini telah DIBATALKAN</strong> dan tidak berlaku lagi, meskipun berkasnya asli.
        </p>
      )}
      {hasil.pdf && (
        <>
          <p className={hasil.tandaTanganSah ? "field__success" : "field__error"}>
            {hasil.tidakBertandaTangan
              ? "Berkas ini tidak memuat tanda tangan elektronik."
              : hasil.tandaTanganSah
                ? "✓ Tanda tangan elektronik sah."
                : "⚠ Tanda tangan elektronik tidak dapat dinyatakan sah."}
          </p>
          {hasil.tandaTangan.length > 0 && (
            <ul className="plain-list">
              {hasil.tandaTangan.map((t) => (
                <li key={t.urutan}>
                  <p>{t.ringkasan}</p>
                  {t.penandatangan && (
                    <p className="muted small">
                      Sertifikat atas nama {t.penandatangan.nama ?? "(tanpa nama)"}
                      {t.penandatangan.penerbit ? `, diterbitkan oleh ${t.penandatangan.penerbit}` : ""}
                      {t.waktuTimestamp && t.timestampValid
                        ? `; waktu tanda tangan dijamin ${t.penerbitTimestamp ?? "otoritas penanda waktu"}: ${formatDateTime(t.waktuTimestamp)} WIB`
                        : t.waktuTandaTanganKlaim
                          ? `; waktu tanda tangan menurut berkas: ${formatDateTime(t.waktuTandaTanganKlaim)} WIB`
                          : ""}
                      .
                    </p>
                  )}
                  <p className="muted small">{t.pencabutanKeterangan}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p className="small">{hasil.kesimpulan}</p>
    </div>
  );
}

import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { Field, FormMessage } from "../components/field";
import { PageTitle } from "../components/page-title";
import { requestErrorMessage } from "../lib/errors";
import { useForm } from "../lib/form";
import { formatDateTime } from "../lib/format";

const VerifikasiDokumenQuery = graphql(`
  query VerifikasiDokumen($kode: String!) {
    verifikasiDokumen(kode: $kode) {
      judul
      instansi
      layanan
      nomorRegistrasi
      diterbitkan
      sha256
    }
  }
`);

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** /verifikasi and /verifikasi/<kode>: anyone checks a result document's code, and optionally the file itself. */
export default function VerifikasiDokumenPage() {
  const { kode: fromUrl = "" } = useParams();
  const navigate = useNavigate();
  const kode = decodeURIComponent(fromUrl);
  const form = useForm({ kode }, ["kode"]);
  const [{ data, fetching, error: failed }] = useQuery({ query: VerifikasiDokumenQuery, variables: { kode }, pause: !kode });
  const [match, setMatch] = useState<null | boolean>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const k = form.values.kode.trim();
    if (!form.checked(k ? {} : { kode: "Masukkan kode verifikasi yang tertulis pada dokumen." })) return;
    setMatch(null);
    navigate(`/verifikasi/${encodeURIComponent(k)}`);
  }

  const v = data?.verifikasiDokumen;
  return (
    <div className="narrow">
      <PageTitle>Verifikasi dokumen</PageTitle>
      <p className="lead">Periksa apakah dokumen hasil layanan benar diterbitkan melalui Loket.</p>
      <form ref={form.formRef} className="card form" noValidate onSubmit={submit} aria-label="Verifikasi dokumen">
        <Field name="kode" label="Kode verifikasi" hint="Contoh: 7KQ2-M9XD-P4RT. Huruf besar/kecil dan tanda hubung boleh diabaikan." error={form.errors.kode}>
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
          <h2 id="dokumen-sah">
            <span aria-hidden="true">✓ </span>Dokumen terdaftar
          </h2>
          <dl className="facts">
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
            Pilih berkas PDF-nya: sidik digitalnya dihitung di perangkat Anda (berkas tidak dikirim) dan dibandingkan dengan aslinya.
          </p>
          <input
            id="cocokkan-berkas"
            className="file-input"
            type="file"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) setMatch((await sha256Hex(f)) === v.sha256);
            }}
          />
          <label className="button button--secondary button--small file-input__label" htmlFor="cocokkan-berkas">
            Pilih berkas untuk dicocokkan
          </label>
          <p aria-live="polite">
            {match === true && <span className="field__success">✓ Berkas sama persis dengan dokumen asli.</span>}
            {match === false && <span className="field__error">⚠ Berkas berbeda dari dokumen asli (mungkin diubah, atau berkas lain).</span>}
          </p>
          <p className="muted small break">
            SHA-256: <span className="mono">{v.sha256}</span>
          </p>
        </section>
      )}
    </div>
  );
}

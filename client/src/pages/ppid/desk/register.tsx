import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useClient, useMutation, useQuery } from "urql";

import { Field, FormMessage } from "../../../components/field";
import { PageTitle } from "../../../components/page-title";
import { PermohonanBadge } from "../../../components/permohonan-view";
import { requestErrorMessage, failureMessage } from "../../../lib/errors";
import { formatDateTime } from "../../../lib/format";
import { rawId } from "../../../lib/ids";
import { useDeskInstansi } from "../../../components/desk-instansi";
import { RegisterPpidQuery, RegisterCsvQuery, TanggapiKeberatanMutation, type KeberatanItem } from "./documents";
import { YearSelect } from "../../../components/year-select";
import { useForm } from "../../../lib/form";
import { HelpLink } from "../../../components/help-link";

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The start of a long text, cut at a word, for a table cell. */
function cuplikan(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : max).replace(/[\s,.;:]+$/, "")}…`;
}

function KeberatanRow({ k }: { k: KeberatanItem }) {
  const zone = k.permohonan.instansi.zonaWaktu;
  const z = k.permohonan.instansi.zonaWaktuLabel;
  const form = useForm({ tanggapan: "" }, ["tanggapan"]);
  const [{ fetching }, tanggapi] = useMutation(TanggapiKeberatanMutation);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const tanggapan = form.values.tanggapan.trim();
    if (!form.checked(tanggapan.length < 10 ? { tanggapan: "Tanggapan atas keberatan wajib diisi (minimal 10 karakter)." } : {})) return;
    const r = await tanggapi({ id: k.id, versi: k.versi, tanggapan });
    const res = r.data?.tanggapiKeberatan;
    // a one-field form: any failure is said at the field
    const failure = res?.__typename === "TanggapiKeberatanSuccess" ? null : failureMessage(res, r.error);
    form.checked(failure ? { tanggapan: failure } : {});
  }
  return (
    <li className="card request">
      <div className="request__head">
        <h3 className="request__title">
          <span className="mono">{k.nomorRegister}</span> atas <Link to={`/ppid/permohonan/${rawId(k.permohonan.id)}`}>{k.permohonan.nomorRegister}</Link>
        </h3>
        <span className={`badge badge--${k.status === "DITANGGAPI" ? "ok" : "pending"}`}>
          {k.status === "DITANGGAPI" ? "Ditanggapi" : "Menunggu tanggapan"}
        </span>
      </div>
      <p className="request__meta">{k.alasanLabel}</p>
      <p className="prose">{k.uraian}</p>
      {k.tanggapan ? (
        <>
          <p className="timeline__message">
            <span className="timeline__message-label">Tanggapan atasan PPID: </span>
            {k.tanggapan}
          </p>
          {k.ditanggapiAt && (
            <p className="muted small">
              Ditanggapi {formatDateTime(k.ditanggapiAt, zone)} {z}
            </p>
          )}
        </>
      ) : (
        <>
          <p className="small sla">
            Tanggapi paling lambat {formatDateTime(k.tenggatTanggapan, zone)} {z}
          </p>
          {k.dapatDitanggapi && (
            <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label={`Tanggapi keberatan ${k.nomorRegister}`}>
              <Field name="tanggapan" label="Tanggapan atasan PPID" error={form.errors.tanggapan}>
                {(props) => <textarea {...props} rows={3} value={form.values.tanggapan} onChange={(e) => form.set("tanggapan", e.target.value)} />}
              </Field>
              <div className="form__actions">
                <button type="submit" className="button button--primary button--small" disabled={fetching}>
                  Kirim tanggapan
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </li>
  );
}

/** /ppid — the registers of information requests and objections, with CSV export. */
export function PpidDeskPage() {
  const client = useClient();
  const { instansiId, waiting, picker } = useDeskInstansi();
  const [tahun, setTahun] = useState(new Date().getFullYear());
  const [{ data, fetching, error }] = useQuery({
    query: RegisterPpidQuery,
    variables: { instansiId, tahun, first: 100 },
    requestPolicy: "cache-and-network",
    pause: waiting,
  });
  const [csvError, setCsvError] = useState<string | null>(null);

  async function exportCsv() {
    const r = await client.query(RegisterCsvQuery, { instansiId, tahun }, { requestPolicy: "network-only" }).toPromise();
    if (!r.data) return setCsvError(requestErrorMessage(r.error));
    setCsvError(null);
    download(`register-permohonan-informasi-${tahun}.csv`, r.data.registerPermohonanCsv);
    download(`register-keberatan-${tahun}.csv`, r.data.registerKeberatanCsv);
  }

  const list = data?.registerPermohonanInformasi.edges ?? [];
  return (
    <>
      <PageTitle>Meja PPID</PageTitle>
      {picker}
      <div className="toolbar">
        <YearSelect className="input--short" value={tahun} onChange={setTahun} />
        <p>
          <button type="button" className="button button--secondary" onClick={exportCsv}>
            Unduh register (CSV)
          </button>
        </p>
      </div>
      <FormMessage kind="error">{csvError}</FormMessage>
      {fetching && !data && <p aria-busy="true">Memuat…</p>}
      {error && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      <section aria-labelledby="register-permohonan">
        <h2 id="register-permohonan">Register permohonan informasi {data ? `(${data.registerPermohonanInformasi.totalCount})` : ""}</h2>
        {data && list.length === 0 && <p className="card">Belum ada permohonan pada tahun ini.</p>}
        {list.length > 0 && (
          <div className="table-wrap">
            <table className="table table--cards">
              <caption className="sr-only">Register permohonan informasi</caption>
              <thead>
                <tr>
                  <th scope="col">Nomor</th>
                  <th scope="col">Pemohon</th>
                  <th scope="col">Status</th>
                  <th scope="col">Batas jawab</th>
                </tr>
              </thead>
              <tbody>
                {list.map(({ node: p }) => (
                  <tr key={p.id} className={p.terlambat ? "queue__row--late" : undefined}>
                    <td>
                      <Link className="mono nomor" to={`/ppid/permohonan/${rawId(p.id)}`}>
                        {p.nomorRegister}
                      </Link>
                      <span className="table__sub">{cuplikan(p.rincianInformasi)}</span>
                    </td>
                    <td data-label="Pemohon">{p.pemohonNama}</td>
                    <td data-label="Status">
                      <PermohonanBadge status={p.status} />
                    </td>
                    <td data-label="Batas jawab" className={p.terlambat ? "sla sla--late" : undefined}>
                      {p.status === "DITERIMA" || p.status === "DIPERPANJANG"
                        ? `${formatDateTime(p.tenggat, p.instansi.zonaWaktu)} ${p.instansi.zonaWaktuLabel}`
                        : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="register-keberatan" className="print-break">
        <h2 id="register-keberatan">Register keberatan</h2>
        {data && data.registerKeberatan.edges.length === 0 && <p className="card">Belum ada keberatan pada tahun ini.</p>}
        <ul className="request-list">
          {data?.registerKeberatan.edges.map(({ node: k }) => (
            <KeberatanRow key={k.id} k={k} />
          ))}
        </ul>
      </section>
    </>
  );
}

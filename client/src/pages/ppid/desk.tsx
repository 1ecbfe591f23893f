import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useClient, useMutation, useQuery, useSubscription } from "urql";
import { graphql } from "../../gql";
import type { KeputusanPermohonan, RegisterPpidQuery } from "../../gql/graphql";
import { Field, FormMessage } from "../../components/field";
import { LiveNote } from "../../components/live-note";
import { PageTitle } from "../../components/page-title";
import { PermohonanBadge, PermohonanView } from "../../components/permohonan-view";
import { requestErrorMessage, type FieldErrors, failureMessage, errorOf } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import { newest } from "../../lib/live";
import { useSession } from "../../lib/session";
// the API's own list of exemptions and its limit on extensions
import { PENGECUALIAN_PASAL_17, PERPANJANG_MAKS_HARI } from "../../../../server/modules/ppid/rules";
import { useDeskInstansi } from "../../components/desk-instansi";

const RegisterPpidQuery = graphql(`
  query RegisterPpid($instansiId: ID, $tahun: Int, $first: Int) {
    registerPermohonanInformasi(instansiId: $instansiId, tahun: $tahun, first: $first) {
      totalCount
      edges {
        node {
          id
          nomorRegister
          status
          pemohonNama
          rincianInformasi
          diterimaAt
          tenggat
          terlambat
          instansi {
            id
            zonaWaktu
            zonaWaktuLabel
          }
        }
      }
    }
    registerKeberatan(instansiId: $instansiId, tahun: $tahun, first: $first) {
      edges {
        node {
          id
          nomorRegister
          alasanLabel
          uraian
          status
          versi
          diajukanAt
          tenggatTanggapan
          tanggapan
          ditanggapiAt
          permohonan {
            id
            nomorRegister
            instansi {
              id
              zonaWaktu
              zonaWaktuLabel
            }
          }
        }
      }
    }
  }
`);

const RegisterCsvQuery = graphql(`
  query RegisterCsv($instansiId: ID, $tahun: Int) {
    registerPermohonanCsv(instansiId: $instansiId, tahun: $tahun)
    registerKeberatanCsv(instansiId: $instansiId, tahun: $tahun)
  }
`);

const TanggapiKeberatanMutation = graphql(`
  mutation TanggapiKeberatan($id: ID!, $versi: Int!, $tanggapan: String!) {
    tanggapiKeberatan(id: $id, versi: $versi, tanggapan: $tanggapan) {
      __typename
      ... on TanggapiKeberatanSuccess {
        data {
          id
          status
          versi
          tanggapan
        }
      }
      ...ErrorFields
    }
  }
`);

const PpidCaseQuery = graphql(`
  query PpidCase($id: ID!) {
    node(id: $id) {
      __typename
      ... on PermohonanInformasi {
        id
        versi
        status
        ...PermohonanView_Permohonan
      }
    }
  }
`);

const PpidCaseLiveSubscription = graphql(`
  subscription PpidCaseLive($id: ID!) {
    permohonanInformasiBerubah(id: $id) {
      id
      versi
      status
      ...PermohonanView_Permohonan
    }
  }
`);

const PerpanjangMutation = graphql(`
  mutation Perpanjang($id: ID!, $versi: Int!, $hari: Int!, $alasan: String!) {
    perpanjangPermohonanInformasi(id: $id, versi: $versi, hari: $hari, alasan: $alasan) {
      __typename
      ... on PerpanjangPermohonanInformasiSuccess {
        data {
          id
          versi
          status
          ...PermohonanView_Permohonan
        }
      }
      ...ErrorFields
    }
  }
`);

const PutuskanMutation = graphql(`
  mutation Putuskan($id: ID!, $versi: Int!, $keputusan: KeputusanPermohonan!, $catatan: String!, $pasalPengecualian: String, $ujiKonsekuensi: String, $biaya: Int) {
    putuskanPermohonanInformasi(id: $id, versi: $versi, keputusan: $keputusan, catatan: $catatan, pasalPengecualian: $pasalPengecualian, ujiKonsekuensi: $ujiKonsekuensi, biaya: $biaya) {
      __typename
      ... on PutuskanPermohonanInformasiSuccess {
        data {
          id
          versi
          status
          ...PermohonanView_Permohonan
        }
      }
      ...ErrorFields
    }
  }
`);

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type KeberatanItem = RegisterPpidQuery["registerKeberatan"]["edges"][number]["node"];

/** The start of a long text, cut at a word, for a table cell. */
function cuplikan(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : max).replace(/[\s,.;:]+$/, "")}…`;
}

function KeberatanRow({ k, canAnswer }: { k: KeberatanItem; canAnswer: boolean }) {
  const zone = k.permohonan.instansi.zonaWaktu;
  const z = k.permohonan.instansi.zonaWaktuLabel;
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, tanggapi] = useMutation(TanggapiKeberatanMutation);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (text.trim().length < 10) return setError("Tanggapan atas keberatan wajib diisi (minimal 10 karakter).");
    const r = await tanggapi({ id: k.id, versi: k.versi, tanggapan: text.trim() });
    const res = r.data?.tanggapiKeberatan;
    setError(res?.__typename === "TanggapiKeberatanSuccess" ? null : failureMessage(res, r.error));
  }
  return (
    <li className="card request">
      <div className="request__head">
        <h3 className="request__title">
          <span className="mono">{k.nomorRegister}</span> atas <Link to={`/ppid/permohonan/${rawId(k.permohonan.id)}`}>{k.permohonan.nomorRegister}</Link>
        </h3>
        <span className={`badge badge--${k.status === "DITANGGAPI" ? "ok" : "pending"}`}>{k.status === "DITANGGAPI" ? "Ditanggapi" : "Menunggu tanggapan"}</span>
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
          {canAnswer && (
            <form className="form" noValidate onSubmit={submit} aria-label={`Tanggapi keberatan ${k.nomorRegister}`}>
              <Field name="tanggapan" label="Tanggapan atasan PPID" error={error}>
                {(props) => <textarea {...props} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
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
  const { me } = useSession();
  const client = useClient();
  const { instansiId, waiting, picker } = useDeskInstansi();
  const [tahun, setTahun] = useState(new Date().getFullYear());
  const [{ data, fetching, error }] = useQuery({ query: RegisterPpidQuery, variables: { instansiId, tahun, first: 100 }, requestPolicy: "cache-and-network", pause: waiting });
  const [csvError, setCsvError] = useState<string | null>(null);
  const canAnswer = me?.role === "ATASAN_PPID" || me?.role === "SUPERADMIN";

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
        <label className="inline-field">
          <span>Tahun</span>
          <select className="input--short" value={tahun} onChange={(e) => setTahun(Number(e.target.value))}>
            {[0, 1, 2].map((d) => (
              <option key={d} value={new Date().getFullYear() - d}>
                {new Date().getFullYear() - d}
              </option>
            ))}
          </select>
        </label>
        <p>
          <button type="button" className="button button--secondary" onClick={exportCsv}>
            Unduh register (CSV)
          </button>
        </p>
      </div>
      <FormMessage kind="error">{csvError}</FormMessage>
      {fetching && !data && <p aria-busy="true">Memuat…</p>}
      {error && <p className="alert alert--error">{requestErrorMessage(error)}</p>}
      <section aria-labelledby="register-permohonan">
        <h2 id="register-permohonan">Register permohonan informasi {data ? `(${data.registerPermohonanInformasi.totalCount})` : ""}</h2>
        {data && list.length === 0 && <p className="card">Belum ada permohonan pada tahun ini.</p>}
        {list.length > 0 && (
          <div className="table-wrap">
            <table className="table">
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
                      <Link className="mono" to={`/ppid/permohonan/${rawId(p.id)}`}>
                        {p.nomorRegister}
                      </Link>
                      <span className="table__sub">{cuplikan(p.rincianInformasi)}</span>
                    </td>
                    <td>{p.pemohonNama}</td>
                    <td>
                      <PermohonanBadge status={p.status} />
                    </td>
                    <td className={p.terlambat ? "sla sla--late" : undefined}>
                      {p.status === "DITERIMA" || p.status === "DIPERPANJANG" ? `${formatDateTime(p.tenggat, p.instansi.zonaWaktu)} ${p.instansi.zonaWaktuLabel}` : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="register-keberatan">
        <h2 id="register-keberatan">Register keberatan</h2>
        {data && data.registerKeberatan.edges.length === 0 && <p className="card">Belum ada keberatan pada tahun ini.</p>}
        <ul className="request-list">
          {data?.registerKeberatan.edges.map(({ node: k }) => (
            <KeberatanRow key={k.id} k={k} canAnswer={canAnswer} />
          ))}
        </ul>
      </section>
    </>
  );
}

/** /ppid/permohonan/:id — extend once, or answer in writing (refusals cite Pasal 17 and the consequence test). */
export function PpidCasePage() {
  const { id = "" } = useParams();
  const valid = isUuid(id);
  const gid = toGlobalId("PermohonanInformasi", id);
  const [{ data, fetching, error }] = useQuery({ query: PpidCaseQuery, variables: { id: gid }, pause: !valid });
  const [{ data: live }] = useSubscription({ query: PpidCaseLiveSubscription, variables: { id: gid }, pause: !valid });
  const [mine, setMine] = useState<NonNullable<typeof live>["permohonanInformasiBerubah"] | null>(null);
  const node = data?.node?.__typename === "PermohonanInformasi" ? data.node : null;
  // an objection or its answer changes the request without a new versi: of equal versions the live copy is the newer
  const p = newest(node, mine, live?.permohonanInformasiBerubah);
  const [mode, setMode] = useState<null | "perpanjang" | "putuskan">(null);
  const [hari, setHari] = useState("7");
  const [alasan, setAlasan] = useState("");
  const [keputusan, setKeputusan] = useState<KeputusanPermohonan>("DIKABULKAN");
  const [catatan, setCatatan] = useState("");
  const [pasal, setPasal] = useState("");
  const [uji, setUji] = useState("");
  const [biaya, setBiaya] = useState("0");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [, perpanjang] = useMutation(PerpanjangMutation);
  const [, putuskan] = useMutation(PutuskanMutation);

  /** A value changed: its message (from the last check or the API) no longer applies. */
  function edited(key: string, set: (v: string) => void) {
    return (v: string) => {
      set(v);
      if (errors[key]) setErrors((x) => ({ ...x, [key]: "" }));
    };
  }

  if (!valid || (data && !node)) return <p>Permohonan tidak ditemukan. <Link to="/ppid">Kembali ke meja PPID</Link>.</p>;
  if (!p) return fetching || !error ? <p aria-busy="true">Memuat…</p> : <p className="alert alert--error">{requestErrorMessage(error)}</p>;
  const open = p.status === "DITERIMA" || p.status === "DIPERPANJANG";

  function place(res: { message: string; field?: string | null }, fields: string[]) {
    if (res.field && fields.includes(res.field)) setErrors({ [res.field]: res.message });
    else setFormError(res.message);
  }

  async function submitPerpanjang(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    const n = Number(hari);
    if (!Number.isInteger(n) || n < 1 || n > PERPANJANG_MAKS_HARI) local.hari = `Perpanjangan paling lama ${PERPANJANG_MAKS_HARI} hari kerja.`;
    if (alasan.trim().length < 10) local.alasan = "Alasan tertulis perpanjangan wajib diisi (minimal 10 karakter).";
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    const r = await perpanjang({ id: p!.id, versi: p!.versi, hari: n, alasan: alasan.trim() });
    const res = r.data?.perpanjangPermohonanInformasi;
    if (res?.__typename === "PerpanjangPermohonanInformasiSuccess") {
      setMine(res.data);
      setMode(null);
    } else if (res) place(errorOf(res), ["hari", "alasan"]);
    else setFormError(requestErrorMessage(r.error));
  }

  async function submitPutusan(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (catatan.trim().length < 5) local.catatan = "Isi jawaban tertulis wajib diisi (minimal 5 karakter).";
    if (keputusan !== "DIKABULKAN") {
      if (!pasal) local.pasalPengecualian = "Sebutkan kategori pengecualian UU 14/2008 Pasal 17 (huruf a–j).";
      if (uji.trim().length < 20) local.ujiKonsekuensi = "Uraian uji konsekuensi wajib diisi (minimal 20 karakter).";
    }
    const b = Number(biaya || "0");
    if (!Number.isInteger(b) || b < 0) local.biaya = "Biaya (hanya biaya salinan) harus 0 atau lebih.";
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    const r = await putuskan({ id: p!.id, versi: p!.versi, keputusan, catatan: catatan.trim(), pasalPengecualian: keputusan === "DIKABULKAN" ? null : pasal, ujiKonsekuensi: keputusan === "DIKABULKAN" ? null : uji.trim(), biaya: b });
    const res = r.data?.putuskanPermohonanInformasi;
    if (res?.__typename === "PutuskanPermohonanInformasiSuccess") {
      setMine(res.data);
      setMode(null);
    } else if (res) place(errorOf(res), ["catatan", "pasalPengecualian", "ujiKonsekuensi", "biaya"]);
    else setFormError(requestErrorMessage(r.error));
  }

  return (
    <div className="narrow narrow--wide">
      <p className="breadcrumb">
        <Link to="/ppid">Meja PPID</Link>
      </p>
      <PageTitle>Permohonan informasi</PageTitle>
      {open && (
        <section className="card" aria-label="Tindakan">
          <div className="actions" role="group" aria-label="Tindakan">
            <button type="button" className="button button--primary" aria-expanded={mode === "putuskan"} onClick={() => setMode(mode === "putuskan" ? null : "putuskan")}>
              Beri jawaban
            </button>
            {p.status === "DITERIMA" && (
              <button type="button" className="button button--secondary" aria-expanded={mode === "perpanjang"} onClick={() => setMode(mode === "perpanjang" ? null : "perpanjang")}>
                Perpanjang waktu
              </button>
            )}
          </div>
          {p.status === "DIPERPANJANG" && <p className="muted small">Jangka waktu sudah diperpanjang satu kali; tidak dapat diperpanjang lagi (UU 14/2008 Pasal 22 ayat 8).</p>}
          {mode === "perpanjang" && (
            <form className="form action-panel" noValidate onSubmit={submitPerpanjang} aria-label="Perpanjang waktu">
              <Field name="hari" label={`Tambahan hari kerja (paling lama ${PERPANJANG_MAKS_HARI})`} error={errors.hari}>
                {(props) => <input {...props} type="text" inputMode="numeric" className="input--short" value={hari} onChange={(e) => edited("hari", setHari)(e.target.value.replace(/\D/g, ""))} />}
              </Field>
              <Field name="alasan" label="Alasan tertulis" hint="Pemohon membaca alasan ini. Perpanjangan hanya satu kali." error={errors.alasan}>
                {(props) => <textarea {...props} rows={3} value={alasan} onChange={(e) => edited("alasan", setAlasan)(e.target.value)} />}
              </Field>
              <FormMessage kind="error">{formError}</FormMessage>
              <div className="form__actions">
                <button type="submit" className="button button--primary">
                  Perpanjang
                </button>
              </div>
            </form>
          )}
          {mode === "putuskan" && (
            <form className="form action-panel" noValidate onSubmit={submitPutusan} aria-label="Beri jawaban">
              <fieldset className="choice">
                <legend className="field__label">Keputusan</legend>
                <div className="choice__options">
                  {(
                    [
                      ["DIKABULKAN", "Dikabulkan"],
                      ["DIKABULKAN_SEBAGIAN", "Dikabulkan sebagian"],
                      ["DITOLAK", "Ditolak"],
                    ] as const
                  ).map(([v, l]) => (
                    <label key={v} className="choice__option">
                      <input type="radio" name="keputusan" value={v} checked={keputusan === v} onChange={() => setKeputusan(v)} /> {l}
                    </label>
                  ))}
                </div>
              </fieldset>
              <Field name="catatan" label="Jawaban tertulis" hint="Pemohon menerima jawaban ini." error={errors.catatan}>
                {(props) => <textarea {...props} rows={4} value={catatan} onChange={(e) => edited("catatan", setCatatan)(e.target.value)} />}
              </Field>
              {keputusan !== "DIKABULKAN" && (
                <>
                  <Field name="pasalPengecualian" label="Dasar pengecualian (UU 14/2008 Pasal 17)" error={errors.pasalPengecualian}>
                    {(props) => (
                      <select {...props} value={pasal} onChange={(e) => edited("pasalPengecualian", setPasal)(e.target.value)}>
                        <option value="">— Pilih huruf —</option>
                        {Object.entries(PENGECUALIAN_PASAL_17).map(([h, l]) => (
                          <option key={h} value={h}>
                            {h}. {l}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field name="ujiKonsekuensi" label="Uji konsekuensi" hint="Akibat yang timbul bila informasi dibuka." error={errors.ujiKonsekuensi}>
                    {(props) => <textarea {...props} rows={3} value={uji} onChange={(e) => edited("ujiKonsekuensi", setUji)(e.target.value)} />}
                  </Field>
                </>
              )}
              <Field name="biaya" label="Biaya salinan (rupiah)" hint="Hanya biaya penggandaan; 0 bila tidak ada." error={errors.biaya}>
                {(props) => <input {...props} type="text" inputMode="numeric" className="input--short" value={biaya} onChange={(e) => edited("biaya", setBiaya)(e.target.value.replace(/\D/g, ""))} />}
              </Field>
              <FormMessage kind="error">{formError}</FormMessage>
              <div className="form__actions">
                <button type="submit" className="button button--primary">
                  Kirim jawaban
                </button>
              </div>
            </form>
          )}
          <LiveNote />
        </section>
      )}
      <PermohonanView permohonan={p} />
    </div>
  );
}

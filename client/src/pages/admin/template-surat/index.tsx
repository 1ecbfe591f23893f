import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { CardSection } from "../../../components/card-section";
import { ErrorSummary } from "../../../components/error-summary";
import { Field, FormMessage } from "../../../components/field";
import { HelpLink } from "../../../components/help-link";
import { PageTitle } from "../../../components/page-title";
import { RequireRole } from "../../../components/require-role";
import { errorOf, focusFirstError, problemsOf, requestErrorMessage, type FieldErrors } from "../../../lib/errors";
import { acceptAttr, checkFile } from "../../../lib/files";
import { formatDateTime } from "../../../lib/format";
import { isUuid, toGlobalId } from "../../../lib/ids";
import { uploadMutation } from "../../../lib/upload";
import type { Perancang } from "./designer";
import { SimpanTemplateSuratMutation, TemplateSuratQueryDoc } from "./documents";
import { bidangSumber, bidangTeksBebas, keDesigner, keSkema, namaBidangMasalah, posisiMasalah, skemaAwal, type SkemaSurat } from "./konversi";

/** The kop surat the API accepts (server/modules/surat/template-service.ts KOP_MAKS_BYTES and kopFromUpload). */
const KOP_JENIS = ["application/pdf", "image/png", "image/jpeg"] as const;
const KOP_MAKS_BYTES = 2 * 1024 * 1024;
const FIELDS_FORM = ["kodeKlasifikasi", "catatan", "kopSurat"] as const;

interface Versi {
  id: string;
  versi: number;
  skema: unknown;
  catatan: string;
  kodeKlasifikasi: string;
  dibuatOleh: string | null;
  createdAt: string;
  pratinjauUrl: string;
}

/** A problem about one field of the designer: its key (`skema.schemas.<page>.<index>`), name and page. */
interface MasalahDiPerancang {
  key: string;
  nama: string | null;
  halaman: number;
  pesan: string;
}

function Editor({ id }: { id: string }) {
  const layananId = toGlobalId("Layanan", id);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: TemplateSuratQueryDoc, variables: { layananId } });
  const [, simpan] = useMutation(SimpanTemplateSuratMutation);
  const layanan = data?.node?.__typename === "Layanan" ? data.node : null;
  const [baru, setBaru] = useState<Versi[]>([]);
  const versi = useMemo(() => {
    const all = [...baru, ...(data?.templateSuratList ?? [])];
    return all.filter((v, i) => all.findIndex((w) => w.id === v.id) === i).sort((a, b) => b.versi - a.versi);
  }, [baru, data]);
  const sumber = data?.sumberTemplateSurat ?? [];

  const container = useRef<HTMLDivElement>(null);
  const perancang = useRef<Perancang | null>(null);
  const basePdf = useRef<unknown>(null);
  const [status, setStatus] = useState<"memuat" | "siap" | "gagal">("memuat");
  const [dimuat, setDimuat] = useState<string | null>(null);

  const [kode, setKode] = useState<string | null>(null);
  const [catatan, setCatatan] = useState("");
  const [kop, setKop] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [masalah, setMasalah] = useState<MasalahDiPerancang[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [tersimpan, setTersimpan] = useState<Versi | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const order = useMemo(() => [...new Set(masalah.map((m) => m.key)), ...FIELDS_FORM], [masalah]);

  const loaded = !!data && !!layanan;
  const terbaru = versi[0] ?? null;
  // the newest version opens in the designer once, when the page has its data; a service without one gets a start
  const awal = useRef<{ skema: unknown; label: string } | null>(null);
  if (loaded && !awal.current) {
    awal.current = terbaru
      ? { skema: terbaru.skema, label: `versi ${terbaru.versi}` }
      : { skema: skemaAwal(), label: "tata letak awal (belum ada versi tersimpan)" };
  }

  useEffect(() => {
    if (!loaded || !container.current || !awal.current) return;
    let batal = false;
    const start = awal.current;
    import("./designer")
      .then((m) => {
        if (batal || !container.current) return;
        basePdf.current = m.HALAMAN_KOSONG;
        perancang.current = m.buatPerancang(container.current, keDesigner(start.skema, m.HALAMAN_KOSONG), () => setTersimpan(null));
        setDimuat(start.label);
        setStatus("siap");
      })
      .catch(() => {
        if (!batal) setStatus("gagal");
      });
    return () => {
      batal = true;
      perancang.current?.hancurkan();
      perancang.current = null;
    };
  }, [loaded]);

  // one wrong field takes focus itself; two or more, the error summary does (it focuses itself)
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per attempt, with that attempt's messages
  useEffect(() => {
    if (attempt) focusFirstError(formRef.current, order, errors);
  }, [attempt]);

  if (!data)
    return error ? (
      <p className="alert alert--error">
        {requestErrorMessage(error)} <HelpLink inline />
      </p>
    ) : (
      <p aria-busy="true">Memuat…</p>
    );
  if (!layanan) return <p>Layanan tidak ditemukan.</p>;

  function tambah(buat: (halaman: ReturnType<Perancang["ambil"]>["schemas"][number]) => ReturnType<typeof bidangSumber>) {
    const p = perancang.current;
    if (!p) return;
    const t = p.ambil();
    const h = Math.min(Math.max(p.halamanAktif(), 0), t.schemas.length - 1);
    const page = t.schemas[h] ?? [];
    const field = buat(page);
    const schemas = t.schemas.map((x, i) => (i === h ? [...x, field] : x));
    p.pasang({ ...t, schemas });
    p.pilih(h, field.name);
    setTersimpan(null);
  }

  function muat(v: Versi) {
    const p = perancang.current;
    if (!p) return;
    p.pasang(keDesigner(v.skema, basePdf.current));
    setDimuat(`versi ${v.versi}`);
    setKode(v.kodeKlasifikasi);
    setMasalah([]);
    setErrors({});
  }

  function tampilkan(next: { masalah: MasalahDiPerancang[]; fields: FieldErrors; form: string | null }) {
    const all: FieldErrors = { ...next.fields };
    for (const m of next.masalah) all[m.key] = all[m.key] ? `${all[m.key]} ${m.pesan}` : m.pesan;
    setMasalah(next.masalah);
    setErrors(all);
    setFormError(next.form);
    setAttempt((n) => n + 1);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = perancang.current;
    setTersimpan(null);
    if (!p) return tampilkan({ masalah: [], fields: {}, form: "Perancang belum dimuat." });
    const { skema, masalah: lokal } = keSkema(p.ambil());
    if (lokal.length) {
      return tampilkan({
        masalah: lokal.map((m) => ({ key: `skema.schemas.${m.halaman}.${m.indeks}`, nama: m.nama, halaman: m.halaman, pesan: m.pesan })),
        fields: {},
        form: null,
      });
    }
    const variables = {
      layananId,
      skema,
      catatan: catatan.trim() || null,
      kodeKlasifikasi: (kode ?? terbaru?.kodeKlasifikasi ?? "").trim(),
      ...(kop ? { kopSurat: kop } : {}),
    };
    setBusy(true);
    const r = kop ? await uploadMutation(SimpanTemplateSuratMutation, variables) : await simpan(variables);
    setBusy(false);
    const res = r.data?.simpanTemplateSurat;
    if (!res) {
      const failure = "failure" in r ? r.failure : "error" in r ? requestErrorMessage(r.error) : null;
      return tampilkan({ masalah: [], fields: {}, form: failure ?? "Terjadi kesalahan. Silakan coba lagi beberapa saat lagi." });
    }
    if (res.__typename === "SimpanTemplateSuratSuccess") {
      const v = res.data as Versi;
      setBaru((x) => [v, ...x]);
      setTersimpan(v);
      setDimuat(`versi ${v.versi}`);
      setCatatan("");
      setKop(null);
      setKode(v.kodeKlasifikasi);
      tampilkan({ masalah: [], fields: {}, form: null });
      reexecute({ requestPolicy: "network-only" });
      return;
    }
    tampilkan(letakkan(skema, problemsOf(errorOf(res))));
  }

  const masalahKop = errors.kopSurat;
  return (
    <>
      <p className="lead">{layanan.nama}</p>
      <CardSection id="ts-versi" title="Versi template">
        {versi.length === 0 ? (
          <p>Layanan ini belum memiliki template surat hasil. Perancang di bawah dibuka dengan tata letak awal.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Versi</th>
                  <th scope="col">Disimpan</th>
                  <th scope="col">Oleh</th>
                  <th scope="col">Catatan</th>
                  <th scope="col">Kode klasifikasi</th>
                  <th scope="col">
                    <span className="sr-only">Tindakan</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {versi.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      {v.versi}
                      {v === terbaru && <span className="muted"> (terbaru)</span>}
                    </th>
                    <td>{formatDateTime(v.createdAt)}</td>
                    <td>{v.dibuatOleh ?? <span className="muted">Bawaan Loket</span>}</td>
                    <td>{v.catatan || <span className="muted">—</span>}</td>
                    <td>{v.kodeKlasifikasi || <span className="muted">—</span>}</td>
                    <td>
                      <a href={v.pratinjauUrl} target="_blank" rel="noopener">
                        Pratinjau PDF<span className="sr-only"> versi {v.versi}</span>
                      </a>{" "}
                      <button type="button" className="button button--quiet button--small" disabled={status !== "siap"} onClick={() => muat(v)}>
                        Buka di perancang<span className="sr-only"> versi {v.versi}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardSection>

      <CardSection id="ts-perancang" title="Perancang">
        <p className="field__hint">
          Perancang memakai halaman A4 kosong: kop surat tidak tampil di sini. Surat dicetak di atas kop surat versi terakhir, atau di atas berkas kop surat
          yang Anda unggah saat menyimpan. Sisakan ruang sekitar 45 mm di bagian atas halaman untuk kop, lalu periksa hasilnya dengan “Pratinjau PDF” setelah
          menyimpan.
        </p>
        {dimuat && status === "siap" && <p className="small">Dibuka: {dimuat}.</p>}
        <div style={{ display: "grid", gridTemplateColumns: "minmax(14rem, 20rem) minmax(0, 1fr)", gap: "1rem", alignItems: "start" }}>
          <aside aria-labelledby="ts-sumber" style={{ maxHeight: "80vh", overflowY: "auto" }}>
            <h3 id="ts-sumber">Sumber data</h3>
            <p className="small">
              Tambahkan sebagai bidang, atau tulis <code>{"{kunci}"}</code> di dalam teks bebas.
            </p>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={status !== "siap"}
              onClick={() => tambah((h) => bidangTeksBebas(h))}
            >
              Tambah teks bebas
            </button>
            <ul className="plain-list">
              {sumber.map((s) => (
                <li key={s.kunci}>
                  <code>{s.kunci}</code> <span className="small">{s.keterangan}</span>{" "}
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    disabled={status !== "siap"}
                    onClick={() => tambah((h) => bidangSumber(s.kunci, h))}
                  >
                    {s.kunci === "verifikasi.qr" ? "Tambah kode QR" : "Tambah teks"}
                    <span className="sr-only"> {s.kunci}</span>
                  </button>
                </li>
              ))}
            </ul>
          </aside>
          <div>
            {status === "memuat" && <p aria-busy="true">Memuat perancang…</p>}
            {status === "gagal" && <p className="alert alert--error">Perancang tidak dapat dimuat. Muat ulang halaman ini, lalu coba lagi.</p>}
            <div ref={container} data-testid="perancang" style={{ height: "80vh", minHeight: 520 }} />
          </div>
        </div>
      </CardSection>

      <form ref={formRef} className="card" noValidate onSubmit={submit} aria-labelledby="ts-simpan">
        <h2 id="ts-simpan">Simpan versi baru</h2>
        <ErrorSummary formRef={formRef} fields={order} errors={errors} attempt={attempt} />
        {masalah.length > 0 && (
          <fieldset className="choice">
            <legend className="field__label">Bidang di perancang</legend>
            <ul className="plain-list">
              {masalah.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one field may have several problems; the list is replaced whole
                <li key={`${m.key}-${i}`}>
                  <span className="field__error">
                    <span aria-hidden="true">⚠ </span>
                    {m.pesan}
                  </span>{" "}
                  <button
                    type="button"
                    name={m.key}
                    className="button button--quiet button--small"
                    disabled={!m.nama}
                    onClick={() => m.nama && perancang.current?.pilih(m.halaman, m.nama)}
                  >
                    Tunjukkan bidang “{m.nama ?? "?"}” (halaman {m.halaman + 1})
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <div className="form form--grid">
          <Field
            name="kodeKlasifikasi"
            label="Kode klasifikasi"
            hint="Dipakai dalam nomor surat ({kode}), mis. 400.12. Kosongkan bila tidak ada."
            required={false}
            error={errors.kodeKlasifikasi}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                spellCheck={false}
                value={kode ?? terbaru?.kodeKlasifikasi ?? ""}
                onChange={(e) => {
                  setKode(e.target.value);
                  setErrors((x) => ({ ...x, kodeKlasifikasi: "" }));
                }}
              />
            )}
          </Field>
          <Field name="catatan" label="Catatan versi" hint="Apa yang berubah, mis. “Nama pejabat diganti”." required={false} error={errors.catatan}>
            {(props) => (
              <textarea
                {...props}
                rows={2}
                maxLength={500}
                value={catatan}
                onChange={(e) => {
                  setCatatan(e.target.value);
                  setErrors((x) => ({ ...x, catatan: "" }));
                }}
              />
            )}
          </Field>
        </div>
        <Field
          name="kopSurat"
          label="Kop surat baru"
          hint="PDF, atau gambar PNG/JPEG yang diletakkan di bagian atas halaman A4; paling besar 2 MB. Tanpa berkas, kop surat versi terakhir dipakai."
          required={false}
          error={masalahKop}
        >
          {(props) => (
            <input
              {...props}
              type="file"
              accept={acceptAttr(KOP_JENIS)}
              onChange={(e) => {
                const f = e.target.files?.[0] ?? null;
                const problem = f ? checkFile(f, KOP_JENIS, KOP_MAKS_BYTES) : null;
                if (problem) e.target.value = "";
                setKop(problem ? null : f);
                setErrors((x) => ({ ...x, kopSurat: problem ?? "" }));
              }}
            />
          )}
        </Field>
        <FormMessage kind="error">{formError}</FormMessage>
        {tersimpan && (
          <div className="alert alert--success" role="status">
            Versi {tersimpan.versi} tersimpan.{" "}
            <a href={tersimpan.pratinjauUrl} target="_blank" rel="noopener">
              Pratinjau PDF versi {tersimpan.versi}
            </a>
          </div>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || status !== "siap" || fetching}>
            {busy ? "Menyimpan…" : "Simpan sebagai versi baru"}
          </button>
        </div>
      </form>
    </>
  );
}

/**
 * The API's problems: a field of the template (`skema.schemas.<page>.<index>` of the `skema` sent) by its name in the
 * designer, the form's own fields at their control, anything else (the template as a whole, the service) for the form.
 */
export function letakkan(
  skema: SkemaSurat,
  problems: ReadonlyArray<{ message: string; field?: string | null }>,
): { masalah: MasalahDiPerancang[]; fields: FieldErrors; form: string | null } {
  const masalah: MasalahDiPerancang[] = [];
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const p of problems) {
    const at = posisiMasalah(p.field);
    if (at && p.field) masalah.push({ key: p.field, nama: namaBidangMasalah(skema, p.field), halaman: at.halaman, pesan: p.message });
    else if (p.field && (FIELDS_FORM as readonly string[]).includes(p.field)) fields[p.field] ||= p.message;
    else if (!rest.includes(p.message)) rest.push(p.message);
  }
  return { masalah, fields, form: rest.length ? rest.join(" ") : null };
}

export default function TemplateSuratPage() {
  const { id } = useParams();
  return (
    <RequireRole role="admin">
      <p className="breadcrumb">
        <Link to="/admin/layanan">Standar pelayanan</Link>
        {isUuid(id) && (
          <>
            {" › "}
            <Link to={`/admin/layanan/${id}`}>Ubah standar pelayanan</Link>
          </>
        )}
      </p>
      <PageTitle>Template surat hasil</PageTitle>
      {isUuid(id) ? <Editor key={id} id={id} /> : <p>Layanan tidak ditemukan.</p>}
    </RequireRole>
  );
}

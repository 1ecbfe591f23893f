import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useMutation, useQuery, useSubscription } from "urql";
import type { KeputusanPermohonan } from "../../../gql/graphql";
import { Field, FormMessage } from "../../../components/field";
import { LiveNote } from "../../../components/live-note";
import { PageTitle } from "../../../components/page-title";
import { PermohonanView } from "../../../components/permohonan-view";
import { requestErrorMessage, type FieldErrors, errorOf } from "../../../lib/errors";
import { isUuid, toGlobalId } from "../../../lib/ids";
import { newest } from "../../../lib/live";
import { PENGECUALIAN_PASAL_17, PERPANJANG_MAKS_HARI } from "../../../../../server/shared/ppid";
import { PpidCaseQuery, PpidCaseLiveSubscription, PerpanjangMutation, PutuskanMutation } from "./documents";

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
  // the steps the API allows this viewer now (the PPID desk's, in this state)
  const open = p.aksiTersedia.includes("PUTUSKAN");

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
            {p.aksiTersedia.includes("PERPANJANG") && (
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

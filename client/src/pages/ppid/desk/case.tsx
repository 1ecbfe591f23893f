import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useMutation, useQuery, useSubscription } from "urql";
import type { KeputusanPermohonan } from "../../../gql/graphql";
import { ErrorSummary } from "../../../components/error-summary";
import { Field, FormMessage } from "../../../components/field";
import { LiveNote } from "../../../components/live-note";
import { Loading } from "../../../components/page-state";
import { PageTitle } from "../../../components/page-title";
import { PermohonanView } from "../../../components/permohonan-view";
import type { FieldErrors } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { showFailure } from "../../../lib/form-failure";
import { isUuid, toGlobalId } from "../../../lib/ids";
import { newest } from "../../../lib/live";
import { PENGECUALIAN_PASAL_17, PERPANJANG_MAKS_HARI } from "../../../../../server/shared/ppid";
import { PpidCaseQuery, PpidCaseLiveSubscription, PerpanjangMutation, PutuskanMutation } from "./documents";

const PERPANJANG_FIELDS = ["hari", "alasan"];
const PUTUSAN_FIELDS = ["keputusan", "catatan", "pasalPengecualian", "ujiKonsekuensi", "biaya"];

interface Putusan {
  keputusan: KeputusanPermohonan;
  catatan: string;
  pasalPengecualian: string;
  ujiKonsekuensi: string;
  biaya: string;
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
  const extend = useForm({ hari: "7", alasan: "" }, PERPANJANG_FIELDS);
  const answer = useForm<Putusan>({ keputusan: "DIKABULKAN", catatan: "", pasalPengecualian: "", ujiKonsekuensi: "", biaya: "0" }, PUTUSAN_FIELDS);
  const [, perpanjang] = useMutation(PerpanjangMutation);
  const [, putuskan] = useMutation(PutuskanMutation);

  if (!valid || (data && !node))
    return (
      <p>
        Permohonan tidak ditemukan. <Link to="/ppid">Kembali ke meja PPID</Link>.
      </p>
    );
  if (!p) return <Loading fetching={fetching} error={error} />;
  // the steps the API allows this viewer now (the PPID desk's, in this state)
  const open = p.aksiTersedia.includes("PUTUSKAN");

  async function submitPerpanjang(e: FormEvent) {
    e.preventDefault();
    const { hari, alasan } = extend.values;
    const local: FieldErrors = {};
    const n = Number(hari);
    if (!Number.isInteger(n) || n < 1 || n > PERPANJANG_MAKS_HARI) local.hari = `Perpanjangan paling lama ${PERPANJANG_MAKS_HARI} hari kerja.`;
    if (alasan.trim().length < 10) local.alasan = "Alasan tertulis perpanjangan wajib diisi (minimal 10 karakter).";
    extend.setFormError(null);
    if (!extend.checked(local)) return;
    const r = await perpanjang({ id: p!.id, versi: p!.versi, hari: n, alasan: alasan.trim() });
    const res = r.data?.perpanjangPermohonanInformasi;
    if (res?.__typename !== "PerpanjangPermohonanInformasiSuccess") return showFailure(extend, res, r.error);
    setMine(res.data);
    setMode(null);
  }

  async function submitPutusan(e: FormEvent) {
    e.preventDefault();
    const { keputusan, catatan, pasalPengecualian: pasal, ujiKonsekuensi: uji, biaya } = answer.values;
    const local: FieldErrors = {};
    if (catatan.trim().length < 5) local.catatan = "Isi jawaban tertulis wajib diisi (minimal 5 karakter).";
    if (keputusan !== "DIKABULKAN") {
      if (!pasal) local.pasalPengecualian = "Sebutkan kategori pengecualian UU 14/2008 Pasal 17 (huruf a–j).";
      if (uji.trim().length < 20) local.ujiKonsekuensi = "Uraian uji konsekuensi wajib diisi (minimal 20 karakter).";
    }
    const b = Number(biaya || "0");
    if (!Number.isInteger(b) || b < 0) local.biaya = "Biaya (hanya biaya salinan) harus 0 atau lebih.";
    answer.setFormError(null);
    if (!answer.checked(local)) return;
    const r = await putuskan({
      id: p!.id,
      versi: p!.versi,
      keputusan,
      catatan: catatan.trim(),
      pasalPengecualian: keputusan === "DIKABULKAN" ? null : pasal,
      ujiKonsekuensi: keputusan === "DIKABULKAN" ? null : uji.trim(),
      biaya: b,
    });
    const res = r.data?.putuskanPermohonanInformasi;
    if (res?.__typename !== "PutuskanPermohonanInformasiSuccess") return showFailure(answer, res, r.error);
    setMine(res.data);
    setMode(null);
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
            <button
              type="button"
              className="button button--primary"
              aria-expanded={mode === "putuskan"}
              onClick={() => setMode(mode === "putuskan" ? null : "putuskan")}
            >
              Beri jawaban
            </button>
            {p.aksiTersedia.includes("PERPANJANG") && (
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={mode === "perpanjang"}
                onClick={() => setMode(mode === "perpanjang" ? null : "perpanjang")}
              >
                Perpanjang waktu
              </button>
            )}
          </div>
          {p.status === "DIPERPANJANG" && (
            <p className="muted small">Jangka waktu sudah diperpanjang satu kali; tidak dapat diperpanjang lagi (UU 14/2008 Pasal 22 ayat 8).</p>
          )}
          {mode === "perpanjang" && (
            <form ref={extend.formRef} className="form action-panel" noValidate onSubmit={submitPerpanjang} aria-label="Perpanjang waktu">
              <ErrorSummary {...extend.summary} />
              <Field name="hari" label={`Tambahan hari kerja (paling lama ${PERPANJANG_MAKS_HARI})`} error={extend.errors.hari}>
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    inputMode="numeric"
                    className="input--short"
                    value={extend.values.hari}
                    onChange={(e) => extend.set("hari", e.target.value.replace(/\D/g, ""))}
                  />
                )}
              </Field>
              <Field name="alasan" label="Alasan tertulis" hint="Pemohon membaca alasan ini. Perpanjangan hanya satu kali." error={extend.errors.alasan}>
                {(props) => <textarea {...props} rows={3} value={extend.values.alasan} onChange={(e) => extend.set("alasan", e.target.value)} />}
              </Field>
              <FormMessage kind="error">{extend.formError}</FormMessage>
              <div className="form__actions">
                <button type="submit" className="button button--primary">
                  Perpanjang
                </button>
              </div>
            </form>
          )}
          {mode === "putuskan" && (
            <form ref={answer.formRef} className="form action-panel" noValidate onSubmit={submitPutusan} aria-label="Beri jawaban">
              <ErrorSummary {...answer.summary} />
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
                      <input type="radio" name="keputusan" value={v} checked={answer.values.keputusan === v} onChange={() => answer.set("keputusan", v)} /> {l}
                    </label>
                  ))}
                </div>
              </fieldset>
              <Field name="catatan" label="Jawaban tertulis" hint="Pemohon menerima jawaban ini." error={answer.errors.catatan}>
                {(props) => <textarea {...props} rows={4} value={answer.values.catatan} onChange={(e) => answer.set("catatan", e.target.value)} />}
              </Field>
              {answer.values.keputusan !== "DIKABULKAN" && (
                <>
                  <Field name="pasalPengecualian" label="Dasar pengecualian (UU 14/2008 Pasal 17)" error={answer.errors.pasalPengecualian}>
                    {(props) => (
                      <select {...props} value={answer.values.pasalPengecualian} onChange={(e) => answer.set("pasalPengecualian", e.target.value)}>
                        <option value="">— Pilih huruf —</option>
                        {Object.entries(PENGECUALIAN_PASAL_17).map(([h, l]) => (
                          <option key={h} value={h}>
                            {h}. {l}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field name="ujiKonsekuensi" label="Uji konsekuensi" hint="Akibat yang timbul bila informasi dibuka." error={answer.errors.ujiKonsekuensi}>
                    {(props) => (
                      <textarea {...props} rows={3} value={answer.values.ujiKonsekuensi} onChange={(e) => answer.set("ujiKonsekuensi", e.target.value)} />
                    )}
                  </Field>
                </>
              )}
              <Field name="biaya" label="Biaya salinan (rupiah)" hint="Hanya biaya penggandaan; 0 bila tidak ada." error={answer.errors.biaya}>
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    inputMode="numeric"
                    className="input--short"
                    value={answer.values.biaya}
                    onChange={(e) => answer.set("biaya", e.target.value.replace(/\D/g, ""))}
                  />
                )}
              </Field>
              <FormMessage kind="error">{answer.formError}</FormMessage>
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

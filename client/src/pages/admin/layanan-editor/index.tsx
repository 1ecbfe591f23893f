import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { useFragment } from "../../../gql";
import type { FormFieldType, SlaSatuan } from "../../../gql/graphql";
import { CardSection } from "../../../components/card-section";
import { Checkbox, Field, FormMessage } from "../../../components/field";
import { PageTitle } from "../../../components/page-title";
import { RequireRole } from "../../../components/require-role";
import { KOMPONEN_TEKS, LazyFlowchart, StandarPelayanan_LayananFragment } from "../../../components/standar-pelayanan";
import { focusFirstError, requestErrorMessage, type FieldErrors, errorOf, problemsOf } from "../../../lib/errors";
import { formatUkuran } from "../../../lib/files";
import { useFieldErrors } from "../../../lib/form";
import { isUuid, rawId, toGlobalId } from "../../../lib/ids";
import { SLA_SATUAN_LABEL } from "../../../lib/labels";
import { useSession } from "../../../lib/session";
import { LayananEditorQueryDoc, CreateLayananMutation, UpdateLayananMutation } from "./documents";
import { checkEditor } from "./checks";
import { ItemTools, TemplateUpload } from "./parts";
import { MIME_CHOICES, SIZE_CHOICES, FIELD_TYPES, type SlotState, type FieldState, type EditorState, emptyState, fromLoaded } from "./state";
import { HelpLink } from "../../../components/help-link";
import { KunjunganKantor } from "./kunjungan";

function Editor({ id }: { id: string | null }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: LayananEditorQueryDoc, variables: { id: toGlobalId("Layanan", id ?? "") }, pause: !id });
  const loaded = data?.node?.__typename === "Layanan" ? data.node : null;
  const contoh = useFragment(StandarPelayanan_LayananFragment, loaded)?.contoh;
  const [s, setS] = useState<EditorState>(emptyState);
  const [ready, setReady] = useState(!id);
  // its fields come and go with the rows, so it keeps its own order of focus rather than useForm's fixed list
  const { errors, setErrors, clear } = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [, create] = useMutation(CreateLayananMutation);
  const [{ fetching: saving }, update] = useMutation(UpdateLayananMutation);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (loaded && !ready) {
      setS(fromLoaded(loaded));
      setReady(true);
    }
  }, [loaded, ready]);

  function set<K extends keyof EditorState>(key: K, value: EditorState[K]) {
    setS((x) => ({ ...x, [key]: value }));
    clear(key);
    setSaved(null);
  }
  function setSlot(i: number, patch: Partial<SlotState>) {
    setS((x) => ({ ...x, persyaratan: x.persyaratan.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
    setSaved(null);
  }
  function setField(i: number, patch: Partial<FieldState>) {
    setS((x) => ({ ...x, formFields: x.formFields.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
    setSaved(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { input: fields, persyaratan, formFields, errors: local } = checkEditor(s, !id);
    setErrors(local);
    setFormError(null);
    setSaved(null);
    const order = Object.keys(local);
    if (order.length) return focusFirstError(formRef.current, order, local);

    // the flowchart is drawn here, once, and saved as SVG with its source: citizens' pages show the picture
    // without downloading mermaid
    const flow = fields.prosedurFlowchart;
    let prosedurFlowchartSvg: string | null = null;
    if (flow) {
      try {
        prosedurFlowchartSvg = await (await import("../../../components/flowchart-render")).renderFlowchartSvg(flow);
      } catch {
        const drawn = { prosedurFlowchart: "Bagan alir tidak dapat digambar dari kode ini. Periksa penulisannya dengan “Pratinjau bagan”." };
        setErrors(drawn);
        return focusFirstError(formRef.current, ["prosedurFlowchart"], drawn);
      }
    }
    const input = { ...fields, prosedurFlowchartSvg };
    const r = id
      ? await update({ id: toGlobalId("Layanan", id), input, persyaratan, formFields })
      : await create({ instansiId: me?.instansi?.id ?? "", input, persyaratan, formFields });
    const res = r.data ? ("updateLayanan" in r.data ? r.data.updateLayanan : r.data.createLayanan) : null;
    if (!res) return setFormError(requestErrorMessage(r.error));
    if (res.__typename === "UpdateLayananSuccess" || res.__typename === "CreateLayananSuccess") {
      setSaved("Standar pelayanan tersimpan.");
      if (!id) navigate(`/admin/layanan/${rawId(res.data.id)}`, { replace: true });
      else setReady(false); // take the saved copy (new slots get their ids)
      return;
    }
    // every problem at its field (the drawing's at its source); one without a field on the page is the form's
    const placed: FieldErrors = {};
    const unplaced: string[] = [];
    for (const p of problemsOf(errorOf(res))) {
      const field = p.field === "prosedurFlowchartSvg" ? "prosedurFlowchart" : (p.field ?? "");
      if (field && formRef.current?.querySelector(`[name="${field}"]`)) placed[field] ??= p.message;
      else unplaced.push(p.message);
    }
    setErrors(placed);
    if (unplaced.length) setFormError(unplaced.join(" "));
    if (Object.keys(placed).length) focusFirstError(formRef.current, Object.keys(placed), placed);
  }

  if (id && !loaded)
    return data ? (
      <p>Layanan tidak ditemukan.</p>
    ) : error ? (
      <p className="alert alert--error">
        {requestErrorMessage(error)} <HelpLink inline />
      </p>
    ) : (
      <p aria-busy="true">Memuat…</p>
    );
  if (!ready) return <p aria-busy="true">Memuat…</p>;

  const text = (key: keyof EditorState & string, label: string, opts: { rows?: number; hint?: string; required?: boolean } = {}) => (
    <Field name={key} label={label} hint={opts.hint} error={errors[key]} required={opts.required ?? false}>
      {(props) => <textarea {...props} rows={opts.rows ?? 3} value={s[key] as string} onChange={(e) => set(key, e.target.value as never)} />}
    </Field>
  );

  return (
    <form ref={formRef} className="editor" noValidate onSubmit={submit} aria-label="Standar pelayanan">
      {contoh && <p className="alert alert--info">Layanan ini data contoh. Sesuaikan dengan standar pelayanan resmi kantor sebelum dibuka untuk warga.</p>}
      <CardSection id="ed-umum" title="Identitas layanan">
        <div className="form form--grid">
          <Field name="nama" label="Nama layanan" error={errors.nama}>
            {(props) => <input {...props} type="text" value={s.nama} onChange={(e) => set("nama", e.target.value)} />}
          </Field>
          <Field name="kode" label="Kode" hint="Huruf, angka, tanda hubung; unik di kantor ini." error={errors.kode}>
            {(props) => <input {...props} type="text" autoCapitalize="characters" value={s.kode} onChange={(e) => set("kode", e.target.value.toUpperCase())} />}
          </Field>
          <Field name="kategori" label="Kategori" hint="Untuk saringan katalog, misalnya Kependudukan." error={errors.kategori} required={false}>
            {(props) => <input {...props} type="text" value={s.kategori} onChange={(e) => set("kategori", e.target.value)} />}
          </Field>
          <Field name="biaya" label="Biaya (rupiah)" hint="0 berarti gratis." error={errors.biaya}>
            {(props) => (
              <input {...props} type="text" inputMode="numeric" value={s.biaya} onChange={(e) => set("biaya", e.target.value.replace(/[^\d]/g, ""))} />
            )}
          </Field>
          <Field name="slaJumlah" label="Jangka waktu penyelesaian" error={errors.slaJumlah ?? errors.slaSatuan}>
            {(props) => (
              <div className="inline-inputs">
                <input
                  {...props}
                  type="text"
                  inputMode="numeric"
                  className="input--short"
                  value={s.slaJumlah}
                  onChange={(e) => set("slaJumlah", e.target.value.replace(/[^\d]/g, ""))}
                />
                <select aria-label="Satuan jangka waktu" name="slaSatuan" value={s.slaSatuan} onChange={(e) => set("slaSatuan", e.target.value as SlaSatuan)}>
                  {(Object.keys(SLA_SATUAN_LABEL) as SlaSatuan[]).map((k) => (
                    <option key={k} value={k}>
                      {SLA_SATUAN_LABEL[k]}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </Field>
        </div>
        {text("deskripsi", "Deskripsi singkat", { rows: 2 })}
        <fieldset className="choice">
          <legend className="field__label">Cara menerima hasil</legend>
          <Checkbox name="unduhOnline" checked={s.unduhOnline} onChange={(v) => set("unduhOnline", v)} error={errors.unduhOnline}>
            Diunduh dari Loket (Log Inbox)
          </Checkbox>
          <Checkbox name="ambilDiKantor" checked={s.ambilDiKantor} onChange={(v) => set("ambilDiKantor", v)}>
            Diambil di kantor
          </Checkbox>
        </fieldset>
        <Checkbox name="aktif" checked={s.aktif} onChange={(v) => set("aktif", v)}>
          Dibuka untuk pengajuan (tampil di katalog)
        </Checkbox>
      </CardSection>

      <CardSection id="ed-persyaratan" title="Dokumen persyaratan">
        {text("persyaratanKeterangan", "Persyaratan (uraian untuk warga)", { rows: 3 })}
        <ol className="editor-list">
          {s.persyaratan.map((p, i) => (
            <li key={p.id ?? `baru-${i}`} className="editor-item">
              <div className="form form--grid">
                <Field name={`persyaratan.${i}.label`} label={`Dokumen ${i + 1}`} error={errors[`persyaratan.${i}.label`]}>
                  {(props) => <input {...props} type="text" value={p.label} onChange={(e) => setSlot(i, { label: e.target.value })} />}
                </Field>
                <Field name={`persyaratan.${i}.maksBytes`} label="Ukuran maksimal" error={errors[`persyaratan.${i}.maksBytes`]}>
                  {(props) => (
                    <select {...props} value={p.maksBytes} onChange={(e) => setSlot(i, { maksBytes: Number(e.target.value) })}>
                      {[...new Set([...SIZE_CHOICES, p.maksBytes])]
                        .sort((a, b) => a - b)
                        .map((b) => (
                          <option key={b} value={b}>
                            {formatUkuran(b)}
                          </option>
                        ))}
                    </select>
                  )}
                </Field>
              </div>
              <Field name={`persyaratan.${i}.keterangan`} label="Keterangan" required={false} error={errors[`persyaratan.${i}.keterangan`]}>
                {(props) => <input {...props} type="text" value={p.keterangan} onChange={(e) => setSlot(i, { keterangan: e.target.value })} />}
              </Field>
              <fieldset className="choice choice--inline" aria-describedby={`jenis-${i}-msg`}>
                <legend className="field__label">Jenis berkas</legend>
                {MIME_CHOICES.map(([m, l]) => (
                  <label key={m} className="check">
                    <input
                      type="checkbox"
                      name={`persyaratan.${i}.jenisFile`}
                      checked={p.jenisFile.includes(m)}
                      onChange={(e) => setSlot(i, { jenisFile: e.target.checked ? [...p.jenisFile, m] : p.jenisFile.filter((x) => x !== m) })}
                    />{" "}
                    {l}
                  </label>
                ))}
                <p id={`jenis-${i}-msg`} className="field__message">
                  {errors[`persyaratan.${i}.jenisFile`] && <span className="field__error">⚠ {errors[`persyaratan.${i}.jenisFile`]}</span>}
                </p>
              </fieldset>
              {p.id && <TemplateUpload slotId={p.id} label={p.label} url={p.templateUrl ?? null} onDone={(url) => setSlot(i, { templateUrl: url })} />}
              <ItemTools
                items={s.persyaratan}
                i={i}
                onItems={(list) => set("persyaratan", list)}
                wajibText="Wajib diunggah"
                onWajib={(wajib) => setSlot(i, { wajib })}
                down
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            set("persyaratan", [
              ...s.persyaratan,
              { label: "", keterangan: "", wajib: true, jenisFile: ["application/pdf", "image/jpeg", "image/png"], maksBytes: 2 * 1024 * 1024 },
            ])
          }
        >
          Tambah dokumen persyaratan
        </button>
      </CardSection>

      <CardSection id="ed-formulir" title="Isian formulir">
        <ol className="editor-list">
          {s.formFields.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the fields are controlled and have no id before they are saved
            <li key={i} className="editor-item">
              <div className="form form--grid">
                <Field name={`formFields.${i}.label`} label={`Isian ${i + 1}: label`} error={errors[`formFields.${i}.label`]}>
                  {(props) => <input {...props} type="text" value={f.label} onChange={(e) => setField(i, { label: e.target.value })} />}
                </Field>
                <Field name={`formFields.${i}.nama`} label="Nama teknis" hint="Contoh: namaPasangan." error={errors[`formFields.${i}.nama`]}>
                  {(props) => <input {...props} type="text" spellCheck={false} value={f.nama} onChange={(e) => setField(i, { nama: e.target.value })} />}
                </Field>
                <Field name={`formFields.${i}.tipe`} label="Jenis isian" error={null}>
                  {(props) => (
                    <select {...props} value={f.tipe} onChange={(e) => setField(i, { tipe: e.target.value as FormFieldType })}>
                      {FIELD_TYPES.map(([k, l]) => (
                        <option key={k} value={k}>
                          {l}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field name={`formFields.${i}.bantuan`} label="Petunjuk" required={false} error={errors[`formFields.${i}.bantuan`]}>
                  {(props) => <input {...props} type="text" value={f.bantuan} onChange={(e) => setField(i, { bantuan: e.target.value })} />}
                </Field>
                {f.tipe === "SELECT" && (
                  <Field name={`formFields.${i}.opsi`} label="Pilihan (satu per baris)" error={errors[`formFields.${i}.opsi`]}>
                    {(props) => <textarea {...props} rows={3} value={f.opsi} onChange={(e) => setField(i, { opsi: e.target.value })} />}
                  </Field>
                )}
                {(f.tipe === "NUMBER" || f.tipe === "TEXT" || f.tipe === "TEXTAREA") && (
                  <div className="inline-inputs">
                    {(["min", "max"] as const).map((key) => (
                      <Field
                        key={key}
                        name={`formFields.${i}.${key}`}
                        label={`${f.tipe === "NUMBER" ? "Nilai" : "Panjang"} ${key === "min" ? "min" : "maks"}`}
                        required={false}
                        error={errors[`formFields.${i}.${key}`]}
                      >
                        {(props) => (
                          <input
                            {...props}
                            type="text"
                            inputMode="decimal"
                            className="input--short"
                            value={f[key]}
                            onChange={(e) => setField(i, { [key]: e.target.value })}
                          />
                        )}
                      </Field>
                    ))}
                  </div>
                )}
                {(f.tipe === "TEXT" || f.tipe === "TEXTAREA") && (
                  <Field
                    name={`formFields.${i}.pola`}
                    label="Pola (regex)"
                    hint="Untuk petugas teknis; kosongkan bila tidak perlu."
                    required={false}
                    error={errors[`formFields.${i}.pola`]}
                  >
                    {(props) => (
                      <input
                        {...props}
                        type="text"
                        className="mono"
                        spellCheck={false}
                        value={f.pola}
                        onChange={(e) => setField(i, { pola: e.target.value })}
                      />
                    )}
                  </Field>
                )}
              </div>
              <ItemTools items={s.formFields} i={i} onItems={(list) => set("formFields", list)} wajibText="Wajib" onWajib={(wajib) => setField(i, { wajib })} />
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            set("formFields", [...s.formFields, { nama: "", label: "", tipe: "TEXT", wajib: true, bantuan: "", opsi: "", min: "", max: "", pola: "" }])
          }
        >
          Tambah isian
        </button>
      </CardSection>

      <CardSection id="ed-prosedur" title="Prosedur">
        {text("prosedur", "Sistem, mekanisme, dan prosedur", { rows: 6 })}
        <Field
          name="prosedurFlowchart"
          label="Bagan alir (kode mermaid)"
          hint="Diawali “graph TD”. Kosongkan bila tidak ada."
          error={errors.prosedurFlowchart}
          required={false}
        >
          {(props) => <textarea {...props} className="mono" rows={6} value={s.prosedurFlowchart} onChange={(e) => set("prosedurFlowchart", e.target.value)} />}
        </Field>
        {s.prosedurFlowchart.trim() && (
          <button type="button" className="button button--quiet button--small" onClick={() => setPreview(s.prosedurFlowchart)}>
            Pratinjau bagan
          </button>
        )}
        {preview && <LazyFlowchart source={preview} title={s.nama} />}
      </CardSection>

      <CardSection id="ed-komponen" title="Komponen standar pelayanan lainnya">
        {KOMPONEN_TEKS.filter(([k]) => k !== "prosedur" && k !== "persyaratanKeterangan").map(([k, l]) => (
          <div key={k}>{text(k, l)}</div>
        ))}
      </CardSection>

      <div className="card form-end sticky-actions">
        <FormMessage kind="error">{formError}</FormMessage>
        <FormMessage kind="success">{saved}</FormMessage>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? "Menyimpan…" : "Simpan"}
          </button>
          {id && (
            <Link className="button button--quiet" to={`/layanan/${id}`}>
              Lihat halaman publik
            </Link>
          )}
          {/* a new page load: the designer's page is served with its own style policy (server/static.ts) */}
          {id && (
            <Link className="button button--quiet" to={`/admin/layanan/${id}/template-surat`} reloadDocument>
              Template surat hasil
            </Link>
          )}
        </div>
      </div>
    </form>
  );
}

export default function LayananEditorPage() {
  const { id } = useParams();
  const editing = id && id !== "baru" ? id : null;
  return (
    <RequireRole role="admin">
      <p className="breadcrumb">
        <Link to="/admin/layanan">Standar pelayanan</Link>
      </p>
      <PageTitle>{editing ? "Ubah standar pelayanan" : "Layanan baru"}</PageTitle>
      {editing && !isUuid(editing) ? <p>Layanan tidak ditemukan.</p> : <Editor key={editing ?? "baru"} id={editing} />}
      {editing && isUuid(editing) && <KunjunganKantor key={editing} id={editing} />}
    </RequireRole>
  );
}

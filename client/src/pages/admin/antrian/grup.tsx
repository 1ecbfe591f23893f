import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { AdminAntrianQuery as AdminAntrianResult } from "../../../gql/graphql";
import { ErrorSummary } from "../../../components/error-summary";
import { Checkbox, Field, FormActions } from "../../../components/field";
import type { FieldErrors } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { showFailure } from "../../../lib/form-failure";
import { ANTRIAN } from "../../../../../server/shared/antrian";
import { AdminAntrianLayananQuery, SimpanGrupAntrianMutation } from "./documents";

export type Grup = AdminAntrianResult["grupAntrian"][number];

const FIELDS = ["kode", "nama", "urutan", "layananIds"] as const;
// the API may name an input's fields with or without the input's own name
const ALIASES = { "input.kode": "kode", "input.nama": "nama", "input.urutan": "urutan", "input.layananIds": "layananIds" };

/** Adds a queue group or changes one: its letters (printed before the number), name, order, state and services. */
export function GrupForm({
  instansiId,
  grup,
  onSaved,
  onCancel,
}: {
  instansiId: string;
  grup: Grup | null;
  onSaved: (nama: string) => void;
  onCancel: () => void;
}) {
  const [{ data: layanan }] = useQuery({ query: AdminAntrianLayananQuery, variables: { instansiId, first: 200 } });
  const form = useForm(
    {
      kode: grup?.kode ?? "",
      nama: grup?.nama ?? "",
      urutan: String(grup?.urutan ?? ""),
      aktif: grup?.aktif ?? true,
      layananIds: (grup?.layanan ?? []).map((l) => l.id),
    },
    FIELDS,
  );
  const { values, set, bind, errors, formRef, formError, setFormError, checked, summary } = form;
  const [{ fetching }, simpan] = useMutation(SimpanGrupAntrianMutation);
  const layananList = layanan?.layananList.edges.map((e) => e.node) ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    setFormError(null);
    const kode = values.kode.trim().toUpperCase();
    const local: FieldErrors = {};
    if (!ANTRIAN.kodeGrup.pola.test(kode)) local.kode = `Tulis ${ANTRIAN.kodeGrup.min} sampai ${ANTRIAN.kodeGrup.max} huruf, misalnya A.`;
    const nama = values.nama.trim();
    if (nama.length < ANTRIAN.nama.min || nama.length > ANTRIAN.nama.max)
      local.nama = `Tulis nama grup (${ANTRIAN.nama.min}–${ANTRIAN.nama.max} karakter), misalnya Layanan Umum.`;
    if (values.urutan.trim() && !/^\d{1,4}$/.test(values.urutan.trim())) local.urutan = "Tulis angka urutan, misalnya 1.";
    if (!checked(local)) return;
    const result = await simpan({
      id: grup?.id ?? null,
      instansiId,
      kode,
      nama: values.nama.trim(),
      urutan: values.urutan.trim() ? Number(values.urutan.trim()) : null,
      aktif: values.aktif,
      layananIds: values.layananIds,
    });
    const r = result.data?.simpanGrupAntrian;
    if (r?.__typename === "SimpanGrupAntrianSuccess") return onSaved(r.data.nama);
    showFailure(form, r, result.error, ALIASES);
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="grup-form-judul">
      <h3 id="grup-form-judul">{grup ? `Ubah grup ${grup.nama}` : "Tambah grup antrian"}</h3>
      <ErrorSummary {...summary} />
      <Field name="kode" label="Kode" hint="Satu sampai tiga huruf, dicetak di depan nomor (A-007)." error={errors.kode}>
        {(p) => <input {...p} type="text" className="input--short" maxLength={ANTRIAN.kodeGrup.max} autoCapitalize="characters" {...bind("kode")} />}
      </Field>
      <Field name="nama" label="Nama grup" hint="Contoh: Layanan Umum, Pengambilan Dokumen." error={errors.nama}>
        {(p) => <input {...p} type="text" maxLength={ANTRIAN.nama.max} {...bind("nama")} />}
      </Field>
      <Field name="urutan" label="Urutan di layar dan kios" required={false} error={errors.urutan}>
        {(p) => <input {...p} type="text" inputMode="numeric" className="input--short" {...bind("urutan")} />}
      </Field>
      <Checkbox name="aktif" checked={values.aktif} onChange={(v) => set("aktif", v)}>
        Aktif (tampil di kios dan dapat dipanggil)
      </Checkbox>
      <fieldset className="choice" aria-describedby="grup-layanan-pesan">
        <legend className="field__label">Layanan dalam grup ini</legend>
        <p className="field__hint">Pengunjung memilih salah satunya di kios. Boleh dikosongkan.</p>
        {!layanan && <p aria-busy="true">Memuat layanan…</p>}
        {layanan && layananList.length === 0 && <p className="muted">Instansi ini belum punya layanan.</p>}
        <div className="antrian-admin__layanan">
          {layananList.map((l) => (
            <label key={l.id} className="check">
              <input
                type="checkbox"
                name="layananIds"
                checked={values.layananIds.includes(l.id)}
                onChange={(e) => set("layananIds", e.target.checked ? [...values.layananIds, l.id] : values.layananIds.filter((x) => x !== l.id))}
              />
              <span>
                {l.nama}
                {!l.aktif && <span className="muted"> (nonaktif)</span>}
              </span>
            </label>
          ))}
        </div>
        <p id="grup-layanan-pesan" className="field__message" aria-live="polite">
          {errors.layananIds && <span className="field__error">⚠ {errors.layananIds}</span>}
        </p>
      </fieldset>
      <FormActions error={formError} busy={fetching} busyText="Menyimpan…" onCancel={onCancel} cancelKind="secondary">
        Simpan grup
      </FormActions>
    </form>
  );
}

export function DaftarGrup({ grup, onUbah }: { grup: readonly Grup[]; onUbah: (g: Grup) => void }) {
  if (grup.length === 0) return <p className="card muted">Belum ada grup antrian. Kios belum dapat mengeluarkan tiket.</p>;
  return (
    <div className="table-wrap">
      <table className="table table--cards">
        <caption className="sr-only">Grup antrian</caption>
        <thead>
          <tr>
            <th scope="col">Kode</th>
            <th scope="col">Nama</th>
            <th scope="col">Urutan</th>
            <th scope="col">Layanan</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Aksi</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {grup.map((g) => (
            <tr key={g.id}>
              <td className="mono">{g.kode}</td>
              <td data-label="Nama">{g.nama}</td>
              <td data-label="Urutan">{g.urutan}</td>
              <td data-label="Layanan">{g.layanan.length ? g.layanan.map((l) => l.nama).join(", ") : <span className="muted">—</span>}</td>
              <td data-label="Status">
                {g.aktif ? <span className="badge badge--ok">Aktif</span> : <span className="badge badge--closed">Nonaktif</span>}{" "}
                <span className="muted small">{g.menunggu} menunggu</span>
              </td>
              <td>
                <button type="button" className="button button--secondary button--small" onClick={() => onUbah(g)}>
                  Ubah<span className="sr-only"> grup {g.nama}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The groups section: the list, and the form for a new or changed group. */
export function GrupSection({ instansiId, grup, onMessage }: { instansiId: string; grup: readonly Grup[]; onMessage: (text: string) => void }) {
  const [editing, setEditing] = useState<Grup | "baru" | null>(null);
  return (
    <section aria-labelledby="grup-antrian-heading" className="antrian-admin__bagian">
      <h2 id="grup-antrian-heading">Grup antrian</h2>
      <p className="muted">Setiap grup punya nomor sendiri yang dimulai dari 1 setiap hari.</p>
      {editing ? (
        <div className="card">
          <GrupForm
            key={editing === "baru" ? "baru" : editing.id}
            instansiId={instansiId}
            grup={editing === "baru" ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={(nama) => {
              setEditing(null);
              onMessage(`Grup ${nama} disimpan.`);
            }}
          />
        </div>
      ) : (
        <p>
          <button type="button" className="button button--primary" onClick={() => setEditing("baru")}>
            Tambah grup
          </button>
        </p>
      )}
      <DaftarGrup grup={grup} onUbah={setEditing} />
    </section>
  );
}

import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { AdminAntrianQuery as AdminAntrianResult } from "../../../gql/graphql";
import { Checkbox, Field, FormActions } from "../../../components/field";
import type { FieldErrors } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { showFailure } from "../../../lib/form-failure";
import { ANTRIAN } from "../../../../../server/shared/antrian";
import { SimpanLoketMutation } from "./documents";

type Loket = AdminAntrianResult["loketInstansi"][number];

const FIELDS = ["nama"] as const;

function LoketForm({
  instansiId,
  loket,
  onSaved,
  onCancel,
}: {
  instansiId: string;
  loket: Loket | null;
  onSaved: (nama: string) => void;
  onCancel: () => void;
}) {
  const form = useForm({ nama: loket?.nama ?? "", aktif: loket?.aktif ?? true }, FIELDS);
  const { values, set, bind, errors, formRef, formError, setFormError, checked } = form;
  const [{ fetching }, simpan] = useMutation(SimpanLoketMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    setFormError(null);
    const local: FieldErrors = {};
    const nama = values.nama.trim();
    if (nama.length < ANTRIAN.nama.min || nama.length > ANTRIAN.nama.max)
      local.nama = `Tulis nama loket seperti yang dipanggil (${ANTRIAN.nama.min}–${ANTRIAN.nama.max} karakter), misalnya Loket 1.`;
    if (!checked(local)) return;
    const result = await simpan({ id: loket?.id ?? null, instansiId, nama: values.nama.trim(), aktif: values.aktif });
    const r = result.data?.simpanLoket;
    if (r?.__typename === "SimpanLoketSuccess") return onSaved(r.data.nama);
    showFailure(form, r, result.error, { "input.nama": "nama" });
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="loket-form-judul">
      <h3 id="loket-form-judul">{loket ? `Ubah ${loket.nama}` : "Tambah loket"}</h3>
      <Field name="nama" label="Nama loket" hint="Disebut di layar dan lewat suara: Loket 1, Meja Informasi." error={errors.nama}>
        {(p) => <input {...p} type="text" maxLength={ANTRIAN.nama.max} {...bind("nama")} />}
      </Field>
      <Checkbox name="aktif" checked={values.aktif} onChange={(v) => set("aktif", v)}>
        Aktif (dapat dipilih petugas)
      </Checkbox>
      <FormActions error={formError} busy={fetching} busyText="Menyimpan…" onCancel={onCancel} cancelKind="secondary">
        Simpan loket
      </FormActions>
    </form>
  );
}

/** The counters of the office: the names the display shows and speaks with each number. */
export function LoketSection({ instansiId, loket, onMessage }: { instansiId: string; loket: readonly Loket[]; onMessage: (text: string) => void }) {
  const [editing, setEditing] = useState<Loket | "baru" | null>(null);
  return (
    <section aria-labelledby="loket-heading" className="antrian-admin__bagian">
      <h2 id="loket-heading">Loket</h2>
      {editing ? (
        <div className="card">
          <LoketForm
            key={editing === "baru" ? "baru" : editing.id}
            instansiId={instansiId}
            loket={editing === "baru" ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={(nama) => {
              setEditing(null);
              onMessage(`${nama} disimpan.`);
            }}
          />
        </div>
      ) : (
        <p>
          <button type="button" className="button button--primary" onClick={() => setEditing("baru")}>
            Tambah loket
          </button>
        </p>
      )}
      {loket.length === 0 ? (
        <p className="card muted">Belum ada loket. Petugas belum dapat memanggil nomor.</p>
      ) : (
        <ul className="antrian-admin__daftar">
          {loket.map((l) => (
            <li key={l.id} className="card antrian-admin__baris">
              <span className="antrian-admin__nama">{l.nama}</span>
              {l.aktif ? <span className="badge badge--ok">Aktif</span> : <span className="badge badge--closed">Nonaktif</span>}
              <button type="button" className="button button--secondary button--small" onClick={() => setEditing(l)}>
                Ubah<span className="sr-only"> {l.nama}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../gql";
import { CardSection } from "../../../components/card-section";
import { ErrorSummary } from "../../../components/error-summary";
import { Field, FormActions, FormMessage, SelectField } from "../../../components/field";
import { QueryState } from "../../../components/page-state";
import { failureMessage, type FieldErrors } from "../../../lib/errors";
import { showFailure } from "../../../lib/form-failure";
import { useForm } from "../../../lib/form";
import { ROLE_LABEL } from "../../../lib/labels";
import { validateNip } from "../../../../../server/shared/nip";

const PejabatQuery = graphql(`
  query AdminPejabat($instansiId: ID) {
    pejabatPenandatangan(instansiId: $instansiId) {
      userId
      nama
      jabatan
      nipMasked
      adaIdRemote
      aktif
    }
  }
`);

const StafQuery = graphql(`
  query AdminPejabatStaf($filter: UserFilter, $first: Int) {
    users(filter: $filter, first: $first) {
      edges {
        node {
          id
          namaLengkap
          role
        }
      }
    }
  }
`);

const AturPejabatMutation = graphql(`
  mutation AturPejabatPenandatangan($userId: ID!, $jabatan: String!, $nip: String, $idRemote: String, $aktif: Boolean) {
    aturPejabatPenandatangan(userId: $userId, jabatan: $jabatan, nip: $nip, idRemote: $idRemote, aktif: $aktif) {
      __typename
      ... on AturPejabatPenandatanganSuccess {
        data {
          userId
          nama
          jabatan
          aktif
        }
      }
      ...ErrorFields
    }
  }
`);

const FIELDS = ["userId", "jabatan", "nip", "idRemote"];
const EMPTY = { userId: "", jabatan: "", nip: "", idRemote: "" };

type Pejabat = { userId: string; nama: string; jabatan: string };

/** Names a staff account a signing official, or changes one's position, NIP or id at the remote signing service. */
function PejabatForm({
  instansiId,
  editing,
  onDone,
  onCancel,
}: {
  instansiId: string;
  editing: Pejabat | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const form = useForm(editing ? { ...EMPTY, userId: editing.userId, jabatan: editing.jabatan } : EMPTY, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const [{ data, fetching: loadingStaf }] = useQuery({
    query: StafQuery,
    variables: { filter: { instansiId, status: "AKTIF" }, first: 100 },
    pause: !!editing,
  });
  const staf = (data?.users.edges ?? []).map((e) => ({ id: e.node.id, nama: `${e.node.namaLengkap} — ${ROLE_LABEL[e.node.role]}` }));
  const [{ fetching }, atur] = useMutation(AturPejabatMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const jabatan = v.jabatan.trim();
    const nip = v.nip.replace(/\s+/g, "");
    const local: FieldErrors = {};
    if (!v.userId) local.userId = "Pilih akun staf yang ditetapkan sebagai pejabat.";
    if (jabatan.length < 3 || jabatan.length > 200) local.jabatan = "Tuliskan jabatan pejabat seperti tercetak pada surat (3–200 karakter).";
    if (nip) {
      const r = validateNip(nip);
      if (!r.ok) local.nip = r.message;
    }
    setFormError(null);
    if (!form.checked(local)) return;
    const r = await atur({ userId: v.userId, jabatan, nip: nip || null, idRemote: v.idRemote.trim() || null, aktif: true });
    const res = r.data?.aturPejabatPenandatangan;
    if (res?.__typename !== "AturPejabatPenandatanganSuccess") return showFailure(form, res, r.error);
    onDone(
      editing
        ? `Data pejabat ${res.data.nama} disimpan.`
        : `${res.data.nama} ditetapkan sebagai pejabat penandatangan (${res.data.jabatan}). Petugas kini dapat mengirim surat kepadanya.`,
    );
  }

  return (
    <form
      ref={form.formRef}
      className="form"
      noValidate
      onSubmit={submit}
      aria-label={editing ? `Ubah pejabat penandatangan ${editing.nama}` : "Tetapkan pejabat penandatangan"}
    >
      <ErrorSummary {...form.summary} />
      {editing ? (
        <p>
          <strong>{editing.nama}</strong>
        </p>
      ) : (
        <SelectField
          name="userId"
          label="Akun staf"
          hint="Pejabat masuk ke Loket dengan akunnya sendiri untuk menandatangani surat."
          error={errors.userId}
          value={v.userId}
          onChange={(id) => set("userId", id)}
          options={staf}
          placeholder="— Pilih akun —"
          loading={loadingStaf}
          empty={{ why: "Belum ada akun staf aktif di instansi ini.", todo: "Tambahkan dulu dengan tombol “Tambah akun staf” di atas." }}
        />
      )}
      <Field name="jabatan" label="Jabatan" hint="Seperti tercetak di atas nama pada surat, misalnya Camat Jogonalan." error={errors.jabatan}>
        {(fp) => <input {...fp} type="text" maxLength={200} {...form.bind("jabatan")} />}
      </Field>
      <Field
        name="nip"
        label="NIP"
        hint={
          editing
            ? "18 angka. Kosongkan untuk tetap memakai NIP yang tersimpan."
            : "18 angka, tercetak di bawah nama pada surat. Wajib untuk pejabat yang baru ditetapkan."
        }
        error={errors.nip}
        required={!editing}
      >
        {(fp) => <input {...fp} type="text" inputMode="numeric" autoComplete="off" maxLength={24} className="input--short" {...form.bind("nip")} />}
      </Field>
      <Field
        name="idRemote"
        label="ID pada layanan tanda tangan jarak jauh"
        hint="Hanya bila kantor memakai layanan tanda tangan jarak jauh yang mengenali pejabat dengan ID lain (misalnya NIK). Kosongkan untuk memakai NIP."
        error={errors.idRemote}
        required={false}
      >
        {(fp) => <input {...fp} type="text" autoComplete="off" {...form.bind("idRemote")} />}
      </Field>
      <FormActions error={formError} busy={fetching} onCancel={onCancel} cancelKind="secondary">
        {editing ? "Simpan" : "Tetapkan pejabat"}
      </FormActions>
    </form>
  );
}

/** Ends a signing official's appointment (aktif: false); the stored NIP stays for a later appointment. */
function AkhiriPejabat({ pejabat, onDone, onCancel }: { pejabat: Pejabat; onDone: (message: string) => void; onCancel: () => void }) {
  const [{ fetching }, atur] = useMutation(AturPejabatMutation);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const r = await atur({ userId: pejabat.userId, jabatan: pejabat.jabatan, aktif: false });
    const res = r.data?.aturPejabatPenandatangan;
    if (res?.__typename === "AturPejabatPenandatanganSuccess") onDone(`${pejabat.nama} tidak lagi menjadi pejabat penandatangan.`);
    else setError(failureMessage(res, r.error));
  }
  return (
    <form className="form alert alert--warning" noValidate onSubmit={submit} aria-label={`Akhiri pejabat penandatangan ${pejabat.nama}`}>
      <p>
        Akhiri penetapan <strong>{pejabat.nama}</strong> sebagai pejabat penandatangan? Petugas tidak dapat lagi mengirim surat kepadanya, dan surat yang masih
        menunggu tanda tangannya tidak dapat ia tandatangani: minta ia mengembalikannya lebih dulu.
      </p>
      <FormActions error={error} busy={fetching} kind="danger" onCancel={onCancel} cancelKind="secondary">
        Ya, akhiri
      </FormActions>
    </form>
  );
}

/**
 * The office's signing officials (issue 15): who may sign its result letters, with the position and NIP printed on
 * them. An admin names a staff account one, changes it, or ends it. `instansiId`: null while no office is chosen
 * (a SUPERADMIN looking at citizens).
 */
export function PejabatSection({ instansiId }: { instansiId: string | null }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: PejabatQuery, variables: { instansiId }, pause: !instansiId });
  const [open, setOpen] = useState<{ kind: "baru" } | { kind: "ubah" | "akhiri"; pejabat: Pejabat } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = data?.pejabatPenandatangan;

  function done(text: string) {
    setOpen(null);
    setMessage(text);
    refetch({ requestPolicy: "network-only" });
  }
  function start(next: typeof open) {
    setMessage(null);
    setOpen(next);
  }

  return (
    <CardSection id="pejabat-penandatangan" title="Pejabat penandatangan">
      <p className="muted">
        Pejabat yang menandatangani surat hasil layanan. Nama, jabatan, dan NIP-nya tercetak pada surat; ia menandatangani dari halaman Tanda tangan.
      </p>
      {!instansiId ? (
        <p className="muted">Pilih staf sebuah instansi pada “Tampilkan” di bawah untuk mengatur pejabat penandatangannya.</p>
      ) : (
        <>
          <FormMessage kind="success">{message}</FormMessage>
          <QueryState fetching={fetching} error={error} loaded={!!list} />
          {list &&
            (list.length === 0 ? (
              <p>Belum ada pejabat penandatangan. Petugas belum dapat membuat surat hasil sebelum ada satu.</p>
            ) : (
              <div className="table-wrap">
                <table className="table table--compact">
                  <caption className="sr-only">Pejabat penandatangan</caption>
                  <thead>
                    <tr>
                      <th scope="col">Nama</th>
                      <th scope="col">Jabatan</th>
                      <th scope="col">NIP</th>
                      <th scope="col">Status</th>
                      <th scope="col">
                        <span className="sr-only">Tindakan</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((p) => (
                      <tr key={p.userId}>
                        <th scope="row">{p.nama}</th>
                        <td>{p.jabatan}</td>
                        <td className="mono">{p.nipMasked}</td>
                        <td>{p.aktif ? "Aktif" : "Berakhir"}</td>
                        <td>
                          <button type="button" className="button button--quiet button--small" onClick={() => start({ kind: "ubah", pejabat: p })}>
                            Ubah<span className="sr-only"> {p.nama}</span>
                          </button>{" "}
                          {p.aktif && (
                            <button type="button" className="button button--quiet button--small" onClick={() => start({ kind: "akhiri", pejabat: p })}>
                              Akhiri<span className="sr-only"> {p.nama}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          {open?.kind === "akhiri" ? (
            <AkhiriPejabat pejabat={open.pejabat} onDone={done} onCancel={() => setOpen(null)} />
          ) : open ? (
            <PejabatForm
              key={open.kind === "ubah" ? open.pejabat.userId : "baru"}
              instansiId={instansiId}
              editing={open.kind === "ubah" ? open.pejabat : null}
              onDone={done}
              onCancel={() => setOpen(null)}
            />
          ) : (
            <p>
              <button type="button" className="button button--secondary" onClick={() => start({ kind: "baru" })}>
                Tetapkan pejabat penandatangan
              </button>
            </p>
          )}
        </>
      )}
    </CardSection>
  );
}

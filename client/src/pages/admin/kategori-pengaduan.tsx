import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { Field, FormActions, FormMessage } from "../../components/field";
import { PageTitle } from "../../components/page-title";
import { RequireRole } from "../../components/require-role";
import { requestErrorMessage, failureMessage } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { useSession } from "../../lib/session";
import { HelpLink } from "../../components/help-link";

const AdminKategoriQuery = graphql(`
  query AdminKategori($instansiId: ID!) {
    kategoriPengaduan(instansiId: $instansiId, termasukNonaktif: true) {
      id
      nama
      aktif
    }
  }
`);

const TambahKategoriMutation = graphql(`
  mutation TambahKategori($instansiId: ID!, $nama: String!) {
    tambahKategoriPengaduan(instansiId: $instansiId, nama: $nama) {
      __typename
      ... on TambahKategoriPengaduanSuccess {
        data {
          id
          nama
          aktif
        }
      }
      ...ErrorFields
    }
  }
`);

const UbahKategoriMutation = graphql(`
  mutation UbahKategori($id: ID!, $aktif: Boolean, $nama: String) {
    ubahKategoriPengaduan(id: $id, aktif: $aktif, nama: $nama) {
      __typename
      ... on UbahKategoriPengaduanSuccess {
        data {
          id
          nama
          aktif
        }
      }
      ...ErrorFields
    }
  }
`);

const KATEGORI_FIELDS = ["nama"] as const;

function Kategori() {
  const { me } = useSession();
  const instansiId = me?.instansi?.id ?? "";
  const [{ data, error }, refetch] = useQuery({ query: AdminKategoriQuery, variables: { instansiId }, pause: !instansiId });
  const [{ fetching }, tambah] = useMutation(TambahKategoriMutation);
  const [, ubah] = useMutation(UbahKategoriMutation);
  const { values, setValues, bind, errors, formRef, checked } = useForm({ nama: "" }, KATEGORI_FIELDS);
  const [rowError, setRowError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; nama: string } | null>(null);

  async function rename(e: FormEvent) {
    e.preventDefault();
    if (!renaming) return;
    const nama = renaming.nama.trim();
    if (nama.length < 3 || nama.length > 100) return setRowError("Nama kategori 3–100 karakter.");
    const r = await ubah({ id: renaming.id, nama });
    const res = r.data?.ubahKategoriPengaduan;
    if (res?.__typename !== "UbahKategoriPengaduanSuccess") return setRowError(failureMessage(res, r.error));
    setRowError(null);
    setRenaming(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const nama = values.nama.trim();
    if (!checked(nama.length < 3 ? { nama: "Nama kategori 3–100 karakter." } : {})) return;
    const r = await tambah({ instansiId, nama });
    const res = r.data?.tambahKategoriPengaduan;
    // the form has one field: every failure is shown under it
    if (res?.__typename !== "TambahKategoriPengaduanSuccess") return checked({ nama: failureMessage(res, r.error) ?? "" });
    setValues({ nama: "" });
    refetch({ requestPolicy: "network-only" });
  }

  return (
    <div className="narrow">
      <PageTitle>Kategori pengaduan</PageTitle>
      <p className="lead">
        Kategori yang dipilih warga saat menyampaikan pengaduan. Setiap kantor mulai dengan kategori bawaan; ubah namanya, nonaktifkan, atau tambahkan sesuai
        kebutuhan. Kategori yang dinonaktifkan tidak tampil lagi, tetapi pengaduan lama tetap utuh.
      </p>
      {error && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      <FormMessage kind="error">{rowError}</FormMessage>
      <ul className="card plain-list">
        {(data?.kategoriPengaduan ?? []).map((k) => (
          <li key={k.id} className="inbox-row">
            {renaming?.id === k.id ? (
              <form className="inline-form" noValidate onSubmit={rename} aria-label={`Ubah nama ${k.nama}`}>
                <label htmlFor={`nama-${k.id}`} className="sr-only">
                  Nama baru untuk {k.nama}
                </label>
                <input
                  id={`nama-${k.id}`}
                  type="text"
                  maxLength={100}
                  value={renaming.nama}
                  onChange={(e) => setRenaming({ id: k.id, nama: e.target.value })}
                />
                <button type="submit" className="button button--primary button--small">
                  Simpan
                </button>
                <button type="button" className="button button--quiet button--small" onClick={() => setRenaming(null)}>
                  Batal
                </button>
              </form>
            ) : (
              <span>
                {k.nama} {!k.aktif && <span className="badge badge--closed">Nonaktif</span>}
              </span>
            )}
            {renaming?.id !== k.id && (
              <button type="button" className="button button--quiet button--small" onClick={() => setRenaming({ id: k.id, nama: k.nama })}>
                Ubah nama<span className="sr-only"> {k.nama}</span>
              </button>
            )}
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={async () => {
                const r = await ubah({ id: k.id, aktif: !k.aktif });
                const res = r.data?.ubahKategoriPengaduan;
                setRowError(res?.__typename === "UbahKategoriPengaduanSuccess" ? null : failureMessage(res, r.error));
              }}
            >
              {k.aktif ? "Nonaktifkan" : "Aktifkan"}
              <span className="sr-only"> {k.nama}</span>
            </button>
          </li>
        ))}
        {data && data.kategoriPengaduan.length === 0 && <li className="muted">Belum ada kategori. Warga belum dapat mengadu sebelum ada kategori.</li>}
      </ul>
      <form ref={formRef} className="card form" noValidate onSubmit={submit} aria-label="Tambah kategori">
        <Field name="nama" label="Kategori baru" hint="Contoh: Pelayanan petugas, Sarana dan prasarana, Pungutan liar." error={errors.nama}>
          {(props) => <input {...props} type="text" maxLength={100} {...bind("nama")} />}
        </Field>
        <FormActions busy={fetching}>Tambah</FormActions>
      </form>
    </div>
  );
}

export default function KategoriPengaduanPage() {
  return (
    <RequireRole role="admin">
      <Kategori />
    </RequireRole>
  );
}

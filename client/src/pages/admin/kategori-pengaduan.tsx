import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { Field, FormMessage } from "../../components/field";
import { PageTitle } from "../../components/page-title";
import { RequireRole } from "../../components/require-role";
import { requestErrorMessage, failureMessage } from "../../lib/errors";
import { useSession } from "../../lib/session";

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
  mutation UbahKategori($id: ID!, $aktif: Boolean) {
    ubahKategoriPengaduan(id: $id, aktif: $aktif) {
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

function Kategori() {
  const { me } = useSession();
  const instansiId = me?.instansi?.id ?? "";
  const [{ data, error }, refetch] = useQuery({ query: AdminKategoriQuery, variables: { instansiId }, pause: !instansiId });
  const [{ fetching }, tambah] = useMutation(TambahKategoriMutation);
  const [, ubah] = useMutation(UbahKategoriMutation);
  const [nama, setNama] = useState("");
  const [err, setErr] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (nama.trim().length < 3) return setErr("Nama kategori 3–100 karakter.");
    setErr(null);
    const r = await tambah({ instansiId, nama: nama.trim() });
    const res = r.data?.tambahKategoriPengaduan;
    if (res?.__typename === "TambahKategoriPengaduanSuccess") {
      setNama("");
      refetch({ requestPolicy: "network-only" });
    } else setErr(failureMessage(res, r.error));
  }

  return (
    <div className="narrow">
      <PageTitle>Kategori pengaduan</PageTitle>
      <p className="lead">Kategori yang dipilih warga saat menyampaikan pengaduan. Kategori yang dinonaktifkan tidak tampil lagi, tetapi pengaduan lama tetap utuh.</p>
      {error && <p className="alert alert--error">{requestErrorMessage(error)}</p>}
      <FormMessage kind="error">{rowError}</FormMessage>
      <ul className="card plain-list">
        {(data?.kategoriPengaduan ?? []).map((k) => (
          <li key={k.id} className="inbox-row">
            <span>
              {k.nama} {!k.aktif && <span className="badge badge--closed">Nonaktif</span>}
            </span>
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
      <form className="card form" noValidate onSubmit={submit} aria-label="Tambah kategori">
        <Field name="nama" label="Kategori baru" hint="Contoh: Pelayanan petugas, Sarana dan prasarana, Pungutan liar." error={err}>
          {(props) => <input {...props} type="text" maxLength={100} value={nama} onChange={(e) => setNama(e.target.value)} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            Tambah
          </button>
        </div>
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

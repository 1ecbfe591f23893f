import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { isActiveAdmin, useSession } from "../lib/session";
import { SelectField } from "./field";

export const KategoriPengaduanQuery = graphql(`
  query KategoriPengaduan($instansiId: ID!) {
    kategoriPengaduan(instansiId: $instansiId) {
      id
      nama
    }
    node(id: $instansiId) {
      __typename
      ... on Instansi {
        id
        nama
        telepon
        email
      }
    }
  }
`);

/** How to reach the office when the form cannot be used: its phone and email, as far as it has set them. */
function Kontak({ telepon, email }: { telepon: string; email: string }) {
  if (!telepon && !email) return <>Sampaikan pengaduan Anda langsung ke kantor tersebut, atau coba lagi nanti.</>;
  return (
    <>
      Sampaikan pengaduan Anda langsung ke kantor tersebut
      {telepon && (
        <>
          {" "}
          lewat telepon <a href={`tel:${telepon.replace(/[^\d+]/g, "")}`}>{telepon}</a>
        </>
      )}
      {telepon && email && " atau"}
      {email && (
        <>
          {" "}
          lewat email <a href={`mailto:${email}`}>{email}</a>
        </>
      )}
      , atau coba lagi nanti.
    </>
  );
}

/** The complaint categories an office offers, to choose one (the citizen's form and the officer's record). */
export function KategoriPengaduanField({
  instansiId,
  value,
  onChange,
  error,
}: {
  instansiId: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | null;
}) {
  const { me } = useSession();
  const [{ data, fetching }] = useQuery({ query: KategoriPengaduanQuery, variables: { instansiId }, pause: !instansiId });
  const office = data?.node?.__typename === "Instansi" ? data.node : null;
  const ownOffice = isActiveAdmin(me) && me?.instansi?.id === instansiId;
  return (
    <SelectField
      name="kategoriId"
      label="Kategori"
      error={error}
      value={value}
      onChange={onChange}
      options={data?.kategoriPengaduan ?? []}
      placeholder="— Pilih kategori —"
      disabled={!instansiId}
      loading={fetching || !data}
      empty={{
        why: `${office?.nama ?? "Kantor ini"} belum menyiapkan kategori pengaduan, jadi pengaduan belum dapat dikirim lewat formulir ini.`,
        todo: ownOffice ? (
          <>
            Sebagai admin, tambahkan kategori di halaman <Link to="/admin/kategori-pengaduan">Kategori pengaduan</Link>.
          </>
        ) : (
          <Kontak telepon={office?.telepon ?? ""} email={office?.email ?? ""} />
        ),
      }}
    />
  );
}

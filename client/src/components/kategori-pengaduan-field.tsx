import { useQuery } from "urql";
import { graphql } from "../gql";
import { SelectField } from "./field";

const KategoriPengaduanQuery = graphql(`
  query KategoriPengaduan($instansiId: ID!) {
    kategoriPengaduan(instansiId: $instansiId) {
      id
      nama
    }
  }
`);

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
  const [{ data }] = useQuery({ query: KategoriPengaduanQuery, variables: { instansiId }, pause: !instansiId });
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
    />
  );
}

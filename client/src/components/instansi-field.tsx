import { SelectField } from "./field";

interface InstansiFieldProps {
  /** a SUPERADMIN chooses the office; anyone else acts for their own */
  choose: boolean;
  label: string;
  error?: string | null;
  value: string;
  onChange: (id: string) => void;
  options: ReadonlyArray<{ id: string; nama: string }>;
  /** the list of offices has not arrived yet */
  loading?: boolean;
  /** the name of one's own office, shown when there is no choice */
  own?: string | null;
}

/**
 * The office a new account or client belongs to (field `instansiId`). Without a choice the office is still
 * named, with the API's message about it: an office that refuses is this form's problem too.
 */
export function InstansiField({ choose, label, error, value, onChange, options, loading, own }: InstansiFieldProps) {
  if (!choose)
    return (
      <p>
        <strong>Instansi:</strong> {own}
        {error && <span className="field__error"> — {error}</span>}
      </p>
    );
  return (
    <SelectField
      name="instansiId"
      label={label}
      error={error}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={loading ? "Memuat daftar instansi…" : undefined}
      loading={loading}
      empty={{ why: "Belum ada instansi di pemasangan ini.", todo: "Superadmin perlu menambahkan instansi lebih dulu; setelah itu kembali ke formulir ini." }}
    />
  );
}

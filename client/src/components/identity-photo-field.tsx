import { Field } from "./field";
import { acceptAttr, checkFile, daftarJenis, formatUkuran } from "../lib/files";
import { BERKAS_IDENTITAS_JENIS_FILE, BERKAS_IDENTITAS_MAKS_BYTES } from "../../../server/shared/berkas-identitas";

/** One identity document (KTP/KK photo, SK): checked on choosing with the API's rules, which checks the content again. */
export function IdentityPhotoField({
  name,
  label,
  hint,
  file,
  onChange,
  onProblem,
  error,
  required = true,
}: {
  name: string;
  label: string;
  hint: string;
  file: File | null;
  onChange: (file: File | null) => void;
  /** a problem found on choosing, shown at the field */
  onProblem: (message: string | null) => void;
  error?: string;
  required?: boolean;
}) {
  const rules = `${daftarJenis(BERKAS_IDENTITAS_JENIS_FILE)}, maksimal ${formatUkuran(BERKAS_IDENTITAS_MAKS_BYTES)}.`;
  return (
    <Field name={name} label={label} hint={`${hint} ${rules}`} error={error} required={required} success={file && !error ? `${file.name} dipilih.` : undefined}>
      {(props) => (
        <input
          {...props}
          type="file"
          accept={acceptAttr(BERKAS_IDENTITAS_JENIS_FILE)}
          onChange={(e) => {
            const picked = e.currentTarget.files?.[0] ?? null;
            const problem = picked ? checkFile(picked, BERKAS_IDENTITAS_JENIS_FILE, BERKAS_IDENTITAS_MAKS_BYTES) : null;
            onChange(problem ? null : picked);
            onProblem(problem);
          }}
        />
      )}
    </Field>
  );
}

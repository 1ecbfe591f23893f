import { useState, type FormEvent } from "react";
import { graphql } from "../gql";
import type { AlasanPenolakanAkun, IdentityType, JenisBerkasIdentitas } from "../gql/graphql";
import { Field, FormActions } from "../components/field";
import { ErrorSummary } from "../components/error-summary";
import { IdentityPhotoField } from "../components/identity-photo-field";
import { UNEXPECTED_MESSAGE } from "../lib/errors";
import { useForm } from "../lib/form";
import { uploadMutation } from "../lib/upload";
import { ALASAN_PENOLAKAN, JENIS_BERKAS_LABEL } from "../../../server/shared/berkas-identitas";

const PerbaikiMutation = graphql(`
  mutation PerbaikiPendaftaran($input: PerbaikanPendaftaranInput!) {
    perbaikiPendaftaran(input: $input) {
      __typename
      ... on PerbaikiPendaftaranSuccess {
        data {
          id
          status
          statusReason
          statusReasonCode
          namaLengkap
          nomorIdentitasMasked
          berkasIdentitas {
            id
            jenis
          }
        }
      }
      ...ErrorFields
    }
  }
`);

const FIELDS = ["fotoIdentitas", "namaLengkap", "nomorIdentitas"] as const;

interface Props {
  namaLengkap: string;
  identityType: IdentityType;
  berkasDiharapkan: JenisBerkasIdentitas;
  adaFoto: boolean;
  kodeAlasan: AlasanPenolakanAkun | null | undefined;
  /** a refused registration is asked again; a waiting one only gets its photo */
  ditolak: boolean;
  onDone: () => void;
}

/** Correct a refused (or photo-less) registration and ask for activation again. */
export function PerbaikiPendaftaranForm({ namaLengkap, identityType, berkasDiharapkan, adaFoto, kodeAlasan, ditolak, onDone }: Props) {
  const { values, set, errors, formError, setFormError, formRef, checked, showApiError, summary } = useForm<{
    fotoIdentitas: File | null;
    namaLengkap: string;
    nomorIdentitas: string;
  }>({ fotoIdentitas: null, namaLengkap, nomorIdentitas: "" }, FIELDS);
  const [busy, setBusy] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const jenis = JENIS_BERKAS_LABEL[berkasDiharapkan];
  const fotoWajib = !adaFoto;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    const local: Record<string, string> = {};
    if (fileProblem) local.fotoIdentitas = fileProblem;
    else if (fotoWajib && !values.fotoIdentitas) local.fotoIdentitas = `Pilih foto ${jenis} Anda.`;
    if (values.namaLengkap.trim().length < 2) local.namaLengkap = "Tulis nama lengkap Anda sesuai KTP.";
    if (!checked(local)) return;
    setBusy(true);
    const result = await uploadMutation(PerbaikiMutation, {
      input: {
        fotoIdentitas: values.fotoIdentitas,
        namaLengkap: values.namaLengkap.trim(),
        nomorIdentitas: values.nomorIdentitas.replace(/\s+/g, "") || null,
      },
    }).finally(() => setBusy(false));
    const r = result.data?.perbaikiPendaftaran;
    if (!r) return setFormError(result.failure ?? UNEXPECTED_MESSAGE);
    if (r.__typename === "PerbaikiPendaftaranSuccess") return onDone();
    showApiError(r);
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="perbaiki-heading">
      <h2 id="perbaiki-heading">{ditolak ? "Perbaiki dan ajukan kembali" : `Unggah foto ${jenis}`}</h2>
      {ditolak && kodeAlasan && <p>{ALASAN_PENOLAKAN[kodeAlasan].perbaiki}</p>}
      <ErrorSummary {...summary} />
      <IdentityPhotoField
        name="fotoIdentitas"
        label={`Foto ${jenis}${adaFoto ? " baru" : ""}`}
        hint={adaFoto ? "Kosongkan jika foto yang sudah diunggah benar." : "Foto seluruh kartu, terang dan terbaca; hanya dilihat Anda dan admin."}
        required={fotoWajib}
        file={values.fotoIdentitas}
        onChange={(f) => set("fotoIdentitas", f)}
        onProblem={setFileProblem}
        error={fileProblem ?? errors.fotoIdentitas}
      />
      {ditolak && (
        <>
          <Field name="namaLengkap" label="Nama lengkap" hint="Sama persis dengan KTP/KK, tanpa gelar." error={errors.namaLengkap}>
            {(p) => <input {...p} type="text" autoComplete="name" value={values.namaLengkap} onChange={(e) => set("namaLengkap", e.target.value)} />}
          </Field>
          <Field
            name="nomorIdentitas"
            label={`${identityType} yang benar`}
            required={false}
            hint={`Isi hanya jika ${identityType} yang Anda daftarkan keliru.`}
            error={errors.nomorIdentitas}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={values.nomorIdentitas}
                onChange={(e) => set("nomorIdentitas", e.target.value)}
              />
            )}
          </Field>
        </>
      )}
      <FormActions error={formError} busy={busy} busyText="Mengirim…">
        {ditolak ? "Ajukan kembali" : "Unggah foto"}
      </FormActions>
    </form>
  );
}

import type { FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { ApiScope } from "../../../gql/graphql";
import { ErrorSummary } from "../../../components/error-summary";
import { InstansiField } from "../../../components/instansi-field";
import { CheckboxCards, Field, FormActions } from "../../../components/field";
import { API_SCOPES, API_SCOPE_TEXT } from "../../../lib/admin-labels";
import { errorCode, type FieldErrors } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { todayIn } from "../../../lib/format";
import { isSuperadmin, useSession } from "../../../lib/session";
import { KLIEN_API } from "../../../../../server/shared/klien-api";
import { ApiClientInstansiQuery, CreateApiClientMutation } from "./documents";

const MAX_YEARS = KLIEN_API.berlakuMaksTahun;

/** The last moment of a calendar day in WIB, as the API's DateTime. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59+07:00`).toISOString();
}

function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split("-");
  return `${Number(y) + years}-${m}-${d}`;
}

// ---------------------------------------------------------------------------------------------------
// registering a client

const CLIENT_FIELDS = ["nama", "instansiId", "kontak", "scopes", "berlakuSampai"] as const;

export function RegisterClientForm({ onCreated, onCancel }: { onCreated: (clientId: string, token: string, nama: string) => void; onCancel: () => void }) {
  const { me } = useSession();
  const superadmin = isSuperadmin(me);
  const [{ data: offices }] = useQuery({ query: ApiClientInstansiQuery, pause: !superadmin });
  const { values, bind, set, errors, setFormError, formError, formRef, checked, showApiError, showRequestError, summary } = useForm(
    { nama: "", kontak: "", chosen: "", scopes: [] as ApiScope[], berlakuSampai: "" },
    CLIENT_FIELDS,
  );
  const { nama, kontak, chosen, scopes, berlakuSampai: expiry } = values;
  const [{ fetching }, create] = useMutation(CreateApiClientMutation);
  const today = todayIn();
  const instansiId = superadmin ? chosen || offices?.instansiList[0]?.id || "" : (me?.instansi?.id ?? "");

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fetching) return;
    setFormError(null);
    const local: FieldErrors = {};
    if (nama.trim().length < KLIEN_API.nama.min)
      local.nama = `Tulis nama sistem yang akan memakai akses ini (${KLIEN_API.nama.min}–${KLIEN_API.nama.max} karakter).`;
    if (!instansiId) local.instansiId = "Pilih instansi pemilik akses ini.";
    if (kontak.trim().length < KLIEN_API.kontak.min) local.kontak = "Tulis siapa yang dapat dihubungi tentang sistem ini: nama, email, dan telepon.";
    if (scopes.length === 0) local.scopes = "Pilih paling sedikit satu hal yang boleh dilakukan sistem ini.";
    if (expiry && (expiry <= today || expiry > addYears(today, MAX_YEARS)))
      local.berlakuSampai = `Pilih tanggal setelah hari ini, paling lama ${MAX_YEARS} tahun lagi.`;
    if (!checked(local)) return;
    const result = await create({ instansiId, nama: nama.trim(), kontak: kontak.trim(), scopes, berlakuSampai: expiry ? endOfDay(expiry) : null });
    const r = result.data?.createApiClient;
    // not an admin of that office: it concerns the office chosen
    if (!r) return showRequestError(result.error, errorCode(result.error) === "FORBIDDEN" && superadmin ? "instansiId" : undefined);
    if (r.__typename === "CreateApiClientSuccess") {
      onCreated(r.data.client.id, r.data.token, nama.trim());
      return;
    }
    showApiError(r);
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby="klien-baru-heading">
      <h2 id="klien-baru-heading">Daftarkan klien API</h2>
      <ErrorSummary {...summary} />
      <p className="muted">
        Klien API adalah akses untuk sistem lain (misalnya SP4N-LAPOR!, gerbang WhatsApp, atau aplikasi kementerian) agar dapat bekerja dengan Loket tanpa
        memakai akun dan kata sandi seorang pegawai.
      </p>
      <Field name="nama" label="Nama sistem" hint="Contoh: SP4N-LAPOR! Kabupaten Madiun." error={errors.nama}>
        {(p) => <input {...p} type="text" maxLength={KLIEN_API.nama.max} {...bind("nama")} />}
      </Field>
      <InstansiField
        choose={superadmin}
        label="Instansi pemilik akses"
        error={errors.instansiId}
        value={instansiId}
        onChange={(id) => set("chosen", id)}
        options={offices?.instansiList ?? []}
        loading={!offices}
        own={me?.instansi?.nama}
      />
      <Field name="kontak" label="Penanggung jawab di sistem itu" hint="Nama, email, dan telepon orang yang dihubungi bila ada masalah." error={errors.kontak}>
        {(p) => <textarea {...p} rows={2} maxLength={KLIEN_API.kontak.max} {...bind("kontak")} />}
      </Field>
      <CheckboxCards
        name="scopes"
        legend="Yang boleh dilakukan sistem ini"
        hint="Pilih seperlunya saja. Akses dapat dicabut kapan pun."
        options={API_SCOPES}
        text={API_SCOPE_TEXT}
        value={scopes}
        onChange={(list) => set("scopes", list)}
        error={errors.scopes}
      />
      <Field
        name="berlakuSampai"
        label="Berlaku sampai"
        required={false}
        hint={`Kosongkan bila tanpa batas waktu. Paling lama ${MAX_YEARS} tahun; akses berhenti di akhir hari itu (WIB).`}
        error={errors.berlakuSampai}
      >
        {(p) => <input {...p} type="date" className="input--date" min={today} max={addYears(today, MAX_YEARS)} {...bind("berlakuSampai")} />}
      </Field>
      <FormActions error={formError} busy={fetching} busyText="Mendaftarkan…" onCancel={onCancel} cancelKind="secondary">
        Daftarkan dan tampilkan token
      </FormActions>
    </form>
  );
}

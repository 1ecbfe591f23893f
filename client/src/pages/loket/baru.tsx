import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { CariPemohonLoketMutation } from "../../gql/graphql";
import { useDeskInstansi } from "../../components/desk-instansi";
import { ErrorSummary } from "../../components/error-summary";
import { Checkbox, Field, FormActions, SelectField } from "../../components/field";
import { PageTitle } from "../../components/page-title";
import { errorOf } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { rawId } from "../../lib/ids";
import { validateNik } from "../../../../server/shared/nik";
import { contactProblem } from "../../../../server/shared/contact";

const CariPemohonMutation = graphql(`
  mutation CariPemohonLoket($nik: String!) {
    cariPemohonLoket(nik: $nik) {
      __typename
      ... on CariPemohonLoketSuccess {
        data {
          ditemukan
          nama
          nomorIdentitasMasked
          status
          tamu
          dapatDilayani
          alasan
        }
      }
      ...ErrorFields
    }
  }
`);

const LayananLoketQuery = graphql(`
  query LayananLoket($instansiId: ID!) {
    layananList(instansiId: $instansiId, first: 100) {
      edges {
        node {
          id
          nama
          kategori
        }
      }
    }
  }
`);

const MulaiPengajuanLoketMutation = graphql(`
  mutation MulaiPengajuanLoket($layananId: ID!, $nik: String!, $namaLengkap: String, $telepon: String, $pemohonSetuju: Boolean) {
    mulaiPengajuanLoket(layananId: $layananId, nik: $nik, namaLengkap: $namaLengkap, telepon: $telepon, pemohonSetuju: $pemohonSetuju) {
      __typename
      ... on MulaiPengajuanLoketSuccess {
        data {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

interface Values {
  nik: string;
  namaLengkap: string;
  telepon: string;
  pemohonSetuju: boolean;
  layananId: string;
}

const EMPTY: Values = { nik: "", namaLengkap: "", telepon: "", pemohonSetuju: false, layananId: "" };
const FIELDS = ["nik", "namaLengkap", "telepon", "pemohonSetuju", "layananId"];

type Found = Extract<NonNullable<CariPemohonLoketMutation["cariPemohonLoket"]>, { __typename: "CariPemohonLoketSuccess" }>["data"];

/**
 * "Layani pemohon di loket": the counter officer serves a person standing at the counter. Step 1 finds them by NIK
 * (an account shows its name and masked NIK only, to confirm who it is) or records name and phone of someone
 * without an account; step 2 chooses the service and starts the case, which continues at /loket/pengajuan/<id>.
 */
export default function LayaniDiLoketPage() {
  const navigate = useNavigate();
  const desk = useDeskInstansi();
  const form = useForm<Values>(EMPTY, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);
  const [, cari] = useMutation(CariPemohonMutation);
  const [, mulai] = useMutation(MulaiPengajuanLoketMutation);
  const [{ data: layanan, fetching: layananLoading }] = useQuery({
    query: LayananLoketQuery,
    variables: { instansiId: desk.instansiId ?? "" },
    pause: !desk.instansiId || !found,
  });
  const step = found && (found.dapatDilayani || !found.ditemukan) ? "layanan" : "pemohon";
  const options = (layanan?.layananList.edges ?? []).map((e) => ({ id: e.node.id, nama: e.node.nama }));

  async function lookUp(e: FormEvent) {
    e.preventDefault();
    const nik = validateNik(v.nik);
    if (!form.checked(nik.ok ? {} : { nik: nik.message })) return;
    setBusy(true);
    const r = await cari({ nik: v.nik });
    setBusy(false);
    const res = r.data?.cariPemohonLoket;
    if (!res) return form.showRequestError(r.error);
    if (res.__typename !== "CariPemohonLoketSuccess") return form.showApiError(res);
    setFormError(null);
    // the page holds the name and the masked number only; the full NIK stays in its field
    setFound(res.data);
  }

  function otherNik() {
    setFound(null);
    form.setErrors({});
    setFormError(null);
  }

  async function start(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (found && !found.ditemukan) {
      for (const field of ["namaLengkap", "telepon"] as const) {
        const problem = contactProblem(field, v[field]);
        if (problem) local[field] = problem;
      }
      if (!v.pemohonSetuju) local.pemohonSetuju = "Pemohon harus menyetujui Syarat dan Ketentuan serta Kebijakan Privasi sebelum datanya dicatat.";
    }
    if (!v.layananId) local.layananId = "Pilih layanan yang diminta pemohon.";
    if (!form.checked(local)) return;
    setBusy(true);
    const newRecord = found && !found.ditemukan;
    const r = await mulai({
      layananId: v.layananId,
      nik: v.nik,
      namaLengkap: newRecord ? v.namaLengkap : null,
      telepon: newRecord ? v.telepon : null,
      pemohonSetuju: newRecord ? v.pemohonSetuju : null,
    });
    setBusy(false);
    const res = r.data?.mulaiPengajuanLoket;
    if (!res) return form.showRequestError(r.error);
    if (res.__typename === "MulaiPengajuanLoketSuccess") return navigate(`/loket/pengajuan/${rawId(res.data.id)}`);
    const err = errorOf(res);
    // the account turned out not to be servable (suspended meanwhile): back to the NIK, with the reason
    if (err.field === "nik") setFound(null);
    form.showApiError(res);
  }

  return (
    <div className="narrow loket-baru">
      <p className="breadcrumb">
        <Link to="/petugas/antrian">Antrian</Link>
      </p>
      <PageTitle>Layani pemohon di loket</PageTitle>
      {desk.picker}
      <p className="lead">
        Untuk pemohon yang datang langsung. Pengajuannya mendapat nomor registrasi, bukti pengajuan, dan pelacakan yang sama dengan pengajuan daring.
      </p>
      <p className="muted small">{step === "pemohon" ? "Langkah 1 dari 4: pemohon" : "Langkah 2 dari 4: pemohon dan layanan"}</p>

      {step === "pemohon" ? (
        <form ref={form.formRef} className="card form" noValidate onSubmit={lookUp} aria-labelledby="langkah-pemohon">
          <h2 id="langkah-pemohon">Cari pemohon dengan NIK</h2>
          <ErrorSummary {...form.summary} />
          <Field name="nik" label="NIK pemohon" hint="16 angka, sesuai KTP atau Kartu Keluarga yang ditunjukkan pemohon." error={errors.nik}>
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={20}
                className="input--nik"
                value={v.nik}
                onChange={(e) => {
                  set("nik", e.target.value);
                  setFound(null);
                }}
              />
            )}
          </Field>
          {found && !found.dapatDilayani && (
            <div className="alert alert--error" role="alert">
              <p>
                <strong>{found.nama}</strong> (NIK <span className="mono">{found.nomorIdentitasMasked}</span>) tidak dapat dilayani di loket.
              </p>
              <p>{found.alasan}</p>
            </div>
          )}
          <FormActions error={formError} busy={busy} busyText="Mencari…">
            Cari
          </FormActions>
        </form>
      ) : (
        <form ref={form.formRef} className="card form" noValidate onSubmit={start} aria-labelledby="langkah-layanan">
          <ErrorSummary {...form.summary} />
          {found?.ditemukan ? (
            <section aria-labelledby="pemohon-ditemukan" className="loket-pemohon">
              <h2 id="pemohon-ditemukan">Pemohon ditemukan</h2>
              <dl className="facts facts--compact">
                <div>
                  <dt>Nama</dt>
                  <dd>{found.nama}</dd>
                </div>
                <div>
                  <dt>NIK</dt>
                  <dd className="mono">{found.nomorIdentitasMasked}</dd>
                </div>
                <div>
                  <dt>Akun</dt>
                  <dd>
                    {found.tamu
                      ? "Belum punya akun (pernah dilayani di loket)"
                      : found.status === "AKTIF"
                        ? "Akun aktif: pemohon juga melihat pengajuan ini di akunnya"
                        : "Akun menunggu aktivasi: pengajuan tampil di akunnya setelah diaktifkan"}
                  </dd>
                </div>
              </dl>
              <p className="small">Cocokkan nama dengan KTP yang ditunjukkan pemohon.</p>
            </section>
          ) : (
            <section aria-labelledby="pemohon-baru">
              <h2 id="pemohon-baru">Pemohon belum punya akun</h2>
              <p>
                NIK <span className="mono">{found?.nomorIdentitasMasked}</span> belum terdaftar. Catat nama dan nomor telepon pemohon. Bila kelak ia mendaftar
                dengan NIK ini, pengajuannya dari loket ikut ke akunnya setelah akun diaktifkan.
              </p>
              <Field name="namaLengkap" label="Nama lengkap" hint="Sesuai KTP." error={errors.namaLengkap}>
                {(props) => (
                  <input {...props} type="text" autoComplete="off" maxLength={120} value={v.namaLengkap} onChange={(e) => set("namaLengkap", e.target.value)} />
                )}
              </Field>
              <Field name="telepon" label="Nomor telepon" hint="Contoh: 081234567890." error={errors.telepon}>
                {(props) => (
                  <input {...props} type="tel" inputMode="tel" autoComplete="off" value={v.telepon} onChange={(e) => set("telepon", e.target.value)} />
                )}
              </Field>
              <Checkbox name="pemohonSetuju" checked={v.pemohonSetuju} onChange={(on) => set("pemohonSetuju", on)} error={errors.pemohonSetuju}>
                Pemohon sudah dijelaskan dan menyetujui <Link to="/syarat-ketentuan">Syarat dan Ketentuan</Link> serta{" "}
                <Link to="/kebijakan-privasi">Kebijakan Privasi</Link> (data dirinya disimpan untuk layanan ini).
              </Checkbox>
            </section>
          )}
          <p>
            <button type="button" className="button button--quiet button--small" onClick={otherNik}>
              Ganti NIK
            </button>
          </p>
          <h2 id="langkah-layanan">Pilih layanan</h2>
          <SelectField
            name="layananId"
            label="Layanan yang diminta"
            value={v.layananId}
            onChange={(id) => set("layananId", id)}
            options={options}
            placeholder="— Pilih layanan —"
            loading={layananLoading}
            error={errors.layananId}
          />
          <FormActions error={formError} busy={busy} busyText="Menyiapkan…">
            Mulai pengajuan
          </FormActions>
        </form>
      )}
    </div>
  );
}

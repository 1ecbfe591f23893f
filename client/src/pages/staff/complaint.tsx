import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useQuery, useSubscription } from "urql";
import { graphql, useFragment } from "../../gql";
import type { AksiPengaduan } from "../../gql/graphql";
import { EvidencePicker, type PickedFile } from "../../components/evidence-picker";
import { ErrorSummary } from "../../components/error-summary";
import { Field, FormActions, FormMessage } from "../../components/field";
import { LiveNote } from "../../components/live-note";
import { Loading, NotFound } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { PengaduanView } from "../../components/pengaduan-view";
import { useActionPanel } from "../../lib/action-panel";
import type { FieldErrors } from "../../lib/errors";
import { isUuid, toGlobalId } from "../../lib/ids";
import { newest } from "../../lib/live";
import { showEvidenceError, useUpload } from "../../lib/upload-form";

export const StaffPengaduan_PengaduanFragment = graphql(`
  fragment StaffPengaduan_Pengaduan on Pengaduan {
    id
    judul
    kodeLacak
    aksiTersedia
    aksiWajibPesan
    ...PengaduanView_Pengaduan
  }
`);

const StaffPengaduanQuery = graphql(`
  query StaffPengaduan($id: ID!) {
    node(id: $id) {
      __typename
      ... on Pengaduan {
        id
        versi
        ...StaffPengaduan_Pengaduan
      }
    }
  }
`);

const StaffPengaduanLiveSubscription = graphql(`
  subscription StaffPengaduanLive($id: ID!) {
    pengaduanBerubah(id: $id) {
      id
      versi
      ...StaffPengaduan_Pengaduan
    }
  }
`);

const UbahStatusPengaduanMutation = graphql(`
  mutation UbahStatusPengaduan($id: ID!, $versi: Int!, $aksi: AksiPengaduan!, $pesan: String, $lampiran: [File!]) {
    ubahStatusPengaduan(id: $id, versi: $versi, aksi: $aksi, pesan: $pesan, lampiran: $lampiran) {
      __typename
      ... on UbahStatusPengaduanSuccess {
        data {
          id
          versi
          ...StaffPengaduan_Pengaduan
        }
      }
      ...ErrorFields
    }
  }
`);

const LABEL: Record<AksiPengaduan, string> = {
  VERIFIKASI: "Verifikasi",
  TOLAK: "Tolak",
  TINDAK_LANJUT: "Tindak lanjuti",
  SELESAIKAN: "Selesaikan",
  TIDAK_PUAS: "Tidak puas",
};

// whether a message is required is the API's own rule (aksiWajibPesan)
const ASK: Partial<Record<AksiPengaduan, { label: string; hint: string; files?: boolean; note?: string }>> = {
  VERIFIKASI: { label: "Catatan", hint: "Pelapor dapat membacanya.", note: "Pengaduan memenuhi syarat: batas tindak lanjut 2×24 jam kerja mulai dihitung." },
  TOLAK: { label: "Alasan penolakan", hint: "Pelapor membaca alasan ini." },
  TINDAK_LANJUT: { label: "Tanggapan/tindak lanjut", hint: "Apa yang sudah dilakukan. Pelapor membaca tanggapan ini.", files: true },
  SELESAIKAN: { label: "Tanggapan akhir", hint: "Bagaimana pengaduan ini diselesaikan. Pelapor membacanya." },
};

const FIELDS = ["pesan", "lampiran"];
const EMPTY: { pesan: string; lampiran: PickedFile[] } = { pesan: "", lampiran: [] };

export default function StaffPengaduanPage() {
  const { id = "" } = useParams();
  const valid = isUuid(id);
  const gid = toGlobalId("Pengaduan", id);
  const [{ data, fetching, error }] = useQuery({ query: StaffPengaduanQuery, variables: { id: gid }, pause: !valid });
  const [{ data: live }] = useSubscription({ query: StaffPengaduanLiveSubscription, variables: { id: gid }, pause: !valid });
  const [mine, setMine] = useState<NonNullable<typeof live>["pengaduanBerubah"] | null>(null);
  const node = data?.node?.__typename === "Pengaduan" ? data.node : null;
  const current = newest(live?.pengaduanBerubah, mine, node);
  const p = useFragment(StaffPengaduan_PengaduanFragment, current);

  const { form, pending, setPending, toggle, done, finished, panelRef } = useActionPanel<AksiPengaduan, typeof EMPTY>(EMPTY, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const { progress, busy, send } = useUpload();

  if (!valid || (data && !node)) {
    return (
      <NotFound title="Pengaduan tidak ditemukan">
        Kembali ke <Link to="/petugas/pengaduan">meja pengaduan</Link>.
      </NotFound>
    );
  }
  if (!p || !current) return <Loading fetching={fetching} error={error} />;
  const versi = current.versi;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!pending || !p) return;
    const ask = ASK[pending];
    const local: FieldErrors = {};
    if (ask && p.aksiWajibPesan.includes(pending) && v.pesan.trim().length < 5) local.pesan = `${ask.label} wajib diisi (minimal 5 karakter).`;
    if (v.lampiran.some((f) => f.error)) local.lampiran = "Hapus berkas yang tidak dapat dikirim.";
    setFormError(null);
    if (!form.checked(local)) return;
    const r = await send(UbahStatusPengaduanMutation, {
      id: p.id,
      versi,
      aksi: pending,
      pesan: v.pesan.trim() || null,
      lampiran: v.lampiran.map((f) => f.file),
    });
    const res = r.data?.ubahStatusPengaduan;
    if (!res) return setFormError(r.failure ?? null);
    if (res.__typename !== "UbahStatusPengaduanSuccess") return showEvidenceError(form, res, "lampiran");
    setMine(res.data);
    finished(`${LABEL[pending]}: berhasil.`);
  }

  const staffActions = p.aksiTersedia.filter((a) => a !== "TIDAK_PUAS");
  return (
    <div className="narrow narrow--wide">
      <p className="breadcrumb">
        <Link to="/petugas/pengaduan">Meja pengaduan</Link> <span aria-hidden="true">›</span> {p.kodeLacak}
      </p>
      <PageTitle title={`Pengaduan ${p.kodeLacak}`}>{p.judul}</PageTitle>
      <section className="card" aria-label="Tindakan">
        <FormMessage kind="success">{done}</FormMessage>
        {staffActions.length > 0 ? (
          <div className="actions" role="group" aria-label="Tindakan">
            {staffActions.map((a) => (
              <button
                key={a}
                type="button"
                aria-expanded={pending === a}
                className={`button ${a === "TOLAK" ? "button--danger" : "button--primary"}`}
                onClick={() => toggle(a)}
              >
                {LABEL[a]}
              </button>
            ))}
          </div>
        ) : (
          <p className="muted">Tidak ada tindakan pada status ini.</p>
        )}
        {pending && ASK[pending] && (
          <div ref={panelRef} className="action-panel">
            <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label={LABEL[pending]}>
              <ErrorSummary {...form.summary} />
              {ASK[pending]!.note && <p>{ASK[pending]!.note}</p>}
              <Field name="pesan" label={ASK[pending]!.label} hint={ASK[pending]!.hint} error={errors.pesan} required={p.aksiWajibPesan.includes(pending)}>
                {(fp) => <textarea {...fp} rows={4} value={v.pesan} onChange={(e) => set("pesan", e.target.value)} />}
              </Field>
              {ASK[pending]!.files && (
                <EvidencePicker
                  name="lampiran"
                  label="Dokumentasi"
                  hint="Foto, video, atau dokumen tindak lanjut."
                  files={v.lampiran}
                  onChange={(files) => set("lampiran", files)}
                  errors={errors}
                  progress={v.lampiran.length ? progress : null}
                />
              )}
              <FormActions error={formError} busy={busy} kind={pending === "TOLAK" ? "danger" : "primary"} onCancel={() => setPending(null)}>
                Ya, {LABEL[pending].toLowerCase()}
              </FormActions>
            </form>
          </div>
        )}
        <LiveNote />
      </section>
      <PengaduanView pengaduan={p} staff />
    </div>
  );
}

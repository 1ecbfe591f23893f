import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { useQuery, useSubscription } from "urql";
import { graphql, useFragment } from "../../gql";
import { CardSection } from "../../components/card-section";
import { Field, FormActions, FormMessage } from "../../components/field";
import { LiveNote } from "../../components/live-note";
import { Loading, NotFound } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { PengaduanView } from "../../components/pengaduan-view";
import { Survey } from "../../components/survey";
import { requestErrorMessage } from "../../lib/errors";
import { useFlash } from "../../lib/flash";
import { useForm } from "../../lib/form";
import { isUuid, toGlobalId } from "../../lib/ids";
import { newest } from "../../lib/live";
import { useUpload } from "../../lib/upload-form";

export const PengaduanPage_PengaduanFragment = graphql(`
  fragment PengaduanPage_Pengaduan on Pengaduan {
    id
    judul
    status
    statusLabel
    aksiTersedia
    ...PengaduanView_Pengaduan
  }
`);

const PengaduanPageQuery = graphql(`
  query PengaduanPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Pengaduan {
        id
        versi
        ...PengaduanPage_Pengaduan
      }
    }
  }
`);

const PengaduanLiveSubscription = graphql(`
  subscription PengaduanLive($id: ID!) {
    pengaduanBerubah(id: $id) {
      id
      versi
      ...PengaduanPage_Pengaduan
    }
  }
`);

const TidakPuasMutation = graphql(`
  mutation TidakPuas($id: ID!, $versi: Int!, $pesan: String) {
    ubahStatusPengaduan(id: $id, versi: $versi, aksi: TIDAK_PUAS, pesan: $pesan) {
      __typename
      ... on UbahStatusPengaduanSuccess {
        data {
          id
          versi
          ...PengaduanPage_Pengaduan
        }
      }
      ...ErrorFields
    }
  }
`);

export default function PengaduanPage() {
  const { id = "" } = useParams();
  const flash = useFlash();
  const valid = isUuid(id);
  const gid = toGlobalId("Pengaduan", id);
  const [{ data, fetching, error }] = useQuery({ query: PengaduanPageQuery, variables: { id: gid }, pause: !valid });
  // the current state first, then every change
  const [{ data: live, error: liveError }] = useSubscription({ query: PengaduanLiveSubscription, variables: { id: gid }, pause: !valid });
  const [mine, setMine] = useState<NonNullable<typeof live>["pengaduanBerubah"] | null>(null);
  const [announce, setAnnounce] = useState("");
  const node = data?.node?.__typename === "Pengaduan" ? data.node : null;
  const current = newest(node, live?.pengaduanBerubah, mine);
  const p = useFragment(PengaduanPage_PengaduanFragment, current);
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!p) return;
    if (last.current && last.current !== p.status) setAnnounce(`Status pengaduan berubah: ${p.statusLabel}.`);
    last.current = p.status;
  }, [p]);

  const form = useForm({ pesan: "" }, ["pesan"]);
  const [open, setOpen] = useState(false);
  const { busy, send } = useUpload();

  if (!valid || (data && !node)) {
    return (
      <NotFound title="Pengaduan tidak ditemukan">
        Lihat <Link to="/pengaduan">pengaduan saya</Link>.
      </NotFound>
    );
  }
  if (!p || !current)
    return (
      <Loading fetching={fetching} error={error}>
        Memuat pengaduan…
      </Loading>
    );
  const versi = current.versi;

  async function tidakPuas(e: FormEvent) {
    e.preventDefault();
    const pesan = form.values.pesan.trim();
    form.setFormError(null);
    if (!form.checked(pesan.length < 5 ? { pesan: "Tuliskan alasan Anda belum puas (minimal 5 karakter)." } : {})) return;
    // the mutation takes optional files, so it goes as multipart like every complaint action
    const r = await send(TidakPuasMutation, { id: p!.id, versi, pesan });
    const res = r.data?.ubahStatusPengaduan;
    if (!res) return form.setFormError(r.failure ?? null);
    if (res.__typename !== "UbahStatusPengaduanSuccess") return form.showApiError(res);
    setMine(res.data);
    setOpen(false);
    form.setValues({ pesan: "" });
  }

  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/pengaduan">Pengaduan saya</Link> <span aria-hidden="true">›</span> {p.judul}
      </p>
      <PageTitle title={`Pengaduan: ${p.judul}`}>Pengaduan</PageTitle>
      {/* the confirmation of sending, until the first response */}
      <FormMessage kind="success">{p.status === "DITERIMA" ? flash : null}</FormMessage>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      <LiveNote error={liveError ? requestErrorMessage(liveError) : null} />
      <PengaduanView pengaduan={p} />
      {(p.status === "SELESAI" || p.status === "DITOLAK") && <Survey jenisKasus="PENGADUAN" kasusId={p.id} />}
      {p.aksiTersedia.includes("TIDAK_PUAS") && (
        <CardSection id="tidak-puas" title="Belum puas dengan penyelesaiannya?">
          <p>Anda dapat menyatakan tidak puas satu kali; pengaduan dibuka kembali dan ditindaklanjuti lagi.</p>
          {!open ? (
            <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
              Saya tidak puas…
            </button>
          ) : (
            <form ref={form.formRef} className="form" noValidate onSubmit={tidakPuas} aria-label="Pernyataan tidak puas">
              <Field name="pesan" label="Alasan" error={form.errors.pesan}>
                {(props) => <textarea {...props} rows={4} value={form.values.pesan} onChange={(e) => form.set("pesan", e.target.value)} />}
              </Field>
              <FormActions error={form.formError} busy={busy} busyText="Mengirim…" onCancel={() => setOpen(false)}>
                Kirim pernyataan tidak puas
              </FormActions>
            </form>
          )}
        </CardSection>
      )}
    </div>
  );
}

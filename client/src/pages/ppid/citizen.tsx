import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useMutation, useQuery, useSubscription } from "urql";
import { graphql, useFragment, type FragmentType } from "../../gql";
import type { CaraPerolehan, FormatInformasi } from "../../gql/graphql";
import { CardSection } from "../../components/card-section";
import { ErrorSummary } from "../../components/error-summary";
import { Field, FormActions, FormMessage, RadioChoice, SelectField } from "../../components/field";
import { LiveNote } from "../../components/live-note";
import { Loading, NotFound, QueryState } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { PermohonanBadge, PermohonanView } from "../../components/permohonan-view";
import { Survey } from "../../components/survey";
import type { FieldErrors } from "../../lib/errors";
import { useForm } from "../../lib/form";
import { showFailure } from "../../lib/form-failure";
import { formatDateTime } from "../../lib/format";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import { newest } from "../../lib/live";

const PermohonanSayaQuery = graphql(`
  query PermohonanSaya($first: Int) {
    permohonanInformasiSaya(first: $first) {
      edges {
        node {
          id
          nomorRegister
          status
          rincianInformasi
          diterimaAt
          tenggat
          terlambat
          instansi {
            id
            nama
            zonaWaktu
            zonaWaktuLabel
          }
        }
      }
    }
  }
`);

const InstansiPilihanQuery = graphql(`
  query InstansiPilihan {
    instansiList {
      id
      nama
    }
  }
`);

const AjukanPermohonanMutation = graphql(`
  mutation AjukanPermohonan($instansiId: ID!, $rincianInformasi: String!, $tujuan: String!, $format: FormatInformasi!, $caraPerolehan: CaraPerolehan!) {
    ajukanPermohonanInformasi(instansiId: $instansiId, rincianInformasi: $rincianInformasi, tujuan: $tujuan, format: $format, caraPerolehan: $caraPerolehan) {
      __typename
      ... on AjukanPermohonanInformasiSuccess {
        data {
          id
          nomorRegister
        }
      }
      ...ErrorFields
    }
  }
`);

export const Keberatan_PermohonanFragment = graphql(`
  fragment Keberatan_Permohonan on PermohonanInformasi {
    id
    status
    alasanKeberatan {
      alasan
      label
      bisaDiajukan
      batas
    }
    keberatan {
      id
      alasan
    }
  }
`);

const PermohonanPageQuery = graphql(`
  query PermohonanPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on PermohonanInformasi {
        id
        versi
        status
        ...PermohonanView_Permohonan
        ...Keberatan_Permohonan
      }
    }
  }
`);

const PermohonanLiveSubscription = graphql(`
  subscription PermohonanLive($id: ID!) {
    permohonanInformasiBerubah(id: $id) {
      id
      versi
      status
      ...PermohonanView_Permohonan
      ...Keberatan_Permohonan
    }
  }
`);

const AjukanKeberatanMutation = graphql(`
  mutation AjukanKeberatan($permohonanId: ID!, $alasan: AlasanKeberatan!, $uraian: String!) {
    ajukanKeberatan(permohonanId: $permohonanId, alasan: $alasan, uraian: $uraian) {
      __typename
      ... on AjukanKeberatanSuccess {
        data {
          id
          nomorRegister
        }
      }
      ...ErrorFields
    }
  }
`);

/** /informasi: my public-information requests (UU 14/2008). */
export function PermohonanSayaPage() {
  const [{ data, fetching, error }] = useQuery({ query: PermohonanSayaQuery, variables: { first: 50 }, requestPolicy: "cache-and-network" });
  const items = data?.permohonanInformasiSaya.edges ?? [];
  return (
    <>
      <PageTitle>Permohonan informasi publik</PageTitle>
      <div className="toolbar">
        <p className="lead">Minta informasi kepada badan publik (UU 14/2008). Jawaban paling lambat 10 hari kerja.</p>
        <p>
          <Link className="button button--primary" to="/informasi/baru">
            Minta informasi
          </Link>
        </p>
      </div>
      <QueryState fetching={fetching} error={error} loaded={!!data} />
      {data && items.length === 0 && <p className="card">Anda belum pernah meminta informasi publik.</p>}
      <ul className="request-list">
        {items.map(({ node: p }) => (
          <li key={p.id} className="card request">
            <div className="request__head">
              <h2 className="request__title">
                <Link to={`/informasi/${rawId(p.id)}`}>{p.rincianInformasi.length > 90 ? `${p.rincianInformasi.slice(0, 90)}…` : p.rincianInformasi}</Link>
              </h2>
              <PermohonanBadge status={p.status} />
            </div>
            <p className="request__meta">
              <span className="mono">{p.nomorRegister}</span> · {p.instansi.nama} · {formatDateTime(p.diterimaAt, p.instansi.zonaWaktu)}{" "}
              {p.instansi.zonaWaktuLabel}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

const FIELDS = ["instansiId", "rincianInformasi", "tujuan", "format", "caraPerolehan"];
const KEBERATAN_FIELDS = ["alasan", "uraian"];

interface PermohonanValues {
  instansiId: string;
  rincianInformasi: string;
  tujuan: string;
  format: FormatInformasi;
  caraPerolehan: CaraPerolehan;
}

const FORMAT = [
  ["SOFTCOPY", "Salinan elektronik (softcopy)"],
  ["HARDCOPY", "Salinan cetak (hardcopy)"],
] as const;

const CARA = [
  ["EMAIL", "Dikirim lewat email"],
  ["AMBIL", "Diambil langsung"],
  ["POS", "Dikirim lewat pos"],
] as const;

/** /informasi/baru */
export function PermohonanBaruPage() {
  const navigate = useNavigate();
  const [{ data }] = useQuery({ query: InstansiPilihanQuery });
  const offices = data?.instansiList ?? [];
  const form = useForm<PermohonanValues>({ instansiId: "", rincianInformasi: "", tujuan: "", format: "SOFTCOPY", caraPerolehan: "EMAIL" }, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const [{ fetching }, ajukan] = useMutation(AjukanPermohonanMutation);
  useEffect(() => {
    if (!v.instansiId && offices.length === 1) set("instansiId", offices[0]!.id);
  }, [offices, v.instansiId, set]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!v.instansiId) local.instansiId = "Pilih badan publik yang Anda mintai informasi.";
    if (v.rincianInformasi.trim().length < 10) local.rincianInformasi = "Rincian informasi yang dibutuhkan wajib diisi (minimal 10 karakter).";
    if (v.tujuan.trim().length < 5) local.tujuan = "Tujuan penggunaan informasi wajib diisi (minimal 5 karakter).";
    if (v.format === "HARDCOPY" && v.caraPerolehan === "EMAIL")
      local.caraPerolehan = "Salinan cetak (hardcopy) tidak dapat dikirim lewat email; pilih ambil langsung atau pos.";
    setFormError(null);
    if (!form.checked(local)) return;
    const r = await ajukan({ ...v, rincianInformasi: v.rincianInformasi.trim(), tujuan: v.tujuan.trim() });
    const res = r.data?.ajukanPermohonanInformasi;
    if (res?.__typename === "AjukanPermohonanInformasiSuccess") return navigate(`/informasi/${rawId(res.data.id)}`);
    showFailure(form, res, r.error);
  }

  return (
    <div className="narrow">
      <PageTitle>Minta informasi publik</PageTitle>
      <p className="lead">
        Tuliskan informasi yang Anda butuhkan sejelas mungkin. PPID menjawab paling lambat 10 hari kerja dan dapat memperpanjang satu kali paling lama 7 hari
        kerja dengan alasan tertulis.
      </p>
      <form ref={form.formRef} className="card form" noValidate onSubmit={submit} aria-label="Permohonan informasi">
        <ErrorSummary {...form.summary} />
        {offices.length > 1 && (
          <SelectField
            name="instansiId"
            label="Badan publik"
            error={errors.instansiId}
            value={v.instansiId}
            onChange={(id) => set("instansiId", id)}
            options={offices}
            placeholder="— Pilih —"
          />
        )}
        <Field
          name="rincianInformasi"
          label="Rincian informasi yang dibutuhkan"
          hint="Contoh: Daftar penerima bantuan rumah ibadah tahun 2026 beserta nilai bantuannya."
          error={errors.rincianInformasi}
        >
          {(props) => <textarea {...props} rows={5} maxLength={5000} value={v.rincianInformasi} onChange={(e) => set("rincianInformasi", e.target.value)} />}
        </Field>
        <Field name="tujuan" label="Tujuan penggunaan informasi" error={errors.tujuan}>
          {(props) => <textarea {...props} rows={3} maxLength={2000} value={v.tujuan} onChange={(e) => set("tujuan", e.target.value)} />}
        </Field>
        <RadioChoice
          name="format"
          legend="Bentuk informasi"
          options={FORMAT}
          value={v.format}
          onChange={(f) => {
            set("format", f);
            form.clear("caraPerolehan");
          }}
        />
        <RadioChoice
          name="caraPerolehan"
          legend="Cara memperoleh"
          options={CARA}
          value={v.caraPerolehan}
          onChange={(c) => set("caraPerolehan", c)}
          error={errors.caraPerolehan ?? null}
        />
        <FormActions error={formError} busy={fetching} busyText="Mengirim…">
          Kirim permohonan
        </FormActions>
      </form>
    </div>
  );
}

/** /informasi/:id — live status, the written answer, and objections on the grounds that exist. */
export function PermohonanPage() {
  const { id = "" } = useParams();
  const valid = isUuid(id);
  const gid = toGlobalId("PermohonanInformasi", id);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PermohonanPageQuery, variables: { id: gid }, pause: !valid });
  const [{ data: live }] = useSubscription({ query: PermohonanLiveSubscription, variables: { id: gid }, pause: !valid });
  const node = data?.node?.__typename === "PermohonanInformasi" ? data.node : null;
  // an objection or its answer changes the request without a new versi: of equal versions the live copy is the newer
  const p = newest(node, live?.permohonanInformasiBerubah);

  if (!valid || (data && !node)) {
    return (
      <NotFound title="Permohonan tidak ditemukan">
        Lihat <Link to="/informasi">permohonan informasi Anda</Link>.
      </NotFound>
    );
  }
  if (!p) return <Loading fetching={fetching} error={error} />;

  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/informasi">Permohonan informasi</Link>
      </p>
      <PageTitle>Permohonan informasi</PageTitle>
      <LiveNote />
      <PermohonanView permohonan={p} />
      <KeberatanSection permohonan={p} onFiled={() => refetch({ requestPolicy: "network-only" })} />
      {decided(p.status) && <Survey jenisKasus="PERMOHONAN_INFORMASI" kasusId={p.id} />}
    </div>
  );
}

const decided = (status: string) => status === "DIKABULKAN" || status === "DIKABULKAN_SEBAGIAN" || status === "DITOLAK";

/** An objection to the atasan PPID, on a ground of UU 14/2008 Pasal 35 not used yet. */
function KeberatanSection(props: { permohonan: FragmentType<typeof Keberatan_PermohonanFragment>; onFiled: () => void }) {
  const p = useFragment(Keberatan_PermohonanFragment, props.permohonan);
  const form = useForm({ alasan: "", uraian: "" }, KEBERATAN_FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const [done, setDone] = useState<string | null>(null);
  const [objecting, setObjecting] = useState(false);
  const [{ fetching: sending }, ajukan] = useMutation(AjukanKeberatanMutation);

  // one objection per ground: a ground already used is not offered again
  const grounds = p.alasanKeberatan.filter((a) => a.bisaDiajukan && !p.keberatan.some((k) => k.alasan === a.alasan));
  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!v.alasan) local.alasan = "Pilih alasan keberatan.";
    if (v.uraian.trim().length < 10) local.uraian = "Uraian keberatan wajib diisi (minimal 10 karakter).";
    setFormError(null);
    if (!form.checked(local)) return;
    const r = await ajukan({ permohonanId: p.id, alasan: v.alasan as never, uraian: v.uraian.trim() });
    const res = r.data?.ajukanKeberatan;
    if (res?.__typename === "AjukanKeberatanSuccess") {
      setDone(`Keberatan terdaftar dengan nomor ${res.data.nomorRegister}.`);
      form.setValues({ alasan: "", uraian: "" });
      setObjecting(false);
      props.onFiled();
      return;
    }
    showFailure(form, res, r.error);
  }

  return (
    <>
      <FormMessage kind="success">{done}</FormMessage>
      {grounds.length > 0 && (
        <CardSection id="ajukan-keberatan" title="Ajukan keberatan">
          <p className="muted">
            Bila Anda keberatan atas {decided(p.status) ? "jawaban ini" : "penanganan permohonan ini"}, ajukan keberatan kepada atasan PPID dengan salah satu
            alasan dalam UU 14/2008 Pasal 35 yang berlaku. Keberatan ditanggapi paling lambat 30 hari kerja.
          </p>
          {!objecting ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setObjecting(true);
                setDone(null);
              }}
            >
              Ajukan keberatan…
            </button>
          ) : (
            <form ref={form.formRef} className="form" noValidate onSubmit={submit} aria-label="Ajukan keberatan">
              <ErrorSummary {...form.summary} />
              <SelectField
                name="alasan"
                label="Alasan (UU 14/2008 Pasal 35)"
                error={errors.alasan}
                value={v.alasan}
                onChange={(a) => set("alasan", a)}
                options={grounds.map((g) => ({ id: g.alasan, nama: `${g.label}${g.batas ? ` (paling lambat ${formatDateTime(g.batas)})` : ""}` }))}
                placeholder="— Pilih alasan —"
              />
              <Field name="uraian" label="Uraian keberatan" error={errors.uraian}>
                {(props) => <textarea {...props} rows={4} value={v.uraian} onChange={(e) => set("uraian", e.target.value)} />}
              </Field>
              <FormActions error={formError} busy={sending} busyText="Mengirim…" onCancel={() => setObjecting(false)}>
                Ajukan keberatan
              </FormActions>
            </form>
          )}
        </CardSection>
      )}
    </>
  );
}

import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useMutation, useQuery, useSubscription } from "urql";
import { graphql, useFragment, type FragmentType } from "../../gql";
import { CardSection } from "../../components/card-section";
import { AnswerRow } from "../../components/check-answers";
import { ErrorSummary } from "../../components/error-summary";
import { Field, FormActions, FormMessage, RadioChoice, SelectField } from "../../components/field";
import { LiveNote } from "../../components/live-note";
import { Loading, NotFound, QueryState } from "../../components/page-state";
import { PageTitle } from "../../components/page-title";
import { PermohonanBadge, PermohonanView } from "../../components/permohonan-view";
import { Survey } from "../../components/survey";
import { useBrowserDraft } from "../../lib/browser-draft";
import { useForm } from "../../lib/form";
import { showFailure } from "../../lib/form-failure";
import { formatDateTime } from "../../lib/format";
import { isUuid, rawId, toGlobalId } from "../../lib/ids";
import { newest } from "../../lib/live";
import { CheckAnswersCard, useCheckStep } from "../pengaduan/check-step";
import { checkKeberatan, checkPermohonan, type PermohonanValues } from "./checks";

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

/** what the browser keeps of an unsent request (lib/browser-draft.ts) */
const KEPT = ["instansiId", "rincianInformasi", "tujuan", "format", "caraPerolehan"] as const;

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
const STILL_LOADING = "Daftar badan publik masih dimuat. Tunggu sebentar, lalu tekan “Lanjutkan” lagi.";

export function PermohonanBaruPage() {
  const navigate = useNavigate();
  const [{ data, fetching: loadingOffices }] = useQuery({ query: InstansiPilihanQuery });
  const offices = data?.instansiList ?? [];
  const form = useForm<PermohonanValues>({ instansiId: "", rincianInformasi: "", tujuan: "", format: "SOFTCOPY", caraPerolehan: "EMAIL" }, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const [{ fetching }, ajukan] = useMutation(AjukanPermohonanMutation);
  const kept = useBrowserDraft("permohonan-informasi", v, KEPT, (saved) => form.setValues((x) => ({ ...x, ...saved })));
  // "Periksa kembali": the answers once more, each with a change link to its field, before the one click that
  // sends; the same step (and the same rows) as the complaint form's
  const check = useCheckStep(form, "periksa-permohonan");
  useEffect(() => {
    if (!v.instansiId && offices.length === 1) set("instansiId", offices[0]!.id);
  }, [offices, v.instansiId, set]);

  /** "Lanjutkan": checked as the API will check it, then every answer is shown once more. */
  function review(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const errors = checkPermohonan(v);
    // the offices still loading: choosing one is not the citizen's to do yet (with one office it is chosen for them)
    if (!data && errors.instansiId) {
      delete errors.instansiId;
      if (!Object.keys(errors).length) return setFormError(STILL_LOADING);
    }
    if (form.checked(errors)) check.open();
  }

  async function send() {
    if (fetching) return;
    setFormError(null);
    const r = await ajukan({ ...v, rincianInformasi: v.rincianInformasi.trim(), tujuan: v.tujuan.trim() });
    const res = r.data?.ajukanPermohonanInformasi;
    if (res?.__typename === "AjukanPermohonanInformasiSuccess") {
      kept.clear();
      return navigate(`/informasi/${rawId(res.data.id)}`);
    }
    // no answer (the connection): everything stays here, to send again
    if (!res) return showFailure(form, res, r.error);
    // a refused answer is fixed on the form, where it is
    check.refuse(res);
  }

  return (
    <div className="narrow">
      <PageTitle>Minta informasi publik</PageTitle>
      <p className="lead">
        Tuliskan informasi yang Anda butuhkan sejelas mungkin. PPID menjawab paling lambat 10 hari kerja dan dapat memperpanjang satu kali paling lama 7 hari
        kerja dengan alasan tertulis.
      </p>
      {check.step === "periksa" && (
        <CheckAnswersCard
          headingId="periksa-permohonan"
          title="Periksa kembali sebelum mengirim"
          intro="Pastikan isi permohonan di bawah ini benar. Tekan “Ubah” untuk memperbaiki."
          declaration="Dengan menekan “Kirim permohonan”, Anda menyatakan isi permohonan ini benar dan informasi yang diperoleh digunakan sesuai tujuan yang Anda tulis."
          error={formError}
          progress={null}
          sending={fetching}
          submitLabel="Kirim permohonan"
          onSubmit={() => void send()}
          formTo={check.formTo()}
        >
          {offices.length > 1 && (
            <AnswerRow label="Badan publik" value={offices.find((o) => o.id === v.instansiId)?.nama ?? ""} to={check.changeTo("instansiId")} />
          )}
          <AnswerRow label="Rincian informasi yang dibutuhkan" value={v.rincianInformasi.trim()} to={check.changeTo("rincianInformasi")} />
          <AnswerRow label="Tujuan penggunaan informasi" value={v.tujuan.trim()} to={check.changeTo("tujuan")} />
          <AnswerRow label="Bentuk informasi" value={FORMAT.find(([k]) => k === v.format)?.[1] ?? v.format} to={check.changeTo("format")} />
          <AnswerRow label="Cara memperoleh" value={CARA.find(([k]) => k === v.caraPerolehan)?.[1] ?? v.caraPerolehan} to={check.changeTo("caraPerolehan")} />
        </CheckAnswersCard>
      )}
      {/* the values live in the form hook, not in the controls: the form can leave the page while the answers are checked */}
      {check.step === "isi" && (
        <form ref={form.formRef} className="card form" noValidate onSubmit={review} aria-label="Permohonan informasi">
          <ErrorSummary {...form.summary} />
          {kept.restored && <p className="alert alert--info">Isian yang belum terkirim dipulihkan.</p>}
          {offices.length !== 1 && (
            <SelectField
              name="instansiId"
              label="Badan publik"
              loading={loadingOffices || !data}
              empty={{
                why: "Belum ada badan publik yang menerima permohonan informasi di sini.",
                todo: "Ajukan permohonan langsung ke PPID badan publik yang bersangkutan, atau coba lagi nanti.",
              }}
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
          <FormActions error={formError}>{check.changing ? "Kembali ke pemeriksaan" : "Lanjutkan"}</FormActions>
        </form>
      )}
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
    const local = checkKeberatan(v);
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

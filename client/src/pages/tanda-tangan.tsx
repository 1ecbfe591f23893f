import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery, useSubscription } from "urql";
import { graphql, useFragment, type FragmentType } from "../gql";
import { ErrorSummary } from "../components/error-summary";
import { Fact } from "../components/facts";
import { Field, FormActions, PassphraseField } from "../components/field";
import { LiveNote } from "../components/live-note";
import { QueryState } from "../components/page-state";
import { PageTitle } from "../components/page-title";
import { errorOf, requestErrorMessage, type FieldErrors } from "../lib/errors";
import { showFailure } from "../lib/form-failure";
import { useForm } from "../lib/form";
import { formatDateTime } from "../lib/format";
import { rawId } from "../lib/ids";

export const TandaTangan_SuratFragment = graphql(`
  fragment TandaTangan_Surat on Surat {
    id
    nomor
    layananNama
    nomorRegistrasi
    pengajuanId
    createdAt
    unduhUrl
    dapatDitandatangani
    instansi {
      id
      zonaWaktu
    }
  }
`);

const AntrianTtdQuery = graphql(`
  query AntrianTtd {
    antrianTtd {
      id
      ...TandaTangan_Surat
    }
  }
`);

const AntrianTtdBerubahSubscription = graphql(`
  subscription AntrianTtdBerubah {
    antrianTtdBerubah {
      id
      ...TandaTangan_Surat
    }
  }
`);

const TandatanganiMutation = graphql(`
  mutation TandatanganiSurat($id: ID!, $passphrase: String!) {
    tandatanganiSurat(id: $id, passphrase: $passphrase) {
      __typename
      ... on TandatanganiSuratSuccess {
        data {
          id
          nomor
          status
        }
      }
      ...ErrorFields
    }
  }
`);

const KembalikanMutation = graphql(`
  mutation KembalikanSurat($id: ID!, $catatan: String!) {
    kembalikanSurat(id: $id, catatan: $catatan) {
      __typename
      ... on KembalikanSuratSuccess {
        data {
          id
          nomor
          status
        }
      }
      ...ErrorFields
    }
  }
`);

type Item = { id: string } & FragmentType<typeof TandaTangan_SuratFragment>;

export const PASSPHRASE_SALAH = "Passphrase salah. Periksa huruf besar dan kecilnya, lalu ketik ulang.";

const SIGN_FIELDS = ["passphrase"];
const RETURN_FIELDS = ["catatan"];

/** "Tandatangani": the passphrase unlocks the key for this one signature; it is never kept, not even in the box. */
function SignForm({ id, nomor, onDone, onCancel }: { id: string; nomor: string; onDone: (message: string) => void; onCancel: () => void }) {
  const form = useForm({ passphrase: "" }, SIGN_FIELDS);
  const [{ fetching }, sign] = useMutation(TandatanganiMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const passphrase = form.values.passphrase;
    // the box is emptied at once: the passphrase lives only in this request
    form.setValues({ passphrase: "" });
    form.setFormError(null);
    if (!form.checked(passphrase ? {} : { passphrase: "Masukkan passphrase tanda tangan elektronik Anda." })) return;
    const r = await sign({ id, passphrase });
    const res = r.data?.tandatanganiSurat;
    if (res?.__typename === "TandatanganiSuratSuccess") return onDone(`Surat ${res.data.nomor} telah ditandatangani dan dikirim ke pemohon.`);
    if (errorOf(res)?.code === "TTD_PASSPHRASE_SALAH") return form.showErrors({ passphrase: PASSPHRASE_SALAH });
    showFailure(form, res, r.error);
  }

  return (
    <form ref={form.formRef} className="form action-panel" noValidate onSubmit={submit} aria-label={`Tandatangani surat ${nomor}`}>
      <ErrorSummary {...form.summary} />
      <PassphraseField
        label="Passphrase tanda tangan elektronik"
        hint="Passphrase membuka sertifikat Anda untuk tanda tangan ini saja. Loket tidak menyimpannya."
        error={form.errors.passphrase}
        autoFocus
        value={form.values.passphrase}
        onChange={(v) => form.set("passphrase", v)}
      />
      <FormActions error={form.formError} busy={fetching} busyText="Menandatangani…" onCancel={onCancel}>
        Tandatangani surat
      </FormActions>
    </form>
  );
}

/** "Kembalikan": the letter goes back to the officers with what to change. */
function ReturnForm({ id, nomor, onDone, onCancel }: { id: string; nomor: string; onDone: (message: string) => void; onCancel: () => void }) {
  const form = useForm({ catatan: "" }, RETURN_FIELDS);
  const [{ fetching }, kembalikan] = useMutation(KembalikanMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const catatan = form.values.catatan.trim();
    const local: FieldErrors = {};
    if (catatan.length < 5) local.catatan = "Tuliskan apa yang perlu diperbaiki pada surat (minimal 5 karakter).";
    form.setFormError(null);
    if (!form.checked(local)) return;
    const r = await kembalikan({ id, catatan });
    const res = r.data?.kembalikanSurat;
    if (res?.__typename === "KembalikanSuratSuccess") return onDone(`Surat ${res.data.nomor} dikembalikan kepada petugas beserta catatan Anda.`);
    showFailure(form, res, r.error, { pesan: "catatan" });
  }

  return (
    <form ref={form.formRef} className="form action-panel" noValidate onSubmit={submit} aria-label={`Kembalikan surat ${nomor}`}>
      <ErrorSummary {...form.summary} />
      <Field
        name="catatan"
        label="Catatan untuk petugas"
        hint="Apa yang perlu diperbaiki pada surat. Petugas membacanya; pemohon tidak."
        error={form.errors.catatan}
      >
        {(fp) => (
          // biome-ignore lint/a11y/noAutofocus: the box appears in answer to the official's own "Kembalikan"
          <textarea {...fp} rows={4} maxLength={2000} autoFocus {...form.bind("catatan")} />
        )}
      </Field>
      <FormActions error={form.formError} busy={fetching} kind="secondary" onCancel={onCancel}>
        Kembalikan surat
      </FormActions>
    </form>
  );
}

function SuratItem(props: { surat: Item; onDone: (id: string, message: string) => void }) {
  const s = useFragment(TandaTangan_SuratFragment, props.surat);
  const [open, setOpen] = useState<"sign" | "return" | null>(null);
  const headingId = `surat-${rawId(s.id)}`;
  const done = (message: string) => props.onDone(s.id, message);
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="mono">
        {s.nomor}
      </h2>
      <dl className="facts facts--compact">
        <Fact label="Layanan">{s.layananNama ?? "—"}</Fact>
        <Fact label="Nomor registrasi" className="mono">
          {s.nomorRegistrasi ?? "—"}
        </Fact>
        <Fact label="Dikirim">{formatDateTime(s.createdAt, s.instansi.zonaWaktu)}</Fact>
      </dl>
      {s.unduhUrl && (
        <p>
          <a href={s.unduhUrl} target="_blank" rel="noopener">
            Baca surat (PDF)<span className="sr-only"> {s.nomor}, terbuka di tab baru</span>
          </a>
        </p>
      )}
      {s.dapatDitandatangani && (
        <>
          <div className="actions" role="group" aria-label={`Tindakan untuk surat ${s.nomor}`}>
            <button type="button" className="button button--primary" aria-expanded={open === "sign"} onClick={() => setOpen(open === "sign" ? null : "sign")}>
              Tandatangani
            </button>
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={open === "return"}
              onClick={() => setOpen(open === "return" ? null : "return")}
            >
              Kembalikan
            </button>
          </div>
          {open === "sign" && <SignForm id={s.id} nomor={s.nomor} onDone={done} onCancel={() => setOpen(null)} />}
          {open === "return" && <ReturnForm id={s.id} nomor={s.nomor} onDone={done} onCancel={() => setOpen(null)} />}
        </>
      )}
    </li>
  );
}

function Antrian() {
  const [{ data, fetching, error }] = useQuery({ query: AntrianTtdQuery, requestPolicy: "cache-and-network" });
  const [{ data: changed, error: streamError }] = useSubscription({ query: AntrianTtdBerubahSubscription });
  const [list, setList] = useState<readonly Item[] | null>(null);
  // letters just signed or returned leave at once; the stream's next list (which no longer has them) takes over
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (data) setList(data.antrianTtd);
  }, [data]);
  useEffect(() => {
    if (!changed) return;
    setList(changed.antrianTtdBerubah);
    setGone(new Set());
  }, [changed]);
  useEffect(() => {
    // the form the official was in has gone with its letter: the confirmation takes focus
    if (message) messageRef.current?.focus();
  }, [message]);

  const shown = (list ?? []).filter((s) => !gone.has(s.id));
  return (
    <>
      <div ref={messageRef} tabIndex={-1} role="status" className={message ? "alert alert--success" : undefined}>
        {message}
      </div>
      <QueryState fetching={fetching} error={error} loaded={list !== null} />
      {list !== null &&
        (shown.length === 0 ? (
          <p className="card muted">Tidak ada surat yang menunggu tanda tangan Anda.</p>
        ) : (
          <>
            <p className="muted">
              {shown.length === 1 ? "1 surat menunggu tanda tangan Anda." : `${shown.length} surat menunggu tanda tangan Anda, terlama di atas.`}
            </p>
            <ul className="users">
              {shown.map((s) => (
                <SuratItem
                  key={s.id}
                  surat={s}
                  onDone={(id, text) => {
                    setGone((g) => new Set([...g, id]));
                    setMessage(text);
                  }}
                />
              ))}
            </ul>
          </>
        ))}
      <LiveNote error={streamError ? requestErrorMessage(streamError) : null} />
    </>
  );
}

/** /tanda-tangan (behind a login, app.tsx): anyone's own signing queue, empty for all who are not signing officials. */
export default function TandaTanganPage() {
  return (
    <div className="narrow">
      <PageTitle>Tanda tangan surat</PageTitle>
      <p className="lead">
        Surat hasil layanan yang dikirim petugas kepada Anda. Baca suratnya, lalu tandatangani atau kembalikan dengan catatan. Surat yang ditandatangani
        langsung dikirim ke pemohon.
      </p>
      <Antrian />
    </div>
  );
}

import { Fragment, useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { useFragment, type FragmentType } from "../../../gql";
import type { SuratStatus } from "../../../gql/graphql";
import { useDeskInstansi } from "../../../components/desk-instansi";
import { ErrorSummary } from "../../../components/error-summary";
import { Field, FormActions } from "../../../components/field";
import { QueryState } from "../../../components/page-state";
import { PageTitle } from "../../../components/page-title";
import { RequireRole } from "../../../components/require-role";
import type { FieldErrors } from "../../../lib/errors";
import { showFailure } from "../../../lib/form-failure";
import { useForm } from "../../../lib/form";
import { formatDate, formatDateTime } from "../../../lib/format";
import { rawId } from "../../../lib/ids";
import { BatalkanSuratMutation, RegisterSuratFragment, RegisterSuratQuery } from "./documents";

export const SURAT_STATUS_TEXT: Record<SuratStatus, { label: string; tone: "ok" | "pending" | "info" | "closed" }> = {
  MENUNGGU_TTD: { label: "Menunggu tanda tangan", tone: "info" },
  DIKEMBALIKAN: { label: "Dikembalikan pejabat", tone: "pending" },
  TERBIT: { label: "Terbit", tone: "ok" },
  DIBATALKAN: { label: "Dibatalkan", tone: "closed" },
};

const STATUSES: readonly SuratStatus[] = ["MENUNGGU_TTD", "DIKEMBALIKAN", "TERBIT", "DIBATALKAN"];

const PAGE = 50;

type Row = FragmentType<typeof RegisterSuratFragment>;

/** /unduh/register-surat.csv with the filters: a plain link, the session cookie goes along. */
export function csvHref(f: { instansiId: string | null; tahun: number | null; status: SuratStatus | null }): string {
  const q = new URLSearchParams();
  if (f.tahun) q.set("tahun", String(f.tahun));
  if (f.status) q.set("status", f.status);
  if (f.instansiId) q.set("instansiId", rawId(f.instansiId));
  const s = q.toString();
  return `/unduh/register-surat.csv${s ? `?${s}` : ""}`;
}

const BATAL_FIELDS = ["alasan"];

/**
 * "Batalkan nomor": what it means, the reason (required), and the button that does it. The number stays in the
 * register, marked void, and is never given again.
 */
function BatalkanForm({ id, nomor, onDone, onCancel }: { id: string; nomor: string; onDone: (message: string) => void; onCancel: () => void }) {
  const form = useForm({ alasan: "" }, BATAL_FIELDS);
  const [{ fetching }, batalkan] = useMutation(BatalkanSuratMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const alasan = form.values.alasan.trim();
    const local: FieldErrors = {};
    if (alasan.length < 5) local.alasan = "Tuliskan alasan pembatalan (paling sedikit 5 karakter).";
    else if (alasan.length > 500) local.alasan = "Alasan pembatalan paling banyak 500 karakter.";
    form.setFormError(null);
    if (!form.checked(local)) return;
    const r = await batalkan({ id, alasan });
    const res = r.data?.batalkanSurat;
    if (res?.__typename === "BatalkanSuratSuccess")
      return onDone(`Nomor surat ${nomor} dibatalkan. Nomor ini tetap tercatat di register dan tidak akan dipakai lagi.`);
    showFailure(form, res, r.error);
  }

  return (
    <form ref={form.formRef} className="form alert alert--warning" noValidate onSubmit={submit} aria-label={`Batalkan nomor surat ${nomor}`}>
      <ErrorSummary {...form.summary} />
      <p>
        Batalkan nomor <strong className="mono">{nomor}</strong>? Nomor ini tetap tercatat di register sebagai dibatalkan, tidak akan diberikan lagi, dan
        halaman verifikasi menyatakan suratnya batal. Pembatalan tidak dapat diurungkan.
      </p>
      <Field name="alasan" label="Alasan pembatalan" hint="Tercatat di register dan tampil di halaman verifikasi surat." error={form.errors.alasan}>
        {(fp) => (
          // biome-ignore lint/a11y/noAutofocus: the box appears in answer to the admin's own "Batalkan nomor"
          <textarea {...fp} rows={3} maxLength={500} autoFocus {...form.bind("alasan")} />
        )}
      </Field>
      <FormActions error={form.formError} busy={fetching} busyText="Membatalkan…" kind="danger" onCancel={onCancel} cancelKind="secondary">
        Ya, batalkan nomor
      </FormActions>
    </form>
  );
}

function SuratRow({ row, open, onOpen, onClose, onDone }: { row: Row; open: boolean; onOpen: () => void; onClose: () => void; onDone: (m: string) => void }) {
  const s = useFragment(RegisterSuratFragment, row);
  const zone = s.instansi.zonaWaktu;
  const status = SURAT_STATUS_TEXT[s.status];
  return (
    <Fragment>
      <tr>
        <td>
          {s.unduhUrl ? (
            <a className="mono nomor" href={s.unduhUrl} target="_blank" rel="noopener">
              {s.nomor}
              <span className="sr-only"> (PDF, tab baru)</span>
            </a>
          ) : (
            <span className="mono nomor">{s.nomor}</span>
          )}
          <span className="table__sub">Kode {s.kodeKlasifikasi}</span>
        </td>
        <td data-label="Tanggal">{formatDate(s.tanggal, { weekday: false })}</td>
        <td data-label="Layanan">{s.layananNama ?? "—"}</td>
        <td data-label="Nomor registrasi" className="mono">
          {s.nomorRegistrasi ?? "—"}
        </td>
        <td data-label="Penandatangan">
          {s.penandatanganNama ?? "—"}
          {s.ditandatanganiAt && (
            <span className="table__sub">
              {formatDateTime(s.ditandatanganiAt, zone)} {s.instansi.zonaWaktuLabel}
            </span>
          )}
        </td>
        <td data-label="Status">
          <span className={`badge badge--${status.tone}`}>{status.label}</span>
          {s.status === "DIBATALKAN" && (
            <span className="table__sub">
              Alasan: {s.alasanBatal ?? "—"}
              <br />
              {s.dibatalkanOlehNama ? `Oleh ${s.dibatalkanOlehNama}` : "Dibatalkan"}
              {s.dibatalkanAt ? `, ${formatDateTime(s.dibatalkanAt, zone)} ${s.instansi.zonaWaktuLabel}` : ""}
            </span>
          )}
        </td>
        <td>
          {s.dapatDibatalkan && !open && (
            <button type="button" className="button button--quiet button--small" onClick={onOpen}>
              Batalkan nomor<span className="sr-only"> {s.nomor}</span>
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={7}>
            <BatalkanForm id={s.id} nomor={s.nomor} onDone={onDone} onCancel={onClose} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function Register({ instansiId }: { instansiId: string }) {
  const thisYear = new Date().getFullYear();
  const [tahun, setTahun] = useState<number | null>(thisYear);
  const [status, setStatus] = useState<SuratStatus | null>(null);
  // the cursors of the pages before this one: "Sebelumnya" goes back one
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [{ data, fetching, error }] = useQuery({
    query: RegisterSuratQuery,
    variables: { instansiId, tahun, status, first: PAGE, after },
    requestPolicy: "cache-and-network",
  });
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  function filter(next: { tahun?: number | null; status?: SuratStatus | null }) {
    if (next.tahun !== undefined) setTahun(next.tahun);
    if (next.status !== undefined) setStatus(next.status);
    setCursors([null]);
    setOpen(null);
    setMessage(null);
  }

  const list = data?.registerSurat;
  const first = (cursors.length - 1) * PAGE + 1;
  return (
    <>
      <div className="toolbar" role="group" aria-label="Saring register">
        <label className="inline-field">
          <span>Tahun</span>
          <select className="input--short" value={tahun ?? ""} onChange={(e) => filter({ tahun: e.target.value ? Number(e.target.value) : null })}>
            {[0, 1, 2].map((d) => (
              <option key={d} value={thisYear - d}>
                {thisYear - d}
              </option>
            ))}
            <option value="">Semua tahun</option>
          </select>
        </label>
        <label className="inline-field">
          <span>Status</span>
          <select value={status ?? ""} onChange={(e) => filter({ status: (e.target.value || null) as SuratStatus | null })}>
            <option value="">Semua status</option>
            {STATUSES.map((st) => (
              <option key={st} value={st}>
                {SURAT_STATUS_TEXT[st].label}
              </option>
            ))}
          </select>
        </label>
        <p>
          <a className="button button--secondary" href={csvHref({ instansiId, tahun, status })} download>
            Unduh register (CSV)
          </a>
        </p>
      </div>
      <div ref={messageRef} tabIndex={-1} role="status" className={message ? "alert alert--success" : undefined}>
        {message}
      </div>
      <QueryState fetching={fetching} error={error} loaded={!!list} staleError />
      {list && (
        <p className="muted" aria-live="polite">
          {list.totalCount === 0
            ? "Tidak ada surat untuk saringan ini."
            : `${list.totalCount} surat${list.totalCount > PAGE ? `; ditampilkan ${first}–${first + list.edges.length - 1}` : ""}, urut sesuai waktu nomor diberikan.`}
        </p>
      )}
      {list && list.edges.length > 0 && (
        <div className="table-wrap">
          <table className="table table--cards">
            <caption className="sr-only">Register surat</caption>
            <thead>
              <tr>
                <th scope="col">Nomor surat</th>
                <th scope="col">Tanggal</th>
                <th scope="col">Layanan</th>
                <th scope="col">Nomor registrasi</th>
                <th scope="col">Penandatangan</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node }) => (
                <SuratRow
                  key={node.id}
                  row={node}
                  open={open === node.id}
                  onOpen={() => {
                    setMessage(null);
                    setOpen(node.id);
                  }}
                  onClose={() => setOpen(null)}
                  onDone={(m) => {
                    setOpen(null);
                    setMessage(m);
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list && (cursors.length > 1 || list.pageInfo.hasNextPage) && (
        <nav className="center" aria-label="Halaman register">
          {cursors.length > 1 && (
            <button type="button" className="button button--secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>
              Sebelumnya
            </button>
          )}{" "}
          {list.pageInfo.hasNextPage && list.pageInfo.endCursor && (
            <button type="button" className="button button--secondary" onClick={() => setCursors((c) => [...c, list.pageInfo.endCursor!])}>
              Berikutnya
            </button>
          )}
        </nav>
      )}
    </>
  );
}

function Halaman() {
  const { instansiId, waiting, picker } = useDeskInstansi();
  return (
    <>
      <PageTitle>Register surat</PageTitle>
      <p className="lead">
        Semua nomor surat yang diberikan kantor ini, termasuk yang dibatalkan. Nomor yang dibatalkan tetap tercatat beserta alasannya dan tidak dipakai lagi.
      </p>
      {picker}
      {instansiId && !waiting ? <Register key={instansiId} instansiId={instansiId} /> : !waiting && <p className="muted">Pilih instansi terlebih dahulu.</p>}
    </>
  );
}

/** /admin/register-surat — the office's register of letters: filters, CSV, and voiding a number (its admins). */
export default function RegisterSuratPage() {
  return (
    <RequireRole role="admin">
      <Halaman />
    </RequireRole>
  );
}

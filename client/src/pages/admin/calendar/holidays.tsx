import { useMemo, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { graphql, useFragment, type FragmentType } from "../../../gql";
import type { HolidayKind } from "../../../gql/graphql";
import { ErrorSummary } from "../../../components/error-summary";
import { Field, FormActions, FormMessage } from "../../../components/field";
import { requestErrorMessage, errorOf } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { formatDate, formatWeekday, todayIn } from "../../../lib/format";
import { HOLIDAY_KIND_LABEL } from "../../../lib/labels";
import { HolidaysQuery, CreateHolidayMutation, DeleteHolidayMutation } from "./documents";
import { HelpLink } from "../../../components/help-link";
import { checkHoliday } from "./checks";

export const HolidayRow_HariLiburFragment = graphql(`
  fragment HolidayRow_HariLibur on HariLibur {
    id
    tanggal
    nama
    jenis
    dasarHukum
  }
`);

const HOLIDAY_CONTEXT = { additionalTypenames: ["HariLibur"] };

function HolidayRow(props: {
  holiday: FragmentType<typeof HolidayRow_HariLiburFragment>;
  canEdit: boolean;
  onDelete: (id: string, label: string) => void;
  busy: boolean;
}) {
  const h = useFragment(HolidayRow_HariLiburFragment, props.holiday);
  return (
    <tr>
      <td>
        {formatDate(h.tanggal, { weekday: false })}
        <span className="table__sub">{formatWeekday(h.tanggal)}</span>
      </td>
      <td>
        {h.nama}
        <span className="table__sub">{h.dasarHukum}</span>
      </td>
      <td>
        <span className={`badge ${h.jenis === "CUTI_BERSAMA" ? "badge--pending" : "badge--closed"}`}>{HOLIDAY_KIND_LABEL[h.jenis]}</span>
      </td>
      {props.canEdit && (
        <td>
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={props.busy}
            onClick={() => props.onDelete(h.id, `${h.nama} (${formatDate(h.tanggal, { weekday: false })})`)}
          >
            Hapus<span className="sr-only"> {h.nama}</span>
          </button>
        </td>
      )}
    </tr>
  );
}

const HOLIDAY_FIELDS = ["tanggal", "nama", "jenis", "dasarHukum"] as const;

/** `onAdded` gets the new day's date: the table turns to its year, where it is listed. */
function HolidayForm({ year, onAdded }: { year: number; onAdded: (tanggal: string) => void }) {
  const { values, setValues, bind, errors, formError, setFormError, formRef, checked, showApiError, showRequestError, summary } = useForm(
    { tanggal: "", nama: "", jenis: "LIBUR_NASIONAL" as HolidayKind, dasarHukum: "" },
    HOLIDAY_FIELDS,
  );
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateHolidayMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setFormError(null);
    if (!checked(checkHoliday(values))) return;
    const result = await create(values, HOLIDAY_CONTEXT);
    const r = result.data?.createHariLibur;
    if (!r) return showRequestError(result.error);
    if (r.__typename === "CreateHariLiburSuccess") {
      setValues((v) => ({ ...v, tanggal: "", nama: "" }));
      onAdded(values.tanggal);
      return setDone(`Hari libur ditambahkan: ${values.nama.trim()}, ${formatDate(values.tanggal)}.`);
    }
    showApiError(r);
  }

  return (
    <form ref={formRef} className="form form--grid" noValidate onSubmit={submit} aria-labelledby="tambah-libur">
      <h3 id="tambah-libur" className="form__title">
        Tambah hari libur
      </h3>
      <ErrorSummary {...summary} />
      <Field name="tanggal" label="Tanggal" error={errors.tanggal}>
        {(p) => <input {...p} type="date" min={`${year - 1}-01-01`} {...bind("tanggal")} />}
      </Field>
      <Field name="nama" label="Nama" hint="Contoh: Hari Raya Idulfitri 1448 H." error={errors.nama}>
        {(p) => <input {...p} type="text" {...bind("nama")} />}
      </Field>
      <Field name="jenis" label="Jenis" error={errors.jenis}>
        {(p) => (
          <select {...p} {...bind("jenis")}>
            <option value="LIBUR_NASIONAL">Libur nasional</option>
            <option value="CUTI_BERSAMA">Cuti bersama</option>
          </select>
        )}
      </Field>
      <Field name="dasarHukum" label="Dasar hukum" hint="Nomor SKB atau keputusan yang menetapkannya." error={errors.dasarHukum}>
        {(p) => <input {...p} type="text" {...bind("dasarHukum")} />}
      </Field>
      <FormMessage kind="success">{done}</FormMessage>
      <FormActions error={formError} busy={fetching}>
        Tambah
      </FormActions>
    </form>
  );
}

export function Holidays({ superadmin }: { superadmin: boolean }) {
  const [year, setYear] = useState(() => Number(todayIn().slice(0, 4)));
  const variables = useMemo(() => ({ tahun: year }), [year]);
  const [{ data, fetching, error }] = useQuery({ query: HolidaysQuery, variables, context: HOLIDAY_CONTEXT });
  const [{ fetching: deleting }, remove] = useMutation(DeleteHolidayMutation);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  async function onDelete(id: string, label: string) {
    if (!window.confirm(`Hapus ${label} dari kalender? Semua tenggat dihitung ulang.`)) return;
    setMessage(null);
    const result = await remove({ id }, HOLIDAY_CONTEXT);
    const r = result.data?.deleteHariLibur;
    if (!r) return setMessage({ kind: "error", text: requestErrorMessage(result.error) ?? "" });
    if (r.__typename === "DeleteHariLiburSuccess") return setMessage({ kind: "success", text: `${label} dihapus.` });
    setMessage({ kind: "error", text: errorOf(r).message });
  }

  const rows = data?.hariLibur ?? [];
  return (
    <section className="card" aria-labelledby="libur-heading">
      <div className="section-head">
        <h2 id="libur-heading">Hari libur nasional dan cuti bersama {year}</h2>
        <div className="year-nav">
          <button type="button" className="button button--secondary button--small" onClick={() => setYear((y) => y - 1)}>
            <span aria-hidden="true">← </span>
            {year - 1}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setYear((y) => y + 1)}>
            {year + 1}
            <span aria-hidden="true"> →</span>
          </button>
        </div>
      </div>
      <p className="muted">
        Berlaku untuk semua kantor. Hari-hari ini tidak dihitung sebagai hari kerja{superadmin ? "" : "; hanya superadmin yang dapat mengubahnya"}.
      </p>
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      {error && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
      {fetching && !data && <p aria-busy="true">Memuat…</p>}
      {data && rows.length === 0 && (
        <p className="alert alert--info">Belum ada hari libur untuk tahun {year}. Tenggat yang melewati tahun ini ditandai sementara.</p>
      )}
      {rows.length > 0 && (
        <div
          className="table-wrap"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
          tabIndex={0}
          role="region"
          aria-labelledby="libur-heading"
        >
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Tanggal</th>
                <th scope="col">Nama dan dasar hukum</th>
                <th scope="col">Jenis</th>
                {superadmin && (
                  <th scope="col">
                    <span className="sr-only">Tindakan</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((h) => (
                <HolidayRow key={h.id} holiday={h} canEdit={superadmin} busy={deleting} onDelete={onDelete} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {superadmin && <HolidayForm year={year} onAdded={(tanggal) => setYear(Number(tanggal.slice(0, 4)))} />}
    </section>
  );
}

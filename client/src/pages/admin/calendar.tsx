import { useMemo, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { graphql, useFragment, type FragmentType } from "../../gql";
import type { HolidayKind } from "../../gql/graphql";
import { AdminOnly } from "../../components/admin-only";
import { Field, FormMessage } from "../../components/field";
import { PageTitle } from "../../components/page-title";
import { focusFirstError, placeError, requestErrorMessage, type FieldErrors, failureMessage, errorOf } from "../../lib/errors";
import { formatDate, formatWeekday, todayIn } from "../../lib/format";
import { DAY_NAMES, HOLIDAY_KIND_LABEL } from "../../lib/labels";
import { useSession } from "../../lib/session";

/* ---------- national holidays (one table for the whole deployment; SUPERADMIN edits it) ---------- */

const HolidaysQuery = graphql(`
  query AdminHolidays($tahun: Int!) {
    hariLibur(tahun: $tahun) {
      id
      ...HolidayRow_HariLibur
    }
  }
`);

export const HolidayRow_HariLiburFragment = graphql(`
  fragment HolidayRow_HariLibur on HariLibur {
    id
    tanggal
    nama
    jenis
    dasarHukum
  }
`);

const CreateHolidayMutation = graphql(`
  mutation CreateHariLibur($tanggal: Date!, $nama: String!, $jenis: HolidayKind!, $dasarHukum: String!) {
    createHariLibur(tanggal: $tanggal, nama: $nama, jenis: $jenis, dasarHukum: $dasarHukum) {
      __typename
      ... on CreateHariLiburSuccess {
        data {
          id
          ...HolidayRow_HariLibur
        }
      }
      ...ErrorFields
    }
  }
`);

const DeleteHolidayMutation = graphql(`
  mutation DeleteHariLibur($id: ID!) {
    deleteHariLibur(id: $id) {
      __typename
      ...ErrorFields
    }
  }
`);

const HOLIDAY_CONTEXT = { additionalTypenames: ["HariLibur"] };

function HolidayRow(props: { holiday: FragmentType<typeof HolidayRow_HariLiburFragment>; canEdit: boolean; onDelete: (id: string, label: string) => void; busy: boolean }) {
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
          <button type="button" className="button button--quiet button--small" disabled={props.busy} onClick={() => props.onDelete(h.id, `${h.nama} (${formatDate(h.tanggal, { weekday: false })})`)}>
            Hapus<span className="sr-only"> {h.nama}</span>
          </button>
        </td>
      )}
    </tr>
  );
}

const HOLIDAY_FIELDS = ["tanggal", "nama", "jenis", "dasarHukum"] as const;

function HolidayForm({ year }: { year: number }) {
  const [values, setValues] = useState({ tanggal: "", nama: "", jenis: "LIBUR_NASIONAL" as HolidayKind, dasarHukum: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [{ fetching }, create] = useMutation(CreateHolidayMutation);
  const formRef = useRef<HTMLFormElement>(null);

  function set<K extends keyof typeof values>(k: K, v: (typeof values)[K]) {
    setValues((x) => ({ ...x, [k]: v }));
    if (errors[k]) setErrors((e) => ({ ...e, [k]: "" }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const local: FieldErrors = {};
    if (!values.tanggal) local.tanggal = "Pilih tanggal.";
    if (values.nama.trim().length < 3) local.nama = "Tulis nama hari libur.";
    if (values.dasarHukum.trim().length < 5) local.dasarHukum = "Tulis dasar hukumnya (nomor SKB/keputusan).";
    setErrors(local);
    if (Object.keys(local).length) return focusFirstError(formRef.current, HOLIDAY_FIELDS, local);
    const result = await create(values, HOLIDAY_CONTEXT);
    const r = result.data?.createHariLibur;
    if (!r) return setMessage({ kind: "error", text: requestErrorMessage(result.error) ?? "" });
    if (r.__typename === "CreateHariLiburSuccess") {
      setValues((v) => ({ ...v, tanggal: "", nama: "" }));
      return setMessage({ kind: "success", text: `Hari libur ditambahkan: ${values.nama.trim()}, ${formatDate(values.tanggal)}.` });
    }
    const placed = placeError(r, HOLIDAY_FIELDS);
    setErrors(placed.fields);
    if (placed.form) setMessage({ kind: "error", text: placed.form });
    focusFirstError(formRef.current, HOLIDAY_FIELDS, placed.fields);
  }

  return (
    <form ref={formRef} className="form form--grid" noValidate onSubmit={submit} aria-labelledby="tambah-libur">
      <h3 id="tambah-libur" className="form__title">
        Tambah hari libur
      </h3>
      <Field name="tanggal" label="Tanggal" error={errors.tanggal}>
        {(p) => <input {...p} type="date" min={`${year - 1}-01-01`} value={values.tanggal} onChange={(e) => set("tanggal", e.target.value)} />}
      </Field>
      <Field name="nama" label="Nama" hint="Contoh: Hari Raya Idulfitri 1448 H." error={errors.nama}>
        {(p) => <input {...p} type="text" value={values.nama} onChange={(e) => set("nama", e.target.value)} />}
      </Field>
      <Field name="jenis" label="Jenis" error={errors.jenis}>
        {(p) => (
          <select {...p} value={values.jenis} onChange={(e) => set("jenis", e.target.value as HolidayKind)}>
            <option value="LIBUR_NASIONAL">Libur nasional</option>
            <option value="CUTI_BERSAMA">Cuti bersama</option>
          </select>
        )}
      </Field>
      <Field name="dasarHukum" label="Dasar hukum" hint="Nomor SKB atau keputusan yang menetapkannya." error={errors.dasarHukum}>
        {(p) => <input {...p} type="text" value={values.dasarHukum} onChange={(e) => set("dasarHukum", e.target.value)} />}
      </Field>
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          Tambah
        </button>
      </div>
    </form>
  );
}

function Holidays({ superadmin }: { superadmin: boolean }) {
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
      {error && <p className="alert alert--error">{requestErrorMessage(error)}</p>}
      {fetching && !data && <p aria-busy="true">Memuat…</p>}
      {data && rows.length === 0 && (
        <p className="alert alert--info">Belum ada hari libur untuk tahun {year}. Tenggat yang melewati tahun ini ditandai sementara.</p>
      )}
      {rows.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="libur-heading">
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
      {superadmin && <HolidayForm year={year} />}
    </section>
  );
}

/* ---------- one office: opening hours and closures ---------- */

const OfficesQuery = graphql(`
  query AdminOffices {
    instansiList(termasukNonaktif: true) {
      id
      nama
      aktif
    }
  }
`);

const OfficeQuery = graphql(`
  query AdminOffice($id: ID!, $dari: Date!) {
    node(id: $id) {
      ... on Instansi {
        id
        nama
        ...OfficeHoursEditor_Instansi
        ...ClosureList_Instansi
      }
    }
  }
`);

export const OfficeHoursEditor_InstansiFragment = graphql(`
  fragment OfficeHoursEditor_Instansi on Instansi {
    id
    zonaWaktuLabel
    jamLayanan {
      hari
      buka
      tutup
    }
  }
`);

export const ClosureList_InstansiFragment = graphql(`
  fragment ClosureList_Instansi on Instansi {
    id
    zonaWaktu
    penutupan(dariTanggal: $dari) {
      id
      tanggal
      alasan
    }
  }
`);

const SetHoursMutation = graphql(`
  mutation SetJamLayanan($instansiId: ID!, $jamLayanan: [JamLayananInput!]!) {
    setJamLayanan(instansiId: $instansiId, jamLayanan: $jamLayanan) {
      __typename
      ... on SetJamLayananSuccess {
        data {
          id
          ...OfficeHoursEditor_Instansi
        }
      }
      ...ErrorFields
    }
  }
`);

const AddClosureMutation = graphql(`
  mutation AddPenutupan($instansiId: ID!, $tanggal: Date!, $alasan: String!) {
    addPenutupan(instansiId: $instansiId, tanggal: $tanggal, alasan: $alasan) {
      __typename
      ... on AddPenutupanSuccess {
        data {
          id
          tanggal
          alasan
        }
      }
      ...ErrorFields
    }
  }
`);

const RemoveClosureMutation = graphql(`
  mutation RemovePenutupan($id: ID!) {
    removePenutupan(id: $id) {
      __typename
      ...ErrorFields
    }
  }
`);

const CLOSURE_CONTEXT = { additionalTypenames: ["PenutupanInstansi"] };

interface HourRow {
  key: number;
  hari: number;
  buka: string;
  tutup: string;
}

let rowKey = 0;

function OfficeHoursEditor(props: { instansi: FragmentType<typeof OfficeHoursEditor_InstansiFragment> }) {
  const inst = useFragment(OfficeHoursEditor_InstansiFragment, props.instansi);
  const initial = useMemo(
    () =>
      [...inst.jamLayanan]
        .sort((a, b) => a.hari - b.hari || a.buka.localeCompare(b.buka))
        .map((j) => ({ key: ++rowKey, hari: j.hari, buka: j.buka, tutup: j.tutup })),
    [inst.jamLayanan],
  );
  const [rows, setRows] = useState<HourRow[]>(initial);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [{ fetching }, save] = useMutation(SetHoursMutation);

  function update(key: number, patch: Partial<HourRow>) {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setRowErrors({});
    setMessage(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    setRowErrors({});
    const result = await save({ instansiId: inst.id, jamLayanan: rows.map(({ hari, buka, tutup }) => ({ hari, buka, tutup })) });
    const r = result.data?.setJamLayanan;
    if (!r) return setMessage({ kind: "error", text: requestErrorMessage(result.error) ?? "" });
    if (r.__typename === "SetJamLayananSuccess") return setMessage({ kind: "success", text: "Jam layanan disimpan. Tenggat yang berjalan dihitung ulang." });
    const err = errorOf(r);
    const m = err.field?.match(/^jamLayanan\.(\d+)\./);
    const row = m ? rows[Number(m[1])] : undefined;
    if (row) setRowErrors({ [row.key]: err.message });
    else setMessage({ kind: "error", text: err.message });
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="jam-heading">
      <h3 id="jam-heading" className="form__title">
        Jam layanan ({inst.zonaWaktuLabel})
      </h3>
      <p className="muted small">Satu baris untuk setiap rentang buka. Hari tanpa baris dianggap tutup. Untuk jam istirahat, buat dua baris pada hari yang sama.</p>
      <ul className="hours-editor">
        {rows.map((r, i) => (
          <li key={r.key} className={`hours-editor__row${rowErrors[r.key] ? " field--error" : ""}`}>
            <div className="hours-editor__inputs">
              <label>
                <span className="field__label">Hari</span>
                <select value={r.hari} onChange={(e) => update(r.key, { hari: Number(e.target.value) })} aria-describedby={`jam-err-${r.key}`}>
                  {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                    <option key={d} value={d}>
                      {DAY_NAMES[d]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="field__label">Buka</span>
                <input type="time" value={r.buka} onChange={(e) => update(r.key, { buka: e.target.value })} aria-describedby={`jam-err-${r.key}`} />
              </label>
              <label>
                <span className="field__label">Tutup</span>
                <input type="time" value={r.tutup} onChange={(e) => update(r.key, { tutup: e.target.value })} aria-describedby={`jam-err-${r.key}`} />
              </label>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              >
                Hapus<span className="sr-only"> baris {i + 1} ({DAY_NAMES[r.hari]})</span>
              </button>
            </div>
            <p id={`jam-err-${r.key}`} className="field__message" aria-live="polite">
              {rowErrors[r.key] && <span className="field__error">⚠ {rowErrors[r.key]}</span>}
            </p>
          </li>
        ))}
      </ul>
      {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            const last = rows[rows.length - 1];
            setRows((rs) => [...rs, { key: ++rowKey, hari: last ? Math.min(7, last.hari + 1) : 1, buka: last?.buka ?? "08:00", tutup: last?.tutup ?? "16:00" }]);
          }}
        >
          Tambah baris
        </button>
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? "Menyimpan…" : "Simpan jam layanan"}
        </button>
      </div>
    </form>
  );
}

const CLOSURE_FIELDS = ["tanggal", "alasan"] as const;

function ClosureList(props: { instansi: FragmentType<typeof ClosureList_InstansiFragment> }) {
  const inst = useFragment(ClosureList_InstansiFragment, props.instansi);
  const [values, setValues] = useState({ tanggal: "", alasan: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [{ fetching }, add] = useMutation(AddClosureMutation);
  const [{ fetching: removing }, remove] = useMutation(RemoveClosureMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayIn(inst.zonaWaktu);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const local: FieldErrors = {};
    if (!values.tanggal) local.tanggal = "Pilih tanggal.";
    if (values.alasan.trim().length < 3) local.alasan = "Tulis alasan penutupan (akan dilihat pemohon).";
    setErrors(local);
    if (Object.keys(local).length) return focusFirstError(formRef.current, CLOSURE_FIELDS, local);
    const result = await add({ instansiId: inst.id, ...values }, CLOSURE_CONTEXT);
    const r = result.data?.addPenutupan;
    if (!r) return setMessage({ kind: "error", text: requestErrorMessage(result.error) ?? "" });
    if (r.__typename === "AddPenutupanSuccess") {
      setValues({ tanggal: "", alasan: "" });
      return setMessage({ kind: "success", text: `Kantor ditandai tutup pada ${formatDate(r.data.tanggal)}.` });
    }
    const placed = placeError(r, CLOSURE_FIELDS);
    setErrors(placed.fields);
    if (placed.form) setMessage({ kind: "error", text: placed.form });
    focusFirstError(formRef.current, CLOSURE_FIELDS, placed.fields);
  }

  async function onRemove(id: string, tanggal: string) {
    if (!window.confirm(`Batalkan penutupan pada ${formatDate(tanggal)}?`)) return;
    const result = await remove({ id }, CLOSURE_CONTEXT);
    const r = result.data?.removePenutupan;
    if (!r || r.__typename !== "RemovePenutupanSuccess") {
      return setMessage({ kind: "error", text: failureMessage(r, result.error) ?? "" });
    }
    setMessage({ kind: "success", text: `Penutupan pada ${formatDate(tanggal)} dibatalkan.` });
  }

  return (
    <div>
      <h3 id="tutup-heading" className="form__title">
        Penutupan kantor
      </h3>
      <p className="muted small">Hari-hari ketika kantor ini tutup di luar hari libur nasional (misalnya rapat kerja atau renovasi).</p>
      {inst.penutupan.length === 0 ? (
        <p className="muted">Tidak ada penutupan mendatang.</p>
      ) : (
        <ul className="closures">
          {inst.penutupan.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{formatDate(p.tanggal)}</strong> — {p.alasan}
              </span>
              <button type="button" className="button button--quiet button--small" disabled={removing} onClick={() => void onRemove(p.id, p.tanggal)}>
                Batalkan<span className="sr-only"> penutupan {formatDate(p.tanggal)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} className="form form--grid" noValidate onSubmit={submit} aria-labelledby="tutup-heading">
        <Field name="tanggal" label="Tanggal tutup" error={errors.tanggal}>
          {(p) => (
            <input
              {...p}
              type="date"
              min={today}
              value={values.tanggal}
              onChange={(e) => {
                setValues((v) => ({ ...v, tanggal: e.target.value }));
                setErrors((x) => ({ ...x, tanggal: "" }));
              }}
            />
          )}
        </Field>
        <Field name="alasan" label="Alasan" hint="Ditampilkan kepada pemohon." error={errors.alasan}>
          {(p) => (
            <input
              {...p}
              type="text"
              value={values.alasan}
              onChange={(e) => {
                setValues((v) => ({ ...v, alasan: e.target.value }));
                setErrors((x) => ({ ...x, alasan: "" }));
              }}
            />
          )}
        </Field>
        {message && <FormMessage kind={message.kind}>{message.text}</FormMessage>}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={fetching}>
            Tandai tutup
          </button>
        </div>
      </form>
    </div>
  );
}

function Office({ id }: { id: string }) {
  const variables = useMemo(() => ({ id, dari: todayIn() }), [id]);
  const [{ data, fetching, error }] = useQuery({ query: OfficeQuery, variables, context: CLOSURE_CONTEXT });
  const office = data?.node && "nama" in data.node ? data.node : null;
  if (fetching && !data) return <p aria-busy="true">Memuat…</p>;
  if (error && !data) return <p className="alert alert--error">{requestErrorMessage(error)}</p>;
  if (!office) return <p className="muted">Instansi tidak ditemukan.</p>;
  return (
    <>
      {/* keyed so the editor starts from the saved hours of the office shown */}
      <OfficeHoursEditor key={office.id} instansi={office} />
      <hr />
      <ClosureList instansi={office} />
    </>
  );
}

function Offices() {
  const { me } = useSession();
  const superadmin = me?.role === "SUPERADMIN";
  const [{ data }] = useQuery({ query: OfficesQuery, pause: !superadmin });
  const [chosen, setChosen] = useState<string | null>(null);
  const id = superadmin ? (chosen ?? data?.instansiList[0]?.id ?? null) : (me?.instansi?.id ?? null);
  const name = superadmin ? data?.instansiList.find((i) => i.id === id)?.nama : me?.instansi?.nama;

  return (
    <section className="card" aria-labelledby="kantor-heading">
      <h2 id="kantor-heading">{name ? `Kalender ${name}` : "Kalender kantor"}</h2>
      {superadmin && data && data.instansiList.length > 1 && (
        <div className="field">
          <label htmlFor="pilih-instansi" className="field__label">
            Instansi
          </label>
          <select id="pilih-instansi" value={id ?? ""} onChange={(e) => setChosen(e.target.value)}>
            {data.instansiList.map((i) => (
              <option key={i.id} value={i.id}>
                {i.nama}
                {i.aktif ? "" : " (nonaktif)"}
              </option>
            ))}
          </select>
        </div>
      )}
      {id ? <Office id={id} /> : <p className="muted">Akun Anda tidak terhubung ke instansi mana pun.</p>}
    </section>
  );
}

function CalendarContent() {
  const { me } = useSession();
  return (
    <>
      <Offices />
      <Holidays superadmin={me?.role === "SUPERADMIN"} />
    </>
  );
}

export default function CalendarPage() {
  return (
    <div>
      <PageTitle>Kalender kerja</PageTitle>
      <p className="lead">Semua tenggat layanan dihitung dari jam layanan, hari libur, dan penutupan di halaman ini.</p>
      <AdminOnly>
        <CalendarContent />
      </AdminOnly>
    </div>
  );
}

import { useState, type FormEvent } from "react";
import { useMutation, type CombinedError } from "urql";
import { JAWABAN_MAX, PERTANYAAN_MAX, periksaJudulTopik, periksaTanyaJawab } from "../../../../server/shared/bantuan";
import { ErrorSummary } from "../../components/error-summary";
import { Field, FormActions, FormMessage } from "../../components/field";
import { errorOf, failureMessage } from "../../lib/errors";
import { useForm } from "../../lib/form";
import {
  HapusTanyaJawabMutation,
  HapusTopikBantuanMutation,
  TambahTanyaJawabMutation,
  TambahTopikBantuanMutation,
  UbahTanyaJawabMutation,
  UrutkanTanyaJawabMutation,
} from "./documents";

/**
 * The admin's tools on a help page: add, edit, move and remove questions and topics. Which admin may is the
 * API's decision (`dapatDiubah`, bantuan/policy.ts); the same checks as the server run before sending
 * (server/shared/bantuan.ts), and the API's message lands at its field.
 */

const TJ_FIELDS = ["pertanyaan", "jawaban"] as const;
type Result = { data?: Record<string, unknown> | null; error?: CombinedError };

/** A question and its answer, new or edited. `send` answers with the mutation's result object. */
export function TanyaJawabForm({
  label,
  initial,
  submitText,
  send,
  onDone,
  onCancel,
}: {
  label: string;
  initial: { pertanyaan: string; jawaban: string };
  submitText: string;
  send: (v: { pertanyaan: string; jawaban: string }) => Promise<{ result: object | null | undefined; error?: CombinedError }>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useForm(initial, TJ_FIELDS);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.checked(periksaTanyaJawab(form.values))) return;
    setBusy(true);
    const { result, error } = await send(form.values);
    setBusy(false);
    const err = errorOf(result);
    if (err) return form.showApiError(err);
    if (!result) return form.showRequestError(error);
    onDone();
  }
  return (
    <form ref={form.formRef} className="card form bantuan__form" noValidate onSubmit={submit} aria-label={label}>
      <ErrorSummary {...form.summary} />
      <Field name="pertanyaan" label="Pertanyaan" error={form.errors.pertanyaan}>
        {(props) => <input {...props} type="text" maxLength={PERTANYAAN_MAX} {...form.bind("pertanyaan")} />}
      </Field>
      <Field
        name="jawaban"
        label="Jawaban"
        hint="Teks biasa. Baris kosong memisahkan paragraf; baris yang diawali tanda - menjadi daftar."
        error={form.errors.jawaban}
      >
        {(props) => <textarea {...props} rows={6} maxLength={JAWABAN_MAX} {...form.bind("jawaban")} />}
      </Field>
      <FormActions busy={busy} error={form.formError} onCancel={onCancel}>
        {submitText}
      </FormActions>
    </form>
  );
}

function resultOf(r: Result, key: string) {
  return { result: (r.data?.[key] ?? null) as object | null, error: r.error };
}

/** The admin's buttons under one question: edit, move up/down, remove. */
export function TanyaJawabTools({
  item,
  urutan,
  topikId,
  onChanged,
}: {
  item: { id: string; pertanyaan: string; jawaban: string };
  /** the ids of the topic's questions in their current order */
  urutan: readonly string[];
  topikId: string;
  onChanged: () => void;
}) {
  const [mode, setMode] = useState<"idle" | "edit" | "confirm">("idle");
  const [message, setMessage] = useState<string | null>(null);
  const [, ubah] = useMutation(UbahTanyaJawabMutation);
  const [, hapus] = useMutation(HapusTanyaJawabMutation);
  const [, urutkan] = useMutation(UrutkanTanyaJawabMutation);
  const i = urutan.indexOf(item.id);

  async function move(by: -1 | 1) {
    const ids = [...urutan];
    [ids[i], ids[i + by]] = [ids[i + by]!, ids[i]!];
    const r = await urutkan({ topikId, ids });
    const res = r.data?.urutkanTanyaJawab;
    if (res?.__typename !== "UrutkanTanyaJawabSuccess") return setMessage(failureMessage(res, r.error));
    setMessage(null);
    onChanged();
  }

  async function remove() {
    const r = await hapus({ id: item.id });
    const res = r.data?.hapusTanyaJawab;
    if (res?.__typename !== "HapusTanyaJawabSuccess") return setMessage(failureMessage(res, r.error));
    onChanged();
  }

  if (mode === "edit") {
    return (
      <TanyaJawabForm
        label={`Ubah pertanyaan: ${item.pertanyaan}`}
        initial={{ pertanyaan: item.pertanyaan, jawaban: item.jawaban }}
        submitText="Simpan perubahan"
        send={async (v) => resultOf(await ubah({ id: item.id, ...v }), "ubahTanyaJawab")}
        onDone={() => {
          setMode("idle");
          onChanged();
        }}
        onCancel={() => setMode("idle")}
      />
    );
  }
  return (
    <div className="bantuan__tools">
      <FormMessage kind="error">{message}</FormMessage>
      {mode === "confirm" ? (
        <p>
          Hapus pertanyaan ini?{" "}
          <button type="button" className="button button--danger button--small" onClick={remove}>
            Ya, hapus
          </button>{" "}
          <button type="button" className="button button--quiet button--small" onClick={() => setMode("idle")}>
            Batal
          </button>
        </p>
      ) : (
        <p className="bantuan__tool-buttons">
          <button type="button" className="button button--secondary button--small" onClick={() => setMode("edit")}>
            Ubah<span className="sr-only"> pertanyaan: {item.pertanyaan}</span>
          </button>
          {i > 0 && (
            <button type="button" className="button button--quiet button--small" onClick={() => move(-1)}>
              Naikkan<span className="sr-only"> pertanyaan: {item.pertanyaan}</span>
            </button>
          )}
          {i < urutan.length - 1 && (
            <button type="button" className="button button--quiet button--small" onClick={() => move(1)}>
              Turunkan<span className="sr-only"> pertanyaan: {item.pertanyaan}</span>
            </button>
          )}
          <button type="button" className="button button--quiet button--small" onClick={() => setMode("confirm")}>
            Hapus<span className="sr-only"> pertanyaan: {item.pertanyaan}</span>
          </button>
        </p>
      )}
    </div>
  );
}

/** "Tambah pertanyaan" at the end of a topic (and "Hapus topik" while it is empty). */
export function TopikTools({ topik, onChanged }: { topik: { id: string; judul: string; kosong: boolean }; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [, tambah] = useMutation(TambahTanyaJawabMutation);
  const [, hapusTopik] = useMutation(HapusTopikBantuanMutation);
  if (open) {
    return (
      <TanyaJawabForm
        label={`Tambah pertanyaan di topik ${topik.judul}`}
        initial={{ pertanyaan: "", jawaban: "" }}
        submitText="Tambah pertanyaan"
        send={async (v) => resultOf(await tambah({ topikId: topik.id, ...v }), "tambahTanyaJawab")}
        onDone={() => {
          setOpen(false);
          onChanged();
        }}
        onCancel={() => setOpen(false)}
      />
    );
  }
  return (
    <div className="bantuan__tools">
      <FormMessage kind="error">{message}</FormMessage>
      <p className="bantuan__tool-buttons">
        <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
          Tambah pertanyaan<span className="sr-only"> di topik {topik.judul}</span>
        </button>
        {topik.kosong && (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={async () => {
              const r = await hapusTopik({ id: topik.id });
              const res = r.data?.hapusTopikBantuan;
              if (res?.__typename !== "HapusTopikBantuanSuccess") return setMessage(failureMessage(res, r.error));
              onChanged();
            }}
          >
            Hapus topik<span className="sr-only"> {topik.judul}</span>
          </button>
        )}
      </p>
    </div>
  );
}

/** A new topic at the end of the page. */
export function TambahTopikForm({ instansiId, onChanged }: { instansiId: string | null; onChanged: () => void }) {
  const form = useForm({ judul: "" }, ["judul"]);
  const [{ fetching }, tambah] = useMutation(TambahTopikBantuanMutation);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = periksaJudulTopik(form.values.judul);
    if (!form.checked(problem ? { judul: problem } : {})) return;
    const r = await tambah({ instansiId, judul: form.values.judul });
    const res = r.data?.tambahTopikBantuan;
    if (res?.__typename !== "TambahTopikBantuanSuccess") return form.checked({ judul: failureMessage(res, r.error) ?? "" });
    form.setValues({ judul: "" });
    onChanged();
  }
  return (
    <form ref={form.formRef} className="card form" noValidate onSubmit={submit} aria-label="Tambah topik">
      <Field name="judul" label="Topik baru" hint="Contoh: Akun, Pengajuan layanan, Pengaduan." error={form.errors.judul}>
        {(props) => <input {...props} type="text" maxLength={100} {...form.bind("judul")} />}
      </Field>
      <FormActions busy={fetching}>Tambah topik</FormActions>
    </form>
  );
}

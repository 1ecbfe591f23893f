import { useEffect, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../../gql";
import type { KebijakanKunjungan } from "../../../gql/graphql";
import { CardSection } from "../../../components/card-section";
import { ErrorSummary } from "../../../components/error-summary";
import { Field, FormMessage, RadioChoice } from "../../../components/field";
import { errorOf } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { toGlobalId } from "../../../lib/ids";
import { AturKunjunganLayananMutation } from "../../kunjungan/documents";

const LayananKunjunganQuery = graphql(`
  query LayananKunjungan($id: ID!) {
    node(id: $id) {
      __typename
      ... on Layanan {
        id
        kunjungan
        kunjunganKapasitas
        kunjunganMenit
      }
    }
  }
`);

const KEBIJAKAN: ReadonlyArray<readonly [KebijakanKunjungan, string]> = [
  ["TIDAK_ADA", "Tidak ada kunjungan"],
  ["DITAWARKAN", "Pemohon dapat memesan jadwal kunjungan"],
  ["WAJIB", "Pemohon wajib datang (kunjungan bagian dari layanan)"],
];
const FIELDS = ["kunjungan", "kapasitas", "menit"] as const;

/**
 * "Kunjungan ke kantor" in the service editor: whether citizens book a visit for this service, how many visitors a
 * slot takes and how long a slot is. Saved on its own (aturKunjunganLayanan); the API's checks are shown by the
 * fields they concern.
 */
export function KunjunganKantor({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: LayananKunjunganQuery, variables: { id: toGlobalId("Layanan", id) } });
  const l = data?.node?.__typename === "Layanan" ? data.node : null;
  const form = useForm({ kunjungan: "TIDAK_ADA" as KebijakanKunjungan, kapasitas: "", menit: "" }, FIELDS);
  const [loaded, setLoaded] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [{ fetching }, atur] = useMutation(AturKunjunganLayananMutation);
  const { setValues } = form;

  useEffect(() => {
    if (l && !loaded) {
      setValues({ kunjungan: l.kunjungan, kapasitas: String(l.kunjunganKapasitas), menit: String(l.kunjunganMenit) });
      setLoaded(true);
    }
  }, [l, loaded, setValues]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const v = form.values;
    const r = await atur({
      layananId: toGlobalId("Layanan", id),
      kunjungan: v.kunjungan,
      kapasitas: Number.parseInt(v.kapasitas, 10) || 0,
      menit: Number.parseInt(v.menit, 10) || 0,
    });
    const a = r.data?.aturKunjunganLayanan;
    if (a?.__typename === "AturKunjunganLayananSuccess") {
      form.checked({});
      form.setFormError(null);
      setSaved("Pengaturan kunjungan tersimpan.");
      return;
    }
    const err = errorOf(a);
    if (err) form.showApiError(err);
    else form.showRequestError(r.error);
  }

  return (
    <form ref={form.formRef} onSubmit={save} noValidate>
      <CardSection id="ed-kunjungan" title="Kunjungan ke kantor">
        <ErrorSummary {...form.summary} />
        <RadioChoice
          name="kunjungan"
          legend="Jadwal kunjungan"
          options={KEBIJAKAN}
          value={form.values.kunjungan}
          onChange={(k) => {
            form.set("kunjungan", k);
            setSaved(null);
          }}
          error={form.errors.kunjungan ?? null}
        />
        <Field name="kapasitas" label="Pemohon per jadwal" hint="1–100 orang dalam satu jam kunjungan." error={form.errors.kapasitas}>
          {(props) => <input {...props} type="number" inputMode="numeric" min={1} max={100} {...form.bind("kapasitas")} className="input--short" />}
        </Field>
        <Field name="menit" label="Lama satu jadwal (menit)" hint="15–240 menit, kelipatan 5." error={form.errors.menit}>
          {(props) => <input {...props} type="number" inputMode="numeric" min={15} max={240} step={5} {...form.bind("menit")} className="input--short" />}
        </Field>
        <FormMessage kind="error">{form.formError}</FormMessage>
        <FormMessage kind="success">{saved}</FormMessage>
        <button type="submit" className="button button--primary" disabled={fetching || !loaded}>
          {fetching ? "Menyimpan…" : "Simpan pengaturan kunjungan"}
        </button>
      </CardSection>
    </form>
  );
}

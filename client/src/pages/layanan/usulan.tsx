import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { ErrorSummary } from "../../components/error-summary";
import { Field, FormActions, SelectField } from "../../components/field";
import { PageTitle } from "../../components/page-title";
import { useForm } from "../../lib/form";
import { showFailure } from "../../lib/form-failure";
import { USULAN_KONTAK_MAKS, USULAN_URAIAN_MAKS, periksaUsulan } from "../../../../server/shared/usulan-layanan";

const UsulanKantorQuery = graphql(`
  query UsulanKantor {
    instansiList {
      id
      nama
    }
  }
`);

const UsulkanLayananMutation = graphql(`
  mutation UsulkanLayanan($instansiId: ID!, $uraian: String!, $kontak: String) {
    usulkanLayanan(instansiId: $instansiId, uraian: $uraian, kontak: $kontak) {
      __typename
      ... on UsulkanLayananSuccess {
        data
      }
      ...ErrorFields
    }
  }
`);

const FIELDS = ["instansiId", "uraian", "kontak"];

/**
 * "Layanan yang saya butuhkan tidak ada" (the Pekalongan FAQ): anyone tells an office which service they need,
 * reached from the catalogue and from a search that found nothing (its words fill the box). No account needed.
 */
export default function UsulanLayananPage() {
  const [params] = useSearchParams();
  const [{ data, fetching }] = useQuery({ query: UsulanKantorQuery });
  const offices = data?.instansiList ?? [];
  const form = useForm({ instansiId: params.get("instansi") ?? "", uraian: params.get("cari") ?? "", kontak: "" }, FIELDS);
  const { values: v, set, errors, formError, setFormError } = form;
  const [{ fetching: sending }, usulkan] = useMutation(UsulkanLayananMutation);
  const [sent, setSent] = useState<string | null>(null);

  useEffect(() => {
    if (!v.instansiId && offices.length === 1) set("instansiId", offices[0]!.id);
  }, [offices, v.instansiId, set]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const problems = periksaUsulan(v);
    if (!form.checked(Object.fromEntries(problems.map((p) => [p.field, p.message])))) return;
    const r = await usulkan({ instansiId: v.instansiId, uraian: v.uraian.trim(), kontak: v.kontak.trim() || null });
    const res = r.data?.usulkanLayanan;
    if (res?.__typename === "UsulkanLayananSuccess") {
      setSent(offices.find((o) => o.id === v.instansiId)?.nama ?? "kantor");
      return;
    }
    showFailure(form, res, r.error);
  }

  if (sent)
    return (
      <div className="narrow">
        <PageTitle>Usulan terkirim</PageTitle>
        <div className="alert alert--success" role="status">
          Terima kasih. Usulan Anda sudah diterima {sent}. Admin kantor melihat berapa banyak warga yang membutuhkan layanan yang sama
          {v.kontak.trim() ? " dan dapat menghubungi Anda bila layanan itu dibuka." : "."}
        </div>
        <p>
          <Link to="/layanan">Kembali ke daftar layanan</Link>
        </p>
      </div>
    );

  return (
    <div className="narrow">
      <PageTitle>Layanan yang Anda butuhkan tidak ada?</PageTitle>
      <p className="lead">
        Beri tahu kantor layanan apa yang Anda butuhkan. Usulan yang sama dari banyak warga dihitung bersama, agar kantor tahu layanan mana yang perlu dibuka.
        Anda tidak perlu masuk.
      </p>
      <form ref={form.formRef} className="card form" noValidate onSubmit={submit} aria-label="Usulan layanan">
        <ErrorSummary {...form.summary} />
        {offices.length !== 1 && (
          <SelectField
            name="instansiId"
            label="Kantor yang Anda tuju"
            error={errors.instansiId}
            value={v.instansiId}
            onChange={(id) => set("instansiId", id)}
            options={offices}
            placeholder="— Pilih kantor —"
            loading={fetching || !data}
            empty={{
              why: "Belum ada kantor yang menerima usulan di sini.",
              todo: "Sampaikan kebutuhan Anda langsung ke kantor yang bersangkutan, atau coba lagi nanti.",
            }}
          />
        )}
        <Field
          name="uraian"
          label="Layanan yang Anda butuhkan"
          hint="Contoh: Legalisir ijazah madrasah secara daring."
          error={errors.uraian}
          aside={v.uraian ? `${v.uraian.length}/${USULAN_URAIAN_MAKS}` : undefined}
        >
          {(props) => <textarea {...props} rows={4} maxLength={USULAN_URAIAN_MAKS} value={v.uraian} onChange={(e) => set("uraian", e.target.value)} />}
        </Field>
        <Field
          name="kontak"
          label="Email atau nomor telepon"
          required={false}
          hint="Isi bila Anda ingin dikabari saat layanan ini tersedia. Hanya admin kantor yang dapat melihatnya."
          error={errors.kontak}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="email"
              autoComplete="email"
              maxLength={USULAN_KONTAK_MAKS}
              value={v.kontak}
              onChange={(e) => set("kontak", e.target.value)}
            />
          )}
        </Field>
        <FormActions error={formError} busy={sending} busyText="Mengirim…">
          Kirim usulan
        </FormActions>
      </form>
      <p>
        <Link to="/layanan">Kembali ke daftar layanan</Link>
      </p>
    </div>
  );
}

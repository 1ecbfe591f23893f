import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useMutation } from "urql";
import { graphql, useFragment, type FragmentType } from "../../../gql";
import type { Role } from "../../../gql/graphql";
import { AccountCard } from "../../../components/account-card";
import { ErrorSummary } from "../../../components/error-summary";
import { Fact, TimeFact } from "../../../components/facts";
import { FormActions, SelectField } from "../../../components/field";
import { errorCode } from "../../../lib/errors";
import { useForm } from "../../../lib/form";
import { rawId } from "../../../lib/ids";
import { ROLE_LABEL } from "../../../lib/labels";
import { isCitizen, isSuperadmin, useSession } from "../../../lib/session";
import { SetUserRoleMutation } from "./documents";
import { type Office, STAFF_ROLES, ALL_ROLES, needsInstansi, roleHint, roleOptions, officeOptions, refusal } from "./roles";

export const PenggunaCard_UserFragment = graphql(`
  fragment PenggunaCard_User on User {
    id
    namaLengkap
    identityType
    nomorIdentitasMasked
    email
    role
    status
    createdAt
    instansi {
      id
      nama
    }
  }
`);

// ---------------------------------------------------------------------------------------------------
// one account, with its role

const ROLE_FIELDS = ["role", "instansiId"] as const;

function RoleForm({
  user,
  offices,
  onDone,
  onCancel,
}: {
  user: { id: string; namaLengkap: string; role: Role; instansi?: { id: string } | null };
  offices: Office[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { me } = useSession();
  const superadmin = isSuperadmin(me);
  const roles = superadmin ? ALL_ROLES : STAFF_ROLES;
  const { values, set, errors, setErrors, formError, setFormError, formRef, showApiError, summary } = useForm(
    { role: isCitizen(user) && !superadmin ? "PETUGAS" : user.role, chosen: user.instansi?.id ?? "" },
    ROLE_FIELDS,
  );
  const { role, chosen } = values;
  const [{ fetching }, setUserRole] = useMutation(SetUserRoleMutation);
  const instansiId = superadmin ? chosen || offices.find((o) => o.aktif)?.id || "" : (me?.instansi?.id ?? "");

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    setErrors({});
    const result = await setUserRole({ userId: user.id, role, instansiId: needsInstansi(role) ? instansiId || null : null });
    const r = result.data?.setUserRole;
    if (!r) {
      if (errorCode(result.error) === "FORBIDDEN") setErrors({ role: refusal(result.error) });
      else setFormError(refusal(result.error));
      return;
    }
    if (r.__typename === "SetUserRoleSuccess") {
      onDone(`Peran ${user.namaLengkap} sekarang ${ROLE_LABEL[r.data.role]}${r.data.instansi ? ` di ${r.data.instansi.nama}` : ""}. Ia perlu masuk kembali.`);
      return;
    }
    showApiError(r, { userId: "role" });
  }

  return (
    <form ref={formRef} className="form reason" noValidate onSubmit={submit} aria-label={`Ubah peran ${user.namaLengkap}`}>
      <ErrorSummary {...summary} />
      <SelectField
        name="role"
        label={`Peran baru untuk ${user.namaLengkap}`}
        hint={roleHint(role)}
        error={errors.role}
        value={role}
        onChange={(r) => set("role", r)}
        options={roleOptions(roles)}
        autoFocus
      />
      {superadmin && needsInstansi(role) && (
        <SelectField
          name="instansiId"
          label="Instansi"
          error={errors.instansiId}
          value={instansiId}
          onChange={(id) => set("chosen", id)}
          options={officeOptions(offices)}
        />
      )}
      <FormActions
        error={formError}
        busy={fetching}
        disabled={role === user.role && (!needsInstansi(role) || instansiId === user.instansi?.id)}
        onCancel={onCancel}
        cancelKind="secondary"
      >
        Simpan peran
      </FormActions>
    </form>
  );
}

export function PenggunaCard(props: { user: FragmentType<typeof PenggunaCard_UserFragment>; offices: Office[]; onDone: (message: string) => void }) {
  const u = useFragment(PenggunaCard_UserFragment, props.user);
  const { me } = useSession();
  const superadmin = isSuperadmin(me);
  const [editing, setEditing] = useState(false);
  // an instansi ADMIN may give a citizen a staff role of their own office, but cannot touch a SUPERADMIN
  const mayChange = u.status === "AKTIF" && (superadmin || !isSuperadmin(u));
  return (
    <AccountCard nama={u.namaLengkap} status={u.status}>
      <dl className="facts facts--compact">
        <Fact label="Peran">
          <strong>{ROLE_LABEL[u.role]}</strong>
          {u.instansi ? ` — ${u.instansi.nama}` : ""}
        </Fact>
        <Fact label={u.identityType} className="mono">
          {u.nomorIdentitasMasked}
        </Fact>
        <Fact label="Email" className="break">
          {u.email}
        </Fact>
        <TimeFact label="Terdaftar" at={u.createdAt} />
      </dl>
      {editing ? (
        <RoleForm
          user={u}
          offices={props.offices}
          onCancel={() => setEditing(false)}
          onDone={(message) => {
            setEditing(false);
            props.onDone(message);
          }}
        />
      ) : (
        <div className="form__actions">
          {mayChange ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
              Ubah peran<span className="sr-only"> {u.namaLengkap}</span>
            </button>
          ) : u.status !== "AKTIF" ? (
            <p className="muted small">
              Peran dapat diubah setelah akun aktif (lihat <Link to="/admin/aktivasi">Aktivasi akun</Link>).
            </p>
          ) : null}
          {superadmin && (
            <>
              <Link className="button button--quiet button--small" to={`/admin/audit?aktor=${rawId(u.id)}`}>
                Jejak tindakannya<span className="sr-only"> ({u.namaLengkap})</span>
              </Link>
              <Link className="button button--quiet button--small" to={`/admin/audit?subjek=${rawId(u.id)}`}>
                Siapa melihat datanya<span className="sr-only"> ({u.namaLengkap})</span>
              </Link>
            </>
          )}
        </div>
      )}
    </AccountCard>
  );
}

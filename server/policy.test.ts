import { describe, expect, it } from "vitest";
import { ANY, POLICY, can, type Action } from "./policy";
import type { Caller, Resource } from "./lib/policy";
import type { ApiScope, Role } from "./generated/prisma/enums";
import { API_SCOPES } from "./shared/klien-api";

/**
 * The catalogue's own consistency, for every kind of caller: each role (active or not, of the instansi or of
 * another, SUPERADMIN), each API scope (of the instansi or another), anonymous. Pure; the same rules are
 * exercised through the API in tests/account/role-matrix.test.ts.
 */
const ROLES: Role[] = ["PEMOHON", "PETUGAS", "ADMIN", "PPID", "ATASAN_PPID", "SUPERADMIN"];
const SCOPES: readonly ApiScope[] = API_SCOPES;
const A = "instansi-a";
const B = "instansi-b";

function callers(): Array<{ name: string; caller: Caller }> {
  const out: Array<{ name: string; caller: Caller }> = [{ name: "anonymous", caller: { viewer: null, client: null } }];
  for (const role of ROLES) {
    for (const status of ["AKTIF", "MENUNGGU_AKTIVASI", "DITANGGUHKAN"] as const) {
      for (const instansiId of role === "PEMOHON" || role === "SUPERADMIN" ? [null] : [A, B]) {
        const id = `${role}-${status}-${instansiId}`;
        out.push({ name: id, caller: { viewer: { id, role, status, instansiId } as Caller["viewer"], client: null } });
      }
    }
  }
  for (const scope of SCOPES) {
    for (const instansiId of [A, B]) {
      const id = `client-${scope}-${instansiId}`;
      out.push({ name: id, caller: { viewer: null, client: { id, nama: id, instansiId, scopes: [scope] } as unknown as Caller["client"] } });
    }
  }
  return out;
}
const CALLERS = callers();

/** A case of instansi A, owned by someone who is not the caller (owner: the caller, when asked; klien: the API client it belongs to). */
function caseOf(
  instansiId: string,
  owner: string | null = "someone-else",
  recorder: string | null = "another-client",
  klien: string | null = "another-client",
): Resource {
  return { instansiId, pemohonId: owner, pelaporId: owner, dicatatOlehKlienId: recorder, klienId: klien };
}

const LISTS = (Object.entries(POLICY) as Array<[Action, (typeof POLICY)[Action]]>).filter(([, rule]) => "rows" in rule && rule.rows);

it("every list names an action its rows need, and there are lists for each case domain", () => {
  expect(LISTS.map(([a]) => a).sort()).toEqual(
    [
      "akun:lihatDaftar",
      "audit:lihatDaftar",
      "klienApi:lihatDaftar",
      "pengaduan:lihatMeja",
      "pengajuan:lihatAntrian",
      "ppid:lihatRegister",
      "surat:lihatRegister",
      "kunjungan:lihatHari",
      "konsultasi:lihat",
      "pelatihan:kelola",
    ].sort(),
  );
  for (const [, rule] of LISTS) expect(Object.keys(POLICY)).toContain((rule as { rows: string }).rows);
});

describe.each(LISTS)("%s", (list, rule) => {
  const rows = (rule as { rows: Action }).rows;
  it("is allowed to exactly the callers who may see its rows (the owner of a case aside)", () => {
    const wrong = CALLERS.filter(({ caller }) => can(caller, list, { instansiId: A }) !== can(caller, rows, caseOf(A))).map((c) => c.name);
    expect(wrong).toEqual([]);
  });
});

describe.each(Object.keys(POLICY) as Action[])("%s", (action) => {
  it("its first gate (on: ANY) never refuses what the check on a row would allow", () => {
    const wrong: string[] = [];
    for (const { name, caller } of CALLERS) {
      const own = caller.viewer?.id ?? null;
      const ownClient = caller.client?.id ?? null;
      const resources = [caseOf(A), caseOf(B), caseOf(A, own), caseOf(B, own), caseOf(A, own, null, ownClient), caseOf(B, own, null, ownClient)];
      if (resources.some((r) => can(caller, action, r)) && !can(caller, action, ANY)) wrong.push(name);
    }
    expect(wrong).toEqual([]);
  });

  it("nobody acts without an active account or an API key", () => {
    const idle = CALLERS.filter(({ caller }) => (caller.viewer && caller.viewer.status !== "AKTIF") || (!caller.viewer && !caller.client));
    const wrong = idle
      .filter(({ caller }) => can(caller, action, ANY) || can(caller, action, caseOf(A, caller.viewer?.id ?? null, null, caller.client?.id ?? null)))
      .map((c) => c.name);
    expect(wrong).toEqual([]);
  });
});

it("the desks as decided (issue 12 §7): PPID and atasan PPID work the PPID desk only; officers never see it", () => {
  const who = (action: Action) =>
    CALLERS.filter(({ caller }) => caller.viewer?.status === "AKTIF" || caller.client)
      .filter(({ caller }) => can(caller, action, caseOf(A)))
      .map((c) => c.name);
  expect(who("pengajuan:lihatAntrian")).toEqual([
    "PETUGAS-AKTIF-instansi-a",
    "ADMIN-AKTIF-instansi-a",
    "SUPERADMIN-AKTIF-null",
    "client-KASUS_INSTANSI-instansi-a",
  ]);
  expect(who("pengaduan:lihatMeja")).toEqual(who("pengajuan:lihatAntrian"));
  expect(who("ppid:lihatRegister")).toEqual(["ADMIN-AKTIF-instansi-a", "PPID-AKTIF-instansi-a", "ATASAN_PPID-AKTIF-instansi-a", "SUPERADMIN-AKTIF-null"]);
  expect(who("ppid:tanggapiKeberatan")).toEqual(["ATASAN_PPID-AKTIF-instansi-a", "SUPERADMIN-AKTIF-null"]);
  expect(who("pengaduan:lihatPelaporRahasia")).toEqual(["ADMIN-AKTIF-instansi-a", "SUPERADMIN-AKTIF-null"]);
  expect(who("pengajuan:catatInternal")).toEqual(["PETUGAS-AKTIF-instansi-a", "ADMIN-AKTIF-instansi-a", "SUPERADMIN-AKTIF-null"]);
});

it("the catalogue and the calendar as decided: admins run their office; SUPERADMIN adds offices and sets the national holidays", () => {
  const who = (action: Action, on: Resource | typeof ANY = caseOf(A)) =>
    CALLERS.filter(({ caller }) => caller.viewer?.status === "AKTIF" || caller.client)
      .filter(({ caller }) => can(caller, action, on))
      .map((c) => c.name);
  expect(who("instansi:kelola")).toEqual(["ADMIN-AKTIF-instansi-a", "SUPERADMIN-AKTIF-null"]);
  expect(who("layanan:kelola")).toEqual(who("instansi:kelola"));
  for (const action of ["instansi:buat", "instansi:ubahKode", "kalender:kelolaHariLibur"] as const) {
    expect(who(action, ANY), action).toEqual(["SUPERADMIN-AKTIF-null"]);
  }
  // every staff role of the instansi, and another system reading its own catalogue; never a citizen
  expect(who("layanan:lihatNonaktif")).toEqual([
    "PETUGAS-AKTIF-instansi-a",
    "ADMIN-AKTIF-instansi-a",
    "PPID-AKTIF-instansi-a",
    "ATASAN_PPID-AKTIF-instansi-a",
    "SUPERADMIN-AKTIF-null",
    "client-BACA_KATALOG-instansi-a",
  ]);
});

/** Every action of a catalogue, and who (active or an API key) may do it to a row of instansi A. */
function whoMay(action: Action, on: (caller: Caller) => Resource | typeof ANY = () => caseOf(A)) {
  return CALLERS.filter(({ caller }) => caller.viewer?.status === "AKTIF" || caller.client)
    .filter(({ caller }) => can(caller, action, on(caller)))
    .map((c) => c.name);
}
const ADMINS_A = ["ADMIN-AKTIF-instansi-a", "SUPERADMIN-AKTIF-null"];
const ADMINS_ANY = ["ADMIN-AKTIF-instansi-a", "ADMIN-AKTIF-instansi-b", "SUPERADMIN-AKTIF-null"];
const SUPERADMIN = ["SUPERADMIN-AKTIF-null"];
/** A row belonging to the calling API client (of the client's own instansi). */
const ownRow = (caller: Caller) => caseOf(caller.client?.instansiId ?? A, null, null, caller.client?.id ?? null);
const clients = (scopes: readonly ApiScope[]) => scopes.flatMap((s) => [`client-${s}-instansi-a`, `client-${s}-instansi-b`]);

it("accounts: an instansi's ADMIN administers its staff and any citizen, SUPERADMIN every account; no API client any", () => {
  expect(whoMay("akun:lihatDaftar")).toEqual(ADMINS_A);
  expect(whoMay("akun:kelola")).toEqual(ADMINS_A);
  expect(whoMay("akun:kelolaPemohon", () => ANY)).toEqual(ADMINS_ANY);
  expect(whoMay("akun:kelolaSuperadmin", () => ANY)).toEqual(SUPERADMIN);
  expect(whoMay("akun:beriPeran")).toEqual(ADMINS_A);
  expect(whoMay("akun:beriPeranTanpaInstansi", () => ANY)).toEqual(SUPERADMIN);
});

it("API clients: its instansi's ADMIN and SUPERADMIN manage a client; the client sees itself whatever its scopes", () => {
  expect(whoMay("klienApi:lihatDaftar")).toEqual(ADMINS_A);
  expect(whoMay("klienApi:kelola")).toEqual(ADMINS_A);
  expect(whoMay("klienApi:kelola", ownRow)).toEqual(ADMINS_A);
  expect(whoMay("klienApi:lihat")).toEqual(ADMINS_A);
  expect(whoMay("klienApi:lihat", ownRow)).toEqual([...ADMINS_A, ...clients(SCOPES)]);
});

it("webhooks: a client's own (with TERIMA_WEBHOOK to manage them), never another client's; SUPERADMIN oversees", () => {
  expect(whoMay("webhook:lihat")).toEqual(SUPERADMIN);
  expect(whoMay("webhook:lihat", ownRow)).toEqual([...SUPERADMIN, ...clients(SCOPES)]);
  expect(whoMay("webhook:kelola")).toEqual(SUPERADMIN);
  expect(whoMay("webhook:kelola", ownRow)).toEqual([...SUPERADMIN, ...clients(["TERIMA_WEBHOOK"])]);
  expect(whoMay("webhook:langganan")).toEqual([]);
  expect(whoMay("webhook:langganan", ownRow)).toEqual(clients(["TERIMA_WEBHOOK"]));
});

it("the audit trail is SUPERADMIN's", () => {
  expect(whoMay("audit:lihatDaftar")).toEqual(SUPERADMIN);
  expect(whoMay("audit:lihat", () => ANY)).toEqual(SUPERADMIN);
});

it("letters: every staff role of the instansi reads its register; its admins set the numbering and void numbers; no API client", () => {
  expect(whoMay("surat:lihatRegister")).toEqual([
    "PETUGAS-AKTIF-instansi-a",
    "ADMIN-AKTIF-instansi-a",
    "PPID-AKTIF-instansi-a",
    "ATASAN_PPID-AKTIF-instansi-a",
    "SUPERADMIN-AKTIF-null",
  ]);
  expect(whoMay("surat:lihat")).toEqual(whoMay("surat:lihatRegister"));
  expect(whoMay("surat:kelolaPola")).toEqual(ADMINS_A);
  expect(whoMay("surat:batalkan")).toEqual(ADMINS_A);
});

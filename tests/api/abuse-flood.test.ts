import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN, PNG_1X1, activeCitizen, createTestApp, serviceFixture, tinyPdf, upload, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";
import { ADDRESS_LOCK_AFTER } from "../../server/modules/auth/throttle";
import { MAX_UPLOAD_BODY_BYTES, UPLOAD_LIMITS } from "../../server/limits";

/**
 * Abuse that must be refused while ordinary traffic goes on: upload bombs, a flood of logins from one address,
 * a flood of subscriptions on one socket and one account. During each, a citizen on another address keeps
 * asking `me` over real HTTP and keeps receiving the live steps of their request over a real WebSocket; every
 * one of those must succeed.
 */
let t: TestApp;
let port: number;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
let citizen: Awaited<ReturnType<typeof activeCitizen>>;
let attacker: Awaited<ReturnType<typeof activeCitizen>>;
let pengajuan: { id: string; versi: number; seq: number };
let draft: { id: string; versi: number };
let live: ReturnType<typeof collect>;
let liveSocket: ReturnType<typeof wsClient>;

const CITIZEN_ADDRESS = "203.0.113.10";
const ATTACKER_ADDRESS = "198.51.100.66";
const UPLOAD = `mutation($id: ID!, $v: Int!, $b: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $b) { __typename ... on UploadDokumenPengajuanSuccess { data { id versi } } ... on Error { code message field } } }`;
const ASSIGN = `mutation($id: ID!, $v: Int!, $p: ID) { tugaskanPengajuan(id: $id, versi: $v, petugasId: $p) { __typename ... on TugaskanPengajuanSuccess { data { versi seq } } ... on Error { code message } } }`;

beforeAll(async () => {
  t = await createTestApp();
  port = await t.app.start(0, "127.0.0.1");
  fx = await serviceFixture(t);
  citizen = await activeCitizen(t);
  attacker = await activeCitizen(t);
  // the citizen's submitted request, whose steps they follow live
  const created = await t.gql(
    `mutation($l: ID!) { createPengajuan(layananId: $l, formData: { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20" }) { ... on CreatePengajuanSuccess { data { id versi } } } }`,
    { l: fx.layanan.id },
    { token: citizen.token },
  );
  let p = created.data!.createPengajuan.data;
  const up = await upload(
    t,
    UPLOAD,
    {
      id: p.id,
      v: p.versi,
      b: [
        { persyaratanId: fx.slots[0]!.id, file: null },
        { persyaratanId: fx.slots[1]!.id, file: null },
      ],
    },
    {
      "b.0.file": { name: "ktp.png", type: "image/png", content: PNG_1X1 },
      "b.1.file": { name: "pengantar.pdf", type: "application/pdf", content: tinyPdf("p") },
    },
    { token: citizen.token },
  );
  p = up.data!.uploadDokumenPengajuan.data;
  const sent = await t.gql(
    `mutation($id: ID!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: AJUKAN, versi: $v) { ... on UbahStatusPengajuanSuccess { data { id versi seq } } } }`,
    { id: p.id, v: p.versi },
    { token: citizen.token },
  );
  pengajuan = sent.data!.ubahStatusPengajuan.data;
  // the attacker's draft, the target of the upload bombs
  const d = await t.gql(
    `mutation($l: ID!) { createPengajuan(layananId: $l) { ... on CreatePengajuanSuccess { data { id versi } } } }`,
    { l: fx.layanan.id },
    { token: attacker.token },
  );
  draft = d.data!.createPengajuan.data;

  liveSocket = wsClient(port, { token: citizen.token });
  live = collect(liveSocket, `subscription($id: ID!, $s: Int) { pengajuanBerubah(id: $id, setelahSeq: $s) { seq log { aksi } } }`, {
    id: pengajuan.id,
    s: pengajuan.seq,
  });
  await new Promise((r) => setTimeout(r, 200));
}, 60_000);
afterAll(async () => {
  live?.dispose();
  await liveSocket?.dispose();
  await t.close();
});

/** A GraphQL request over a real socket, from an address. */
async function http200(body: unknown, opts: { token?: string; address: string }) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": opts.address, ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

/**
 * Runs `flood` while the citizen keeps working: `me` over HTTP every 25 ms, and the officer assigning and
 * releasing their request, each step of which must reach the citizen's subscription. Returns the flood's result.
 */
async function whileServingCitizen<T>(flood: () => Promise<T>): Promise<T> {
  let flooding = true;
  const answers: Array<{ status: number; id?: string; during: boolean }> = [];
  const me = (async () => {
    while (flooding) {
      const r = await http200({ query: "{ me { id status } }" }, { token: citizen.token, address: CITIZEN_ADDRESS });
      answers.push({ status: r.status, id: r.body.data?.me?.id, during: flooding });
      await new Promise((res) => setTimeout(res, 25));
    }
  })();
  const seen = live.events.length;
  const officer = (async () => {
    let versi = pengajuan.versi;
    for (const petugasId of [fx.petugas.globalId, null]) {
      const r = await t.gql(ASSIGN, { id: pengajuan.id, v: versi, p: petugasId }, { token: fx.petugas.token, headers: { "x-forwarded-for": "10.20.30.40" } });
      expect(r.data!.tugaskanPengajuan.__typename).toBe("TugaskanPengajuanSuccess");
      versi = r.data!.tugaskanPengajuan.data.versi;
    }
    pengajuan = { ...pengajuan, versi };
  })();
  let result: T;
  try {
    result = await flood();
  } finally {
    await officer;
    flooding = false;
    await me;
  }
  const events = await live.next(seen + 2, 10_000);
  expect(events.slice(seen).map((e) => (e.data as { pengajuanBerubah: { log: { aksi: string } } } | undefined)?.pengajuanBerubah.log.aksi)).toEqual([
    "TUGASKAN",
    "LEPAS_TUGAS",
  ]);
  const during = answers.filter((a) => a.during);
  expect(during.length, "the citizen was answered while the flood ran").toBeGreaterThan(0);
  expect(
    answers.every((a) => a.status === 200 && a.id === citizen.globalId),
    JSON.stringify(answers.filter((a) => a.status !== 200 || !a.id)),
  ).toBe(true);
  return result!;
}

// ---------------------------------------------------------------------------------------------------
// Upload bombs

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
}

const BOUNDARY = "----loket-uji-bom";
function partHead(p: Part): Buffer {
  const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ""}`;
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.filename ? `Content-Type: ${p.type ?? "application/octet-stream"}\r\n` : ""}\r\n`,
  );
}
function multipart(parts: Part[]): Buffer {
  return Buffer.concat([
    ...parts.flatMap((p) => [partHead(p), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value), Buffer.from("\r\n")]),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);
}
function operations(files: number) {
  const b = Array.from({ length: files }, (_, i) => ({ persyaratanId: fx.slots[i % fx.slots.length]!.id, file: null }));
  return [
    { name: "operations", value: JSON.stringify({ query: UPLOAD, variables: { id: draft.id, v: draft.versi, b } }) },
    { name: "map", value: JSON.stringify(Object.fromEntries(b.map((_, i) => [String(i), [`variables.b.${i}.file`]]))) },
  ];
}

/**
 * Sends a multipart request over a raw socket: `body` as it is, or `stream` chunks with chunked transfer
 * encoding (no Content-Length), or with a Content-Length that `declaredLength` overrides. Stops writing once
 * the server has answered.
 */
function sendMultipart(opts: { body?: Buffer; stream?: () => Generator<Buffer>; declaredLength?: number }) {
  return new Promise<{ status: number; body: any; written: number }>((resolve, reject) => {
    const headers: Record<string, string> = {
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      "x-loket-csrf": "1",
      "x-forwarded-for": ATTACKER_ADDRESS,
      authorization: `Bearer ${attacker.token}`,
    };
    if (opts.body) headers["content-length"] = String(opts.declaredLength ?? opts.body.length);
    let answered = false;
    let written = 0;
    const req = http.request({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: kept as text
        }
        resolve({ status: res.statusCode ?? 0, body, written });
      });
    });
    req.on("error", (err) => (answered ? undefined : reject(err)));
    if (opts.body) {
      written = opts.body.length;
      req.end(opts.body);
      return;
    }
    const pieces = opts.stream!();
    const pump = () => {
      while (!answered && !req.destroyed) {
        const next = pieces.next();
        if (next.done) return void req.end();
        written += next.value.length;
        if (!req.write(next.value)) return void req.once("drain", pump);
      }
    };
    pump();
  });
}

function storedFiles(): string[] {
  const root = path.join(t.config.dataDir, "files");
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else out.push(path.relative(root, path.join(dir, e.name)));
    }
  };
  walk(root);
  return out.sort();
}

const codeOf = (r: { body: any }) => r.body?.errors?.[0]?.extensions?.code ?? r.body?.data?.uploadDokumenPengajuan?.code;
const messageOf = (r: { body: any }) => r.body?.errors?.[0]?.message ?? r.body?.data?.uploadDokumenPengajuan?.message;

describe("upload bombs are refused with a clear error, store nothing, and do not stop others", () => {
  it("many file parts, a huge part, a body past the limit (declared or streamed), a lying Content-Length, an oversized or disguised file", async () => {
    const filesBefore = storedFiles();
    const rowsBefore = await t.db.prisma.storedFile.count();
    const MB = 1024 * 1024;
    const pdfHead = tinyPdf("bom").subarray(0, 64);

    const results = await whileServingCitizen(() =>
      Promise.all([
        // 1. more file parts than a request may carry
        sendMultipart({
          body: multipart([
            ...operations(40),
            ...Array.from({ length: 40 }, (_, i) => ({ name: String(i), value: PNG_1X1, filename: `f${i}.png`, type: "image/png" })),
          ]),
        }),
        // 2. one part over the per-file cap
        sendMultipart({
          body: multipart([
            ...operations(1),
            { name: "0", value: Buffer.concat([pdfHead, Buffer.alloc(UPLOAD_LIMITS.fileSize + MB)]), filename: "besar.pdf", type: "application/pdf" },
          ]),
        }),
        // 3. a body over the request cap, announced in Content-Length: refused before it is read
        sendMultipart({
          body: multipart([
            ...operations(3),
            ...[0, 1, 2].map((i) => ({ name: String(i), value: Buffer.alloc(10 * MB, 1), filename: `p${i}.pdf`, type: "application/pdf" })),
          ]),
        }),
        // 4. the same without Content-Length (chunked), parts under the per-file cap: cut off while it streams
        sendMultipart({
          stream: function* () {
            yield multipart(operations(4)).subarray(0, -`--${BOUNDARY}--\r\n`.length);
            for (let part = 0; part < 4; part++) {
              yield Buffer.concat([partHead({ name: String(part), value: "", filename: `aliran${part}.pdf`, type: "application/pdf" }), pdfHead]);
              for (let i = 0; i < 15; i++) yield Buffer.alloc(MB, 7);
              yield Buffer.from("\r\n");
            }
            yield Buffer.from(`--${BOUNDARY}--\r\n`);
          },
        }),
        // 5. a Content-Length claiming less than is sent: the body ends early (and the surplus is no request)
        (() => {
          const body = multipart([
            ...operations(1),
            { name: "0", value: Buffer.concat([pdfHead, Buffer.alloc(200_000)]), filename: "klaim.pdf", type: "application/pdf" },
          ]);
          return sendMultipart({ body, declaredLength: 50_000 }).catch((err: Error) => ({ status: 0, body: String(err), written: body.length }));
        })(),
      ]),
    );
    const [manyParts, hugePart, declared, streamed, lying] = results;
    expect([manyParts, hugePart, declared, streamed].map((r) => [r.status, codeOf(r)])).toEqual([
      [413, "TOO_MANY_FILES"],
      [413, "FILE_TOO_LARGE"],
      [413, "PAYLOAD_TOO_LARGE"],
      [413, "PAYLOAD_TOO_LARGE"],
    ]);
    expect(messageOf(manyParts)).toMatch(/Terlalu banyak berkas/);
    expect(messageOf(hugePart)).toMatch(/melebihi batas unggahan/);
    expect(messageOf(declared)).toMatch(/Unggahan terlalu besar/);
    expect(messageOf(streamed)).toMatch(/Unggahan terlalu besar/);
    // the streamed bomb was not read to its end: the connection was closed after the answer
    expect(streamed.written).toBeLessThan(60 * MB);
    // the truncated body is refused either by the API (MULTIPART_INVALID) or, when the surplus bytes arrive first,
    // by the HTTP parser itself (400 and the connection closed); either way nothing was stored
    expect(lying.status === 0 || lying.status === 400, JSON.stringify(lying)).toBe(true);
    if (codeOf(lying)) expect([codeOf(lying), messageOf(lying)]).toEqual(["MULTIPART_INVALID", expect.stringMatching(/tidak lengkap/)]);
    expect(MAX_UPLOAD_BODY_BYTES).toBeLessThan(30 * MB);

    // within the request caps, per-slot rules still apply while streaming: a PDF over the slot's 100 kB, a zip sent as a PDF
    const slotTooSmall = await upload(
      t,
      UPLOAD,
      { id: draft.id, v: draft.versi, b: [{ persyaratanId: fx.slots[1]!.id, file: null }] },
      { "b.0.file": { name: "pengantar.pdf", type: "application/pdf", content: Buffer.concat([pdfHead, Buffer.alloc(150_000, 32)]) } },
      { token: attacker.token },
    );
    expect(slotTooSmall.data!.uploadDokumenPengajuan).toMatchObject({ __typename: "ValidationError", code: "FILE_TOO_LARGE", field: "berkas.0.file" });
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 0)]);
    const disguised = await upload(
      t,
      UPLOAD,
      { id: draft.id, v: draft.versi, b: [{ persyaratanId: fx.slots[0]!.id, file: null }] },
      { "b.0.file": { name: "ktp.pdf", type: "application/pdf", content: zip } },
      { token: attacker.token },
    );
    expect(disguised.data!.uploadDokumenPengajuan).toMatchObject({ __typename: "ValidationError", code: "FILE_TYPE_NOT_ALLOWED" });

    // nothing was kept: no file in storage (nor a temp file), no row
    expect(storedFiles()).toEqual(filesBefore);
    expect(await t.db.prisma.storedFile.count()).toBe(rowsBefore);
    expect(await t.db.prisma.dokumenPengajuan.count({ where: { pengajuan: { id: Buffer.from(draft.id, "base64").toString().split(":")[1]! } } })).toBe(0);

    // and the attacker's own ordinary upload still works afterwards
    const fine = await upload(
      t,
      UPLOAD,
      { id: draft.id, v: draft.versi, b: [{ persyaratanId: fx.slots[0]!.id, file: null }] },
      { "b.0.file": { name: "ktp.png", type: "image/png", content: PNG_1X1 } },
      { token: attacker.token },
    );
    expect(fine.data!.uploadDokumenPengajuan.__typename).toBe("UploadDokumenPengajuanSuccess");
  }, 60_000);
});

describe("a flood of logins from one address", () => {
  it("locks the address after its failures, concurrently too, while the citizen elsewhere keeps being served", async () => {
    const attempts = 3 * ADDRESS_LOCK_AFTER;
    const outcomes = await whileServingCitizen(() =>
      Promise.all(
        Array.from({ length: attempts }, (_, i) =>
          http200(
            { query: LOGIN, variables: { nomorIdentitas: `351901170890${String(5000 + i)}`, password: "tebak-tebak-123" } },
            { address: ATTACKER_ADDRESS },
          ).then((r) => r.body.data!.login as { code: string; message: string; retryAfterSeconds: number | null }),
        ),
      ),
    );
    const byCode = outcomes.reduce<Record<string, number>>((acc, o) => {
      acc[o.code] = (acc[o.code] ?? 0) + 1;
      return acc;
    }, {});
    // at most ADDRESS_LOCK_AFTER guesses were checked; every other attempt was refused without one
    expect(byCode).toEqual({ INVALID_CREDENTIALS: ADDRESS_LOCK_AFTER, LOGIN_RATE_LIMITED: attempts - ADDRESS_LOCK_AFTER });
    const refused = outcomes.find((o) => o.code === "LOGIN_RATE_LIMITED")!;
    expect(refused.message).toMatch(/Terlalu banyak percobaan masuk/);
    expect(refused.retryAfterSeconds).toBeGreaterThan(10 * 60);
    // the right password from that address is refused too; from the citizen's address it works
    const fromAttacker = await http200(
      { query: LOGIN, variables: { nomorIdentitas: attacker.nik, password: attacker.password } },
      { address: ATTACKER_ADDRESS },
    );
    expect(fromAttacker.body.data!.login.code).toBe("LOGIN_RATE_LIMITED");
    const elsewhere = await http200({ query: LOGIN, variables: { nomorIdentitas: citizen.nik, password: citizen.password } }, { address: CITIZEN_ADDRESS });
    expect(elsewhere.body.data!.login.__typename).toBe("LoginSuccess");
  }, 60_000);
});

describe("a flood of subscriptions", () => {
  it("caps one socket and one account, while the citizen's own subscription and queries carry on", async () => {
    const { maxSubscriptionsPerConnection: perSocket, maxSubscriptionsPerUser: perUser } = t.config;
    const sockets = Array.from({ length: 4 }, () => wsClient(port, { token: attacker.token }));
    try {
      const subs = await whileServingCitizen(async () => {
        const opened = sockets.flatMap((s) => Array.from({ length: perSocket + 10 }, () => collect(s, `subscription { myAccountStatus { status } }`)));
        // each accepted one answers with the current status at once; each refused one with an error
        await Promise.all(opened.map((o) => o.next(1, 10_000).catch(() => undefined)));
        return opened;
      });
      const accepted = subs.filter((s) => s.events[0]?.data?.myAccountStatus?.status === "AKTIF");
      const refused = subs.filter((s) => !s.events[0]?.data);
      expect(accepted.length + refused.length).toBe(subs.length);
      expect(accepted).toHaveLength(perUser);
      for (const r of refused) expect(JSON.stringify(r.error ?? r.events)).toContain("TOO_MANY_SUBSCRIPTIONS");
      // per socket: never more than its cap
      const perSocketAccepted = sockets.map((_, i) => subs.slice(i * (perSocket + 10), (i + 1) * (perSocket + 10)).filter((s) => accepted.includes(s)).length);
      expect(Math.max(...perSocketAccepted)).toBeLessThanOrEqual(perSocket);
      expect(JSON.stringify(refused[0]!.error ?? refused[0]!.events)).toMatch(/Terlalu banyak langganan/);
      // the attacker's sockets themselves stay open and usable once it lets go of some
      for (const s of accepted.slice(0, 5)) s.dispose();
      await new Promise((r) => setTimeout(r, 200));
      const again = collect(sockets[0]!, `subscription { myAccountStatus { status } }`);
      await again.next(1).catch(() => undefined);
      expect(
        again.events[0]?.data?.myAccountStatus.status,
        JSON.stringify({ e: again.error, ev: again.events, c: again.completed, accepted: perSocketAccepted }),
      ).toBe("AKTIF");
    } finally {
      await Promise.all(sockets.map((s) => s.dispose()));
    }
  }, 60_000);
});

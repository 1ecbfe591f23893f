import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestApp, serviceFixture, tinyPdf, upload, type TestApp } from "../helpers/app";
import { startS3, type TestS3 } from "../helpers/s3";

/**
 * With STORAGE=s3 a document uploaded as a real GraphQL multipart request lands in the bucket (under its content
 * address and S3_PREFIX), nothing of it in DATA_DIR/files, and downloads back byte for byte; HEAD answers from the
 * bucket; an object that vanished from the bucket is answered 410, not 500.
 */
let s3: TestS3;
let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

const CREATE = `mutation($l: ID!, $f: JSON) { createPengajuan(layananId: $l, formData: $f) { __typename ... on CreatePengajuanSuccess { data { id versi } } } }`;
const UPLOAD = `mutation($id: ID!, $v: Int!, $berkas: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $berkas) { __typename ... on UploadDokumenPengajuanSuccess { data { dokumen { id url sha256 } } } ... on Error { code message } } }`;

beforeAll(async () => {
  s3 = await startS3();
  t = await createTestApp({ storage: s3.config({ prefix: "kab-madiun/" }) });
  fx = await serviceFixture(t);
});
afterAll(async () => {
  await t?.close();
  await s3?.close();
});

describe("documents on S3 through GraphQL", () => {
  it("an upload lands in the bucket and downloads back identical", async () => {
    const c = await activeCitizen(t);
    const created = await t.gql(CREATE, { l: fx.layanan.id, f: { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20" } }, { token: c.token });
    const p = created.data!.createPengajuan.data;
    const content = tinyPdf(`pengantar desa ${"x".repeat(300_000)}`);
    const r = await upload(
      t,
      UPLOAD,
      { id: p.id, v: p.versi, berkas: [{ persyaratanId: fx.slots[0]!.id, file: null }] },
      { "berkas.0.file": { name: "ktp.pdf", type: "application/pdf", content } },
      { token: c.token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.uploadDokumenPengajuan.__typename).toBe("UploadDokumenPengajuanSuccess");
    const doc = r.data!.uploadDokumenPengajuan.data.dokumen[0];
    const hash = sha(content);
    expect(doc.sha256).toBe(hash);

    // in the bucket under the prefix and the content address; nothing kept on the local disk
    const objectFile = s3.objectPath(`kab-madiun/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`);
    expect(sha(fs.readFileSync(objectFile))).toBe(hash);
    const local = path.join(t.config.dataDir, "files");
    const leftovers = fs.existsSync(local) ? fs.readdirSync(local).filter((n) => n !== ".tmp") : [];
    expect(leftovers).toEqual([]);
    expect(fs.existsSync(path.join(local, ".tmp")) ? fs.readdirSync(path.join(local, ".tmp")) : []).toEqual([]);

    const res = await t.app.yoga.fetch(`http://localhost${doc.url}`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-length")).toBe(String(content.length));
    const body = new Uint8Array(await res.arrayBuffer());
    expect(sha(body)).toBe(hash);

    const head = await t.app.yoga.fetch(`http://localhost${doc.url}`, { method: "HEAD", headers: { authorization: `Bearer ${c.token}` } });
    expect(head.status).toBe(200);

    // the object is lost from the bucket: a clear 410, never a 500
    fs.rmSync(objectFile);
    const gone = await t.app.yoga.fetch(`http://localhost${doc.url}`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(gone.status).toBe(410);
    expect(gone.headers.get("x-loket-error")).toBe("FILE_NOT_FOUND");
  });
});

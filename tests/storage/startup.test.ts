import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcesses } from "../helpers/process";
import { startS3, type TestS3 } from "../helpers/s3";

/** A server whose bucket cannot be used refuses to start with one sentence: no stack, no secret. */
const procs = new ServerProcesses("loket-s3start-");
let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  procs.cleanup();
  await s3?.close();
});

describe("start-up with STORAGE=s3", { timeout: 120_000 }, () => {
  it("refuses a missing bucket and wrong credentials clearly", async () => {
    const missing = procs.start({ DATA_DIR: procs.tmpDir(), ...s3.env(), S3_BUCKET: "tidak-ada" });
    const wrong = procs.start({ DATA_DIR: procs.tmpDir(), ...s3.env(), S3_ACCESS_KEY_ID: "SALAH", S3_SECRET_ACCESS_KEY: "kunci-rahasia-salah" });
    expect(await missing.exited).toBe(1);
    expect(await wrong.exited).toBe(1);
    expect(missing.output()).toMatch(/S3 file storage unusable: bucket "tidak-ada" at http:\/\/127\.0\.0\.1:\d+: the bucket does not exist/);
    expect(wrong.output()).toMatch(/access denied: check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
    for (const p of [missing, wrong]) {
      expect(p.output()).not.toMatch(/\n\s+at /); // no stack trace
      expect(p.output()).not.toMatch(/listening on/);
    }
    expect(wrong.output()).not.toContain("kunci-rahasia-salah");
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { StorageConfig } from "../../server/config";

export type S3StorageConfig = Extract<StorageConfig, { kind: "s3" }>;

/**
 * A real S3-compatible server in this process (s3rver: pure npm, nothing to download, speaks path-style S3 with
 * SigV4 as the AWS SDK sends it) on 127.0.0.1, any free port, objects in a temp folder. Its fixed credentials
 * are S3RVER / S3RVER; others are refused like on real S3.
 */
export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** s3rver's folder; an object's bytes are at `objectPath(key)` (tests age them with utimes) */
  directory: string;
  objectPath(objectKey: string): string;
  config(overrides?: Partial<S3StorageConfig>): S3StorageConfig;
  /** the same as environment variables, for a server process */
  env(): Record<string, string>;
  close(): Promise<void>;
}

export async function startS3(bucket = "loket-test"): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "loket-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    objectPath: (objectKey) => {
      const parts = objectKey.split("/");
      const last = parts.pop()!;
      return path.join(directory, bucket, ...parts, `${last}._S3rver_object`);
    },
    config: (overrides = {}) => ({
      kind: "s3",
      endpoint,
      bucket,
      region: "us-east-1",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
      prefix: "",
      ...overrides,
    }),
    env: () => ({ STORAGE: "s3", S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" }),
    close: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

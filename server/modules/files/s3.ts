/**
 * Stored files in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, Garage…), so that every instance of
 * a multi-instance install reads what any of them stored. Same content addressing as the local store: the
 * object key is `${prefix}ab/cd/<sha256>`, so storing the same bytes twice is one object.
 *
 * The AWS SDK v3 (@aws-sdk/client-s3, with @aws-sdk/lib-storage's `Upload` for multipart) is loaded on first
 * use only: an install on local disk never pays for it at start or in memory.
 *
 * Streaming: `put` reads the temp file twice from disk (once to check its SHA-256, then for the upload), and
 * `Upload` holds at most `queueSize × partSize` (2 × 5 MiB) of it in memory; `open` hands out GetObject's body
 * stream as it arrives.
 */
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import type { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { NotFoundError } from "../../lib/errors";
import { StorageUnavailableError, hashFile, storageKeyOf, type FileStorage, type StoredObject } from "./store";

export interface S3Settings {
  /** e.g. http://127.0.0.1:9000 for MinIO; unset for AWS itself */
  endpoint?: string;
  bucket: string;
  region: string;
  /** unset: the SDK's default chain (AWS_* variables, instance role) */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** bucket in the path (http://host/bucket/key), as MinIO and most self-hosted servers want */
  forcePathStyle: boolean;
  /** prepended to every key, e.g. "loket/"; lets one bucket hold more than one install */
  prefix: string;
}

const KEY = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const PART_SIZE = 5 * 1024 * 1024; // S3's minimum part size
const QUEUE_SIZE = 2;

type Sdk = typeof import("@aws-sdk/client-s3");

export class S3FileStorage implements FileStorage {
  readonly tmpDir: string;
  readonly settings: S3Settings;
  private sdk: Promise<{ sdk: Sdk; client: S3Client }> | null = null;

  constructor(settings: S3Settings, tmpDir: string) {
    this.settings = settings;
    this.tmpDir = tmpDir;
  }

  /** The bucket and endpoint, for messages (never the credentials). */
  describe(): string {
    return `bucket "${this.settings.bucket}"${this.settings.endpoint ? ` at ${this.settings.endpoint}` : ` (AWS ${this.settings.region})`}`;
  }

  private connect(): Promise<{ sdk: Sdk; client: S3Client }> {
    this.sdk ??= import("@aws-sdk/client-s3").then((sdk) => {
      const s = this.settings;
      const client = new sdk.S3Client({
        region: s.region,
        endpoint: s.endpoint,
        forcePathStyle: s.forcePathStyle,
        credentials: s.accessKeyId && s.secretAccessKey ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } : undefined,
        maxAttempts: 3,
        // checksums the SDK computes itself need the whole body or trailers some S3-compatible servers reject
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      });
      return { sdk, client };
    });
    return this.sdk;
  }

  private objectKey(key: string): string {
    const m = KEY.exec(key);
    if (!m || m[3]!.slice(0, 2) !== m[1] || m[3]!.slice(2, 4) !== m[2]) throw new Error("S3FileStorage: malformed key");
    return this.settings.prefix + key;
  }

  async put(tempPath: string, sha256: string): Promise<string> {
    try {
      const key = storageKeyOf(sha256);
      const objectKey = this.objectKey(key);
      const { client } = await this.connect();
      // Content already stored is uploaded again (same key, same bytes) rather than skipped: that is what makes
      // it young again for the orphan sweep on every S3-compatible server (a copy onto itself does on AWS, not
      // on all others), and duplicates are rare. The bucket still holds one object per content.
      // checked before anything is sent, so a wrong sha256 never makes a key serve other bytes, not even briefly
      const actual = await hashFile(tempPath);
      if (actual.sha256 !== sha256) throw new Error("S3FileStorage.put: content does not match sha256");
      const { Upload } = await import("@aws-sdk/lib-storage");
      // one PutObject up to PART_SIZE, multipart above it; a failed multipart upload is aborted (no parts left)
      await new Upload({
        client,
        params: {
          Bucket: this.settings.bucket,
          Key: objectKey,
          Body: createReadStream(tempPath),
          ContentLength: actual.size,
          ContentType: "application/octet-stream",
          Metadata: { sha256 },
        },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: false,
      }).done();
      return key;
    } finally {
      await fs.rm(tempPath, { force: true });
    }
  }

  async open(key: string): Promise<NodeJS.ReadableStream> {
    const objectKey = this.objectKey(key);
    const { sdk, client } = await this.connect();
    try {
      const res = await client.send(new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: objectKey }));
      // in Node the body is the HTTP response itself (an IncomingMessage): streamed, never collected
      return res.Body as Readable;
    } catch (err) {
      if (isMissing(err)) throw new NotFoundError("FILE_NOT_FOUND", "Berkas tidak ditemukan.");
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    const { sdk, client } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: objectKey }));
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null;
  }

  /** The stored size of a key, or null when it is not there. */
  async head(key: string): Promise<{ size: number } | null> {
    const objectKey = this.objectKey(key);
    const { sdk, client } = await this.connect();
    try {
      const res = await client.send(new sdk.HeadObjectCommand({ Bucket: this.settings.bucket, Key: objectKey }));
      return { size: res.ContentLength ?? 0 };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async *list(): AsyncIterable<StoredObject> {
    const { sdk, client } = await this.connect();
    const prefix = this.settings.prefix;
    let token: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: prefix || undefined, ContinuationToken: token, MaxKeys: 1000 }),
      );
      for (const o of page.Contents ?? []) {
        const key = o.Key?.slice(prefix.length) ?? "";
        const m = KEY.exec(key);
        if (!m || m[3]!.slice(0, 2) !== m[1] || m[3]!.slice(2, 4) !== m[2]) continue; // not ours
        yield { key, modifiedAt: o.LastModified ?? new Date(0), size: o.Size ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async check(): Promise<void> {
    const { sdk, client } = await this.connect();
    try {
      await client.send(new sdk.HeadBucketCommand({ Bucket: this.settings.bucket }));
    } catch (err) {
      throw new StorageUnavailableError(`S3 file storage unusable: ${this.describe()}: ${explainS3Error(err)}`);
    }
  }
}

function status(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function isMissing(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === "NoSuchKey" || name === "NotFound" || status(err) === 404;
}

/** One sentence an operator can act on; never the credentials, never a stack. */
export function explainS3Error(err: unknown): string {
  const e = (err ?? {}) as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code;
  const httpStatus = status(err);
  if (e.name === "NoSuchBucket" || (httpStatus === 404 && e.name !== "NoSuchKey"))
    return "the bucket does not exist (create it, or check S3_BUCKET and S3_PREFIX).";
  if (
    ["InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "Forbidden", "InvalidClientTokenId"].includes(e.name ?? "") ||
    httpStatus === 403 ||
    httpStatus === 401
  ) {
    return "access denied: check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY and the key's rights on the bucket.";
  }
  if (e.name === "CredentialsProviderError") return "no credentials: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.";
  if (code && ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ECONNRESET", "EHOSTUNREACH"].includes(code))
    return `the endpoint cannot be reached (${code}): check S3_ENDPOINT.`;
  if (e.name === "TimeoutError") return "the endpoint did not answer in time: check S3_ENDPOINT.";
  return `${e.name ?? "Error"}${httpStatus ? ` (HTTP ${httpStatus})` : ""}: ${(e.message ?? String(err)).replace(/\s+/g, " ").slice(0, 200)}`;
}

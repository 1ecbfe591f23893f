import path from "node:path";
import type { Config } from "../../config";
import { S3FileStorage } from "./s3";
import { LocalFileStorage, type FileStorage } from "./store";

/** The file store the settings name (STORAGE, S3_*); uploads are received in DATA_DIR/files/.tmp either way. */
export function createFileStorage(config: Pick<Config, "dataDir" | "storage">): FileStorage {
  const root = path.join(config.dataDir, "files");
  const s = config.storage;
  if (s.kind === "local") return new LocalFileStorage(root);
  return new S3FileStorage(
    {
      endpoint: s.endpoint,
      bucket: s.bucket,
      region: s.region,
      accessKeyId: s.accessKeyId,
      secretAccessKey: s.secretAccessKey,
      forcePathStyle: s.forcePathStyle,
      prefix: s.prefix,
    },
    path.join(root, ".tmp"),
  );
}

import { createRequire } from "node:module";
import type { Redis, RedisOptions } from "ioredis";

const require = createRequire(import.meta.url);

/**
 * A Redis connection; ioredis is loaded on the first call, so an install without REDIS_URL (one instance, the
 * default) never holds it in memory (about 20 MB resident).
 */
export function createRedis(url: string, options: RedisOptions): Redis {
  const { Redis: RedisClient } = require("ioredis") as typeof import("ioredis");
  return new RedisClient(url, options);
}

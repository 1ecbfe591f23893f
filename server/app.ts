import http from "node:http";
import type { AddressInfo } from "node:net";
import { createYoga, type Plugin, type YogaInitialContext } from "graphql-yoga";
import { WebSocketServer, type WebSocket } from "ws";
import { useServer } from "graphql-ws/use/ws";
import type { Context as GraphqlWsContext, SubscribePayload } from "graphql-ws";
import { GraphQLError, type ExecutionArgs, type ExecutionResult } from "graphql";
import { schema } from "./schema/index";
import type { Config } from "./config";
import type { Context, RequestMeta, Services } from "./context";
import type { Db } from "./db/client";
import { deriveKeys, loadMasterSecret, type Keys } from "./lib/crypto";
import { createLoketPubSub, listen } from "./pubsub";
import { DatabaseHealth, isDatabaseUnavailable, isServiceUnavailable, serviceUnavailableError } from "./db/availability";
import { SessionStore, bearerToken, tokenFromHeaders } from "./modules/auth/session";
import { CalendarStore } from "./modules/calendar/service";
import { MAX_UPLOAD_BODY_BYTES, UPLOAD_LIMITS, drainRefusedBody, useBodyLimit, useUploadLimits } from "./limits";
import { MemoryRateStore, RedisRateStore, protectionPlugins, useRateLimit, type RateStore } from "./protection";
import { sha256Hex } from "./lib/crypto";
import { createFetch } from "@whatwg-node/fetch";
import { createLogger, logContext, newRequestId, requestIdFrom, REQUEST_ID_HEADER, type LogContext, type Logger } from "./logger";
import { Readiness, databaseCheck, handleHealth, migrationsCheck, redisCheck, storageCheck, workersCheck } from "./health";
import { OperationNames, isMetricsPath, metricsEnabled, outboxBacklog, serveMetrics } from "./metrics";
import type { Metrics } from "./metrics-registry";
import { randomBytes } from "node:crypto";
import { getOperationAST } from "graphql";
import { createFileStorage } from "./modules/files/storage";
import type { FileStorage } from "./modules/files/store";
import { takeLease } from "./lib/lease";
import { kirimPengingat } from "./modules/kunjungan/notify";
import { kirimPengingatPelatihan } from "./modules/pelatihan/notify";
import { randomUUID } from "node:crypto";
import { OutboxWorker } from "./modules/mail/worker";
import { WebhookWorker } from "./modules/webhook/worker";
import { KanalWorker } from "./modules/kanal/worker";
import { useWhatsAppWebhook } from "./modules/kanal/webhook";
import { WebhookTargets } from "./modules/webhook/targets";
import { sweepOrphanFiles } from "./modules/files/sweep";
import { DomainError } from "./lib/errors";
import { isWrongTypeGlobalId, unknownIdError } from "./lib/global-id";
import { useTextInputCheck } from "./input-text";
import { guardHooks } from "./safe-hooks";
import { createQueueCache } from "./modules/pengajuan/queue-cache";
import { ApiClientStore } from "./modules/api-client/store";
import { isClientToken } from "./modules/api-client/rules";
import { useDownloads } from "./downloads";
import { useFlowchartImages } from "./modules/layanan/flowchart-route";
import { useMutationAudit, useSensitiveScrub } from "./modules/audit/service";
import { createStaticHandler } from "./static";
import { loadManifest, persistedOperationPlugins, subscribeDocument } from "./persisted";
import { cookieAllowedForOrigin } from "./origin";
import { fromRoot } from "./paths";
import { useStreamingUploads } from "./multipart";

export interface App {
  services: Services;
  yoga: ReturnType<typeof createYoga<ServerContext, Context>>;
  server: http.Server;
  /** Listen on `port` (0 for any free port); resolves with the port. */
  start(port?: number, host?: string): Promise<number>;
  /** Close WebSocket and HTTP connections, stop background work. Does not close the database. */
  stop(): Promise<void>;
  log: Logger;
  /** /readyz's checks; more can be registered (server/health.ts) */
  readiness: Readiness;
  /** null when metrics are not served (no METRICS_PORT or METRICS_TOKEN) */
  metrics: Metrics | null;
  /** the port of the separate metrics server (METRICS_PORT) once started, else null */
  metricsPort: number | null;
}

export interface ServerContext {
  req?: http.IncomingMessage;
  connectionParams?: Record<string, unknown>;
}

function clientIp(config: Config, req: http.IncomingMessage | undefined, headers: { get(name: string): string | null }): string {
  if (config.trustProxy) {
    const fwd = headers.get("x-forwarded-for");
    if (fwd) return fwd.split(",")[0]!.trim();
  }
  return req?.socket.remoteAddress ?? "unknown";
}

export async function buildApp(opts: { config: Config; db: Db; keys?: Keys; storage?: FileStorage }): Promise<App> {
  const { config, db } = opts;
  const log = createLogger(config.logLevel, config.logFormat);
  const keys = opts.keys ?? deriveKeys(loadMasterSecret(config.secret, config.dataDir));
  const pubsub = createLoketPubSub(config.redisUrl, log);
  // a database outage is logged once (not per request) and answered SERVICE_UNAVAILABLE / 503 (db/availability.ts)
  const dbHealth = new DatabaseHealth(() => db.prisma.$queryRaw`SELECT 1`, log);
  const logFailure = (message: string, err?: unknown) => (isDatabaseUnavailable(err) ? dbHealth.failed(err) : log.error(message, err));
  const sessions = new SessionStore({ db, pubsub, sessionTtlHours: config.sessionTtlHours });
  const clients = new ApiClientStore({ db, pubsub });
  const calendars = new CalendarStore(() => db.prisma, pubsub);
  const webhookTargets = new WebhookTargets(pubsub);
  const storage = opts.storage ?? createFileStorage(config);
  const queueCache = createQueueCache(pubsub, config.queueCacheSeconds);
  // WORKERS=false: an API-only instance runs none of the background loops below (other instances do)
  const workers = config.workers;
  // files a dead process stored without committing their rows: a minute after start, then every FILE_SWEEP_SECONDS;
  // with several instances on one store the orphans are removed by the one that takes the period's lease (held for
  // 90% of the period, far longer than a sweep takes, so two sweeps never overlap)
  const instanceId = randomUUID();
  const sweepMs = config.fileSweepSeconds * 1000;
  const sweep = () =>
    sweepOrphanFiles(db.prisma, storage, { claim: () => takeLease(db.prisma, "file-sweep", instanceId, sweepMs * 0.9) })
      .then((r) => r.orphans.length + r.staging > 0 && log.info(`Removed ${r.orphans.length} unreferenced stored files and ${r.staging} staging files`))
      .catch((err) => logFailure("Sweeping unreferenced files failed", err));
  const sweepTimers = workers ? [setTimeout(sweep, Math.min(60_000, sweepMs)), setInterval(sweep, sweepMs)] : [];
  for (const t of sweepTimers) t.unref();
  // visit and training reminders (kunjungan/notify.ts, pelatihan/notify.ts), a day ahead: every five minutes, by the
  // instance holding that period's lease
  const remindMs = 5 * 60_000;
  const remind = () =>
    takeLease(db.prisma, "kunjungan-pengingat", instanceId, remindMs * 0.9)
      .then(async (mine) => {
        if (!mine) return;
        const deps = { keys, kanal: config.kanal, publicUrl: config.publicUrl };
        const sent = await kirimPengingat(db.prisma, pubsub, deps);
        const latihan = await kirimPengingatPelatihan(db.prisma, pubsub, deps);
        if (sent + latihan > 0) {
          mailWorker?.kick();
          kanalWorker?.kick();
          log.info(`Sent ${sent} visit and ${latihan} training reminders`);
        }
      })
      .catch((err) => logFailure("Sending visit or training reminders failed", err));
  const remindTimers = workers ? [setTimeout(remind, 30_000), setInterval(remind, remindMs)] : [];
  for (const t of remindTimers) t.unref();
  const workerLog = (m: string, e?: unknown) => (isDatabaseUnavailable(e) ? dbHealth.failed(e) : log.info(m, e));
  const mailWorker =
    workers && config.mailWorker ? new OutboxWorker({ prisma: db.prisma, keys, smtpUrl: config.smtpUrl, from: config.mailFrom, log: workerLog }) : null;
  const webhookWorker =
    workers && config.webhookWorker
      ? new WebhookWorker({ prisma: db.prisma, keys, calendars, allowPrivateAddresses: config.webhookAllowPrivate, log: workerLog })
      : null;
  // WhatsApp and SMS notices: the same outbox table (kinds WHATSAPP, SMS), run with the email worker
  const kanalWorker =
    workers && config.mailWorker && (config.kanal.whatsapp || config.kanal.sms)
      ? new KanalWorker({ prisma: db.prisma, keys, kanal: config.kanal, log: workerLog })
      : null;
  // /readyz (health.ts): each check throws to say "not ready"
  const readiness = new Readiness();
  const redisHealth = config.redisUrl ? redisCheck(config.redisUrl) : null;
  readiness.register("database", databaseCheck(db.prisma));
  readiness.register("redis", redisHealth ? redisHealth.check : async () => "skipped");
  readiness.register("storage", storageCheck(storage));
  readiness.register("migrations", migrationsCheck(db.prisma));
  const workerLoops = { email: mailWorker, webhook: webhookWorker, ...(kanalWorker ? { kanal: kanalWorker } : {}) };
  readiness.register("workers", workersCheck(workerLoops));
  const services: Services = {
    config,
    db,
    keys,
    pubsub,
    sessions,
    clients,
    calendars,
    storage,
    mail: mailWorker,
    webhookTargets,
    webhooks: webhookWorker,
    kanal: kanalWorker,
  };
  services.sessions.start();
  services.clients.start();
  services.calendars.start();
  services.webhookTargets.start();
  // the open deadlines follow a calendar change in the change's own transaction: see calendar/deadlines.ts

  // the web client's operations by hash (PERSISTED_OPERATIONS); in `only` mode a document is run only for an API client
  const persisted = { mode: config.persistedOperations, manifest: config.persistedOperations === "off" ? new Map<string, string>() : loadManifest() };
  const isApiClientRequest = async (request: Request) => {
    const { token, via } = tokenFromHeaders(request.headers);
    return via === "bearer" && isClientToken(token) && (await services.clients.resolve(token)) !== null;
  };

  const metrics = metricsEnabled(config) ? new (await import("./metrics-registry")).Metrics(OperationNames.fromDocuments(persisted.manifest.values())) : null;
  // lines written while an operation runs name it (the log context is the request's, see the HTTP handler)
  const useOperationLogContext: Plugin = {
    onParams({ params }) {
      const store = logContext.getStore();
      if (store && typeof params.operationName === "string") store.operationName = params.operationName.slice(0, 64);
    },
    onExecute({ args }) {
      const store = logContext.getStore();
      if (store && !store.operationName) {
        const name = getOperationAST(args.document, args.operationName)?.name?.value;
        if (name) store.operationName = name.slice(0, 64);
      }
    },
  };

  const metaByRequest = new WeakMap<Request, RequestMeta>();
  const rateStore: RateStore = config.redisUrl ? new RedisRateStore(config.redisUrl, log) : new MemoryRateStore();

  const useSessionCookies: Plugin = {
    onResponse({ request, response }) {
      const meta = metaByRequest.get(request);
      for (const cookie of meta?.setCookies ?? []) response.headers.append("set-cookie", cookie);
    },
  };

  const yoga = createYoga<ServerContext, Context>({
    schema,
    // multipart bodies are parsed as they stream in; these caps stop an upload bomb before it is buffered
    fetchAPI: createFetch({ formDataLimits: UPLOAD_LIMITS }),
    maxRequestBodySize: MAX_UPLOAD_BODY_BYTES,
    graphqlEndpoint: "/graphql",
    graphiql: config.graphiql ? { title: "Loket GraphQL", subscriptionsProtocol: "WS" } : false,
    landingPage: false,
    // yoga logs the raw error of a failed context (a session read) itself: not again per request for an outage
    logging: { ...log.yoga, error: (...a: unknown[]) => (a.some(isDatabaseUnavailable) ? undefined : log.yoga.error(...a)) },
    maskedErrors: { maskError: (error) => maskError(error, log, dbHealth) },
    // a hook that throws is answered like a GraphQL error, never with its stack (safe-hooks.ts)
    plugins: guardHooks(
      [
        ...(metrics ? [metrics.plugin] : []),
        useOperationLogContext,
        useRateLimit(rateStore, {
          perUserPerMinute: config.rateLimitPerUser,
          perAddressPerMinute: config.rateLimitPerAddress,
          identify: (request, serverContext) => {
            const { token } = tokenFromHeaders(request.headers);
            const req = (serverContext as ServerContext | undefined)?.req;
            return { user: token ? sha256Hex(token).slice(0, 24) : null, address: clientIp(config, req, request.headers) };
          },
        }),
        useBodyLimit(),
        useStreamingUploads(() => storage.tmpDir),
        useUploadLimits(),
        ...protectionPlugins(config),
        ...persistedOperationPlugins({ ...persisted, isApiClient: isApiClientRequest }),
        useTextInputCheck(),
        useSessionCookies,
        useDownloads(services),
        useFlowchartImages(services),
        useWhatsAppWebhook(services, (m) => log.info(m)),
        useMutationAudit(),
        useSensitiveScrub(),
        queueCache.plugin,
      ],
      (error) => maskError(error, log, dbHealth),
    ),
    context: async (initial: YogaInitialContext & ServerContext): Promise<Context> => {
      const request = initial.request;
      const headers = request?.headers ?? new Headers();
      const wsParams = initial.connectionParams;
      const meta: RequestMeta = {
        ip: clientIp(config, initial.req, headers),
        userAgent: headers.get("user-agent") ?? "",
        setCookies: [],
        via: null,
      };
      let token: string | null = null;
      if (wsParams) {
        const p = wsParams.authorization ?? wsParams.Authorization ?? wsParams.token;
        token = typeof p === "string" ? (bearerToken(p) ?? p) : null;
        if (token) meta.via = "connectionParams";
      }
      if (!token) {
        const found = tokenFromHeaders(headers);
        token = found.token;
        meta.via = found.via;
      }
      if (request) metaByRequest.set(request, meta);
      // an API client key (lkc_…) is a bearer credential of another system: never taken from a cookie
      if (isClientToken(token)) {
        const client = meta.via === "cookie" ? null : await services.clients.resolve(token);
        return { ...services, prisma: db.prisma, viewer: null, viewerUser: null, client, request: meta };
      }
      const resolved = await services.sessions.resolve(token);
      return {
        ...services,
        prisma: db.prisma,
        viewer: resolved?.viewer ?? null,
        viewerUser: resolved?.user ?? null,
        client: null,
        request: meta,
      };
    },
  });

  // the built web client (client/dist) is served from this origin; the paths yoga answers itself (GraphQL,
  // file downloads) never fall through to the client's index.html
  const serveClient = createStaticHandler(fromRoot("client", "dist"));
  const serverPaths = /^\/(?:graphql|unduh|bagan-alir|kanal)(?:[/?]|$)/;
  const server = http.createServer((req, res) => {
    // probes and scrapes first: no session, rate limit, request id or log line for them
    if (handleHealth(req, res, readiness)) return;
    if (isMetricsPath(req.url)) {
      // METRICS_PORT moves /metrics to a port of its own; without METRICS_TOKEN the main port never serves it
      if (metrics && config.metricsPort === undefined && config.metricsToken) serveMetrics(req, res, metrics, config.metricsToken);
      else notFound(res);
      return;
    }
    // the proxy's or client's X-Request-Id when sane, else a new one: answered, and on every line this request causes
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    logContext.run({ requestId }, () => {
      // an upload refused while it streams is not read to its end (limits.ts)
      const socket = req.socket;
      res.once("finish", () => drainRefusedBody(req, socket));
      if ((req.method === "GET" || req.method === "HEAD") && !serverPaths.test(req.url ?? "") && serveClient(req, res)) return;
      const started = performance.now();
      res.once("finish", () =>
        log.info("HTTP request", {
          method: req.method,
          path: (req.url ?? "").split("?")[0]!.slice(0, 200),
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        }),
      );
      void yoga(req, res);
    });
  });
  const notFound = (res: http.ServerResponse) => {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("Not Found\n");
  };
  // METRICS_PORT: /metrics alone, on HOST, for a scraper on the internal network
  const metricsServer =
    !metrics || config.metricsPort === undefined
      ? null
      : http.createServer((req, res) => (isMetricsPath(req.url) ? serveMetrics(req, res, metrics, config.metricsToken) : notFound(res)));
  let metricsPort: number | null = null;
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  // subscription caps: per connection, and per user across this instance's connections
  const subscriptionsByUser = new Map<string, number>();
  const owners = new Map<string, string>();
  const connectionIds = new WeakMap<object, number>();
  // a connection's id in the log: random, so lines of several instances never share one
  const connectionLogIds = new WeakMap<object, string>();
  const connectionLogId = (extra: object) => {
    let id = connectionLogIds.get(extra);
    if (id === undefined) connectionLogIds.set(extra, (id = `ws-${randomBytes(6).toString("base64url")}`));
    return id;
  };
  // "<connection>:<operation id>" of the open subscriptions (loket_graphql_subscriptions)
  const activeSubscriptions = new Set<string>();
  let nextConnection = 0;
  const connectionKey = (extra: object) => {
    let n = connectionIds.get(extra);
    if (n === undefined) connectionIds.set(extra, (n = ++nextConnection));
    return n;
  };
  // Open subscriptions whose person or API client lost access (logout, suspension, another role or instansi, a
  // rotated or revoked key, fewer scopes) must not keep receiving events authorised by the old access: on
  // every invalidation the socket's context is built again and, when access shrank, the socket is closed
  // with 4403 (a client reconnects with whatever access it still has). More access (an activation) keeps it.
  type Access = Pick<Context, "viewer" | "client">;
  const watched = new Map<string, Map<WebSocket, { before: Access; refresh: () => Promise<Access> }>>();
  const snapshot = (c: Access): Access => ({
    viewer: c.viewer ? { ...c.viewer } : null,
    client: c.client ? { ...c.client, scopes: [...c.client.scopes] } : null,
  });
  const watch = (owner: string, socket: WebSocket, current: Access, refresh: () => Promise<Access>) => {
    const before = snapshot(current); // the context object may be built again in place
    let sockets = watched.get(owner);
    if (!sockets) watched.set(owner, (sockets = new Map()));
    if (sockets.has(socket)) return;
    sockets.set(socket, { before, refresh });
    socket.once("close", () => {
      sockets.delete(socket);
      if (sockets.size === 0 && watched.get(owner) === sockets) watched.delete(owner);
    });
  };
  const shrank = (before: Access, now: Access): boolean => {
    const [a, b] = [before.viewer, now.viewer];
    if (a) return !b || b.id !== a.id || b.role !== a.role || b.instansiId !== a.instansiId || (a.status === "AKTIF" && b.status !== "AKTIF");
    const [c, d] = [before.client, now.client];
    if (c) return !d || d.id !== c.id || d.instansiId !== c.instansiId || c.scopes.some((x) => !d.scopes.includes(x));
    return false;
  };
  const recheck = (owner: string) => {
    // after the session and key caches (listening to the same topic) have forgotten what they held
    setTimeout(() => {
      for (const [socket, w] of watched.get(owner) ?? []) {
        w.refresh()
          .then((now) => shrank(w.before, now) && socket.close(4403, "Akses berubah"))
          .catch(() => socket.close(4403, "Akses berubah"));
      }
    }, 20).unref();
  };
  const invalidations = [
    listen(pubsub, "auth:invalidate", (e) => recheck(e.userId)),
    listen(pubsub, "auth:client-invalidate", (e) => recheck(`klien:${e.clientId}`)),
  ];
  // the pubsub iterators each operation opened, to end them with it (see onOperation)
  const pubsubIterators = new Map<string, Set<{ return?(): unknown }>>();
  const release = (extra: object, id: string) => {
    (extra as { subscriptions?: Set<string> }).subscriptions?.delete(id);
    const key = `${connectionKey(extra)}:${id}`;
    pubsubIterators.delete(key);
    activeSubscriptions.delete(key);
    const userId = owners.get(key);
    if (!userId) return;
    owners.delete(key);
    const left = (subscriptionsByUser.get(userId) ?? 1) - 1;
    if (left <= 0) subscriptionsByUser.delete(userId);
    else subscriptionsByUser.set(userId, left);
  };
  const wsServer = useServer<Record<string, unknown>, { request: http.IncomingMessage }>(
    {
      connectionInitWaitTimeout: 10_000,
      onComplete: (ctx, id) => release(ctx.extra, id),
      onClose: (ctx) => {
        for (const id of (ctx.extra as { subscriptions?: Set<string> }).subscriptions ?? []) release(ctx.extra, id);
      },
      // A resolver written as an async generator that waits in `for await` on a pubsub topic cannot be returned
      // while it waits: the client's "complete" (and so the release of its cap slot) would hang until the next
      // event on that topic. Ending the pubsub iterators the operation opened lets the generator finish at once.
      // Each event is also produced inside the operation's log context (graphql-ws pulls events from its own).
      onOperation: (ctx, id, _payload, args, result) => {
        if (!result || typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function") return undefined;
        const opened = pubsubIterators.get(`${connectionKey(ctx.extra)}:${id}`);
        const store = ((args as { rootValue?: unknown }).rootValue as Enveloped | undefined)?.log;
        if (!opened && !store) return undefined;
        const inContext = <T>(fn: () => T): T => (store ? logContext.run(store, fn) : fn());
        const inner = result as AsyncGenerator<ExecutionResult>;
        const wrapped: AsyncGenerator<ExecutionResult> = {
          [Symbol.asyncIterator]: () => wrapped,
          next: () => inContext(() => inner.next()),
          throw: (err) => inner.throw(err),
          return: async (value) => {
            for (const it of opened ?? []) void Promise.resolve(it.return?.()).catch(() => {});
            return inner.return(value);
          },
        };
        return wrapped;
      },
      // One bad subscription is answered with an error for that subscription; the socket and its other
      // subscriptions live on (graphql-ws closes the whole socket with 4500 when a hook or execution throws).
      execute: (args: ExecutionArgs & { rootValue?: unknown }) => runWsOperation(args, "execute"),
      subscribe: (args: ExecutionArgs & { rootValue?: unknown }) => runWsOperation(args, "subscribe"),
      // an event stream that fails midway: masked like any GraphQL error (no internal message or server path)
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => clientError(e).toJSON()),
      // every operation on a socket is a request of its own for the log: a new request id, and the connection's id
      onSubscribe: (ctx, id, payload) =>
        logContext
          .run({ requestId: newRequestId(), connectionId: connectionLogId(ctx.extra) }, () => prepareSubscription(ctx, id, payload))
          .catch((err: unknown) => {
            (ctx.extra as { subscriptions?: Set<string> }).subscriptions?.delete(id);
            return [clientError(err)];
          }),
    },
    wss,
  );

  /** A thrown error as the client may see it: deliberate errors pass, anything else is logged and masked. */
  const clientError = (err: unknown): GraphQLError => {
    // the database is away: this subscription fails with SERVICE_UNAVAILABLE; the socket stays for a retry
    if (isServiceUnavailable(err)) {
      if (isDatabaseUnavailable(err)) dbHealth.failed(err);
      return serviceUnavailableError({ overHttp: false });
    }
    return maskError(
      err instanceof GraphQLError
        ? err
        : new GraphQLError(err instanceof Error ? err.message : String(err), { originalError: err instanceof Error ? err : undefined }),
      log,
      dbHealth,
    ) as GraphQLError;
  };
  /** An operation's execution in its log context, with one line when it has run (or its event stream has started). */
  const runWsOperation = (args: ExecutionArgs & { rootValue?: unknown }, kind: "execute" | "subscribe"): Promise<never> => {
    const root = args.rootValue as Enveloped;
    const run = async () => {
      const started = performance.now();
      const result = await settle(() => root[kind](args));
      log.info("WebSocket operation", { kind, ms: Math.round(performance.now() - started) });
      return result;
    };
    return root.log ? logContext.run(root.log, run) : run();
  };
  const settle = async (run: () => unknown): Promise<never> => {
    try {
      return (await run()) as never;
    } catch (err) {
      return { errors: [clientError(err)] } as never;
    }
  };

  type WsContext = GraphqlWsContext<Record<string, unknown>, { request: http.IncomingMessage }>;
  async function prepareSubscription(ctx: WsContext, id: string, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const open = (ctx.extra as { subscriptions?: Set<string> }).subscriptions ?? new Set<string>();
    (ctx.extra as { subscriptions?: Set<string> }).subscriptions = open;
    if (open.size >= config.maxSubscriptionsPerConnection) {
      return [
        new GraphQLError(`Terlalu banyak langganan pada satu koneksi (maksimal ${config.maxSubscriptionsPerConnection}).`, {
          extensions: { code: "TOO_MANY_SUBSCRIPTIONS" },
        }),
      ];
    }
    open.add(id); // reserve at once: subscriptions arriving together must not all pass the check
    // the upgrade request's headers (cookie) count like an HTTP request's, the cookie only from this site's own
    // pages (origin.ts): from another site's page the socket is anonymous unless it sends a token itself
    const cookieAllowed = cookieAllowedForOrigin(config, ctx.extra.request.headers);
    // A fresh initial context on every call: yoga's context factory extends the object it is given in place,
    // and the built context's `request` (RequestMeta) replaces the initial Fetch Request, so running the
    // factory again on a built context would find no cookie (an anonymous viewer: the socket closed with 4403
    // on every invalidation, e.g. after updateProfile) and would overwrite the running operation's context.
    const envelop = () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(ctx.extra.request.headers)) if (typeof v === "string" && (cookieAllowed || k !== "cookie")) headers.set(k, v);
      return yoga.getEnveloped({
        req: ctx.extra.request,
        request: new Request("http://localhost/graphql", { headers }),
        connectionParams: ctx.connectionParams ?? {},
        params: payload,
      } as never);
    };
    const enveloped = envelop();
    let document: ReturnType<typeof enveloped.parse>;
    let contextValue: Context;
    try {
      contextValue = (await enveloped.contextFactory()) as Context;
      // persisted operations: a known hash runs the manifest's text; `only` mode takes documents from API clients alone
      const source = subscribeDocument(persisted, payload, contextValue.client !== null);
      if ("error" in source) {
        open.delete(id);
        return [source.error];
      }
      document = enveloped.parse(source.query);
    } catch (err) {
      open.delete(id);
      return [clientError(err)];
    }
    const errors = enveloped.validate(enveloped.schema, document);
    const operation = getOperationAST(document, payload.operationName);
    const store = logContext.getStore();
    if (store && operation?.name) store.operationName = operation.name.value.slice(0, 64);
    if (errors.length > 0) {
      open.delete(id);
      return errors;
    }
    const opened = new Set<{ return?(): unknown }>();
    const pubsub = contextValue.pubsub;
    contextValue.pubsub = Object.assign(Object.create(pubsub) as typeof pubsub, {
      subscribe: ((...args: Parameters<typeof pubsub.subscribe>) => {
        const iterator = (pubsub.subscribe as (...a: unknown[]) => ReturnType<typeof pubsub.subscribe>)(...args);
        opened.add(iterator as { return?(): unknown });
        return iterator;
      }) as typeof pubsub.subscribe,
    });
    const userId = contextValue.viewer?.id ?? (contextValue.client ? `klien:${contextValue.client.id}` : undefined);
    if (userId) {
      const count = subscriptionsByUser.get(userId) ?? 0;
      if (count >= config.maxSubscriptionsPerUser) {
        open.delete(id);
        return [
          new GraphQLError(`Terlalu banyak langganan aktif untuk akun ini (maksimal ${config.maxSubscriptionsPerUser}).`, {
            extensions: { code: "TOO_MANY_SUBSCRIPTIONS" },
          }),
        ];
      }
      subscriptionsByUser.set(userId, count + 1);
      owners.set(`${connectionKey(ctx.extra)}:${id}`, userId);
      watch(userId, (ctx.extra as unknown as { socket: WebSocket }).socket, contextValue, async () => (await envelop().contextFactory()) as Context);
    }
    pubsubIterators.set(`${connectionKey(ctx.extra)}:${id}`, opened);
    if (operation?.operation === "subscription") activeSubscriptions.add(`${connectionKey(ctx.extra)}:${id}`);
    return {
      schema: enveloped.schema,
      operationName: payload.operationName,
      document,
      variableValues: payload.variables,
      contextValue,
      rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe, log: store },
    } as ExecutionArgs;
  }

  // keep-alive: ping every 30 s; a socket that did not answer the previous ping is gone (sleeping laptop, lost network)
  const alive = new WeakSet<object>();
  wss.on("connection", (socket) => {
    alive.add(socket);
    socket.on("pong", () => alive.add(socket));
  });
  const keepAlive = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, 30_000);
  keepAlive.unref();

  type Enveloped = { execute: (a: ExecutionArgs) => never; subscribe: (a: ExecutionArgs) => never; log?: LogContext };

  metrics?.bind({
    openSockets: () => wss.clients.size,
    activeSubscriptions: () => activeSubscriptions.size,
    poolStats: db.poolStats,
    backlog: () => outboxBacklog(db.prisma),
    workers: workerLoops,
  });

  let stopped = false;
  return {
    services,
    yoga,
    server,
    log,
    readiness,
    metrics,
    get metricsPort() {
      return metricsPort;
    },
    start: async (port = config.port, host = config.host) => {
      if (metricsServer) {
        metricsPort = await new Promise<number>((resolve, reject) => {
          metricsServer.once("error", reject);
          metricsServer.listen(config.metricsPort, host, () => resolve((metricsServer.address() as AddressInfo).port));
        });
        log.info(`Metrics on http://${host}:${metricsPort}/metrics${config.metricsToken ? " (METRICS_TOKEN required)" : ""}`);
      }
      return new Promise<number>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          mailWorker?.start();
          webhookWorker?.start();
          kanalWorker?.start();
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(keepAlive);
      await wsServer.dispose();
      for (const client of wss.clients) client.terminate();
      for (const stop of invalidations) stop();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      if (server.listening) {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), 2000).unref();
        });
      }
      for (const t of [...sweepTimers, ...remindTimers]) clearTimeout(t);
      await queueCache.stop();
      await mailWorker?.stop();
      await webhookWorker?.stop();
      await kanalWorker?.stop();
      services.sessions.stop();
      services.clients.stop();
      services.calendars.stop();
      services.webhookTargets.stop();
      await pubsub.close();
      await rateStore.close();
      dbHealth.stop();
      redisHealth?.close();
      if (metricsServer?.listening) {
        await new Promise<void>((resolve) => {
          metricsServer.close(() => resolve());
          metricsServer.closeAllConnections();
        });
      }
    },
  };
}

/** Deliberate errors (GraphQLError with a code, syntax and validation errors) pass; anything else is logged and hidden. */
function maskError(error: unknown, log: Logger, dbHealth: DatabaseHealth): Error {
  if (error instanceof GraphQLError) {
    const original = error.originalError;
    if (!original || original instanceof GraphQLError) return error;
    if (isDatabaseUnavailable(original)) {
      dbHealth.failed(original); // one log line per outage, not a stack trace per request
      return serviceUnavailableError({ nodes: error.nodes, path: error.path });
    }
    // an expected failure raised where no result union catches it (a list's totalCount, a subscription):
    // still the client's specific code and Indonesian message, never a masked internal error
    if (original instanceof DomainError) {
      return new GraphQLError(original.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: {
          code: original.code,
          ...(original.field ? { field: original.field } : {}),
          ...(original.problems.length > 1 ? { problems: original.problems } : {}),
        },
      });
    }
    // a global ID of another type than the argument takes: like one that names nothing (lib/global-id.ts)
    if (isWrongTypeGlobalId(original))
      return new GraphQLError(unknownIdError().message, { nodes: error.nodes, path: error.path, extensions: unknownIdError().extensions });
    log.error("Unexpected error", original);
    return new GraphQLError(INTERNAL_MESSAGE, { nodes: error.nodes, path: error.path, extensions: { code: "INTERNAL_SERVER_ERROR" } });
  }
  if (isDatabaseUnavailable(error)) {
    dbHealth.failed(error);
    return serviceUnavailableError();
  }
  log.error("Unexpected error", error);
  return new GraphQLError(INTERNAL_MESSAGE, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
}

const INTERNAL_MESSAGE = "Terjadi kesalahan pada server. Silakan coba lagi.";

import http from "node:http";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { createYoga, type Plugin, type YogaInitialContext } from "graphql-yoga";
import { WebSocketServer } from "ws";
import { useServer } from "graphql-ws/use/ws";
import { GraphQLError, type ExecutionArgs } from "graphql";
import { schema } from "./schema/index";
import type { Config } from "./config";
import type { Context, RequestMeta, Services } from "./context";
import type { Db } from "./db/client";
import { deriveKeys, loadMasterSecret, type Keys } from "./lib/crypto";
import { createLoketPubSub } from "./pubsub";
import { SessionStore, bearerToken, tokenFromHeaders } from "./modules/auth/session";
import { CalendarStore } from "./modules/calendar/service";
import { UPLOAD_LIMITS, useBodyLimit, useDocumentLimits } from "./limits";
import { createFetch } from "@whatwg-node/fetch";
import { createLogger, type Logger } from "./logger";
import path from "node:path";
import { LocalFileStorage } from "./modules/files/store";
import { OutboxWorker } from "./modules/mail/worker";
import { recomputeDeadlines } from "./modules/pengajuan/service";
import { useDownloads } from "./downloads";
import { createStaticHandler } from "./static";

export interface App {
  services: Services;
  yoga: ReturnType<typeof createYoga<ServerContext, Context>>;
  server: http.Server;
  /** Listen on `port` (0 for any free port); resolves with the port. */
  start(port?: number, host?: string): Promise<number>;
  /** Close WebSocket and HTTP connections, stop background work. Does not close the database. */
  stop(): Promise<void>;
  log: Logger;
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

export function buildApp(opts: { config: Config; db: Db; keys?: Keys }): App {
  const { config, db } = opts;
  const log = createLogger(config.logLevel);
  const keys = opts.keys ?? deriveKeys(loadMasterSecret(config.secret, config.dataDir));
  const pubsub = createLoketPubSub(config.redisUrl);
  const services = { config, db, keys, pubsub } as Services;
  services.sessions = new SessionStore(services);
  services.calendars = new CalendarStore(() => db.prisma, pubsub);
  services.storage = new LocalFileStorage(path.join(config.dataDir, "files"));
  const mailWorker = config.mailWorker
    ? new OutboxWorker({ prisma: db.prisma, smtpUrl: config.smtpUrl, from: config.mailFrom, log: (m, e) => log.info(m, e) })
    : null;
  services.mail = mailWorker;
  services.sessions.start();
  services.calendars.start();
  // holidays, hours or closures changed here: move the deadlines of running cases with them
  services.calendars.onChanged = (instansiId) => {
    recomputeDeadlines({ prisma: db.prisma, calendars: services.calendars }, instansiId).catch((err) => log.error("Recomputing deadlines failed", err));
  };

  const metaByRequest = new WeakMap<Request, RequestMeta>();

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
    graphqlEndpoint: "/graphql",
    graphiql: config.graphiql ? { title: "Loket GraphQL", subscriptionsProtocol: "WS" } : false,
    landingPage: false,
    logging: log.yoga,
    maskedErrors: { maskError: (error) => maskError(error, log) },
    plugins: [useBodyLimit(), useDocumentLimits(), useSessionCookies, useDownloads(services)],
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
      const resolved = await services.sessions.resolve(token);
      return {
        ...services,
        prisma: db.prisma,
        viewer: resolved?.viewer ?? null,
        viewerUser: resolved?.user ?? null,
        request: meta,
      };
    },
  });

  // the built web client (client/dist) is served from this origin; the paths yoga answers itself (GraphQL,
  // file downloads) never fall through to the client's index.html
  const serveClient = createStaticHandler(fileURLToPath(new URL("../client/dist", import.meta.url)));
  const serverPaths = /^\/(?:graphql|unduh)(?:[/?]|$)/;
  const server = http.createServer((req, res) => {
    if ((req.method === "GET" || req.method === "HEAD") && !serverPaths.test(req.url ?? "") && serveClient(req, res)) return;
    void yoga(req, res);
  });
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const wsServer = useServer<Record<string, unknown>, { request: http.IncomingMessage }>(
    {
      connectionInitWaitTimeout: 10_000,
      execute: (args: ExecutionArgs & { rootValue?: unknown }) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args: ExecutionArgs & { rootValue?: unknown }) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, payload) => {
        // the upgrade request's headers (cookie) count like an HTTP request's
        const headers = new Headers();
        for (const [k, v] of Object.entries(ctx.extra.request.headers)) if (typeof v === "string") headers.set(k, v);
        const request = new Request("http://localhost/graphql", { headers });
        const enveloped = yoga.getEnveloped({
          req: ctx.extra.request,
          request,
          connectionParams: ctx.connectionParams ?? {},
          params: payload,
        } as never);
        const document = enveloped.parse(payload.query);
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        return {
          schema: enveloped.schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
    },
    wss,
  );

  type Enveloped = { execute: (a: ExecutionArgs) => never; subscribe: (a: ExecutionArgs) => never };

  let stopped = false;
  return {
    services,
    yoga,
    server,
    log,
    start: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          mailWorker?.start();
          resolve((server.address() as AddressInfo).port);
        });
      }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await wsServer.dispose();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      if (server.listening) {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), 2000).unref();
        });
      }
      await mailWorker?.stop();
      services.sessions.stop();
      services.calendars.stop();
      await pubsub.close();
    },
  };
}

/** Deliberate errors (GraphQLError with a code, syntax and validation errors) pass; anything else is logged and hidden. */
function maskError(error: unknown, log: Logger): Error {
  if (error instanceof GraphQLError) {
    const original = error.originalError;
    if (!original || original instanceof GraphQLError) return error;
    log.error("Unexpected error", original);
    return new GraphQLError(INTERNAL_MESSAGE, { nodes: error.nodes, path: error.path, extensions: { code: "INTERNAL_SERVER_ERROR" } });
  }
  log.error("Unexpected error", error);
  return new GraphQLError(INTERNAL_MESSAGE, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
}

const INTERNAL_MESSAGE = "Terjadi kesalahan pada server. Silakan coba lagi.";

/**
 * startServer(): the whole central server in one call — database (migrated), HTTP routes,
 * Socket.IO with pokes, optional Redis adapter, optional demo seed. Used by main.ts, the start
 * script and every integration test. Options override the environment (config.ts).
 */
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Fastify from 'fastify';
import { MAX_PAYLOAD_BYTES } from '../shared/domain/limits';
import { loadConfig, resolveTokenSecret } from './config';
import { openPostgresStore, openSqliteStore, type Store } from './db/database';
import { migrateToLatest } from './db/migrate';
import { revokeSessionRow } from './domain/auth';
import { createDemoConnector, routeByChannel } from './domain/connectors';
import { startMailboxWatcher, type MailboxWatcher } from './connectors/email/mailbox';
import type { EmailSettings } from './connectors/email/settings';
import { createSmtpConnector } from './connectors/email/smtp';
import { noteInThread } from './connectors/email/threadNote';
import { startSendRetry } from './connectors/email/sendRetry';
import type { PeriodicJob } from './jobs/periodic';
import { registerConnectorRoutes } from './http/connectors';
import { registerWidgetChannelRoutes } from './http/widgetChannels';
import { widgetHandoffs, withWidgetDelivery } from './domain/widget/delivery';
import type { DomainContext } from './domain/context';
import { createAfterCommit } from './domain/afterCommit';
import { createCommitGroup, type CommitGroup } from './domain/commitGroup';
import { seedDemo } from './demo/seed';
import { seedDemoCrew } from './demo/crewRoster';
import { seedSlaDemo } from './demo/seedSla';
import { seedQaDemo } from './demo/seedQa';
import { startSamplingEngine, type SamplingEngine } from './jobs/sampling';
import { startAutoQaEngine, type AutoQaEngine } from './jobs/autoQa';
import { startSlaEngine, type SlaEngine } from './jobs/sla';
import { registerSlaRoutes } from './http/sla';
import { openKnowledgeStore, type KnowledgeStore } from './domain/nlu/knowledgeStore';
import { registerKnowledgeRoutes } from './http/knowledge';
import { registerAlertRoutes } from './http/alerts';
import { registerWebhookRoutes } from './http/webhooks';
import { registerNluModelRoutes } from './http/nluModels';
import { startNluRetraining, type NluRetraining, type NluRetrainingSchedule } from './jobs/nluRetraining';
import { startActiveModel, type ActiveModel } from './domain/nlu/activeModel';
import { trainInWorker } from './domain/nlu/modelTrainer';
import { registerInsightRoutes } from './http/insight';
import { registerWidgetRoutes } from './http/widget';
import { createWebhookPublisher, type WebhookPublisher } from './domain/webhooks';
import { startWebhookDelivery, type WebhookDelivery, type WebhookDeliveryOptions } from './jobs/webhooks';
import type { KnowledgeSource } from './domain/nlu/knowledgeSource';
import { startRouting, type Routing } from './domain/routing/presenceTracker';
import { routingSubscriber } from './domain/routing/triggers';
import { startBotEngine, type BotEngine } from './domain/bot/engine';
import { createInboundClassifier, type InboundClassifier } from './domain/nlu/inboundClassifier';
import type { BotSettings } from './domain/bot/settings';
import { registerRoutingRoutes } from './http/routing';
import { registerReportRoutes } from './http/reports';
import { registerQaSamplingRoutes } from './http/qaSampling';
import { registerRecordingRoutes } from './http/recordings';
import { registerLiveRoutes } from './http/live';
import { startQueueSampler, type QueueSampler } from './jobs/queueSamples';
import { createRecordingRelay } from './domain/recordings';
import { registerAuthRoutes } from './http/auth';
import { installErrorHandlers } from './http/errors';
import { registerHealthRoute } from './http/health';
import { registerIngestRoutes } from './http/ingest';
import { createSurveySender, type SurveySender } from './domain/surveys';
import type { SurveySettings } from '../shared/surveys';
import { createRealtime, type Realtime } from './realtime/io';
import { createPokeAnnouncer, roomsFor } from './realtime/pokes';

export interface StartServerOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  /** postgres://… for PostgreSQL; unset for SQLite at `<dataDir>/server.db`. */
  databaseUrl?: string;
  redisUrl?: string;
  tokenSecret?: string;
  tokenTtlHours?: number;
  seedDemo?: boolean;
  /** Also seed the demo crew's accounts (server/demo/crewRoster.ts); the crew itself runs elsewhere. */
  seedDemoCrew?: boolean;
  /** Also seed the demo centre's quality review: a scorecard and conversations sent to the demo reviewer (demo/seedQa.ts). */
  seedDemoReviews?: boolean;
  logger?: boolean;
  /** Socket.IO path, default `/socket.io`. */
  socketPath?: string;
  /** Environment to read defaults from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** The server's clock (default `new Date()`); tests inject a controllable one. */
  now?: () => Date;
  /** How long an agent's last socket may be gone before they are set offline (default 30 s). */
  offlineGraceMs?: number;
  /** How long a VIP may wait in the queue before the team's leads are alerted (default SWITCHBOARD_VIP_WAIT_SEC, else 2 min). */
  vipWaitMs?: number;
  /** How often the leader looks for sampling cycles that have started (default 60 s). */
  samplingCheckMs?: number;
  /** How often the leader stores each team's waiting count (default 60 s). */
  queueSampleMs?: number;
  /** How often the leader evaluates newly finished conversations for auto-QA (default 15 s). */
  autoQaCheckMs?: number;
  /** Webhook delivery: how often due deliveries are sent, the timeout, the retry delays. */
  webhooks?: Pick<WebhookDeliveryOptions, 'checkMs' | 'timeoutMs' | 'backoffMs'>;
  /** How often each node checks whether the bot's knowledge base was saved elsewhere (default 2 s). */
  knowledgeRefreshMs?: number;
  /** Quiet time between two poke flushes of a busy node (default SWITCHBOARD_POKE_COALESCE_MS, else 15 ms). */
  pokeCoalesceMs?: number;
  /** Worker threads classifying inbound messages (default SWITCHBOARD_NLU_WORKERS, else cores − 2, at most 4). */
  nluWorkers?: number;
  /** Bot and sentiment rules; each field overrides its SWITCHBOARD_BOT_* / SENTIMENT_* variable. */
  bot?: Partial<BotSettings>;
  /** Customer surveys after a resolution; each field overrides its SWITCHBOARD_SURVEY_* variable. */
  surveys?: Partial<SurveySettings>;
  /** Origins call recordings may be relayed from (default SWITCHBOARD_RECORDING_ORIGINS, else none). */
  recordingOrigins?: string[];
  /** Classifier retraining: how often the leader looks for queued versions (default 5 s), the schedule (SWITCHBOARD_NLU_RETRAIN_*). */
  nluRetraining?: { checkMs?: number; schedule?: Partial<NluRetrainingSchedule> };
  /** How often each node checks which classifier version is active (default 5 s). */
  activeModelRefreshMs?: number;
  /** The email channel; each field overrides its SWITCHBOARD_EMAIL_* variable. */
  email?: Partial<EmailSettings>;
}

export interface RunningServer {
  /** `http://host:port`, also the Socket.IO URL. */
  url: string;
  port: number;
  /** The server's store: `db` is the Kysely instance, `dialect` 'sqlite' | 'postgres'. */
  db: Store;
  /** Emits `outbound` with an OutboundDelivery for every public reply (demo connector). */
  events: EventEmitter;
  /** Revokes a login session: later handshakes fail, its sockets get `session.revoked` and are disconnected. */
  revokeSession(sessionId: string): Promise<void>;
  /** Every HTTP route as `METHOD /url` (HEAD twins of GET routes left out), for completeness checks. */
  routes(): string[];
  /** The SLA scheduler: leadership, and `clockChanged()` to re-arm timers after moving the clock. */
  sla: SlaEngine;
  /** Quality-review sampling cycles: `drawDue()` draws every cycle that has started and is not drawn yet. */
  sampling: SamplingEngine;
  /** Auto-QA of finished conversations: `evaluateDue()` evaluates every one without a current result. */
  autoQa: AutoQaEngine;
  /** Each team's waiting count once a minute (the Live screen's waiting line). */
  queueSamples: QueueSampler;
  /** Outbound webhooks: events queued after commit (`publisher.settled()`), sent by the leader. */
  webhooks: { publisher: WebhookPublisher; delivery: WebhookDelivery };
  /** Classifier versions: the leader's retraining job and the version this node classifies with. */
  nlu: { retraining: NluRetraining; activeModel: ActiveModel };
  /** Presence and auto-assignment: `idle()` resolves when no dispatch is running. */
  routing: Routing;
  /** The bot: `idle()` resolves when no bot turn is queued or running. */
  bot: BotEngine;
  /** Survey invitations after a resolution: `idle()` resolves when none is being sent. */
  surveys: Pick<SurveySender, 'idle'>;
  /** Group commit of channel ingests: `stats()` says how many writes each transaction carried. */
  ingestCommits: CommitGroup;
  /** The bot's knowledge base as this node serves it (`entries()` is what the bot reads). */
  knowledge: KnowledgeSource;
  /** The email channel's mailbox watcher (null when no IMAP mailbox is configured). */
  email: { mailbox: MailboxWatcher | null };
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig(options.env);
  const dataDir = options.dataDir ?? config.dataDir;
  const databaseUrl = options.databaseUrl ?? config.databaseUrl;
  const store = databaseUrl ? openPostgresStore(databaseUrl) : openSqliteStore(join(dataDir, 'server.db'));
  const events = new EventEmitter();
  let realtime: Realtime | undefined;
  let sla: SlaEngine | undefined;
  let sampling: SamplingEngine | undefined;
  let autoQa: AutoQaEngine | undefined;
  let queueSamples: QueueSampler | undefined;
  let webhookDelivery: WebhookDelivery | undefined;
  let retraining: NluRetraining | undefined;
  let activeModel: ActiveModel | undefined;
  let knowledge: KnowledgeStore | undefined;
  let bot: BotEngine | undefined;
  let classifier: InboundClassifier | undefined;
  let mailbox: MailboxWatcher | undefined;
  let sendRetry: PeriodicJob<number> | undefined;
  const email: EmailSettings = { ...config.email, ...options.email };
  const smtp =
    email.smtp && email.from
      ? createSmtpConnector(store, {
          smtp: email.smtp,
          from: email.from,
          signature: email.signature,
          retryMs: email.sendRetryMs,
          now: options.now ?? (() => new Date()),
          noteUndelivered: (conversationId, text) => (domain ? noteInThread(domain, conversationId, text) : Promise.resolve()),
        })
      : undefined;
  let domain: DomainContext | undefined;

  try {
    classifier = await createInboundClassifier(options.nluWorkers ?? config.nluWorkers);
    await migrateToLatest(store.db);
    knowledge = await openKnowledgeStore(store, {
      refreshMs: options.knowledgeRefreshMs,
      now: options.now ?? (() => new Date()),
    });
    const pokes = createPokeAnnouncer(() => realtime?.io, {
      coalesceMs: options.pokeCoalesceMs ?? config.pokeCoalesceMs,
    });
    // Every after-commit job subscribes here: pokes first, then SLA, bot and routing below.
    const afterCommit = createAfterCommit();
    afterCommit.subscribe('pokes', { changes: (appended) => pokes.announce(appended), flush: () => pokes.flush?.() });
    const ctx: DomainContext = {
      store,
      announcer: afterCommit,
      connector: withWidgetDelivery(store, routeByChannel(smtp ? { email: smtp } : {}, createDemoConnector(store, events)), () => realtime?.visitors.push ?? null, options.now),
      classifier,
      tokenSecret: resolveTokenSecret(dataDir, options.tokenSecret ?? config.tokenSecret),
      tokenTtlHours: options.tokenTtlHours ?? config.tokenTtlHours,
      knowledge,
      bot: { ...config.bot, ...options.bot },
      now: options.now ?? (() => new Date()),
    };
    domain = ctx;
    const ingestCommits = createCommitGroup(ctx);
    ctx.ingestCommits = ingestCommits;
    if (options.seedDemo) {
      await seedDemo(ctx);
      await seedSlaDemo(ctx);
    }
    if (options.seedDemoCrew) await seedDemoCrew(ctx);
    if (options.seedDemoReviews) await seedQaDemo(ctx);

    const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_PAYLOAD_BYTES });
    installErrorHandlers(app);
    const routes: string[] = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat())
        if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
    });
    const revokeSession = async (sessionId: string) => {
      await revokeSessionRow(ctx, sessionId);
      realtime?.disconnectSession(sessionId);
    };
    registerHealthRoute(app, () => realtime?.redisState() ?? null);
    registerAuthRoutes(app, ctx, revokeSession);
    registerIngestRoutes(app, ctx);
    registerSlaRoutes(app, ctx);
    registerRoutingRoutes(app, ctx);
    registerReportRoutes(app, ctx);
    registerQaSamplingRoutes(app, ctx);
    registerLiveRoutes(app, ctx);
    registerRecordingRoutes(app, ctx, createRecordingRelay(ctx, { origins: options.recordingOrigins ?? config.recordingOrigins }));
    registerKnowledgeRoutes(app, ctx, knowledge);
    registerAlertRoutes(app, ctx);
    registerInsightRoutes(app, ctx);
    registerWidgetRoutes(app, { demoPage: options.seedDemo ?? false });
    registerConnectorRoutes(app, ctx, email);
    registerWidgetChannelRoutes(app, ctx);
    const webhookPublisher = createWebhookPublisher(ctx);
    afterCommit.subscribe('webhooks', webhookPublisher);
    afterCommit.subscribe('widget', widgetHandoffs(store, () => realtime?.visitors.push ?? null, options.now));
    registerWebhookRoutes(app, ctx, () => webhookPublisher.endpointsChanged());
    const logNlu = (message: string, error: unknown) => app.log.error({ err: error }, `classifier versions: ${message}`);
    const nodeModel = startActiveModel(store, classifier, { refreshMs: options.activeModelRefreshMs, train: trainInWorker, log: logNlu });
    activeModel = nodeModel;
    const nluRetraining = startNluRetraining(ctx, databaseUrl, {
      checkMs: options.nluRetraining?.checkMs,
      schedule: { ...config.nluRetraining, ...options.nluRetraining?.schedule },
      promoted: (outcome) => {
        if (outcome.trained) void nodeModel.offer(outcome.model.version, outcome.trained.snapshot);
      },
      log: logNlu,
    });
    retraining = nluRetraining;
    registerNluModelRoutes(app, ctx, {
      queued: () => void nluRetraining.runNow().catch((error: unknown) => logNlu('a requested retraining failed', error)),
      activated: () => void nodeModel.refresh(),
    });
    await app.ready();
    realtime = await createRealtime(app.server, ctx, {
      path: options.socketPath,
      redisUrl: options.redisUrl ?? config.redisUrl,
    });
    const rt = realtime;
    sla = startSlaEngine(ctx, {
      roomsOf: (audience) => roomsFor(audience) ?? [],
      emit: (rooms, event, notice) => {
        if (rooms.length > 0) rt.io.to(rooms).emit(event, notice);
      },
    }, databaseUrl, {
      vipWaitMs: options.vipWaitMs ?? config.vipWaitMs,
    });
    const slaEngine = sla;
    sampling = startSamplingEngine(ctx, databaseUrl, { checkMs: options.samplingCheckMs });
    const samplingEngine = sampling;
    autoQa = startAutoQaEngine(ctx, databaseUrl, { checkMs: options.autoQaCheckMs });
    const autoQaEngine = autoQa;
    queueSamples = startQueueSampler(ctx, databaseUrl, { checkMs: options.queueSampleMs });
    const queueSampler = queueSamples;
    webhookDelivery = startWebhookDelivery(ctx, databaseUrl, options.webhooks ?? {});
    const webhookSender = webhookDelivery;
    const knowledgeStore = knowledge;
    const routing = startRouting(ctx, rt.io, { offlineGraceMs: options.offlineGraceMs ?? config.offlineGraceMs });
    const botEngine = startBotEngine(ctx, ctx.bot!);
    mailbox = email.imap ? startMailboxWatcher(ctx, databaseUrl, { ...email, imap: email.imap }) : undefined;
    const mailboxWatcher = mailbox ?? null;
    sendRetry = smtp ? startSendRetry(smtp, databaseUrl, email.sendCheckMs) : undefined;
    const sendRetryJob = sendRetry;
    afterCommit.subscribe('sla', { changes: () => slaEngine.onCommitted() });
    afterCommit.subscribe('bot', { changes: (appended) => botEngine.onCommitted(appended) });
    afterCommit.subscribe('routing', routingSubscriber(ctx));
    const surveys = createSurveySender(ctx, { ...config.surveys, ...options.surveys });
    afterCommit.subscribe('surveys', surveys);
    afterCommit.subscribe('autoQa', {
      mutated({ mutation, result }) {
        if (!result.ok || mutation.name !== 'conversation.setStatus') return;
        const { status } = mutation.args as { status?: unknown };
        if (status === 'resolved' || status === 'closed') autoQaEngine.finished();
      },
    });
    const inbound = classifier;
    bot = botEngine;

    await app.listen({ port: options.port ?? config.port, host: options.host ?? config.host });
    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${address.port}`,
      port: address.port,
      db: store,
      events,
      revokeSession,
      routes: () => [...routes],
      sla: slaEngine,
      sampling: samplingEngine,
      autoQa: autoQaEngine,
      queueSamples: queueSampler,
      webhooks: { publisher: webhookPublisher, delivery: webhookSender },
      nlu: { retraining: nluRetraining, activeModel: nodeModel },
      routing,
      bot: botEngine,
      surveys,
      ingestCommits,
      knowledge: knowledgeStore,
      email: { mailbox: mailboxWatcher },
      close() {
        closing ??= (async () => {
          await mailboxWatcher?.close();
          await sendRetryJob?.close();
          await botEngine.close();
          await surveys.idle();
          await routing.close();
          await knowledgeStore.close();
          await slaEngine.close();
          await samplingEngine.close();
          await autoQaEngine.close();
          await queueSampler.close();
          await webhookSender.close();
          await nluRetraining.close();
          nodeModel.close();
          pokes.close();
          await rt.close();
          await app.close();
          await ingestCommits.idle();
          await webhookPublisher.settled();
          await inbound.close();
          smtp?.close();
          await store.close();
          events.removeAllListeners();
        })();
        return closing;
      },
    };
  } catch (error) {
    await mailbox?.close().catch(() => {});
    await sendRetry?.close().catch(() => {});
    smtp?.close();
    await bot?.close().catch(() => {});
    await sla?.close().catch(() => {});
    await sampling?.close().catch(() => {});
    await autoQa?.close().catch(() => {});
    await queueSamples?.close().catch(() => {});
    await webhookDelivery?.close().catch(() => {});
    await retraining?.close().catch(() => {});
    activeModel?.close();
    await knowledge?.close().catch(() => {});
    await realtime?.close().catch(() => {});
    await classifier?.close().catch(() => {});
    await store.close().catch(() => {});
    throw error;
  }
}


/**
 * Ops CLI for a service's dead letters and parked keys, over its /ops/messaging endpoints (role `ops` of a city-level
 * unit in the service's directory). A replay or discard names its reason, recorded with the operator.
 *
 *   node -r @swc-node/register tools/dlq.ts <command> [id] --service-url http://127.0.0.1:3002 --token <jwt>
 *   node -r @swc-node/register tools/dlq.ts replay <id> --reason "上游数据已修复"
 *
 * The URL and token may come from SUNSHINE_SERVICE_URL and SUNSHINE_OPS_TOKEN instead.
 */
import { parseArgs } from 'node:util';

export const USAGE = `usage: dlq <command> [id] [--reason TEXT] [--service-url URL] [--token JWT] [--status parked|replayed|discarded] [--json]

commands
  list                     dead letters of the service's consumer (all, or --status …)
  show <id>                one dead letter: headers, error, attempts, who replayed or discarded it and why; the
                           message's payload only if you may fully see its case (else its envelope's metadata)
  replay <id> --reason T   apply it again (after the fix), then its key's parked messages, in order; recorded with T
  discard <id> --reason T  drop it for good, then let its key's parked messages flow; recorded with T
  parked          keys waiting behind a dead letter, with how many messages wait
  stats           the consumer's counters (received, applied, duplicates, skipped, dead-lettered, parked …)

environment
  SUNSHINE_SERVICE_URL  the service's base URL (instead of --service-url)
  SUNSHINE_OPS_TOKEN    a bearer token with the ops role of a city-level unit (instead of --token)

exit status: 0 done, 1 the service refused or the replay did not succeed, 2 usage`;

const COMMANDS = ['list', 'show', 'replay', 'discard', 'parked', 'stats'] as const;
type Command = (typeof COMMANDS)[number];
const STATUSES = ['parked', 'replayed', 'discarded'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DeadLetterSummary {
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  readonly partition: number;
  readonly offset: string;
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly error: string;
  readonly attempts: number;
  readonly status: string;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
}

export interface ParkedKeySummary {
  readonly topic: string;
  readonly key: string;
  readonly deadLetterId: string;
  readonly waiting: number;
}

export interface ResolveOutcome {
  readonly ok: boolean;
  readonly applied: number;
  readonly error?: string;
}

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly fetch: typeof fetch;
}

class UsageError extends Error {}

interface Invocation {
  readonly command: Command;
  readonly id?: string;
  readonly baseUrl: string;
  readonly token: string;
  readonly status?: (typeof STATUSES)[number];
  readonly reason?: string;
  readonly json: boolean;
}

function parse(argv: readonly string[], env: NodeJS.ProcessEnv): Invocation {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'service-url': { type: 'string' },
        token: { type: 'string' },
        status: { type: 'string' },
        reason: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  const [command, id, ...rest] = positionals;
  if (!command || !(COMMANDS as readonly string[]).includes(command))
    throw new UsageError(command ? `unknown command ${command}` : 'a command is required');
  const needsId = command === 'show' || command === 'replay' || command === 'discard';
  if (needsId && (!id || !UUID.test(id))) throw new UsageError(`${command} needs a dead letter id (a UUID)`);
  if (!needsId && id !== undefined) throw new UsageError(`${command} takes no id`);
  if (rest.length > 0) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
  const baseUrl = values['service-url'] ?? env['SUNSHINE_SERVICE_URL'];
  if (!baseUrl) throw new UsageError('--service-url (or SUNSHINE_SERVICE_URL) is required');
  const token = values.token ?? env['SUNSHINE_OPS_TOKEN'];
  if (!token) throw new UsageError('--token (or SUNSHINE_OPS_TOKEN) is required');
  const status = values.status;
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
    throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
  if (status !== undefined && command !== 'list') throw new UsageError('--status goes with list');
  const resolves = command === 'replay' || command === 'discard';
  const reason = values.reason?.trim();
  if (resolves && (!reason || reason.length < 2))
    throw new UsageError(`${command} needs --reason (why, at least 2 characters): it is recorded with your name`);
  if (!resolves && values.reason !== undefined) throw new UsageError('--reason goes with replay and discard');
  return {
    command: command as Command,
    id,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    token,
    status: status as Invocation['status'],
    reason,
    json: values.json ?? false,
  };
}

class RequestFailed extends Error {}

async function call<T>(io: CliIo, inv: Invocation, method: 'GET' | 'POST', path: string, payload?: unknown): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = { authorization: `Bearer ${inv.token}` };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  try {
    res = await io.fetch(`${inv.baseUrl}/ops/messaging${path}`, {
      method,
      headers,
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
  } catch (error) {
    throw new RequestFailed(`cannot reach ${inv.baseUrl}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: shown as is
  }
  if (!res.ok) {
    const message = describeError(body);
    throw new RequestFailed(`${method} ${path}: HTTP ${res.status}${message ? ` — ${message}` : ''}`);
  }
  return body as T;
}

function describeError(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 500);
  if (typeof body === 'object' && body !== null) {
    const o = body as { code?: unknown; message?: unknown };
    const message = typeof o.message === 'object' && o.message !== null ? (o.message as { en?: unknown }).en : o.message;
    return [o.code, message].filter((x) => typeof x === 'string').join(': ');
  }
  return '';
}

function table(rows: ReadonlyArray<Record<string, string>>, columns: readonly string[]): string[] {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))];
}

function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

async function execute(io: CliIo, inv: Invocation): Promise<number> {
  const print = (value: unknown) => io.out(JSON.stringify(value, null, 2));
  switch (inv.command) {
    case 'list': {
      const rows = await call<DeadLetterSummary[]>(io, inv, 'GET', `/dead-letters${inv.status ? `?status=${inv.status}` : ''}`);
      if (inv.json) print(rows);
      else if (rows.length === 0) io.out('no dead letters');
      else
        table(
          rows.map((r) => ({
            id: r.id,
            status: r.status,
            type: r.eventType ?? '?',
            key: r.key,
            'partition@offset': `${r.partition}@${r.offset}`,
            attempts: String(r.attempts),
            created: new Date(r.createdAt).toISOString(),
            error: oneLine(r.error),
          })),
          ['id', 'status', 'type', 'key', 'partition@offset', 'attempts', 'created', 'error'],
        ).forEach((l) => io.out(l));
      return 0;
    }
    case 'show': {
      print(await call<unknown>(io, inv, 'GET', `/dead-letters/${inv.id}`));
      return 0;
    }
    case 'replay':
    case 'discard': {
      const result = await call<ResolveOutcome>(io, inv, 'POST', `/dead-letters/${inv.id}/${inv.command}`, { reason: inv.reason });
      if (inv.json) print(result);
      else if (result.ok)
        io.out(
          `${inv.command === 'replay' ? 'replayed' : 'discarded'} ${inv.id ?? ''}; ${result.applied} parked message(s) applied after it`,
        );
      else
        io.err(
          `${inv.command} of ${inv.id ?? ''} did not go through (${result.applied} parked message(s) applied): ${result.error ?? 'unknown error'}`,
        );
      return result.ok ? 0 : 1;
    }
    case 'parked': {
      const rows = await call<ParkedKeySummary[]>(io, inv, 'GET', '/parked');
      if (inv.json) print(rows);
      else if (rows.length === 0) io.out('no parked keys');
      else
        table(
          rows.map((r) => ({ topic: r.topic, key: r.key, 'dead letter': r.deadLetterId, waiting: String(r.waiting) })),
          ['topic', 'key', 'dead letter', 'waiting'],
        ).forEach((l) => io.out(l));
      return 0;
    }
    case 'stats': {
      const stats = await call<Record<string, unknown>>(io, inv, 'GET', '/stats');
      if (inv.json) print(stats);
      else for (const [k, v] of Object.entries(stats)) io.out(`${k.padEnd(14)} ${String(v)}`);
      return 0;
    }
  }
}

/** Runs the CLI; returns the exit status. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let inv: Invocation;
  try {
    inv = parse(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) io.err(`dlq: ${error.message}`);
    io.err(USAGE);
    return 2;
  }
  try {
    return await execute(io, inv);
  } catch (error) {
    if (!(error instanceof RequestFailed)) throw error;
    io.err(`dlq: ${error.message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    fetch,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`dlq: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

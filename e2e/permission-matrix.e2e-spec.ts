import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type ServiceName, ServiceNames } from '@sunshine/platform';
import { eventually, ServiceHarness } from '@sunshine/testing';

import {
  type CaseIds,
  DETAIL_READS,
  fill,
  LIST_READS,
  nonexistentIds,
  operationOf,
  REPLAY,
  WRITES,
} from './accusation-confidentiality-probes';
import { seedDirectory } from './fixtures';
import {
  answeredAsMissing,
  type Caller,
  CALLERS,
  CASE_FREE_PROBES,
  CASE_KEYS,
  type CaseFreeProbe,
  type CaseKey,
  type DeclaredAccess,
  gateRefusal,
  HOLDERS,
  LISTS_EVERY_VISIBLE_CASE,
  MANAGES_REGISTRATION,
  parseDeclaredAccess,
  SERVICE_CALLS,
  serviceGateRefusal,
  showsOf,
  WORKING_ROLES,
} from './permission-matrix-table';
import {
  type Answer,
  buildScenario,
  deadLetterAbout,
  masked,
  MatrixWorld,
  PETITIONERS,
  PLANTED,
  sameMatterAgain,
  type Scenario,
} from './permission-matrix-world';
import { SseClient } from './supervision-sse';

// Issue 17: every operation of every service's OpenAPI document × caller × case, each answer derived from two
// hand-written statements (what the caller may know of the case, permission-matrix-table.ts; who may call the route,
// docs/permission-matrix.md), and the accuser's identity reachable by the discipline chain only.

const SERVICES: readonly ServiceName[] = ['intake', 'routing', 'supervision', 'notification', 'evaluation'];
const PARALLEL = 8;
const DEAD_LETTER_SENTINEL = 'matrix-dead-letter-payload-7f3a';

interface Operation {
  readonly service: ServiceName;
  readonly op: string;
}
interface Seen {
  readonly caller: Caller;
  readonly where: string;
  readonly text: string;
}

async function inParallel<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

const cross = <A, B>(as: readonly A[], bs: readonly B[]): Array<[A, B]> => as.flatMap((a) => bs.map((b): [A, B] => [a, b]));
const said = (a: Answer) => `${a.status} ${a.code ?? ''}`.trim();
const names = (text: string, ids: CaseIds) => text.includes(ids.caseId) || text.includes(ids.caseNumber);

describe('permission matrix: every endpoint of every service × caller × case (issue 17)', () => {
  const started = Date.now();
  let w: MatrixWorld;
  let scenario: Scenario;
  const operations: Operation[] = [];
  let declared: Map<string, DeclaredAccess>;
  let activeRuleSet: { id: string; version: number; rules: Array<{ kind: string }> };
  const feeds = new Map<string, SseClient>();
  /** notification's in-app notice stream of each caller (issue 13). */
  const noticeStreams = new Map<string, SseClient>();
  const seen: Seen[] = [];
  const counts = { requests: 0, checked: 0, skipped: 0 };

  const send = async (
    caller: Caller,
    service: ServiceName,
    method: string,
    path: string,
    options: Parameters<MatrixWorld['send']>[4] = {},
  ) => {
    counts.requests++;
    const answer = await w.send(service, method, path, caller, options);
    seen.push({ caller, where: `${service} ${method} ${path}`, text: answer.text });
    return answer;
  };
  const declaredFor = (service: ServiceName, op: string): DeclaredAccess => {
    const d = declared.get(`${service} ${op}`);
    if (!d) throw new Error(`${service} ${op} has no row in docs/permission-matrix.md (run npm run permission-matrix)`);
    return d;
  };
  /** The path a case-free probe sends for a caller of `unitId` with subject `subject`. */
  const caseFreePath = (op: string, probe: CaseFreeProbe, unitId: string, subject: string): string =>
    (probe.path ?? op.slice(op.indexOf(' ') + 1))
      .replace('{ownUnit}', encodeURIComponent(unitId))
      .replace('{ownSubject}', encodeURIComponent(subject))
      .replace('{ghost}', randomUUID())
      .replace('{ruleSet}', encodeURIComponent(activeRuleSet.id))
      .replace('{ruleVersion}', String(activeRuleSet.version));
  /** A refusal by the route's gate, checked; true when the cell is settled by it. */
  const gated = (d: DeclaredAccess, caller: Caller, a: Answer, where: string, breaches: string[]): boolean => {
    const refusal = gateRefusal(d, caller);
    if (!refusal) return false;
    if (a.status !== refusal.status || a.code !== refusal.code)
      breaches.push(`${where} as ${caller.key}: ${said(a)}, expected ${refusal.status} ${refusal.code}`);
    return true;
  };

  beforeAll(async () => {
    // Created before starting, so that afterAll stops whatever started even if a service fails to.
    w = new MatrixWorld(await ServiceHarness.create({ PUBLIC_RATE_LIMIT_MAX: '100000' }));
    await w.h.startAll();
    await seedDirectory(w.h, 'demo');
    declared = parseDeclaredAccess(readFileSync(join(__dirname, '..', 'docs', 'permission-matrix.md'), 'utf8'));
    for (const caller of CALLERS) feeds.set(caller.key, await SseClient.open(`${w.h.url('supervision')}/feed`, await w.token(caller)));
    for (const caller of CALLERS)
      noticeStreams.set(caller.key, await SseClient.open(`${w.h.url('notification')}/notices/stream`, await w.token(caller)));
    scenario = await buildScenario(w);
    await deadLetterAbout(w, scenario.accusation.caseId, DEAD_LETTER_SENTINEL);
    for (const service of SERVICES) {
      const doc = (await w.send(service, 'GET', '/docs-json', null)).json as { paths?: Record<string, Record<string, unknown>> };
      for (const [path, methods] of Object.entries(doc.paths ?? {})) {
        for (const method of Object.keys(methods)) operations.push({ service, op: `${method.toUpperCase()} ${path}` });
      }
    }
    activeRuleSet = (await w.send('routing', 'GET', '/routing-rules/active', CALLERS[0] ?? null)).json as typeof activeRuleSet;
  }, 600000);

  afterAll(async () => {
    for (const feed of [...feeds.values(), ...noticeStreams.values()]) await feed.close();
    await w?.h.stopAll();
    const cells = operations.length * CALLERS.length * CASE_KEYS.length;
    console.log(
      `permission matrix: ${operations.length} operations × ${CALLERS.length} callers × ${CASE_KEYS.length} cases = ${cells} cells; ` +
        `${counts.checked} checks (probe variants × callers × cases), ${counts.skipped} permitted writes not performed; ${counts.requests} requests; ${Math.round((Date.now() - started) / 1000)} s`,
    );
  });

  it('covers every operation of the five OpenAPI documents, each with its declared access', () => {
    const reads = [
      ...DETAIL_READS,
      ...LIST_READS,
      { service: 'supervision', path: '/feed' },
      { service: 'notification', path: '/notices/stream' },
    ].map((p) => `${p.service} ${operationOf('GET', p.path)}`);
    const probed = new Set([...reads, ...[REPLAY, ...WRITES].map((p) => `${p.service} ${operationOf(p.method, p.path)}`)]);
    const missing = operations
      .filter((o) => !probed.has(`${o.service} ${o.op}`) && !CASE_FREE_PROBES[o.op])
      .map((o) => `${o.service} ${o.op}`);
    const undeclared = operations.filter((o) => !declared.has(`${o.service} ${o.op}`)).map((o) => `${o.service} ${o.op}`);
    expect(operations.length).toBeGreaterThan(100);
    expect({ missing, undeclared }).toEqual({ missing: [], undeclared: [] });
  });

  it('answers every case-free operation by its declared roles alone, the same for every case', async () => {
    const breaches: string[] = [];
    const free = operations.filter((o) => CASE_FREE_PROBES[o.op]);
    await inParallel(cross(free, CALLERS), async ([o, caller]) => {
      const probe = CASE_FREE_PROBES[o.op];
      if (!probe) return;
      const path = caseFreePath(o.op, probe, caller.unitId, `${caller.unitId}:staff`);
      const a = await send(caller, o.service, o.op.split(' ')[0] ?? 'GET', path, { body: probe.body });
      counts.checked += CASE_KEYS.length;
      if (gated(declaredFor(o.service, o.op), caller, a, `${o.service} ${o.op}`, breaches)) return;
      if (a.status !== probe.status) breaches.push(`${o.service} ${o.op} as ${caller.key}: ${said(a)}, expected ${probe.status}`);
      // A dead letter about the accusation is on every service: its payload only for full access (door 9).
      if (a.text.includes(DEAD_LETTER_SENTINEL) && caller.access.accusation !== 'full')
        breaches.push(`${o.service} ${o.op} as ${caller.key}: shows the dead letter's payload`);
    });
    // Control: the city's ops do list it (by its envelope's metadata), so the sweep below looks where it is.
    const listed = seen.filter(
      (s) =>
        s.caller.key === 'city-admin-ops' &&
        s.where.endsWith('GET /ops/messaging/dead-letters') &&
        s.text.includes(scenario.accusation.caseId),
    );
    expect(listed.map((s) => s.where.split(' ')[0]).sort()).toEqual([...SERVICES].sort());
    expect(breaches.sort()).toEqual([]);
  });

  it('lets a service’s own token through exactly the routes that name that service: as usual there, 403 SERVICE_NOT_ALLOWED to every other service, 403 STAFF_ONLY elsewhere', async () => {
    const breaches: string[] = [];
    const guarded = operations.filter((o) => !declaredFor(o.service, o.op).isPublic);
    // The routes opened to services name exactly the callers written by hand, no more.
    const named = guarded
      .map((o) => [`${o.service} ${o.op}`, declaredFor(o.service, o.op).services] as const)
      .filter(([, services]) => services.length > 0);
    expect(Object.fromEntries(named)).toEqual(SERVICE_CALLS);
    const caseScoped = [
      ...[
        ...DETAIL_READS,
        ...LIST_READS,
        { service: 'supervision', path: '/feed' },
        { service: 'notification', path: '/notices/stream' },
      ].map((r) => ({ ...r, method: 'GET' })),
      REPLAY,
      ...WRITES,
    ];
    await inParallel(cross(guarded, ServiceNames), async ([o, caller]) => {
      const method = o.op.slice(0, o.op.indexOf(' '));
      const probe = CASE_FREE_PROBES[o.op];
      const scoped = caseScoped.find((p) => p.service === o.service && operationOf(p.method, p.path) === o.op);
      const where = `${o.service} ${o.op} as the ${caller} service`;
      const path = probe
        ? caseFreePath(o.op, probe, `service:${caller}`, `service:${caller}`)
        : scoped && fill(scoped.path, scenario.claim);
      if (!path) return void breaches.push(`${where}: no probe`);
      counts.requests++;
      counts.checked++;
      // A write's body the route refuses: a gate that let the service through would still change nothing.
      const a = await w.sendAsService(caller, o.service, method, path, { body: probe ? probe.body : method === 'GET' ? undefined : [] });
      const refusal = serviceGateRefusal(declaredFor(o.service, o.op), caller);
      if (refusal) {
        if (a.status !== refusal.status || a.code !== refusal.code)
          breaches.push(`${where}: ${said(a)}, expected ${refusal.status} ${refusal.code}`);
        return;
      }
      // Past the gate: a case-free route answers as its probe says; a case-scoped read (the claim's served reply) 200.
      const expected = probe ? probe.status : method === 'GET' ? 200 : 'no write past the gate';
      if (a.status !== expected) breaches.push(`${where}: ${said(a)}, expected ${expected}`);
    });
    expect(breaches.sort()).toEqual([]);
  });

  it('answers every case-scoped read by what the caller may know: none as a missing case, facts-only without the people and words, full with them', async () => {
    const breaches: string[] = [];
    await inParallel(cross(cross(DETAIL_READS, CALLERS), CASE_KEYS), async ([[r, caller], key]) => {
      const ids = scenario[key];
      const where = `${r.service} GET ${r.path} [${key}]`;
      const a = await send(caller, r.service, 'GET', fill(r.path, ids));
      counts.checked++;
      if (gated(declaredFor(r.service, operationOf('GET', r.path)), caller, a, where, breaches)) return;
      const level = caller.access[key];
      const shows = showsOf(r.path.split('?')[0] ?? r.path);
      const missing = answeredAsMissing(level, shows, key);
      if (missing) {
        const ghost = await send(caller, r.service, 'GET', fill(r.path, nonexistentIds(ids)));
        if (ghost.status !== 404 || a.status !== ghost.status || a.code !== ghost.code)
          breaches.push(`${where} as ${caller.key} (${level}): ${said(a)}, a missing case: ${said(ghost)}`);
        return;
      }
      const own = shows === 'own-draft' && caller.unitId !== HOLDERS[key];
      const foreign = shows === 'registration' && !MANAGES_REGISTRATION.has(caller.unitId);
      const expected = own ? '409 NO_REPLY_DRAFT' : foreign ? '403 NOT_REGISTERING_UNIT' : '200';
      if (said(a) !== expected) return void breaches.push(`${where} as ${caller.key} (${level}): ${said(a)}, expected ${expected}`);
      const p = PLANTED[key];
      if (shows === 'dossier') {
        const access = (a.json as { access?: string }).access;
        const absent = level === 'full' ? p.dossierShows.filter((s) => !a.text.includes(s)) : [];
        if (access !== level || absent.length > 0)
          breaches.push(`${where} as ${caller.key} (${level}): access ${access}, lacks ${absent.join(', ')}`);
      }
      if (shows === 'registration' && !foreign && (a.json as { access?: string }).access !== level)
        breaches.push(`${where} as ${caller.key} (${level}): access ${(a.json as { access?: string }).access}`);
      if (shows === 'material' && a.text !== p.attachment)
        breaches.push(`${where} as ${caller.key} (${level}): not the attachment's bytes`);
    });
    expect(breaches.sort()).toEqual([]);
  });

  it('lists a case only to callers who may know it (inbox, desk, case lists, clocks, alerts, backlog, escalations, orders, leaders, rule replay)', async () => {
    const breaches: string[] = [];
    const candidate = { ...activeRuleSet, rules: activeRuleSet.rules.map((r) => (r.kind === 'accusation' ? { ...r, levelsUp: 0 } : r)) };
    const lists = [
      ...LIST_READS.map((l) => ({ ...l, method: 'GET', body: undefined as unknown })),
      { ...REPLAY, body: { candidate } as unknown },
    ];
    await inParallel(cross(lists, CALLERS), async ([l, caller]) => {
      const perCase = l.path.includes('{');
      const answers = new Map<CaseKey, Answer>();
      for (const key of CASE_KEYS) {
        if (perCase || answers.size === 0)
          answers.set(key, await send(caller, l.service, l.method, fill(l.path, scenario[key]), { body: l.body }));
        else answers.set(key, answers.values().next().value as Answer);
      }
      for (const key of CASE_KEYS) {
        const a = answers.get(key) as Answer;
        const where = `${l.service} ${l.method} ${l.path} [${key}]`;
        counts.checked++;
        if (gated(declaredFor(l.service, operationOf(l.method, l.path)), caller, a, where, breaches)) continue;
        const level = caller.access[key];
        const listed = names(a.text, scenario[key]);
        if (a.status !== 200) breaches.push(`${where} as ${caller.key}: ${said(a)}, expected 200`);
        else if (level === 'none' && listed) breaches.push(`${where} as ${caller.key}: lists a case it may not know of`);
        else if (LISTS_EVERY_VISIBLE_CASE.includes(`${l.service} ${l.method} ${l.path}`) && level !== 'none' && !listed) {
          breaches.push(`${where} as ${caller.key} (${level}): lacks a case it may know of`);
        }
      }
    });
    expect(breaches.sort()).toEqual([]);
  });

  it('sends a case on the live feed (subscribed before the cases existed) exactly to the callers who may know it', () => {
    const breaches: string[] = [];
    for (const [caller, key] of cross(CALLERS, CASE_KEYS)) {
      const feed = feeds.get(caller.key);
      const text = JSON.stringify(feed?.messages ?? []);
      seen.push({ caller, where: 'supervision GET /feed', text });
      counts.checked++;
      const listed = names(text, scenario[key]);
      if (feed?.status !== 200) breaches.push(`supervision GET /feed as ${caller.key}: ${feed?.status}`);
      else if ((caller.access[key] !== 'none') !== listed)
        breaches.push(`supervision GET /feed [${key}] as ${caller.key} (${caller.access[key]}): ${listed ? 'sent' : 'not sent'}`);
    }
    expect(breaches.sort()).toEqual([]);
  });

  it('pushes an in-app notice of a case (subscribed before the cases existed) to no caller who may not know it', () => {
    const breaches: string[] = [];
    for (const [caller, key] of cross(CALLERS, CASE_KEYS)) {
      const stream = noticeStreams.get(caller.key);
      const text = JSON.stringify(stream?.messages ?? []);
      seen.push({ caller, where: 'notification GET /notices/stream', text });
      counts.checked++;
      if (stream?.status !== 200) breaches.push(`notification GET /notices/stream as ${caller.key}: ${stream?.status}`);
      else if (caller.access[key] === 'none' && names(text, scenario[key]))
        breaches.push(`notification GET /notices/stream [${key}] as ${caller.key}: sent`);
    }
    // Control: the discipline commission's clerks were told of the accusations that arrived in its inbox.
    const told = JSON.stringify(noticeStreams.get('discipline')?.messages ?? []);
    if (!names(told, scenario.accusation)) breaches.push('control: the discipline commission’s notice stream lacks the accusation');
    expect(breaches.sort()).toEqual([]);
  });

  it('answers every case-scoped write as for a missing case to a caller who may not know the case, and 403 to one without the role', async () => {
    const breaches: string[] = [];
    const versions = new Map<CaseKey, number>();
    for (const key of CASE_KEYS) versions.set(key, await w.version(scenario[key].caseId, { unitId: HOLDERS[key], roles: ['clerk'] }));
    await inParallel(cross(cross(WRITES, CALLERS), CASE_KEYS), async ([[wr, caller], key]) => {
      const ids = scenario[key];
      const where = `${wr.service} ${wr.method} ${wr.path} [${key}]`;
      const d = declaredFor(wr.service, operationOf(wr.method, wr.path));
      counts.checked++;
      if (gateRefusal(d, caller)) {
        // A body the route refuses and no version: a gate that let the caller through would still change nothing.
        gated(d, caller, await send(caller, wr.service, wr.method, fill(wr.path, ids), { body: [] }), where, breaches);
        return;
      }
      if (caller.access[key] !== 'none') {
        // Permitted: not performed (it would change the scenario); the business rules of writes are other tests' matter.
        counts.checked--;
        counts.skipped++;
        return;
      }
      const other = scenario[key === 'claim' ? 'accusation' : 'claim'].caseId;
      const body =
        wr.body === undefined
          ? undefined
          : (JSON.parse(JSON.stringify(wr.body).replaceAll('{viewer}', caller.unitId).replaceAll('{controlCaseId}', other)) as unknown);
      const form = () => {
        if (!wr.multipart) return undefined;
        const f = new FormData();
        f.append(
          'file',
          new Blob([new Uint8Array(Buffer.from('补充材料 supplementary material', 'utf8'))], { type: 'text/plain' }),
          'more.txt',
        );
        return f;
      };
      const ifMatch = wr.version ? versions.get(key) : undefined;
      const a = await send(caller, wr.service, wr.method, fill(wr.path, ids), { body, ifMatch, form: form() });
      const ghost = await send(caller, wr.service, wr.method, fill(wr.path, nonexistentIds(ids)), { body, ifMatch, form: form() });
      // A missing case answers 404, or a refusal by the caller's unit alone that comes before the case is read (e.g. 403
      // BUREAU_ONLY): either way the caller must not tell the real case from a missing one.
      if (![403, 404].includes(ghost.status) || a.status !== ghost.status || a.code !== ghost.code) {
        breaches.push(`${where} as ${caller.key}: ${said(a)}, a missing case: ${said(ghost)}`);
      }
    });
    expect(breaches.sort()).toEqual([]);
  });

  it('tells a caller who may not know a case nothing when it registers that petitioner again or merges with the case, and rewrites no one', async () => {
    const breaches: string[] = [];
    const register = declaredFor('intake', 'POST /petitions');
    const merge = declaredFor('intake', 'POST /petitions/{caseId}/merge');
    await Promise.all(
      CASE_KEYS.map(async (key) => {
        const k = scenario[key];
        const p = PETITIONERS[key];
        // The caller typed the ID number in itself: everything else about the person is the case's to give.
        const person = PLANTED[key].identity.filter((s) => s !== p.idNumber && s !== masked(p.idNumber));
        for (const [n, caller] of CALLERS.entries()) {
          const where = `intake POST /petitions (the ${key}'s petitioner again) as ${caller.key}`;
          const level = caller.access[key];
          counts.checked++;
          counts.requests++;
          const again = await w.send('intake', 'POST', '/petitions', caller, { body: sameMatterAgain(key, n) });
          if (gated(register, caller, again, where, breaches)) continue;
          if (again.status !== 201) {
            breaches.push(`${where}: ${said(again)}, expected 201`);
            continue;
          }
          const caseId = (again.json as { caseId: string }).caseId;
          const dossier = await eventually(
            async () => {
              const a = await w.send('intake', 'GET', `/petitions/${caseId}/dossier`, caller);
              return a.status === 200 ? a : undefined;
            },
            30000,
            `the dossier of ${caseId} for ${caller.key}`,
          );
          const answers: Array<[string, Answer]> = [
            ['registration', again],
            ['its dossier', dossier],
          ];
          if (level === 'none' && !gateRefusal(merge, caller)) {
            counts.checked++;
            counts.requests += 2;
            const real = await w.send('intake', 'POST', `/petitions/${caseId}/merge`, caller, { body: { matchedCaseId: k.caseId } });
            const ghost = await w.send('intake', 'POST', `/petitions/${caseId}/merge`, caller, { body: { matchedCaseId: randomUUID() } });
            if (ghost.status !== 404 || said(real) !== said(ghost))
              breaches.push(`${where}: merge with the ${key}: ${said(real)}, with a missing case: ${said(ghost)}`);
            answers.push(['merge', { ...real, text: real.text.replaceAll(k.caseId, '') }]);
          }
          for (const [what, a] of answers) {
            if (level === 'none' && names(a.text, k)) breaches.push(`${where}: ${what} names the ${key}`);
            if (level !== 'full') for (const s of person) if (a.text.includes(s)) breaches.push(`${where}: ${what} shows “${s}”`);
          }
        }
      }),
    );
    // Door 3: the petitioner on file for each case is still the one registered (new details are the new case's).
    for (const key of CASE_KEYS) {
      const dossier = await w.send('intake', 'GET', `/petitions/${scenario[key].caseId}/dossier`, {
        unitId: HOLDERS[key],
        roles: WORKING_ROLES,
      });
      const on = (dossier.json as { petitioner?: { name: string; phone: string | null } }).petitioner;
      const p = PETITIONERS[key];
      if (on?.name !== p.name || ![p.phone, masked(p.phone)].includes(on.phone ?? ''))
        breaches.push(`the ${key}'s petitioner on file became ${JSON.stringify(on)}`);
    }
    expect(breaches.sort()).toEqual([]);
  });

  it('shows the people and the words of a case only to callers with full access: an accuser only to the discipline chain', () => {
    const breaches = new Set<string>();
    for (const s of seen) {
      for (const key of CASE_KEYS) {
        const level = s.caller.access[key];
        if (level === 'full') continue;
        const p = PLANTED[key];
        for (const needle of [...p.identity, ...p.text])
          if (s.text.includes(needle)) breaches.add(`${s.where} as ${s.caller.key} (${key}: ${level}): shows “${needle}”`);
        if (level === 'none' && names(s.text, scenario[key])) breaches.add(`${s.where} as ${s.caller.key} (${key}: none): names the case`);
      }
    }
    // Control: the discipline chain does read the accuser (the dossier), so the sweep looks where the people are.
    const chain = CALLERS.filter((c) => c.access.accusation === 'full').map((c) => c.key);
    expect(chain.sort()).toEqual(['discipline', 'discipline-above']);
    expect(seen.some((s) => s.caller.key === 'discipline' && PLANTED.accusation.identity.some((n) => s.text.includes(n)))).toBe(true);
    expect([...breaches].sort()).toEqual([]);
  });
});

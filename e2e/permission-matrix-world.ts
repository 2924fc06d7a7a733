import { type PayloadOf, Topics } from '@sunshine/contracts';
import { newEvent, type ServiceName, type StaffRole } from '@sunshine/platform';
import { eventually, type ServiceHarness, sql } from '@sunshine/testing';

import type { CaseIds } from './accusation-confidentiality-probes';
import { labourPetition } from './fixtures';
import {
  ADMIN_OPS_ROLES,
  CASE_KEYS,
  type CaseKey,
  CITY,
  DONGTUN,
  HOLDERS,
  ORDER_ISSUERS,
  UNITS,
  WORKING_ROLES,
  YANJIN,
} from './permission-matrix-table';
import { type Answer, rawRequest, type SendOptions } from './raw-request';

export type { Answer, SendOptions } from './raw-request';

export interface Auth {
  readonly unitId: string;
  readonly roles: StaffRole[];
  readonly sub?: string;
}

/** The people and words each case plants: where they may show is the matrix's business. */
export interface Planted {
  /** The petitioner's (and representatives') identity: name, ID number (in clear and masked), phone (in clear and masked), address. */
  readonly identity: readonly string[];
  /** The petition's words: subject, content, the accused person, the attachment's text. */
  readonly text: readonly string[];
  /** What the full dossier must show (names and the content's secret). */
  readonly dossierShows: readonly string[];
  readonly attachment: string;
}

export interface Person {
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly address?: string;
}

/** As intake masks a phone or ID number for display (first 3 and last 4 kept). */
export const masked = (v: string) => `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
const identityOf = (p: Person) => [p.name, p.idNumber, masked(p.idNumber), p.phone, masked(p.phone), ...(p.address ? [p.address] : [])];

const ACCUSER: Person = { name: '司马秋菊', idNumber: '410726198503153729', phone: '13637301234', address: '延津县东屯镇东屯村三组17号' };
const COLLECTIVE_HEAD: Person = {
  name: '上官春生',
  idNumber: '410726197902184417',
  phone: '13938765432',
  address: '延津县东屯镇大柳村五组3号',
};
const REPRESENTATIVES: readonly Person[] = [
  { name: '欧阳冬梅', idNumber: '410726198811023348', phone: '15903731234' },
  { name: '慕容夏至', idNumber: '410726199107125516', phone: '18837305678' },
];
const CLAIMANT: Person = { name: '诸葛红梅', idNumber: '410726199204051236', phone: '15837301111', address: '延津县东屯镇西屯村二组8号' };

const CASE_TEXT: Readonly<Record<CaseKey, { subject: string; secret: string; accusedPerson?: string; attachment: string }>> = {
  accusation: {
    subject: '举报东屯镇副镇长截留土地流转补偿款',
    secret: '副镇长在土地流转补偿款发放中每亩截留三百元',
    accusedPerson: '东屯镇副镇长贾某某',
    attachment: 'bank transfer 2024-03-12 RMB 40000 to Jia',
  },
  'collective-accusation': {
    subject: '六十户村民联名举报东屯镇挪用危房改造资金',
    secret: '镇财政所将危房改造补助资金转入镇属公司账户',
    accusedPerson: '东屯镇财政所所长易某某',
    attachment: 'ledger page 17: RMB 380000 moved 2024-05-02',
  },
  claim: {
    subject: '申请协调东屯镇西屯村道路积水问题',
    secret: '村东头道路低洼每逢雨天积水半米以上无法通行',
    attachment: 'photo note: road east of Xitun flooded 2024-07-21',
  },
};

export const PLANTED: Readonly<Record<CaseKey, Planted>> = {
  accusation: planted('accusation', [ACCUSER]),
  'collective-accusation': planted('collective-accusation', [COLLECTIVE_HEAD, ...REPRESENTATIVES]),
  claim: planted('claim', [CLAIMANT]),
};

function planted(key: CaseKey, people: readonly Person[]): Planted {
  const t = CASE_TEXT[key];
  return {
    identity: people.flatMap(identityOf),
    text: [t.subject, t.secret, t.attachment, ...(t.accusedPerson ? [t.accusedPerson] : [])],
    dossierShows: [...people.map((p) => p.name), t.secret],
    attachment: t.attachment,
  };
}

/** Each case's petitioner (the collective's head), as registered. */
export const PETITIONERS: Readonly<Record<CaseKey, Person>> = {
  accusation: ACCUSER,
  'collective-accusation': COLLECTIVE_HEAD,
  claim: CLAIMANT,
};

/**
 * The same person (by ID number) with the same matter, registered again as an ordinary claim by another unit, under
 * another name and phone (issue 17 doors 2, 3, 5: a repeat match, a rewritten petitioner, a merge score).
 */
export function sameMatterAgain(key: CaseKey, n: number): Record<string, unknown> {
  const t = CASE_TEXT[key];
  return labourPetition({
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    category: 'other',
    placeCode: DONGTUN,
    subject: t.subject,
    content: `${t.secret}，请依法处理。`,
    petitioner: { name: `复访人${n}`, idNumber: PETITIONERS[key].idNumber, phone: `1590000${String(1000 + n)}`, address: '延津县城关镇' },
  });
}

function registration(key: CaseKey, receivedAt: string): Record<string, unknown> {
  const t = CASE_TEXT[key];
  const common = { receivedAt, category: 'other', placeCode: DONGTUN, subject: t.subject, content: `${t.secret}，请依法处理。` };
  if (key === 'claim') return labourPetition({ ...common, petitioner: CLAIMANT });
  const accused = { unitId: UNITS.accused, person: t.accusedPerson };
  if (key === 'accusation') {
    return { ...common, channel: 'letter', type: 'accusation', petitioner: ACCUSER, form: { kind: 'individual' }, accused };
  }
  return {
    ...common,
    channel: 'visit',
    type: 'accusation',
    petitioner: COLLECTIVE_HEAD,
    accused,
    form: {
      kind: 'collective',
      headCount: 60,
      representatives: REPRESENTATIVES.map(({ name, idNumber, phone }) => ({ name, idNumber, phone })),
    },
  };
}

/** Renew a cached token well before its hour is up (a matrix run on a busy machine lasts long). */
const TOKEN_RENEW_MS = 30 * 60_000;
/** A service's own token lives 5 minutes (SERVICE_TOKEN_LIFETIME_S): renewed after two. */
const SERVICE_TOKEN_RENEW_MS = 2 * 60_000;

/** The five services, the demo city, tokens for anyone and one way to call. */
export class MatrixWorld {
  /** Signed tokens by caller, renewed after TOKEN_RENEW_MS (they live TEST_TOKEN_LIFETIME: one hour). */
  private readonly tokens = new Map<string, { token: Promise<string>; signedAt: number }>();

  constructor(readonly h: ServiceHarness) {}

  token(auth: Auth): Promise<string> {
    const sub = auth.sub ?? `${auth.unitId}:staff`;
    const key = `${sub}|${auth.unitId}|${auth.roles.join(',')}`;
    const cached = this.tokens.get(key);
    if (cached && Date.now() - cached.signedAt < TOKEN_RENEW_MS) return cached.token;
    const token = this.h.keys.token({ sub, unit: auth.unitId, division: auth.unitId.slice(0, 12), roles: auth.roles });
    this.tokens.set(key, { token, signedAt: Date.now() });
    return token;
  }

  async send(service: ServiceName, method: string, path: string, auth: Auth | null, options: SendOptions = {}): Promise<Answer> {
    return rawRequest(`${this.h.url(service)}${path}`, method, auth ? await this.token(auth) : null, options);
  }

  /** A call by `caller` on its own behalf, with the token its own key signs (as the running service signs it). */
  async sendAsService(caller: ServiceName, service: ServiceName, method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    const key = `service:${caller}`;
    let cached = this.tokens.get(key);
    if (!cached || Date.now() - cached.signedAt >= SERVICE_TOKEN_RENEW_MS) {
      cached = { token: this.h.keys.serviceToken(caller), signedAt: Date.now() };
      this.tokens.set(key, cached);
    }
    return rawRequest(`${this.h.url(service)}${path}`, method, await cached.token, options);
  }

  /** A call that must succeed (the scenario's own steps). */
  async must(service: ServiceName, method: string, path: string, auth: Auth, options: SendOptions = {}): Promise<Answer> {
    let answer = await this.send(service, method, path, auth, options);
    // Another service's event may reach routing's replica between the version read and the write.
    for (let retry = 0; retry < 5 && answer.status === 409 && answer.code === 'VERSION_CONFLICT'; retry++) {
      await new Promise((r) => setTimeout(r, 300));
      answer = await this.send(service, method, path, auth, { ...options, ifMatch: await this.version(path.split('/')[2] ?? '', auth) });
    }
    if (answer.status >= 300) throw new Error(`${service} ${method} ${path} as ${auth.unitId}: ${answer.status} ${answer.text}`);
    return answer;
  }

  /** routing's version of the case, as `auth` reads it. */
  async version(caseId: string, auth: Auth): Promise<number> {
    const view = await this.send('routing', 'GET', `/cases/${caseId}`, auth);
    return (view.json as { version: number }).version;
  }

  async act(caseId: string, auth: Auth, action: string, body: unknown = {}): Promise<Answer> {
    return this.must('routing', 'POST', `/cases/${caseId}/${action}`, auth, { body, ifMatch: await this.version(caseId, auth) });
  }
}

function attachmentForm(text: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(Buffer.from(text, 'utf8'))], { type: 'text/plain' }), 'evidence.txt');
  return form;
}

export type Scenario = Readonly<Record<CaseKey, CaseIds>>;

/**
 * Three cases registered at 延津县信访局 and taken by routing's rule to their handlers, then handled there to the written
 * reply, served: each with an attachment, documents, a supervision order (open), a leader in charge and a backlog entry.
 */
export async function buildScenario(w: MatrixWorld): Promise<Scenario> {
  const bureau: Auth = { unitId: UNITS.registeringBureau, roles: ['clerk'] };
  const receivedAt = new Date(Date.now() - 60_000).toISOString();
  const built = await Promise.all(
    CASE_KEYS.map(async (key): Promise<[CaseKey, CaseIds]> => {
      const registered = (await w.must('intake', 'POST', '/petitions', bureau, { body: registration(key, receivedAt) })).json as {
        caseId: string;
        caseNumber: string;
      };
      const caseId = registered.caseId;
      await w.must('intake', 'POST', `/petitions/${caseId}/attachments`, bureau, { form: attachmentForm(PLANTED[key].attachment) });
      const holder: Auth = { unitId: HOLDERS[key], roles: WORKING_ROLES };
      await eventually(
        async () => {
          const view = await w.send('routing', 'GET', `/cases/${caseId}`, holder);
          const body = view.json as { holdingUnitId?: string; status?: string } | null;
          return view.status === 200 && body?.holdingUnitId === HOLDERS[key] && body.status === 'dispatched' ? true : undefined;
        },
        90000,
        `the ${key} dispatched to ${HOLDERS[key]}`,
      );
      await w.act(caseId, holder, 'sign');
      await eventually(
        async () => {
          const view = await w.send('supervision', 'GET', `/cases/${caseId}`, holder);
          const body = view.json as { holdingUnitId?: string; status?: string } | null;
          return view.status === 200 && body?.holdingUnitId === HOLDERS[key] && body.status === 'signed' ? true : undefined;
        },
        90000,
        `supervision's view of the ${key} signed at ${HOLDERS[key]}`,
      );
      const order = await w.must(
        'supervision',
        'POST',
        `/cases/${caseId}/supervision-orders`,
        { unitId: ORDER_ISSUERS[key], roles: WORKING_ROLES },
        {
          body: { unitId: HOLDERS[key], trigger: 'delay', answerDays: 10, reason: { code: 'delay', text: '请加快办理' } },
        },
      );
      const leader: Auth = { ...holder, sub: `${HOLDERS[key]}:leader` };
      await w.must('supervision', 'POST', `/cases/${caseId}/leader`, leader, { body: {} });
      await w.must('supervision', 'POST', `/cases/${caseId}/backlog`, holder, {
        body: { plan: '限期查清并依法处理', reason: { code: 'complex-case', text: '涉及人数多' } },
      });
      await w.act(caseId, holder, 'accept');
      await w.act(caseId, holder, 'start-handling');
      await w.must(
        'routing',
        'PUT',
        `/cases/${caseId}/reply/draft`,
        { ...holder, sub: `${HOLDERS[key]}:handler` },
        {
          body: { outcome: 'explained', text: '经调查核实，现将有关情况答复如下。' },
        },
      );
      await w.act(caseId, holder, 'reply/approve');
      await w.act(caseId, holder, 'reply/serve', { method: 'post' });
      await eventually(
        async () => {
          const view = await w.send('supervision', 'GET', `/cases/${caseId}`, holder);
          const timeline = (view.json as { timeline?: Array<{ type: string }> } | null)?.timeline ?? [];
          return ['case.reply-served', 'case.leader-assigned', 'case.backlog-registered', 'case.supervision-order-issued'].every((t) =>
            timeline.some((e) => e.type === t),
          )
            ? true
            : undefined;
        },
        90000,
        `supervision's view of the ${key}`,
      );
      const documents = (await w.must('routing', 'GET', `/cases/${caseId}/documents`, holder)).json as Array<{ id: string }>;
      const dossier = (await w.must('intake', 'GET', `/petitions/${caseId}/dossier`, holder)).json as {
        attachments?: Array<{ id: string }>;
      };
      return [
        key,
        {
          caseId,
          caseNumber: registered.caseNumber,
          documentId: documents[0]?.id ?? '',
          attachmentId: dossier.attachments?.[0]?.id ?? '',
          orderId: (order.json as { orderId: string }).orderId,
          leaderRef: leader.sub ?? '',
        },
      ];
    }),
  );
  return Object.fromEntries(built) as Record<CaseKey, CaseIds>;
}

/**
 * A dead letter about the case at every consumer of the case log: routing's outbox publishes a `case.signed` whose
 * payload its schema refuses (`sentinel` in place of the unit), so each consumer dead-letters it at once. Ops then list a
 * message about the case; its payload is shown only to a caller with full access to the case (issue 17, door 9).
 */
export async function deadLetterAbout(w: MatrixWorld, caseId: string, sentinel: string): Promise<void> {
  const valid = newEvent('case.signed', { unitId: UNITS.discipline } as PayloadOf<'case.signed'>, {
    caseId,
    jurisdiction: { place: [CITY, YANJIN], unit: [CITY, YANJIN] },
    actor: { kind: 'system', id: 'permission-matrix' },
  });
  const event = { ...valid, payload: { sentinel } };
  const headers = {
    'event-id': event.id,
    'event-type': event.type,
    'event-version': '1',
    producer: 'routing',
    'correlation-id': event.correlationId,
  };
  await sql(
    `INSERT INTO "${w.h.schema('routing')}".outbox (event_id, topic, message_key, type, value, headers) VALUES ($1, $2, $3, $4, $5, $6)`,
    [event.id, w.h.topic(Topics.caseLog), caseId, event.type, JSON.stringify(event), JSON.stringify(headers)],
  );
  const ops: Auth = { unitId: UNITS.cityBureau, roles: ADMIN_OPS_ROLES };
  for (const service of ['intake', 'routing', 'supervision', 'notification', 'evaluation'] as const) {
    await eventually(
      async () => {
        const listed = await w.send(service, 'GET', '/ops/messaging/dead-letters', ops);
        return listed.status === 200 && listed.text.includes(event.id) ? true : undefined;
      },
      60000,
      `${service}'s dead letter about ${caseId}`,
    );
  }
}

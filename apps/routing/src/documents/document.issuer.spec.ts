import type { AnyCaseEvent, OrgUnitSnapshot } from '@sunshine/contracts';
import { type CaseState, defaultWorkingCalendar, evolve, initialCaseState, OrgDirectory } from '@sunshine/domain';
import type { CaseReplicaStore, DeadlineContextSource } from '@sunshine/platform';
import type { EntityManager } from 'typeorm';

import type { DirectoryCache } from '../directory/directory.cache';
import { DocumentIssuer } from './document.issuer';
import { type CaseDocument, renderDocumentHtml } from './document-html';

const CASE_ID = '0190a6b2-7c3e-7a1b-8c2d-000000000001';
const BUREAU = '410726000000:petition-bureau';
const HRSS = '410726000000:dept-hrss';
const unit = (
  id: string,
  name: string,
  divisionCode: string,
  level: OrgUnitSnapshot['level'],
  kind = id.split(':')[1] ?? '',
): OrgUnitSnapshot => ({
  id,
  name,
  kind,
  divisionCode,
  level,
  parentId: null,
  territoryPath: [],
  competences: [],
  nonAdministrative: false,
  revision: 1,
});
const DIRECTORY = OrgDirectory.of(
  [
    unit('410700000000:government', '新乡市人民政府', '410700000000', 'city'),
    unit('410726000000:government', '延津县人民政府', '410726000000', 'county'),
    unit(BUREAU, '延津县信访局', '410726000000', 'county'),
    unit(HRSS, '延津县人力资源和社会保障局', '410726000000', 'county'),
    unit('410726101000:government', '东屯镇人民政府', '410726101000', 'township'),
  ],
  new Map([
    ['410700000000', '新乡市'],
    ['410726000000', '延津县'],
    ['410726101000', '东屯镇'],
  ]),
);

interface Issued {
  kind: string;
  body: Record<string, unknown>;
}

/** The issuer on a fake transaction that records the documents written (routing's tables are not needed here). */
function issuerWith(requestReason: unknown = { code: 'complex', text: '需调取工地用工记录' }) {
  const issued: Issued[] = [];
  const m = {
    query: async (sql: string, params: unknown[] = []) => {
      if (sql.includes('INSERT INTO case_documents'))
        issued.push({ kind: String(params[3]), body: JSON.parse(String(params[7])) as Record<string, unknown> });
      return sql.includes('document_counters') ? [{ last: 1 }] : [];
    },
  } as unknown as EntityManager;
  const directory = { current: async () => DIRECTORY } as unknown as DirectoryCache;
  const deadlines = { current: () => ({ calendar: defaultWorkingCalendar(), policies: [] }) } as unknown as DeadlineContextSource;
  const replica = { history: async () => [{ payload: { unitId: HRSS, days: 20, reason: requestReason } }] } as unknown as CaseReplicaStore;
  return { issuer: new DocumentIssuer(directory, deadlines, replica), m, issued };
}

let seq = 0;
function event(type: string, occurredAt: string, payload: Record<string, unknown>): AnyCaseEvent {
  return {
    id: `0190a6b2-7c3e-7a1b-8c2d-1000000000${String(++seq).padStart(2, '0')}`,
    type,
    version: 1,
    occurredAt,
    caseId: CASE_ID,
    payload,
  } as unknown as AnyCaseEvent;
}

/** Folds the events and has the issuer react to the last one, as routing's reactions do; returns its document. */
async function issueFor(events: readonly AnyCaseEvent[], issuer = issuerWith()): Promise<CaseDocument> {
  let state: CaseState = initialCaseState(CASE_ID);
  for (const e of events) state = evolve(state, e).state;
  const last = events[events.length - 1];
  if (!last) throw new Error('no event');
  await issuer.issuer.onEvents(issuer.m, state, [last]);
  const doc = issuer.issued[0];
  if (!doc) throw new Error(`no document for ${last.type}`);
  return {
    id: 'd',
    caseId: CASE_ID,
    kind: doc.kind as CaseDocument['kind'],
    stage: 'original',
    number: 'N',
    unitId: HRSS,
    issuedAt: last.occurredAt,
    body: doc.body,
  };
}

const registered = (type = 'claim') =>
  event('petition.registered', '2026-12-01T02:00:00.000Z', {
    caseNumber: '410726-2026-000123',
    channel: 'visit',
    form: { kind: 'individual' },
    type,
    category: 'labour',
    placeCode: '410726101000',
    receivingUnitId: BUREAU,
    receivedAt: '2026-12-01T02:00:00.000Z',
    registeredAt: '2026-12-01T02:00:00.000Z',
    petitionerRef: '0190a6b2-7c3e-7a1b-8c2d-0000000000bb',
    flags: { skipLevel: false, confidential: false, lawsuit: false },
    attachmentCount: 0,
  });
// 交办 with the report due at 24:00 of 2026-12-17 (Asia/Shanghai), i.e. 2026-12-17T16:00Z.
const dispatched = () =>
  event('case.dispatched', '2026-12-02T02:00:00.000Z', {
    stage: 'original',
    fromUnitId: BUREAU,
    toUnitId: HRSS,
    mode: 'assign',
    feedbackDueAt: '2026-12-17T16:00:00.000Z',
    rule: { id: 'r', version: 1 },
    reasons: ['属地：事发地新乡市延津县东屯镇，属延津县信访局辖区'],
    hop: 1,
  });
const signed = () => event('case.signed', '2026-12-02T03:00:00.000Z', { unitId: HRSS });
const accepted = (claimRoute: string) => event('case.accepted', '2026-12-03T02:00:00.000Z', { unitId: HRSS, claimRoute });
const upToAcceptance = (claimRoute = 'petition', type = 'claim') => [registered(type), dispatched(), signed(), accepted(claimRoute)];

describe('the documents the petitioner receives', () => {
  it('prints the last day of the 60 days on the 受理告知书, not the day after (accepted 2026-12-03 → 2027-02-01)', async () => {
    const doc = await issueFor(upToAcceptance());
    const html = renderDocumentHtml(doc);
    expect(html).toContain('自受理之日起60日内办结，办理期限至2027年2月1日（含当日）');
    expect(html).not.toContain('2027年2月2日');
  });

  it('prints the last day the bureau set for the 办结报告 on the 交办单', async () => {
    const html = renderDocumentHtml(await issueFor([registered(), dispatched()]));
    expect(html).toContain('于2026年12月17日前（含当日）将办理结果以办结报告形式报送本机关');
    expect(html).not.toContain('2026年12月18日');
  });

  it('promises no 60 days on the statutory-duty route, and says what applies', async () => {
    const html = renderDocumentHtml(await issueFor(upToAcceptance('statutory-duty')));
    expect(html).not.toContain('60日内办结');
    expect(html).toContain(
      '依法履行职责或者作出答复，办理期限依照相关法律、法规的规定，不适用《信访工作条例》第三十四条规定的60日办理期限',
    );
  });

  it('promises no 60 days to a suggestion, and says how it is handled (Art 29)', async () => {
    const html = renderDocumentHtml(await issueFor(upToAcceptance('petition', 'suggestion')));
    expect(html).not.toContain('60日内办结');
    expect(html).toContain('第二十九条');
  });

  it('promises no 复查 in a reply on the statutory-duty route, and names the remedy that applies', async () => {
    const replied = event('case.replied', '2026-12-20T02:00:00.000Z', {
      unitId: HRSS,
      outcome: 'supported',
      replyDocumentRef: 'routing:reply:0190a6b2-7c3e-7a1b-8c2d-0000000000cc',
      approvedBy: 'head-1',
    });
    const html = renderDocumentHtml(await issueFor([...upToAcceptance('statutory-duty'), replied]));
    expect(html).not.toContain('请求原办理机关的上一级机关复查');
    expect(html).toContain('不适用信访复查、复核程序');
    expect(html).toContain('可以依法申请行政复议或者提起行政诉讼');
    // The petition route still has its review (Art 35).
    const petition = renderDocumentHtml(await issueFor([...upToAcceptance('petition'), replied]));
    expect(petition).toContain('请求原办理机关的上一级机关复查（《信访工作条例》第三十五条）');
  });

  it('issues a 延期告知书 on an approved extension, with the reason asked and the new last day (Art 34)', async () => {
    const requested = event('case.extension-requested', '2026-12-20T02:00:00.000Z', {
      unitId: HRSS,
      days: 20,
      reason: { code: 'complex', text: '需调取工地用工记录' },
    });
    const approved = event('case.extension-approved', '2026-12-21T02:00:00.000Z', { unitId: HRSS, days: 20, approvedBy: 'head-1' });
    const doc = await issueFor([...upToAcceptance(), requested, approved]);
    expect(doc.kind).toBe('extension-notice');
    const html = renderDocumentHtml(doc, '张三');
    expect(html).toContain('信访事项延期办理告知书');
    expect(html).toContain('信访人：张三');
    // 2026-12-03 + 80 days = Sun 2027-02-21 → the next working day, Mon 2027-02-22.
    expect(html).toContain(
      '因需调取工地用工记录，经本机关负责人批准，依照《信访工作条例》第三十四条规定，办理期限延长20日，延长后的办理期限至2027年2月22日（含当日）',
    );
  });

  it('names the place by its divisions (新乡市延津县东屯镇), not by its units', async () => {
    const html = renderDocumentHtml(await issueFor(upToAcceptance()));
    expect(html).toContain('事发地：新乡市延津县东屯镇');
    expect(html).not.toContain('人民政府东屯镇');
  });
});

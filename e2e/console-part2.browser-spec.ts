import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';

import { type PayloadOf, Topics } from '@sunshine/contracts';
import { newEvent, type StaffRole } from '@sunshine/platform';
import {
  DEMO_CITY,
  DEMO_COUNTY,
  DEMO_DONGTUN,
  DEMO_UNITS,
  eventually,
  http,
  signedMessage,
  sql,
  TEST_AUDIENCE,
  TEST_ISSUER,
} from '@sunshine/testing';
import type { Page } from 'playwright-core';

import { signDevToken } from '../tools/dev-staff';
import { ConsoleWorld } from './console-world';
import { labourPetition } from './fixtures';

const SHOTS = 'tmp/screenshots';
const CASE_NUMBER = /^410726-\d{4}-\d{6}$/;
const PHONE = '13912345678';
/** The first bytes of a PNG (intake checks the type by content) and of a PDF. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = Buffer.from('%PDF-1.4\n% 工资条\n');

// The console's second half in a real browser (issue 16): the citizen's portal on a phone, the supervisor's clock
// ledger and order, the city cockpit's live feed, the ops page; real chromium, nginx, the five services.
describe('the console, part 2, in a browser', () => {
  let world: ConsoleWorld;
  let caseNumber = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    world = await ConsoleWorld.start();
  }, 600000);

  afterAll(async () => {
    await world?.stop();
  });

  async function signedIn(persona: string, path: string): Promise<Page> {
    const context = await world.browser.newContext({
      viewport: { width: 1440, height: 1000 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await page.goto(`${world.url}/sign-in`);
    await page.getByTestId(`sign-in-${persona}`).click();
    await page.waitForURL('**/inbox');
    await page.goto(`${world.url}${path}`);
    return page;
  }

  /** Runs a step; on a failure the page as it stood is kept under tmp/screenshots/FAILED-<name>.png. */
  async function step(page: Page, name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      await page.screenshot({ path: `${SHOTS}/FAILED-${name}.png`, fullPage: true }).catch(() => undefined);
      // What the page said: form errors, alerts and messages, so a failure on a loaded machine explains itself.
      const said = await page
        .locator('.ant-form-item-explain-error, .ant-alert, .ant-message-notice, .ant-notification-notice')
        .allTextContents()
        .catch(() => []);
      if (e instanceof Error) e.message += `\n${name}: the page said: ${JSON.stringify(said)}`;
      throw e;
    }
  }

  /**
   * Picks `text` in a select and waits until the select shows it. A choice made while the select's options were still
   * arriving (its dropdown re-rendering) was seen to leave the field empty on a loaded machine: the dropdown is then
   * opened once more, as a person would.
   */
  async function chooseOption(page: Page, testId: string, text: string): Promise<void> {
    const chosen = page.locator('.ant-form-item', { has: page.getByTestId(testId) }).getByTitle(text, { exact: true });
    for (let attempt = 1; ; attempt++) {
      await page.getByTestId(testId).click();
      await page.locator('.ant-select-item-option', { hasText: text }).first().click();
      const shown = await chosen.waitFor({ timeout: 5000 }).then(
        () => true,
        () => false,
      );
      if (shown) return;
      if (attempt === 2) throw new Error(`${testId}: “${text}” was chosen twice and the select still does not show it`);
      await page.keyboard.press('Escape');
    }
  }

  it('a petitioner on a phone submits online, gets the case number and query code, and sees the progress', async () => {
    const context = await world.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const phone = await context.newPage();
    await phone.goto(`${world.url}/public`);
    await phone.getByTestId('acceptance-scope').waitFor();
    await chooseOption(phone, 'citizen-category', '劳资纠纷');
    // The place from intake's public division list, one level per request: county → township → village.
    await phone.getByTestId('citizen-place').click();
    for (const place of ['延津县', '东屯镇', '东屯村'])
      await phone.locator('.ant-cascader-menu-item', { hasText: new RegExp(`^${place}$`) }).click();
    expect(await phone.getByTestId('citizen-place').textContent()).toContain('延津县 / 东屯镇 / 东屯村');
    await phone.getByTestId('citizen-subject').fill('工地拖欠工资');
    await phone.getByTestId('citizen-content').fill('本人在延津县某工地务工三个月，工程结束后工资一直未发，请求帮助追讨。');
    await phone.getByTestId('citizen-name').fill('王五');
    await phone.getByTestId('citizen-phone').fill(PHONE);
    // A photo goes with the petition (sent once the case number and query code are known); an executable is refused
    // in the page before anything is sent.
    const picker = phone.locator('input[type=file]').first();
    await picker.setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await phone.getByTestId('citizen-attach-refused').getByText('“setup.exe”不是照片或 PDF 文件').waitFor();
    await picker.setInputFiles({ name: '工地照片.png', mimeType: 'image/png', buffer: PNG });
    await phone.getByText('工地照片.png').waitFor();
    await phone.getByTestId('citizen-submit').click();
    // Not yet confirmed the 受理范围: refused in the form, nothing sent.
    await phone.getByText('请阅读并确认受理范围').waitFor();
    await phone.getByTestId('citizen-scope').check();
    await phone.screenshot({ path: `${SHOTS}/citizen-petition.png`, fullPage: true });
    await step(phone, 'citizen-submit', async () => {
      await phone.getByTestId('citizen-submit').click();
      caseNumber = ((await phone.getByTestId('citizen-case-number').textContent({ timeout: 30000 })) ?? '').trim();
    });
    expect(caseNumber).toMatch(CASE_NUMBER);
    const queryCode = ((await phone.getByTestId('citizen-query-code').textContent()) ?? '').trim();
    expect(queryCode).toMatch(/^[2-9A-Z]{8}$/);
    // The photo went in under the new case number.
    const attached = phone.getByTestId('citizen-attachment-results');
    await attached.getByText('工地照片.png').waitFor();
    expect(await attached.textContent()).toContain('已上传');
    // The phone given is shown masked, never whole.
    await phone.getByText('139****5678').waitFor();
    expect(await phone.content()).not.toContain(PHONE);
    await phone.screenshot({ path: `${SHOTS}/citizen-submitted.png`, fullPage: true });

    await phone.getByTestId('go-progress').click();
    await phone.getByTestId('progress-number').waitFor({ timeout: 30000 });
    expect(await phone.getByTestId('progress-number').textContent()).toBe(caseNumber);
    expect(['已登记', '已转送/交办']).toContain(await phone.getByTestId('progress-status').textContent());
    await phone.getByText('信访途径').waitFor();
    expect(await phone.locator('.ant-descriptions-item', { hasText: '信访途径' }).textContent()).toContain('网上信访');
    await phone.screenshot({ path: `${SHOTS}/citizen-progress.png`, fullPage: true });

    // A wrong query code: the plain-Chinese answer, the same as for a number that does not exist.
    await phone.getByTestId('progress-query-code').fill('AAAAAAAA');
    await phone.getByTestId('progress-submit').click();
    await phone.getByText('未查到该信访事项：请核对信访件编号和查询码').waitFor({ timeout: 15000 });
    await context.close();
  });

  it("a city supervisor sees the overdue case on the clock ledger, issues an order and the unit's answer appears", async () => {
    // A letter received weeks ago and registered only now at the county bureau, its matter in the clerk's own words (no
    // code of the table names it): it waits at the bureau's desk for a person, and its 转送交办 period (Art 22: 15 days
    // from receipt, 10-12 + 15 = 10-27, a Tuesday) ran out long ago. The receipt is confirmed as the clerk would for a
    // late registration (needed once it is more than a year old). Received in October, it is not this month's 批次.
    const registered = await http<{ caseId: string; caseNumber: string }>('POST', `${world.h.url('intake')}/petitions`, {
      token: await token(DEMO_UNITS.countyBureau, ['clerk'], 'demo-county-bureau-clerk'),
      body: labourPetition({
        channel: 'letter',
        receivedAt: '2026-10-12T09:30:00+08:00',
        confirmReceivedAt: true,
        category: '宅基地确权补偿',
        placeCode: DEMO_DONGTUN,
        subject: '宅基地确权后补偿款未发放',
        content: '本人宅基地已于今年确权，镇里承诺的补偿款至今未发放，请求督促落实。',
        petitioner: { name: '周八', phone: '13500002222' },
      }),
    });
    expect(registered.status).toBe(201);
    const late = registered.body.caseNumber;
    expect(late).toMatch(CASE_NUMBER);
    const supervisor = await signedIn('city-bureau-supervisor', '/supervision');
    await step(supervisor, 'supervision', async () => {
      // The ledger opens on its overdue clocks (the server's status: its due check marked the clock overdue).
      await supervisor.getByTestId('clock-status').getByTitle('已逾期', { exact: true }).waitFor({ timeout: 60000 });
      const row = supervisor.getByTestId('clock-ledger').locator('tr', { hasText: late }).first();
      // The ledger refreshes itself (every 30 s) until registration, the clock and its due check have run.
      await row.waitFor({ timeout: 120000 });
      const cells = (await row.locator('td').allTextContents()).map((t) => t.trim());
      expect(cells.slice(0, 6)).toEqual([late, '转送交办期限', '《信访工作条例》第22条', '初次办理', '延津县信访局', '2026-10-27']);
      expect(cells[6]).toMatch(/^截至 2026-10-27 已逾期 \d+ 天$/);
      // Due at 00:00 Beijing time after the last day (2026-10-27T16:00Z): overdue by as many days as have begun since.
      expect(Number(/已逾期 (\d+) 天/.exec(cells[6] ?? '')?.[1])).toBe(
        Math.ceil((Date.now() - Date.parse('2026-10-27T16:00:00Z')) / 86400000),
      );
      expect(cells[7]).toBe('已逾期');
      expect(await row.locator('[data-urgency]').getAttribute('data-urgency')).toBe('overdue');
      await supervisor.screenshot({ path: `${SHOTS}/supervision-ledger.png`, fullPage: true });
      await row.getByTestId(`issue-order-${late}`).click();
      await supervisor.getByTestId('order-reason').fill('请加快办理并按期反馈');
      await supervisor.getByRole('button', { name: /^发\s*出$/ }).click();
      await supervisor.getByText(`已向承办单位发出督办单（${late}）`).waitFor({ timeout: 30000 });

      await supervisor.getByRole('tab', { name: '督办单' }).click();
      const order = supervisor.getByTestId('order-list').locator('tr', { hasText: late }).first();
      await order.waitFor({ timeout: 30000 });
      expect(await order.textContent()).toContain('延津县信访局');
      expect(await order.textContent()).toContain('待回复');
      expect(await order.textContent()).toContain('请加快办理并按期反馈');
      await supervisor.screenshot({ path: `${SHOTS}/supervision-order.png`, fullPage: true });
    });

    // The ordered unit's head (the county bureau's) answers it in writing from the same page (督办单, received) …
    const unit = await signedIn('county-bureau-head', '/supervision');
    /** A time as the console shows it (Beijing time, to the minute). */
    const minute = (t: Date) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }).format(t);
    const answering = new Date();
    await step(unit, 'order-answer', async () => {
      await unit.getByRole('tab', { name: '督办单' }).click({ timeout: 60000 });
      const received = unit.getByTestId('order-list').locator('tr', { hasText: late }).first();
      await received.waitFor({ timeout: 30000 });
      await received.getByPlaceholder('书面回复').fill('已转东屯镇人民政府核实，十日内书面告知信访人');
      await received.getByRole('button', { name: /^回\s*复$/ }).click();
      await unit.getByText('已书面回复').waitFor({ timeout: 30000 });
    });
    // … and the supervisor's list shows it answered, with the answer.
    await step(supervisor, 'order-answered', async () => {
      await supervisor.reload();
      await supervisor.getByRole('tab', { name: '督办单' }).click();
      const answered = supervisor.getByTestId('order-list').locator('tr', { hasText: late }).first();
      await answered.getByText('已回复').waitFor({ timeout: 30000 });
      const answeredBy = new Date();
      await answered.locator('.ant-table-row-expand-icon').click();
      // The unit's written answer with its time (to the minute, Beijing time: between the click and the list read).
      const text = supervisor.locator('[data-testid^="order-answer-"]', { hasText: '已转东屯镇人民政府核实，十日内书面告知信访人' });
      await text.waitFor();
      const shown = /^回复（(\d{4}-\d{2}-\d{2} \d{2}:\d{2})）：已转东屯镇人民政府核实，十日内书面告知信访人$/.exec(
        (await text.textContent()) ?? '',
      );
      const at = shown?.[1] ?? '';
      expect(at).toMatch(/^\d{4}-/);
      expect(at >= minute(answering) && at <= minute(answeredBy)).toBe(true);
      await supervisor.screenshot({ path: `${SHOTS}/supervision-order-answered.png`, fullPage: true });
    });
    // Signed-in pages keep their streams and polls open: closed here, so they do not load the cases that follow.
    await Promise.all([supervisor.context().close(), unit.context().close()]);
  });

  it('the city cockpit shows a new registration on its live feed within seconds', async () => {
    const head = await signedIn('city-bureau-head', '/cockpit');
    await step(head, 'cockpit', async () => {
      // The feed's first connection (a lazy page, the stream opened) may be slow on a loaded machine.
      await head.getByTestId('live-feed').getByText('已连接').waitFor({ timeout: 60000 });
      const res = await fetch(`${world.url}/api/intake/public/petitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'suggestion',
          category: 'transport',
          placeCode: '410726000000',
          subject: '建议增设公交站点',
          content: '建议在县城东部新区增设公交站点，方便居民出行。',
          petitioner: { name: '赵六', phone: '13700001111' },
        }),
      });
      expect(res.status).toBe(201);
      const fresh = ((await res.json()) as { caseNumber: string }).caseNumber;
      const started = Date.now();
      // Under the shared machine's load the pipeline (intake → Kafka → supervision → feed) may take a few seconds.
      await head.getByTestId('live-feed').getByTestId('live-item').filter({ hasText: fresh }).first().waitFor({ timeout: 30000 });
      console.log(`cockpit: ${fresh} on the live feed ${Date.now() - started} ms after intake answered`);
      expect(
        Number(await head.getByTestId('live-registered').locator('.ant-statistic-content-value').textContent()),
      ).toBeGreaterThanOrEqual(1);
      await head.screenshot({ path: `${SHOTS}/cockpit.png`, fullPage: true });

      // The KPI cards show the evaluation API's figures: 批次 of this month for the city, read with the head's token.
      const token = await head.evaluate<string | null>("window.sessionStorage.getItem('sunshine.session')");
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const kpis = async () => {
        const r = await fetch(`${world.url}/api/evaluation/kpis?period=month&date=${today}&division=${DEMO_CITY}`, {
          headers: { authorization: `Bearer ${token ?? ''}` },
        });
        expect(r.status).toBe(200);
        return ((await r.json()) as { figures: { counts: { cases: number } } }).figures.counts.cases;
      };
      // Both petitions of this run (the phone's online petition and this suggestion) are this month's 批次 of the city,
      // once evaluation has rolled them up.
      await eventually(async () => ((await kpis()) === 2 ? true : undefined), 90000, 'both petitions in the evaluation API');
      await head.reload();
      const card = head.getByTestId('kpi-cases');
      const shown = Number(await card.locator('.ant-statistic-content-value').textContent({ timeout: 30000 }));
      expect(shown).toBe(2);
      expect(await kpis()).toBe(2);

      // The figure drills down to the cases behind it (evaluation's /kpis/cases, same period and territory): both.
      await card.click();
      await head.getByTestId('drill-title').filter({ hasText: '明细：批次' }).waitFor({ timeout: 30000 });
      const rows = head.locator('.ant-drawer-body tr.ant-table-row');
      await rows.nth(1).waitFor({ timeout: 30000 });
      expect(await head.getByTestId('drill-total').textContent()).toBe('2');
      expect(await rows.count()).toBe(2);
      const listed = (await rows.allTextContents()).join(' ');
      expect(listed).toContain(caseNumber);
      expect(listed).toContain(fresh);
      await head.screenshot({ path: `${SHOTS}/cockpit-drill-down.png`, fullPage: true });
    });
    await head.context().close();
  });

  /** A staff token of this run (the services trust its key), as routing's staff would hold it. */
  function token(unit: string, roles: StaffRole[], sub: string): Promise<string> {
    return world.h.keys.token({ sub, unit, division: unit.slice(0, 12), roles });
  }

  async function routingAct(caseId: string, unit: string, action: string, roles: StaffRole[], body?: unknown): Promise<void> {
    const sub = roles.includes('head') ? `${unit}:head` : `${unit}:staff`;
    const view = await http<{ version: number }>('GET', `${world.h.url('routing')}/cases/${caseId}`, {
      token: await token(unit, roles, sub),
    });
    const res = await http('POST', `${world.h.url('routing')}/cases/${caseId}/${action}`, {
      token: await token(unit, roles, sub),
      body,
      headers: { 'if-match': `"${view.body.version}"` },
    });
    expect([action, res.status]).toEqual([action, 200]);
  }

  it('the petitioner reads the reply, rates 不满意 and requests 复查 from the portal; added material reaches the clerk', async () => {
    // A letter registered at the county bureau, dispatched by the rules to the unit that handles it, answered and served.
    const clerk = await token(DEMO_UNITS.countyBureau, ['clerk'], 'demo-county-bureau-clerk');
    const registered = await http<{ caseId: string; caseNumber: string; queryCode: string }>('POST', `${world.h.url('intake')}/petitions`, {
      token: clerk,
      body: labourPetition({ channel: 'letter', placeCode: DEMO_DONGTUN, petitioner: { name: '孙七', phone: '13600001234' } }),
    });
    expect(registered.status).toBe(201);
    const c = registered.body;
    const city = await token(DEMO_UNITS.cityBureau, ['supervisor'], 'demo-city-bureau-supervisor');
    const unit = await eventually(
      async () => {
        const v = await http<{ status: string; holdingUnitId: string }>('GET', `${world.h.url('routing')}/cases/${c.caseId}`, {
          token: city,
        });
        return v.status === 200 && v.body.status === 'dispatched' ? v.body.holdingUnitId : undefined;
      },
      60000,
      `${c.caseNumber} dispatched`,
    );
    const all: StaffRole[] = ['clerk', 'handler', 'head', 'dispatcher'];
    await routingAct(c.caseId, unit, 'sign', all);
    await routingAct(c.caseId, unit, 'accept', all);
    const draft = await http('PUT', `${world.h.url('routing')}/cases/${c.caseId}/reply/draft`, {
      token: await token(unit, ['handler'], `${unit}:staff`),
      body: { outcome: 'not-supported', text: '经核查，用工单位已于上月结清工资，信访人所述欠薪事项不成立。' },
    });
    expect(draft.status).toBe(200);
    await routingAct(c.caseId, unit, 'reply/approve', ['head']);
    await routingAct(c.caseId, unit, 'reply/serve', ['clerk'], { method: 'post' });

    const context = await world.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const phone = await context.newPage();
    await step(phone, 'citizen-reply', async () => {
      await phone.goto(`${world.url}/public`);
      await phone.getByRole('tab', { name: '进度查询' }).click({ timeout: 60000 });
      await phone.getByTestId('progress-case-number').fill(c.caseNumber);
      await phone.getByTestId('progress-query-code').fill(c.queryCode);
      // Intake learns of the served reply from the case log: ask again until it shows.
      await eventually(
        async () => {
          await phone.getByTestId('progress-submit').click();
          return (await phone
            .getByTestId('progress-reply')
            .isVisible({ timeout: 3000 })
            .catch(() => false))
            ? true
            : undefined;
        },
        60000,
        'the reply on the portal',
      );
      expect(await phone.getByTestId('progress-reply').textContent()).toContain('信访人所述欠薪事项不成立');
      await phone.screenshot({ path: `${SHOTS}/citizen-reply.png`, fullPage: true });

      const rate = phone.getByTestId('rate-handling-unit');
      await rate.getByText('不满意', { exact: true }).click();
      await phone.getByTestId('rate-submit-handling-unit').click();
      await phone.getByText('初次办理 · 承办单位：不满意').waitFor({ timeout: 30000 });

      // The review form comes filled in (the case number, 复查) with its countdown; one confirmation sends it.
      const review = phone.getByTestId('review-card');
      expect(await review.textContent()).toContain(c.caseNumber);
      expect(await review.textContent()).toContain('申请事项复查');
      await phone.screenshot({ path: `${SHOTS}/citizen-review-form.png`, fullPage: true });
      await phone.getByTestId('review-submit').click();
      await phone
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*认/ })
        .click();
      await review.waitFor({ state: 'detached', timeout: 30000 });
      // The next stage opens at the next-higher unit (routing, from intake's request on the case log).
      await eventually(
        async () => {
          await phone.getByTestId('progress-submit').click();
          const stage = phone.locator('.ant-descriptions-item', { hasText: '办理阶段' });
          return ((await stage.textContent({ timeout: 3000 }).catch(() => '')) ?? '').includes('复查') ? true : undefined;
        },
        // routing opens the stage from the request on the case log, intake folds it back (each 查询 asks intake again).
        60000,
        'the 复查 stage on the portal',
      );
      await phone.screenshot({ path: `${SHOTS}/citizen-review-requested.png`, fullPage: true });

      // 补充材料: a PDF added from the progress page …
      const more = phone.getByTestId('add-attachments');
      await more.locator('input[type=file]').setInputFiles({ name: '工资条.pdf', mimeType: 'application/pdf', buffer: PDF });
      await phone.getByTestId('add-attachments-submit').click();
      await more.getByTestId('citizen-attachment-results').getByText('已上传').waitFor({ timeout: 30000 });
    });
    await context.close();

    // … is on the registering clerk's case page, among the dossier's attachments.
    const desk = await signedIn('county-bureau-clerk', `/cases/${c.caseId}`);
    await step(desk, 'case-attachments', async () => {
      await desk.getByText('工资条.pdf').waitFor({ timeout: 30000 });
      await desk.screenshot({ path: `${SHOTS}/case-citizen-attachment.png`, fullPage: true });
    });
  });

  it('an ops user sees each service ready, the lag per partition and the dead letters, and replays one', async () => {
    const key = { privateKeyPem: readFileSync(world.h.keys.privateKeyFile, 'utf8'), issuer: TEST_ISSUER, audience: TEST_AUDIENCE };
    const token = await signDevToken({ sub: 'demo-city-ops', unit: DEMO_UNITS.cityBureau, division: DEMO_CITY, roles: ['ops'] }, key);
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    // The page's own session storage (the console keeps the token there), set before any script of the page runs.
    await context.addInitScript(`window.sessionStorage.setItem('sunshine.session', ${JSON.stringify(token)})`);
    const ops = await context.newPage();
    await ops.goto(`${world.url}/ops`);
    await step(ops, 'ops', async () => {
      for (const s of ['intake', 'routing', 'supervision', 'notification', 'evaluation']) {
        await ops.getByTestId(`health-${s}`).getByText('postgresql 正常').waitFor({ timeout: 30000 });
      }
      await ops.screenshot({ path: `${SHOTS}/ops-health.png`, fullPage: true });
      await ops.getByRole('tab', { name: '死信与暂停键' }).click();
      await ops.getByTestId('dead-letters').waitFor();
      await ops.getByTestId('dead-letters').getByText('没有死信').waitFor({ timeout: 15000 });
      await ops.getByTestId('parked-keys').getByText('没有等待中的键').waitFor();
      // Consumer lag per topic and partition, beside the group's total.
      await ops.getByRole('tab', { name: '服务状态' }).click();
      await ops.getByTestId('lag-routing').locator('tr', { hasText: 'case-log' }).first().waitFor({ timeout: 30000 });
      await ops.screenshot({ path: `${SHOTS}/ops-lag.png`, fullPage: true });
    });

    // A message routing's consumer refuses (its payload breaks the schema) is dead-lettered; once the producer's
    // corrected message is in its place, the operator replays it from the page with a reason.
    const caseId = randomUUID();
    const valid = newEvent('case.signed', { unitId: DEMO_UNITS.hrss } as PayloadOf<'case.signed'>, {
      caseId,
      jurisdiction: { place: [DEMO_CITY, DEMO_COUNTY], unit: [DEMO_CITY, DEMO_COUNTY] },
      actor: { kind: 'system', id: 'console-e2e' },
    });
    const poison = { ...valid, payload: { unit: 'nobody' } };
    const headers = {
      'event-id': valid.id,
      'event-type': valid.type,
      'event-version': '1',
      producer: 'routing',
      'correlation-id': valid.correlationId,
    };
    await sql(
      `INSERT INTO "${world.h.schema('routing')}".outbox (event_id, topic, message_key, type, value, headers) VALUES ($1, $2, $3, $4, $5, $6)`,
      [valid.id, world.h.topic(Topics.caseLog), caseId, valid.type, JSON.stringify(poison), JSON.stringify(headers)],
    );
    await step(ops, 'ops-replay', async () => {
      await ops.getByRole('tab', { name: '死信与暂停键' }).click();
      const row = ops.getByTestId('dead-letters').locator('tr', { hasText: caseId });
      await eventually(
        async () => {
          await ops.getByRole('tab', { name: '死信与暂停键' }).click();
          return (await row.isVisible()) ? true : undefined;
        },
        60000,
        'the dead letter on the ops page',
      );
      await ops.screenshot({ path: `${SHOTS}/ops-dead-letter.png`, fullPage: true });
      // The producer's correction comes signed by it, as every event does (the replay verifies it again).
      const corrected = signedMessage(world.h.keys, Topics.caseLog, caseId, valid);
      await sql(`UPDATE "${world.h.schema('routing')}".dead_letters SET value = $1, headers = $3 WHERE event_id = $2`, [
        corrected.value,
        valid.id,
        JSON.stringify(corrected.headers),
      ]);
      await row.locator('[data-testid^="replay-"]').click();
      await ops.getByTestId('ops-reason').fill('生产方已更正消息内容，重放');
      await ops.getByRole('button', { name: '确认重放' }).click();
      await ops.getByText('已重放').first().waitFor({ timeout: 30000 });
      await row.waitFor({ state: 'detached', timeout: 30000 });
      const [resolved] = await sql<{ status: string }>(
        `SELECT status FROM "${world.h.schema('routing')}".dead_letters WHERE event_id = $1`,
        [valid.id],
      );
      expect(resolved?.status).toBe('replayed');
      await ops.screenshot({ path: `${SHOTS}/ops-replayed.png`, fullPage: true });
    });

    // A notice that could not be delivered is listed with its reason; the operator delivers it again with a reason, and
    // notification sends it (in-app: into 人社局's inbox).
    const notification = world.h.schema('notification');
    const deliveryId = randomUUID();
    await sql(
      `INSERT INTO "${notification}".deliveries (id, event_id, event_type, recipient, channel, kind, unit_id, roles, rule_version, params,
         status, attempts, not_before, last_error, created_at, updated_at)
       VALUES ($1, $2, 'case.dispatched', $3, 'in-app', 'unit.case-arrived', $4, '{head}', 1, $5, 'dead', 5, now(), $6, now(), now())`,
      [
        deliveryId,
        randomUUID(),
        `unit:${DEMO_UNITS.hrss}`,
        DEMO_UNITS.hrss,
        JSON.stringify({ caseNumber: '410726-2026-009999', stage: '初次办理' }),
        '写入站内通知失败：数据库连接中断',
      ],
    );
    await step(ops, 'ops-deliveries', async () => {
      await ops.getByRole('tab', { name: '通知投递失败' }).click();
      const row = ops.getByTestId('dead-deliveries').locator(`tr[data-row-key="${deliveryId}"]`);
      await row.waitFor({ timeout: 30000 });
      expect(await ops.getByTestId(`delivery-reason-${deliveryId}`).textContent()).toBe('写入站内通知失败：数据库连接中断');
      await row.getByText('延津县人力资源和社会保障局').waitFor({ timeout: 30000 });
      // The kind by notification's own name for it (unit.case-arrived), never the code.
      await row.getByText('新事项到达', { exact: true }).waitFor();
      await ops.screenshot({ path: `${SHOTS}/ops-dead-delivery.png`, fullPage: true });
      await ops.getByTestId(`redeliver-${deliveryId}`).click();
      await ops.getByTestId('ops-reason').fill('数据库已恢复，重新投递');
      await ops.getByRole('button', { name: '确认重新投递' }).click();
      await ops.getByText('已重新投递（待发送）').waitFor({ timeout: 30000 });
      await row.waitFor({ state: 'detached', timeout: 30000 });
      const [action] = await sql<{ action: string; reason: string; actor: string }>(
        `SELECT action, reason, actor FROM "${notification}".delivery_actions WHERE delivery_id = $1`,
        [deliveryId],
      );
      expect(action).toEqual({ action: 'replay', reason: '数据库已恢复，重新投递', actor: 'demo-city-ops' });
      await eventually(
        async () => {
          const [d] = await sql<{ status: string }>(`SELECT status FROM "${notification}".deliveries WHERE id = $1`, [deliveryId]);
          return d?.status === 'delivered' ? true : undefined;
        },
        60000,
        'the delivery sent again',
      );
    });

    // The working-day calendar the clocks count with: 2026's arrangement as bundled (chinese-days 1.5.7).
    await step(ops, 'ops-holidays', async () => {
      await ops.getByRole('tab', { name: '节假日安排' }).click();
      await ops.getByTestId('calendar-year').locator('xpath=descendant-or-self::input').fill('2026');
      await ops.getByTestId('calendar-published').filter({ hasText: '已发布安排（chinese-days@1.5.7）' }).waitFor({ timeout: 30000 });
      const days = ops.getByTestId('calendar-days');
      const day = (date: string) => days.locator(`tr[data-row-key="${date}"]`);
      await day('2026-10-01').waitFor({ timeout: 30000 });
      // Each day off named by the holiday(s) of its run (the notice adds 10/4–10/7 to 国庆节's 10/1–10/3).
      expect(await day('2026-10-01').textContent()).toBe('2026-10-01周四放假国庆节');
      expect(await day('2026-10-07').textContent()).toBe('2026-10-07周三放假国庆节');
      expect(await day('2026-02-16').textContent()).toBe('2026-02-16周一放假春节');
      expect(await day('2026-04-04').textContent()).toBe('2026-04-04周六放假清明节');
      expect(await day('2026-09-25').textContent()).toBe('2026-09-25周五放假中秋节');
      expect(await day('2026-09-20').textContent()).toBe('2026-09-20周日调休上班—');
      expect(await day('2026-10-10').textContent()).toBe('2026-10-10周六调休上班—');
      expect(await day('2026-10-08').count()).toBe(0);
      await ops.screenshot({ path: `${SHOTS}/ops-holidays.png`, fullPage: true });
    });

    // 2027 has no published arrangement in the bundled calendar: the operator loads one from the page (with a
    // confirmation); supervision publishes it to every service and the page shows that year as published, its days and
    // the arrangement with who loaded it.
    await step(ops, 'ops-load-calendar', async () => {
      await ops.getByTestId('calendar-year').locator('xpath=descendant-or-self::input').fill('2027');
      await ops.getByTestId('calendar-published').filter({ hasText: '尚未发布' }).waitFor({ timeout: 30000 });
      await ops
        .getByTestId('arrangement-holidays')
        .fill('2027-10-01, 2027-10-02, 2027-10-03\n2027-10-04 2027-10-05、2027-10-06 2027-10-07');
      await ops.getByTestId('arrangement-workdays').fill('2027-09-26 2027-10-09');
      await ops.getByTestId('arrangement-source').fill('运维载入（浏览器测试）');
      expect(await ops.getByTestId('arrangement-count').textContent()).toBe('放假 7 天，调休上班 2 天');
      await ops.getByTestId('arrangement-load').click();
      await ops.getByRole('button', { name: '确认载入' }).click();
      await ops.getByText('已载入 2027 年节假日安排，各服务将按其重算期限').waitFor({ timeout: 30000 });
      const loaded = ops.getByTestId('holiday-arrangements').locator('tr[data-row-key="2027"]');
      await loaded.waitFor({ timeout: 30000 });
      expect(await loaded.textContent()).toContain('运维载入（浏览器测试）');
      expect(await loaded.textContent()).toContain('demo-city-ops');
      // The calendar the clocks count with has it once supervision's own copy took the publication (asked again).
      const published = ops.getByTestId('calendar-published').filter({ hasText: '已发布安排（运维载入（浏览器测试））' });
      await eventually(
        async () => {
          if (await published.isVisible()) return true;
          await ops.getByTestId('calendar-year').locator('xpath=descendant-or-self::input').fill('2026');
          await ops.getByTestId('calendar-year').locator('xpath=descendant-or-self::input').fill('2027');
          return (await published.isVisible({ timeout: 3000 }).catch(() => false)) ? true : undefined;
        },
        60000,
        '2027 published on the ops page',
      );
      const days = ops.getByTestId('calendar-days');
      await days.locator('tr[data-row-key="2027-10-07"]').waitFor({ timeout: 30000 });
      expect(await days.locator('tr[data-row-key="2027-09-26"]').textContent()).toBe('2027-09-26周日调休上班—');
      expect(await days.locator('tr[data-row-key="2027-10-09"]').textContent()).toBe('2027-10-09周六调休上班—');
      expect(await days.locator('tr[data-row-key="2027-10-04"]').textContent()).toBe('2027-10-04周一放假国庆节');
      await ops.screenshot({ path: `${SHOTS}/ops-calendar-loaded.png`, fullPage: true });
    });
  });
});

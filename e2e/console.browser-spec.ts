import { mkdirSync } from 'node:fs';

import type { Page } from 'playwright-core';

import { ConsoleWorld } from './console-world';

const SHOTS = 'tmp/screenshots';

// A county bureau clerk registers a petition in the console; the rules assign it to the township (东屯镇), whose
// clerk finds it in the unit inbox and opens it: real chromium, nginx, the five services, Kafka, PostgreSQL, Redis.
describe('the staff console in a browser', () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    world = await ConsoleWorld.start();
  }, 600000);

  afterAll(async () => {
    await world?.stop();
  });

  // The case the first test registers, as 东屯镇's staff open it (/cases/<id>), for the flow through the unit.
  let caseUrl = '';
  let caseNumber = '';

  async function signedIn(persona: string): Promise<Page> {
    // The browser in another zone than the city: every time shown must still be Beijing time.
    const context = await world.browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'zh-CN',
      timezoneId: 'Europe/London',
    });
    // The machine is shared: an action may wait for a slow render, not fail on playwright's 30 s default.
    context.setDefaultTimeout(90000);
    const page = await context.newPage();
    await page.goto(`${world.url}/`);
    await page.waitForURL('**/sign-in**');
    await page.getByTestId(`sign-in-${persona}`).click();
    await page.waitForURL('**/inbox');
    return page;
  }

  /** The bell's unread count as the page shows it (antd's badge shows nothing for 0); serialised into the page. */
  type Dom = { document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null } };
  const unreadCount = () =>
    Number((globalThis as unknown as Dom).document.querySelector('[data-testid="notice-unread"] sup')?.getAttribute('title') ?? 0);
  const unreadAbove = (before: number) =>
    Number((globalThis as unknown as Dom).document.querySelector('[data-testid="notice-unread"] sup')?.getAttribute('title') ?? 0) > before;

  /** On the registration form: the category typed into its picker and chosen, the place walked down the cascader. */
  async function categoryAndPlace(page: Page, category: string, place: readonly string[]): Promise<void> {
    // Typed and taken with Enter; if the categories were still arriving (nothing matched yet), the field stays empty:
    // then once more, as a clerk would, and the select must show the category before going on.
    const chosen = page.locator('.ant-form-item', { has: page.getByLabel('问题类别') }).getByTitle(category, { exact: true });
    for (let attempt = 1; ; attempt++) {
      await page.getByLabel('问题类别').click();
      await page.keyboard.type(category);
      await page.keyboard.press('Enter');
      if (
        await chosen.waitFor({ timeout: 5000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      if (attempt === 2) throw new Error(`问题类别: “${category}” was chosen twice and the select still does not show it`);
      await page.keyboard.press('Escape');
    }
    await page.getByTestId('place-picker').click();
    for (const name of place) await page.locator('.ant-cascader-menu-item', { hasText: name }).click();
    await page.keyboard.press('Escape');
  }

  it('registers at the county bureau and shows the case in 东屯镇’s inbox after dispatch', async () => {
    const clerk = await signedIn('county-bureau-clerk');
    await clerk.screenshot({ path: `${SHOTS}/console-sign-in-done.png` });
    await clerk.getByTestId('signed-in-unit').getByText('延津县信访局', { exact: true }).waitFor();

    await clerk.getByRole('menuitem', { name: '来访/来信登记' }).click();
    await clerk.getByTestId('subject').fill('村道损坏无人修');
    await clerk.getByTestId('content').fill('东屯镇某村村道损坏多年，雨天无法通行，请求修复。');
    await clerk.getByTestId('petitioner-name').fill('李四');
    await clerk.getByTestId('petitioner-id').fill('410726199001011234');
    await clerk.getByTestId('petitioner-phone').fill('13800138000');
    await categoryAndPlace(clerk, '其他', ['延津县', '东屯镇']);
    await clerk.screenshot({ path: `${SHOTS}/console-register.png` });
    // 东屯镇's clerk has the console open before the case exists: the bell's unread count rises when it arrives.
    const township = await signedIn('dongtun-clerk');
    const unreadBefore = await township.evaluate(unreadCount);
    await clerk.getByTestId('register-submit').click();

    const number = (await explained(clerk, '登记', () => clerk.getByTestId('case-number').textContent({ timeout: 30000 }))) ?? '';
    expect(number).toMatch(/^410726-\d{4}-\d{6}$/);
    expect(await clerk.getByTestId('query-code').textContent()).toMatch(/^[2-9A-Z]{8}$/);
    // Masked on the receipt: the first six and last four digits of the ID, the first three and last four of the phone.
    await expect(clerk.getByText('李四（证件 410726********1234，电话 138****8000）').count()).resolves.toBe(1);
    await clerk.screenshot({ path: `${SHOTS}/console-receipt.png` });

    // Live (notification's stream), not the bell's 60 s poll: within 50 s of the registration.
    await explained(township, '通知铃', () => township.waitForFunction(unreadAbove, unreadBefore, { timeout: 50000 }));
    await township.screenshot({ path: `${SHOTS}/console-bell.png` });
    await township.getByTestId('signed-in-unit').getByText('东屯镇人民政府', { exact: true }).waitFor();
    // The inbox refreshes itself (every 15 s); the case was dispatched by the rules within a few seconds of its registration.
    const row = township.getByTestId('inbox-table').locator('tr', { hasText: number });
    await row.waitFor({ timeout: 60000 });
    // Subject and unit names load per row (the dossier, the directory).
    await row.getByText('村道损坏无人修').waitFor();
    await row.getByText('东屯镇人民政府').waitFor();
    expect(await row.textContent()).toContain('已转送/交办');
    await township.screenshot({ path: `${SHOTS}/console-inbox.png` });

    await row.getByRole('link', { name: number }).click();
    await township.getByTestId('case-page-number').waitFor();
    expect(await township.getByTestId('case-page-number').textContent()).toBe(number);
    await township.getByText('新乡市延津县东屯镇').first().waitFor();
    await township.getByTestId('case-form').getByText('个人访', { exact: true }).waitFor();
    // antd spaces two-character labels (签 收).
    await township
      .getByTestId('case-actions')
      .getByRole('button', { name: /^签\s*收$/ })
      .waitFor();
    await township.screenshot({ path: `${SHOTS}/console-case.png`, fullPage: true });
    caseUrl = township.url();
    caseNumber = number;
  });

  /** The case page as `persona` sees it, once its status tag reads `status`. */
  async function casePage(persona: string, status: string): Promise<Page> {
    const page = await signedIn(persona);
    await page.goto(caseUrl);
    await page.getByTestId('case-page-number').waitFor();
    await page.getByText(status, { exact: true }).first().waitFor();
    return page;
  }

  const buttons = async (page: Page) =>
    (await page.getByTestId('case-actions').getByRole('button').allTextContents()).map((t) => t.replace(/\s+/g, ''));
  const button = (page: Page, name: string) =>
    page.getByTestId('case-actions').getByRole('button', { name: new RegExp(`^${[...name].join('\\s*')}$`) });
  const confirm = async (page: Page) =>
    page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /^确\s*认$/ })
      .click();
  const submit = async (page: Page) =>
    page
      .locator('.ant-modal')
      .getByRole('button', { name: /^提\s*交$/ })
      .click();
  /**
   * What the page says when a step fails: its alerts (the server's reason, a version conflict), toasts and form
   * errors, so a failure on a CI machine explains itself.
   */
  const pageSays = async (page: Page): Promise<string> => {
    const texts = await page
      .locator('.ant-alert, .ant-message-notice, .ant-form-item-explain-error')
      .allTextContents()
      .catch((e: unknown) => [`(page unreadable: ${String(e)})`]);
    return texts.length ? texts.map((t) => `«${t.trim()}»`).join(' ') : '(no alert, toast or form error on the page)';
  };
  /** Runs a step; when it fails, the error carries what the page showed. */
  const explained = async <T>(page: Page, step: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      throw new Error(`${step} failed: ${e instanceof Error ? e.message : String(e)}\npage ${page.url()} says: ${await pageSays(page)}`);
    }
  };
  /** Submits an action and waits for the page's lasting outcome line (「<label>：已完成」), never a passing toast. */
  const acted = async (page: Page, label: string, go: (page: Page) => Promise<void>) =>
    explained(page, label, async () => {
      await go(page);
      await page.getByTestId('action-done').getByText(`${label}：已完成`).waitFor();
    });
  const choose = async (page: Page, field: string, option: string) => {
    await page.getByLabel(field).click();
    await page.locator('.ant-select-item-option', { hasText: option }).first().click();
  };

  it('takes the case through 东屯镇: the clerk signs, the handler accepts and drafts, the head approves, the reply is served', async () => {
    expect(caseUrl).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    // The clerk signs (签收) and then has nothing more to do until there is a reply to serve.
    const clerk = await casePage('dongtun-clerk', '已转送/交办');
    expect(await buttons(clerk)).toEqual(['签收']);
    await button(clerk, '签收').click();
    await acted(clerk, '签收', confirm);
    await clerk.getByText('已签收', { exact: true }).first().waitFor();
    await clerk.getByText('当前没有可执行的操作').waitFor();

    // The handler accepts (受理), then drafts the reply; approving it is not theirs (the head's, four eyes).
    const handler = await casePage('dongtun-handler', '已签收');
    expect(await buttons(handler)).toContain('受理');
    await button(handler, '受理').click();
    await acted(handler, '受理', submit);
    await handler.getByText('已受理', { exact: true }).first().waitFor();
    await button(handler, '起草答复意见').waitFor();
    expect(await buttons(handler)).not.toContain('审签答复意见');
    await button(handler, '起草答复意见').click();
    await choose(handler, '处理结论', '解释说明');
    await handler.getByLabel('答复意见', { exact: true }).fill('经核查，该村道已列入今年乡村道路维修计划，将于三个月内修复。');
    await acted(handler, '起草答复意见', submit);
    expect(await buttons(handler)).not.toContain('审签答复意见');
    await handler.screenshot({ path: `${SHOTS}/console-case-drafted.png`, fullPage: true });

    // The head sees the draft to approve (审签) and approves it: the case is replied.
    const head = await casePage('dongtun-head', '已受理');
    await button(head, '审签答复意见').waitFor();
    await button(head, '审签答复意见').click();
    await acted(head, '审签答复意见', confirm);
    await head.getByText('已答复', { exact: true }).first().waitFor();
    expect(await buttons(head)).not.toContain('审签答复意见');

    // The clerk records the service (送达); the timeline shows it and the action is gone.
    const serving = await casePage('dongtun-clerk', '已答复');
    expect(await buttons(serving)).toEqual(['记录送达']);
    await button(serving, '记录送达').click();
    await choose(serving, '送达方式', '直接送达');
    await acted(serving, '记录送达', submit);
    await serving.getByText('当前没有可执行的操作').waitFor();
    // The timeline is supervision's, which follows the case log over Kafka: reload until it lists the service (the
    // event by its Chinese name, case.reply-served, with the status after it).
    const served = serving.getByText('处理意见已送达信访人', { exact: true });
    for (
      let i = 0;
      i < 12 &&
      !(await served.waitFor({ timeout: 5000 }).then(
        () => true,
        () => false,
      ));
      i++
    )
      await serving.reload();
    await served.waitFor({ timeout: 5000 });
    await serving.screenshot({ path: `${SHOTS}/console-case-served.png`, fullPage: true });

    // The bureau that registered it sees the same case replied in its inbox (the case follows the one timeline).
    const bureau = await signedIn('county-bureau-clerk');
    await bureau.goto(caseUrl);
    await bureau.getByTestId('case-page-number').waitFor();
    expect(await bureau.getByTestId('case-page-number').textContent()).toBe(caseNumber);
    await bureau.getByText('已答复', { exact: true }).first().waitFor();
    expect(await buttons(bureau)).toEqual([]);
  });
  it('sends a clerk whose session expired to sign in again and keeps the registration being typed', async () => {
    const context = await world.browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'zh-CN',
      timezoneId: 'Europe/London',
    });
    context.setDefaultTimeout(90000);
    // The page's timers on a fake clock (starting now), so the token's expiry comes without waiting for it.
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(`${world.url}/`);
    await page.waitForURL('**/sign-in**');
    await page.getByTestId('sign-in-county-bureau-clerk').click();
    await page.waitForURL('**/inbox');
    type Storage = { sessionStorage: { getItem(key: string): string | null } };
    const token = await page.evaluate(() => (globalThis as unknown as Storage).sessionStorage.getItem('sunshine.session'));
    const exp = (JSON.parse(Buffer.from((token ?? '').split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp: number }).exp;

    await page.getByText('来访/来信登记').first().click();
    await page.waitForURL('**/register');
    await page.getByTestId('subject').fill('夜间施工噪音扰民');
    await page.getByTestId('content').fill('某工地连续多日夜间施工至凌晨，噪音严重影响周边居民休息。');

    // The token's exp passes while the form is open: back to sign-in with the reason, the way back remembered.
    const now = await page.evaluate(() => Date.now());
    await page.clock.fastForward(exp * 1000 - now + 1000);
    // Two triggers may both send the page there (the timer at exp and a poll's 401 TOKEN_EXPIRED): the first navigation is
    // then aborted by the second (net::ERR_ABORTED), and the page still lands on sign-in.
    for (let attempt = 1; ; attempt++) {
      const landed = await page.waitForURL('**/sign-in?expired=expired**').then(
        () => true,
        (e: unknown) => {
          if (attempt < 3 && String(e).includes('ERR_ABORTED')) return false;
          throw e;
        },
      );
      if (landed) break;
    }
    await page.getByText('登录已过期（令牌到期），请重新登录。').waitFor();
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('next') ?? '')).toBe('/register');

    // Signed in again (the page's clock back to the real time, which the new token is valid at): the draft is there.
    await page.clock.setSystemTime(Date.now());
    await page.getByTestId('sign-in-county-bureau-clerk').click();
    await page.waitForURL('**/register');
    expect(await page.getByTestId('subject').inputValue()).toBe('夜间施工噪音扰民');
    expect(await page.getByTestId('content').inputValue()).toBe('某工地连续多日夜间施工至凌晨，噪音严重影响周边居民休息。');
    await page.screenshot({ path: `${SHOTS}/console-session-expired-draft-kept.png` });
    await context.close();
  });

  it('registers a collective visit with an attachment and prints the receipt', async () => {
    const clerk = await signedIn('county-bureau-clerk');
    await clerk.getByRole('menuitem', { name: '来访/来信登记' }).click();
    await clerk.getByTestId('subject').fill('征地补偿款未足额发放');
    await clerk.getByTestId('content').fill('东屯镇某村六户村民反映征地补偿款至今未足额发放，要求核查并补发。');
    await clerk.getByTestId('petitioner-name').fill('赵六');
    await categoryAndPlace(clerk, '其他', ['延津县', '东屯镇']);
    // 集体访 from 5 people (libs/domain COLLECTIVE_MIN_HEAD_COUNT): the label says so.
    await clerk.getByText('集体（5 人及以上）').click();
    await clerk.locator('#headCount').fill('6');
    for (const name of ['赵六', '钱七']) {
      await clerk.getByRole('button', { name: '增加代表（不超过 5 人）' }).click();
      await clerk.getByPlaceholder('代表姓名').last().fill(name);
    }
    // A 1×1 PNG, set on the upload's file input as a file chosen in the dialog would be.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await clerk.locator('input[type="file"]').setInputFiles({ name: '补偿款发放清单.png', mimeType: 'image/png', buffer: png });
    await clerk.getByText('补偿款发放清单.png').waitFor();
    await clerk.screenshot({ path: `${SHOTS}/console-register-collective.png`, fullPage: true });
    await clerk.getByTestId('register-submit').click();

    const number = (await explained(clerk, '集体访登记', () => clerk.getByTestId('case-number').textContent({ timeout: 30000 }))) ?? '';
    expect(number).toMatch(/^410726-\d{4}-\d{6}$/);
    expect(await clerk.getByTestId('query-code').textContent()).toMatch(/^[2-9A-Z]{8}$/);
    await clerk.getByText('集体访，6 人（代表 2 人）', { exact: true }).waitFor();
    // Printed: the receipt with its number and query code, without the menu bar and the buttons.
    await clerk.emulateMedia({ media: 'print' });
    expect(await clerk.getByTestId('case-number').isVisible()).toBe(true);
    expect(await clerk.getByTestId('query-code').isVisible()).toBe(true);
    expect(await clerk.getByRole('button', { name: '打印回执' }).isVisible()).toBe(false);
    expect(await clerk.getByRole('menuitem', { name: '来访/来信登记' }).isVisible()).toBe(false);
    await clerk.screenshot({ path: `${SHOTS}/console-receipt-collective-print.png`, fullPage: true });
    await clerk.emulateMedia({ media: 'screen' });

    await clerk.getByRole('link', { name: '查看事项' }).click();
    await clerk.getByTestId('case-page-number').waitFor();
    expect(await clerk.getByTestId('case-page-number').textContent()).toBe(number);
    await clerk.getByText('征地补偿款未足额发放').first().waitFor();
    await clerk.getByText('补偿款发放清单.png', { exact: true }).waitFor();
    // The form of the petition, from the dossier's facts: collective, its head count and representatives.
    await clerk.getByTestId('case-form').getByText('集体访，6 人（代表 2 人）', { exact: true }).waitFor();
    await clerk.screenshot({ path: `${SHOTS}/console-case-attachment.png`, fullPage: true });
    await clerk.context().close();
  });

  // The case the keyboard registers at 封丘县 (another county: no rule of 延津县's bureau places it), for the desk.
  let unmatchedNumber = '';

  /** What has the keyboard focus: its id, the nearest data-testid around it, its tag and text; serialised into the page. */
  type FocusDom = {
    document: {
      activeElement: {
        id: string;
        tagName: string;
        textContent: string | null;
        closest(selector: string): { getAttribute(name: string): string | null } | null;
      } | null;
    };
  };
  const focusNow = () => {
    const a = (globalThis as unknown as FocusDom).document.activeElement;
    if (!a) return null;
    // A radio of a group has no id of its own: the group's (antd names it after the form field).
    const id = a.id || (a.closest('[id]')?.getAttribute('id') ?? '');
    return {
      id,
      testId: a.closest('[data-testid]')?.getAttribute('data-testid') ?? '',
      tag: a.tagName,
      text: (a.textContent ?? '').trim(),
    };
  };
  type Focus = NonNullable<ReturnType<typeof focusNow>>;
  /** Presses Tab (or Shift+Tab) until the focus is where `there` says; fails naming where the focus went. */
  const tabTo = async (page: Page, what: string, there: (f: Focus) => boolean, key: 'Tab' | 'Shift+Tab' = 'Tab') => {
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press(key);
      const f = await page.evaluate(focusNow);
      if (f && there(f)) return;
      seen.push(f ? `${f.tag}#${f.id}[${f.testId}]` : '(none)');
    }
    throw new Error(`${what} is not reached by ${key}: the focus went ${seen.join(' → ')}`);
  };
  /** The active item of the cascader's `column`-th open column (0: counties). */
  const cascaderActive = (page: Page, column: number) =>
    page
      .locator('.ant-cascader-menu')
      .nth(column)
      .locator('.ant-cascader-menu-item-active')
      .textContent({ timeout: 2000 })
      .catch(() => '');

  it('registers with the keyboard alone (Tab, typing, arrows, Enter)', async () => {
    const clerk = await signedIn('county-bureau-clerk');
    await clerk.goto(`${world.url}/register`);
    await clerk.getByTestId('subject').waitFor();
    const k = clerk.keyboard;
    // 来源渠道: 来访 → 来信 with the arrows.
    await tabTo(clerk, '来源渠道', (f) => f.id === 'channel');
    await k.press('ArrowDown');
    await clerk.locator('.ant-select-dropdown:visible').waitFor();
    await k.press('ArrowDown');
    await k.press('Enter');
    await clerk
      .locator('.ant-form-item', { has: clerk.locator('#channel') })
      .getByTitle('来信', { exact: true })
      .waitFor();
    await tabTo(clerk, '问题类别', (f) => f.id === 'category');
    await k.type('其他');
    await k.press('Enter');
    await tabTo(clerk, '事由', (f) => f.testId === 'subject');
    await k.type('邻县养殖场污水排入河道');
    await k.press('Tab');
    await k.type('封丘县某养殖场长期将污水直排河道，下游延津县村民饮水受影响，请求查处。');
    // Back to the place picker (before 事由) and down its counties to 封丘县; Enter takes the county alone.
    await tabTo(clerk, '问题发生地', (f) => f.testId === 'place-picker', 'Shift+Tab');
    await k.press('ArrowDown');
    await clerk.locator('.ant-cascader-menu').first().waitFor();
    for (let i = 0; i < 30 && (await cascaderActive(clerk, 0)) !== '封丘县'; i++) await k.press('ArrowDown');
    expect(await cascaderActive(clerk, 0)).toBe('封丘县');
    await k.press('Enter');
    // The picker also holds a hidden aria-live copy of the chosen label: wait for the visible one.
    await clerk.getByTestId('place-picker').getByText('封丘县', { exact: true }).filter({ visible: true }).first().waitFor();
    await tabTo(clerk, '姓名', (f) => f.id === 'petitioner_name');
    await k.type('孙八');
    await k.press('Tab');
    await k.type('410726199001011234');
    // 人数: the radio group, 个人 → 集体 with the arrow; the head count and one representative (the add button by Enter).
    await tabTo(clerk, '人数', (f) => f.id === 'kind');
    await k.press('ArrowRight');
    await clerk.locator('#headCount').waitFor();
    await tabTo(clerk, '集体人数', (f) => f.id === 'headCount');
    await k.type('8');
    await tabTo(clerk, '增加代表', (f) => f.text === '增加代表（不超过 5 人）');
    await k.press('Enter');
    await tabTo(clerk, '代表姓名', (f) => f.id === 'representatives_0_name', 'Shift+Tab');
    await k.type('孙八');
    await tabTo(clerk, '登记', (f) => f.testId === 'register-submit');
    await clerk.screenshot({ path: `${SHOTS}/console-register-keyboard.png`, fullPage: true });
    await k.press('Enter');

    unmatchedNumber = (await explained(clerk, '键盘登记', () => clerk.getByTestId('case-number').textContent({ timeout: 30000 }))) ?? '';
    expect(unmatchedNumber).toMatch(/^410726-\d{4}-\d{6}$/);
    await clerk.getByText('集体访，8 人（代表 1 人）', { exact: true }).waitFor();
    await clerk.getByText('孙八（证件 410726********1234，电话 —）').waitFor();
    await clerk.screenshot({ path: `${SHOTS}/console-receipt-keyboard.png` });
    await clerk.context().close();
  });

  it('dispatches the unmatched case from the county bureau’s desk to 丰庄镇, whose inbox then holds it', async () => {
    expect(unmatchedNumber).toMatch(/^410726-\d{4}-\d{6}$/);
    const dispatcher = await signedIn('county-bureau-dispatcher');
    await dispatcher.getByRole('menuitem', { name: '分办台' }).click();
    // Routing puts it on the desk within seconds of the registration; the desk refreshes itself every 15 s.
    const row = dispatcher.locator('.ant-table-row', { hasText: unmatchedNumber });
    await explained(dispatcher, '分办台', () => row.waitFor({ timeout: 60000 }));
    expect(await row.textContent()).toContain('无规则可依');
    expect(await row.textContent()).toContain('邻县养殖场污水排入河道');
    await dispatcher.screenshot({ path: `${SHOTS}/console-desk.png` });

    await row.getByRole('button', { name: /^分\s*办$/ }).click();
    const modal = dispatcher.locator('.ant-modal', { hasText: `分办 ${unmatchedNumber}` });
    await modal.getByLabel('承办单位').click();
    await dispatcher.keyboard.type('丰庄镇人民政府');
    await dispatcher.locator('.ant-select-item-option', { hasText: '丰庄镇人民政府' }).first().click();
    await modal.getByLabel('分办理由').fill('经核实，养殖场位于丰庄镇与封丘县交界处的丰庄镇一侧，转丰庄镇人民政府查处。');
    await dispatcher.screenshot({ path: `${SHOTS}/console-desk-dispatch.png` });
    await explained(dispatcher, '分办', async () => {
      await modal.getByRole('button', { name: /^分\s*办$/ }).click();
      await row.waitFor({ state: 'detached', timeout: 30000 });
    });

    const township = await signedIn('fengzhuang-clerk');
    await township.getByTestId('signed-in-unit').getByText('丰庄镇人民政府', { exact: true }).waitFor();
    const inboxRow = township.getByTestId('inbox-table').locator('tr', { hasText: unmatchedNumber });
    await explained(township, '丰庄镇收件箱', () => inboxRow.waitFor({ timeout: 60000 }));
    await inboxRow.getByText('邻县养殖场污水排入河道').waitFor();
    expect(await inboxRow.textContent()).toContain('已转送/交办');
    await township.screenshot({ path: `${SHOTS}/console-inbox-after-desk.png` });
  });
});

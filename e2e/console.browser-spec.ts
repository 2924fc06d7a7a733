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
    await clerk.getByLabel('问题类别').click();
    await clerk.keyboard.type('其他');
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('place-picker').click();
    await clerk.locator('.ant-cascader-menu-item', { hasText: '延津县' }).click();
    await clerk.locator('.ant-cascader-menu-item', { hasText: '东屯镇' }).click();
    await clerk.keyboard.press('Escape');
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
    // The timeline is supervision's, which follows the case log over Kafka: reload until it lists the service.
    const served = serving.getByText('case.reply-served');
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
});

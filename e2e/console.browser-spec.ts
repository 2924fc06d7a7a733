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

  async function signedIn(persona: string): Promise<Page> {
    // The browser in another zone than the city: every time shown must still be Beijing time.
    const context = await world.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', timezoneId: 'Europe/London' });
    // The machine is shared: an action may wait for a slow render, not fail on playwright's 30 s default.
    context.setDefaultTimeout(90000);
    const page = await context.newPage();
    await page.goto(`${world.url}/`);
    await page.waitForURL('**/sign-in**');
    await page.getByTestId(`sign-in-${persona}`).click();
    await page.waitForURL('**/inbox');
    return page;
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
    await clerk.getByLabel('问题类别').click();
    await clerk.keyboard.type('其他');
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('place-picker').click();
    await clerk.locator('.ant-cascader-menu-item', { hasText: '延津县' }).click();
    await clerk.locator('.ant-cascader-menu-item', { hasText: '东屯镇' }).click();
    await clerk.keyboard.press('Escape');
    await clerk.screenshot({ path: `${SHOTS}/console-register.png` });
    await clerk.getByTestId('register-submit').click();

    const number = (await clerk.getByTestId('case-number').textContent({ timeout: 30000 })) ?? '';
    expect(number).toMatch(/^410726-\d{4}-\d{6}$/);
    expect(await clerk.getByTestId('query-code').textContent()).toMatch(/^[2-9A-Z]{8}$/);
    // Masked on the receipt: the first six and last four digits of the ID, the first three and last four of the phone.
    await expect(clerk.getByText('李四（证件 410726********1234，电话 138****8000）').count()).resolves.toBe(1);
    await clerk.screenshot({ path: `${SHOTS}/console-receipt.png` });

    const township = await signedIn('dongtun-clerk');
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
    await township.getByTestId('case-actions').getByRole('button', { name: /^签\s*收$/ }).waitFor();
    await township.screenshot({ path: `${SHOTS}/console-case.png`, fullPage: true });
  });
});

import { type Browser, expect, type Page, test } from '@playwright/test';
import { ACCOUNTS, loginByApi, signInWithInitialPassword } from '../support/accounts.ts';

async function pick(page: Page, testId: string, text: string, option: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

async function receiverPage(browser: Browser, baseURL: string | undefined, branchId: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const admin = await browser.newContext({ baseURL });
  expect((await admin.request.post('/api/v1/auth/login', { data: ACCOUNTS.admin })).status()).toBe(200);
  const username = `e2e_recv_${Date.now() % 100000}`;
  const created = await admin.request.post('/api/v1/users', {
    data: {
      username,
      displayName: '接收方书记',
      password: 'Receiver#2026',
      role: 'officer',
      orgId: branchId,
    },
  });
  expect(created.status()).toBe(201);
  await admin.close();
  await signInWithInitialPassword(page.request, username, 'Receiver#2026');
  return page;
}

test('a transfer between two branches: the sender initiates, the receiver accepts, the member moves only then', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  // Two signed-in browsers and two transfers take ≈ 50 s on an idle machine: the default 60 s
  // ran out on a loaded one, mid-way through the accept modal's opening animation ("not stable").
  test.setTimeout(180_000);
  await loginByApi(page, 'branch');
  const branch = (await (await page.request.get('/api/v1/orgs')).json()).items[0] as {
    id: string;
    parentId: string;
  };
  expect((await request.post('/api/v1/auth/login', { data: ACCOUNTS.admin })).status()).toBe(200);
  const siblings = (await (await request.get(`/api/v1/orgs?parentId=${branch.parentId}&pageSize=50`)).json())
    .items as {
    id: string;
    name: string;
    type: string;
  }[];
  const target = siblings.find((o) => o.id !== branch.id && o.type === 'branch');
  expect(target).toBeTruthy();
  if (!target) return;
  const receiver = await receiverPage(browser, baseURL, target.id);
  const members = (await (await page.request.get(`/api/v1/members?orgId=${branch.id}&pageSize=50`)).json())
    .items as {
    id: string;
    name: string;
  }[];
  const mover = members[0];
  const stayer = members[1];
  if (!mover || !stayer) throw new Error('the demo branch has too few members');

  // The sender starts the transfer in the UI.
  await page.goto('/transfers?box=outgoing');
  await page.getByTestId('transfer-create').click();
  // Saving an empty form names each missing choice in Chinese, field by field.
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('请选择党员', { exact: true })).toBeVisible();
  await expect(page.getByText('请选择接收组织', { exact: true })).toBeVisible();
  await pick(page, 'transfer-member', mover.name, mover.name);
  await pick(page, 'transfer-destination', target.name.slice(-8, -4), target.name);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  const outgoing = page.getByTestId('transfers-outgoing');
  await expect(outgoing.locator('tr', { hasText: mover.name })).toContainText('待接收');

  // In transit the member is still the sender's, not yet the receiver's.
  const has = (list: { items: { id: string }[] }) => list.items.some((m) => m.id === mover.id);
  const q = encodeURIComponent(mover.name);
  const inSender = async () =>
    has(await (await page.request.get(`/api/v1/members?orgId=${branch.id}&q=${q}`)).json());
  const inReceiver = async () => has(await (await receiver.request.get(`/api/v1/members?q=${q}`)).json());
  expect(await inSender()).toBe(true);
  expect(await inReceiver()).toBe(false);

  // The receiver sees it under 待接收 and accepts.
  await receiver.goto('/transfers');
  const incoming = receiver.getByTestId('transfers-incoming');
  const row = incoming.locator('tr', { hasText: mover.name });
  await expect(row).toBeVisible();
  await row.getByTestId('transfer-accept').click();
  await receiver
    .getByTestId('transfer-action-form')
    .getByRole('button', { name: /接\s*收/ })
    .click();
  await expect(incoming.locator('tr', { hasText: mover.name })).toHaveCount(0);
  expect(await inReceiver()).toBe(true);
  expect(await inSender()).toBe(false);
  await receiver.getByTestId('transfer-state').getByText('已办结').click();
  await expect(incoming.locator('tr', { hasText: mover.name })).toContainText('已接收');

  // A second transfer is returned with a reason; the sender sees why, and keeps the member.
  const sent = await page.request.post('/api/v1/transfers', {
    data: { memberId: stayer.id, toOrgId: target.id, reason: 'other', issuedOn: '2026-11-01' },
  });
  expect(sent.status()).toBe(201);
  await receiver.goto('/transfers');
  const second = incoming.locator('tr', { hasText: stayer.name });
  await second.getByTestId('transfer-return').click();
  await receiver.getByTestId('transfer-reason').fill('本人工作单位未变动，请核实');
  await receiver
    .getByTestId('transfer-action-form')
    .getByRole('button', { name: /退\s*回/ })
    .click();
  await expect(incoming.locator('tr', { hasText: stayer.name })).toHaveCount(0);
  await page.goto('/transfers?box=outgoing&state=closed');
  await expect(page.getByTestId('transfers-outgoing').locator('tr', { hasText: stayer.name })).toContainText(
    '本人工作单位未变动',
  );
  await receiver.context().close();
});

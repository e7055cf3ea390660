import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { computeCheckChar } from '../../packages/shared/src/idNumber/citizenId.ts';
import { ACCOUNTS, loginByApi } from '../support/accounts.ts';

function citizenId(birth: string, seq: number): string {
  const body = `110101${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + computeCheckChar(body);
}

async function typeDate(page: Page, label: string, date: string) {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(date);
  // Tab, not Enter: Enter in any field submits the dialog's form.
  await input.press('Tab');
}

async function recordStep(api: APIRequestContext, personId: string, body: Record<string, unknown>) {
  const person = await (await api.get(`/api/v1/development/people/${personId}`)).json();
  const res = await api.post(`/api/v1/development/people/${personId}/steps`, {
    data: { ...body, version: person.version },
  });
  expect(res.status(), JSON.stringify(await res.json())).toBe(200);
}

test('a branch takes an applicant through all 25 steps to full member, with a refusal citing its article', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  // Twenty steps go through the API on the embedded engine: give the test more than the default minute.
  test.setTimeout(240_000);
  // The county (admin) gives the township above the demo branch the authority to approve (D7).
  await loginByApi(page, 'branch');
  const branch = (await (await page.request.get('/api/v1/orgs')).json()).items[0] as {
    id: string;
    name: string;
  };
  expect((await request.post('/api/v1/auth/login', { data: ACCOUNTS.admin })).status()).toBe(200);
  const ancestors = (await (await request.get(`/api/v1/orgs/${branch.id}`)).json()).ancestors as {
    id: string;
  }[];
  const township = ancestors.at(-1);
  expect(township).toBeTruthy();
  const grant = await request.post(`/api/v1/development/authorities/${township?.id}`, {
    data: { grantedOn: '2020-01-01', basis: '县委组织部授权' },
  });
  expect(grant.status()).toBe(200);

  // Step 1 in the UI.
  await page.goto('/development');
  await expect(page.getByTestId('development-board')).toBeVisible();
  await page.getByTestId('development-create').click();
  const form = page.getByTestId('development-create-form');
  await page.getByTestId('development-create-org').click();
  await page.keyboard.type(branch.name.slice(-8, -4));
  await page.locator(`.ant-select-item-option[title="${branch.name}"]`).click();
  await form.getByLabel('姓名').fill('端到端申请人');
  await form.getByLabel('公民身份号码').fill(citizenId('1994-04-04', 911));
  await typeDate(page, '递交入党申请书日期', '2023-03-01');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page).toHaveURL(/\/development\/people\//);
  await expect(page.getByTestId('person-stage')).toHaveText('入党申请人');
  await expect(page.getByTestId('deadlines')).toContainText('已超期');
  const personId = page.url().split('/').at(-1) ?? '';

  // A talk more than a month after the application is refused, citing 第七条; the right date is kept.
  await page.getByTestId('record-step-2').click();
  await typeDate(page, '办理日期', '2023-04-15');
  await page.getByTestId('step-responsible').fill('支部书记');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('rule-violation')).toContainText('第七条');
  await expect(page.getByTestId('rule-violation')).toContainText('2023-04-01 前派人谈话');
  await typeDate(page, '办理日期', '2023-03-20');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('step-2-status')).toHaveText('已完成');
  await expect(page.getByTestId('record-step-3')).toBeVisible();

  // Steps 3–16 through the API (branch, and the township for its pre-review).
  const townContext = await browser.newContext({ baseURL });
  const town = await townContext.newPage();
  await loginByApi(town, 'township');
  const full = (
    await (await page.request.get(`/api/v1/members?orgId=${branch.id}&status=full&pageSize=5`)).json()
  ).items.map((m: { id: string }) => m.id) as string[];
  const vote = { expected: 20, present: 16, yes: 15, no: 1, abstain: 0, votingFullMembers: 20 };
  for (const [api, body] of [
    [page.request, { step: 3, occurredOn: '2023-04-10' }],
    [page.request, { step: 4, occurredOn: '2023-04-15' }],
    [page.request, { step: 5, occurredOn: '2023-04-20', mentorIds: full.slice(0, 1) }],
    [page.request, { step: 6, occurredOn: '2023-10-20' }],
    [page.request, { step: 7, occurredOn: '2024-05-01' }],
    [page.request, { step: 8, occurredOn: '2024-05-08' }],
    [page.request, { step: 9, occurredOn: '2024-05-10', sponsorIds: full.slice(0, 2) }],
    [page.request, { step: 10, occurredOn: '2024-05-20', conclusion: '合格' }],
    [page.request, { step: 11, occurredOn: '2024-06-01', trainingDays: 3 }],
    [page.request, { step: 12, occurredOn: '2024-06-15' }],
    [town.request, { step: 13, occurredOn: '2024-06-25', actingOrgId: township?.id }],
    [page.request, { step: 14, occurredOn: '2024-07-01' }],
    [page.request, { step: 15, occurredOn: '2024-07-10', vote }],
    [page.request, { step: 16, occurredOn: '2024-07-20', responsible: '镇党委组织委员' }],
  ] as const) {
    await recordStep(api, personId, body);
  }

  // The branch cannot approve; the township approves in the UI and the person joins the register.
  await page.reload();
  await expect(page.getByTestId('record-step-17')).toBeDisabled();
  await town.goto(`/development/people/${personId}`);
  await town.getByTestId('record-step-17').click();
  await expect(town.getByTestId('step-committee')).toContainText('委员会');
  const townDate = town.getByRole('dialog').getByLabel('办理日期');
  await townDate.click();
  await townDate.fill('2024-08-01');
  await townDate.press('Tab');
  await town.getByRole('button', { name: /保\s*存/ }).click();
  await expect(town.getByTestId('person-stage')).toHaveText('预备党员');
  await expect(town.getByTestId('step-17-status')).toHaveText('已完成');
  await town.getByTestId('person-member-link').click();
  await expect(town).toHaveURL(/\/members\//);
  const member = await (
    await town.request.get(`/api/v1/members?q=${encodeURIComponent('端到端申请人')}`)
  ).json();
  expect(member.items[0]).toMatchObject({ status: 'probationary', joinedOn: '2024-07-10' });

  // The board counts the person as a probationary member.
  await page.goto('/development?stage=probationary');
  await expect(page.getByTestId('development-people')).toContainText('端到端申请人');

  // Probation (steps 18–22), then the branch votes to convert in the UI and the township approves.
  for (const [api, body] of [
    [page.request, { step: 18, occurredOn: '2024-08-10' }],
    [page.request, { step: 19, occurredOn: '2024-08-15' }],
    [page.request, { step: 20, occurredOn: '2024-08-20' }],
    [page.request, { step: 21, occurredOn: '2025-01-10' }],
    [page.request, { step: 22, occurredOn: '2025-07-01' }],
  ] as const) {
    await recordStep(api, personId, body);
  }
  await page.goto(`/development/people/${personId}`);
  await page.getByTestId('record-step-23').click();
  await typeDate(page, '办理日期', '2025-07-15');
  for (const [key, value] of Object.entries(vote)) {
    await page.getByTestId(`vote-${key}`).fill(String(value));
  }
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('step-23-status')).toHaveText('已完成');
  await town.goto(`/development/people/${personId}`);
  await town.getByTestId('record-step-24').click();
  await typeDate(town, '办理日期', '2025-08-01');
  await town.getByRole('button', { name: /保\s*存/ }).click();
  await expect(town.getByTestId('step-24-status')).toHaveText('已完成');
  await recordStep(page.request, personId, { step: 25, occurredOn: '2025-08-15' });

  // A full member from the end of probation; party age counts from conversion (D8).
  await page.reload();
  await expect(page.getByTestId('person-stage')).toHaveText('正式党员');
  await expect(page.getByTestId('person-party-age')).toHaveText(/^\d+ 年$/);
  await expect(page.getByText('党龄', { exact: true })).toBeVisible();
  await expect(page.getByTestId('step-11')).toContainText('集中培训天数 3');
  const converted = await (
    await page.request.get(`/api/v1/members?q=${encodeURIComponent('端到端申请人')}`)
  ).json();
  expect(converted.items[0]).toMatchObject({ status: 'full', confirmedOn: '2025-07-10' });
  await townContext.close();
});

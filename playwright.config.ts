import { defineConfig } from '@playwright/test';

// ZHIBU_E2E_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.ZHIBU_E2E_PORT ?? 5399);
const baseURL = `http://127.0.0.1:${port}`;
/** Embedded-engine data of the e2e server; emptied before every start (see webServer.command). */
const dataDir = '.tmp/e2e-data';
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    // API calls from the specs (page.request, request) carry the Origin a browser page would send:
    // the server refuses writes without a same-origin Origin.
    extraHTTPHeaders: { Origin: baseURL },
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium (apt-get install chromium fonts-noto-cjk); no `playwright install`.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    // Playwright starts the webServer *before* globalSetup runs, so the data dir is emptied here,
    // in the same command, rather than in a globalSetup file (a stale zhibu.lock would also block start).
    command:
      `node -e "require('node:fs').rmSync('${dataDir}', { recursive: true, force: true })" && ` +
      `node apps/server/bin/zhibu.mjs start --demo --port ${port} --data ${dataDir}`,
    url: `${baseURL}/api/health`,
    // The specs sign the same demo accounts in many times a minute; the limit has its own test.
    env: {
      ZHIBU_ADMIN_PASSWORD: 'Admin#2026zb',
      ZHIBU_LOGIN_PER_MINUTE: '1000',
      ZHIBU_LOGIN_PER_ADDRESS_PER_MINUTE: '1000',
    },
    reuseExistingServer: false,
    // A new demo database is seeded with its daily work through the services (≈ 4× the bare seed).
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});

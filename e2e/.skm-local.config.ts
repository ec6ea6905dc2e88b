// TEMPORARY (SKM engineer): runs the SKM e2e on its own port/data dir while another run uses 3100.
import base from './playwright.config';
const PORT = 3117;
export default {
  ...base,
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command: `sh -c 'rm -rf /tmp/skm-e2e-data && exec node --import tsx apps/api/src/cli.ts demo'`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      DATA_DIR: '/tmp/skm-e2e-data',
      WEB_DIST: '/tmp/skm-web-dist',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      SKM_MIN_FILL_SECONDS: '1',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  },
};

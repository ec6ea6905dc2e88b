import type { Job } from '@sip/contracts';
import { expect } from 'vitest';
import { eventually, type TestClient } from './helpers';

/** Follows a job as the web app does (GET /api/jobs/:id) until it is finished; returns it. */
export async function finishedJob(client: TestClient, id: string, timeoutMs = 20_000): Promise<Job> {
  let job: Job | undefined;
  await eventually(async () => {
    const res = await client.request('GET', `/api/jobs/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    job = res.json() as Job;
    expect(['completed', 'failed']).toContain(job.state);
  }, timeoutMs);
  return job!;
}

/**
 * Starts a job through its endpoint (202 with the job), waits for it, and downloads its file: the
 * download's response, as the web app gets it.
 */
export async function exportThroughJob(
  client: TestClient,
  method: 'POST' | 'GET',
  url: string,
  body?: unknown,
) {
  const started = await client.request(method, url, body);
  expect(started.statusCode, started.body).toBe(202);
  const job = await finishedJob(client, (started.json() as { job: Job }).job.id);
  expect(job.state, job.error ?? '').toBe('completed');
  expect(job.file).not.toBeNull();
  const file = await client.request('GET', `/api/jobs/${job.id}/file`);
  expect(file.statusCode, file.body).toBe(200);
  return { job, file };
}

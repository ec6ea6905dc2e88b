import type { TestProject } from 'vitest/node';
import { buildTemplate, type TemplateDatabase } from './template-database';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: TemplateDatabase;
  }
}

/** Migrates and seeds the test database once per run; each test file clones it (test/helpers.ts). */
export default async function setup(project: TestProject) {
  const { template, dispose } = await buildTemplate();
  project.provide('templateDatabase', template);
  return dispose;
}

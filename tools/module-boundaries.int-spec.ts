import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

// The module-boundary rule must fail with its own message on the imports the architecture forbids.
// Fixtures are linted as virtual files at real project paths, so the rule sees the real project graph and tags.
const ROOT = resolve(__dirname, '..');

interface LintResult {
  messages: Array<{ ruleId: string | null; message: string }>;
}

// ESLint's CLI (its flat config is ESM, which jest's VM cannot import), fed the fixture on stdin.
async function lint(filePath: string, code: string): Promise<string[]> {
  let output: string;
  try {
    output = execFileSync('npx', ['eslint', '--format', 'json', '--stdin', '--stdin-filename', resolve(ROOT, filePath)], {
      cwd: ROOT,
      input: code,
      env: { ...process.env, NX_DAEMON: 'false' },
      encoding: 'utf8',
    });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  const [result] = JSON.parse(output) as LintResult[];
  return (result?.messages ?? []).filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  beforeAll(() => {
    // The rule reads Nx's cached project graph: compute it first.
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: ROOT, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  });

  it('refuses an app importing another app', async () => {
    const messages = await lint(
      'apps/intake/src/fixture.ts',
      `import { AppModule } from '../../routing/src/app.module';\nexport const m = AppModule;\n`,
    );
    expect(messages).toEqual([
      expect.stringMatching(/Projects cannot be imported by a relative or absolute path|Imports of apps are forbidden/),
    ]);
  });

  it('refuses libs/domain importing typeorm', async () => {
    const messages = await lint('libs/domain/src/fixture.ts', `import { Entity } from 'typeorm';\nexport const e = Entity;\n`);
    expect(messages).toEqual(['A project tagged with "type:domain" is not allowed to import "typeorm"']);
  });

  it('refuses libs/domain importing a package that is not on its allowlist', async () => {
    const messages = await lint('libs/domain/src/fixture.ts', `import { v7 } from 'uuid';\nexport const id = v7;\n`);
    expect(messages).toEqual([expect.stringMatching(/type:domain.*"uuid"|"uuid".*type:domain/)]);
  });

  it('lets libs/domain read the calendar data and zod', async () => {
    const messages = await lint(
      'libs/domain/src/fixture.ts',
      `import { z } from 'zod';\nimport data from 'chinese-days/dist/chinese-days.json';\nexport const s = [z, data];\n`,
    );
    expect(messages).toEqual([]);
  });

  it('refuses libs/domain importing a framework', async () => {
    const messages = await lint(
      'libs/domain/src/fixture.ts',
      `import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n`,
    );
    expect(messages).toEqual(['A project tagged with "type:domain" is not allowed to import "@nestjs/common"']);
  });

  it('refuses libs/domain importing the platform library', async () => {
    const messages = await lint(
      'libs/domain/src/fixture.ts',
      `import { OutboxWriter } from '@sunshine/platform';\nexport const w = OutboxWriter;\n`,
    );
    // platform depends on domain, so the rule reports the cycle this import would close, or the tag constraint.
    expect(messages).toEqual([
      expect.stringMatching(
        /A project tagged with "type:domain" can only depend on libs tagged with "type:contracts"|Circular dependency between "domain" and "platform"/,
      ),
    ]);
  });

  it('refuses libs/contracts importing anything but zod', async () => {
    const messages = await lint('libs/contracts/src/fixture.ts', `import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n`);
    expect(messages).toEqual(['A project tagged with "type:contracts" is not allowed to import "kafkajs"']);
  });

  it('accepts an app importing the libraries by their alias', async () => {
    const messages = await lint('apps/intake/src/fixture.ts', `import { Topics } from '@sunshine/contracts';\nexport const t = Topics;\n`);
    expect(messages).toEqual([]);
  });
});

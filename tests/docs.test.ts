import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('generated documentation', () => {
  it('docs/codebook.md matches the zod schemas', () => {
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-codebook.ts', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

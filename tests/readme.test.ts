/** The README's excerpt is real output, and its quick start names the commands package.json has. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('shows a casualty record exactly as output/ holds it', () => {
    const m = /<!-- excerpt: (\S+) casualties\[(\d+)\] -->\n```json\n([\s\S]*?)\n```/u.exec(readme);
    expect(m).not.toBeNull();
    const doc = JSON.parse(readFileSync(m![1]!, 'utf8'));
    expect(JSON.parse(m![3]!)).toEqual(doc.casualties[Number(m![2])]);
  });

  it('quick start is the two commands, and they exist', () => {
    expect(readme).toContain('```sh\nnpm ci && npm run extract\nnpm test\n```');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.extract).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
  });
});

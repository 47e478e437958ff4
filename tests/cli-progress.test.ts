/** The progress bar: drawn only on a terminal, cleared around problem lines, with an ETA once the total is known. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../src/cli/args.ts';
import { main } from '../src/cli/main.ts';
import { countInputs, createProgress, progressLine } from '../src/cli/progress.ts';
import { stubExtractor } from './fixtures/stub-extractor.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

let tree: TempTree;
beforeEach(() => {
  tree = tempTree();
});
afterEach(() => tree.remove());

describe('progressLine', () => {
  it('shows count and rate when the total is unknown', () => {
    expect(progressLine(1234, undefined, 2, 100)).toBe('conflict-events: 1,234 articles · 617 articles/s');
  });

  it('adds a bar, the percentage and the time left when the total is known', () => {
    expect(progressLine(2500, 10_000, 5, 100)).toBe(
      'conflict-events: [######-----------------]  25% 2,500/10,000 articles · 500 articles/s · 0:15 left',
    );
    expect(progressLine(50, 100_000, 1, 100)).toContain('33:19 left');
    expect(progressLine(50, 1_000_000, 1, 100)).toContain('5:33:19 left');
  });

  it('drops the bar on a narrow terminal', () => {
    expect(progressLine(1, 2, 1, 40)).toBe('conflict-events: 1/2 articles · 1 articles/s · 0:01 left');
    expect(progressLine(1, 1, 1, 40)).toBe('conflict-events: 1/1 article · 1 articles/s · 0:00 left');
  });
});

describe('createProgress', () => {
  it('redraws at most every 100 ms and clears before other output', () => {
    let now = 0;
    const out: string[] = [];
    const bar = createProgress((s) => out.push(s), 80, () => now);
    bar.update(1);
    now = 50;
    bar.update(2); // too soon: not drawn
    now = 150;
    bar.update(3);
    bar.clear();
    bar.clear(); // nothing shown: nothing to clear
    expect(out).toEqual([
      '\r\u001b[Kconflict-events: 1 article · 0 articles/s',
      '\r\u001b[Kconflict-events: 3 articles · 20 articles/s',
      '\r\u001b[K',
    ]);
  });
});

describe('countInputs', () => {
  it('counts files and non-blank JSONL lines, and gives up on stdin and JSON arrays', async () => {
    tree.write({ 'd/a.txt': 'x', 'd/b.json': ' {"text":"y"}', 'd/sub/c.jsonl': '{}\n\n  \n{}\r\n{}', 'arr.json': '[{"text":"z"}]' });
    expect(await countInputs(['d', 'missing.txt'], tree.root, [])).toBe(6);
    expect(await countInputs(['d', '-'], tree.root, [])).toBeUndefined();
    expect(await countInputs(['arr.json'], tree.root, [])).toBeUndefined();
  });
});

describe('extract with a terminal', () => {
  async function runTTY(argv: string[], tty: boolean): Promise<string> {
    let stderr = '';
    await main(argv, { cwd: tree.root, extractor: stubExtractor(), stderr: (s) => void (stderr += s), stderrIsTTY: tty, stderrColumns: 100, batchSize: 1 });
    return stderr;
  }

  it('draws the bar on a terminal, clears it for problem lines and ends with the summary alone', async () => {
    tree.write({ 'in/a.txt': 'x', 'in/b.txt': '' });
    const stderr = await runTTY(['in', '-o', 'out'], true);
    expect(stderr).toContain('\r\u001b[K');
    expect(stderr).toMatch(/\r\u001b\[Kconflict-events: in\/b\.txt: file is empty\n/u);
    expect(stderr).toMatch(/\r\u001b\[Kconflict-events: 1 article ok, 1 failed; [^\r]*\n$/u);
  });

  it('stays silent when stderr is not a terminal, and with --quiet', async () => {
    tree.write({ 'a.txt': 'x' });
    expect(await runTTY(['a.txt', '-o', 'out'], false)).not.toContain('\r');
    expect(await runTTY(['a.txt', '-o', 'out', '-q'], true)).toBe('');
  });
});

describe('--jobs', () => {
  const exists = (): boolean => false;
  it('defaults to the number of cores and takes a positive whole number', () => {
    const parsed = parseCommand(['a.txt'], exists);
    expect(parsed.kind === 'extract' && parsed.options.jobs).toBeGreaterThanOrEqual(1);
    const three = parseCommand(['a.txt', '-j', '3'], exists);
    expect(three.kind === 'extract' && three.options.jobs).toBe(3);
    for (const bad of ['0', '10000', 'two', '1.5', '']) {
      expect(parseCommand(['a.txt', '--jobs', bad], exists)).toEqual({
        kind: 'usage_error', message: `--jobs needs a whole number of threads from 1, got '${bad}'`,
      });
    }
  });
});

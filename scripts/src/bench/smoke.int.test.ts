/**
 * The load harness's smoke run (`npm run bench -- --smoke`): every part of the bench runs
 * once, tiny, against the real processes, and its results file is complete. Timings are
 * never judged here — the real figures come from `npm run bench` on a quiet machine.
 */
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResults } from './report/results.js';

const RUN = fileURLToPath(new URL('../../dist/bench/run.js', import.meta.url));

function runBench(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('npm run bench -- --smoke', () => {
  it('drives Scrawl, the three baselines, two instances on Redis and the cold loads, losing nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'scrawl-bench-smoke-'));
    const { code, output } = await runBench(['--smoke', '--no-pin', '--out', out]);
    if (code !== 0) throw new Error(`the smoke run exited with ${String(code)}:\n${output}`);
    expect(output).toContain('smoke: the harness ran every part and its output is sane.');

    const json = readdirSync(out).find((name) => name.endsWith('.json'));
    expect(json).toBeDefined();
    expect(readdirSync(out).sort()).toEqual(
      ['json', 'md', 'svg'].map((ext) => json!.replace(/json$/, ext)).sort(),
    );
    const results = JSON.parse(readFileSync(join(out, json!), 'utf8')) as BenchResults;
    expect(results.sweeps.map((s) => s.kind).sort()).toEqual([
      'hocuspocus',
      'json',
      'scrawl',
      'ywebsocket',
    ]);
    const steps = [...results.sweeps.flatMap((s) => s.steps), results.redis!];
    for (const step of steps) {
      expect(step.latency.count).toBeGreaterThan(0);
      expect(step.lostPoints).toBe(0);
      expect(step.unfinishedStrokes).toBe(0);
    }
    expect(results.redis?.instances).toBe(2);
    expect(results.cold.map((c) => c.store).sort()).toEqual(['redis', 'sql']);
    const report = readFileSync(join(out, json!.replace(/json$/, 'md')), 'utf8');
    expect(report).toContain('y-websocket');
    expect(report).toContain('Hocuspocus alone');
  }, 180_000);
});

import autocannon from 'autocannon';
import type { Scenario } from './load.scenarios.ts';

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * A bounded soak: every scenario but login (argon2 would dominate the mix) in rotation on each connection,
 * at a moderate concurrency, with the process memory sampled every few seconds. The growth over the second
 * half is the figure to watch: the first half includes warm-up (JIT, caches, PGlite's buffer pool).
 */
export async function soak(base: string, scenarios: Scenario[], seconds: number) {
  const requests = scenarios
    .filter((s) => s.name !== 'login')
    .map((s) => {
      const u = new URL(s.request.url!);
      return { method: s.request.method ?? 'GET', path: u.pathname + u.search, headers: s.request.headers, body: s.request.body };
    });
  const samples: { t: number; rss: number; heap: number }[] = [];
  const sample = () => {
    const m = process.memoryUsage();
    samples.push({ t: Date.now(), rss: m.rss, heap: m.heapUsed });
  };
  sample();
  const timer = setInterval(sample, 5000);
  try {
    const result = await autocannon({
      url: base,
      requests: requests as autocannon.Request[],
      connections: 8,
      duration: seconds,
      timeout: 10,
    });
    sample();
    const first = samples[0];
    const mid = samples[Math.floor(samples.length / 2)];
    const last = samples[samples.length - 1];
    return {
      seconds,
      connections: 8,
      requests: result.requests.total,
      requestsPerSec: Math.round(result.requests.average),
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      rssStartMb: mb(first.rss),
      rssEndMb: mb(last.rss),
      rssPeakMb: mb(Math.max(...samples.map((s) => s.rss))),
      heapStartMb: mb(first.heap),
      heapEndMb: mb(last.heap),
      rssGrowthSecondHalfMb: mb(last.rss - mid.rss),
      heapGrowthSecondHalfMb: mb(last.heap - mid.heap),
    };
  } finally {
    clearInterval(timer);
  }
}

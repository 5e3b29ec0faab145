import autocannon from 'autocannon';
import { percentile } from '../support.ts';

export interface StepFigures {
  connections: number;
  requestsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  requests: number;
}

/**
 * One autocannon run. Latencies are collected per response, because autocannon's own histogram has no p95.
 */
export function fire(opts: autocannon.Options): Promise<StepFigures> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon({ timeout: 10, ...opts }, (err, r) => {
      if (err) return reject(err);
      resolve({
        connections: opts.connections ?? 10,
        requestsPerSec: Math.round(r.requests.average),
        p50Ms: round(percentile(latencies, 50)),
        p95Ms: round(percentile(latencies, 95)),
        p99Ms: round(percentile(latencies, 99)),
        errors: r.errors + r.timeouts + r.non2xx,
        requests: r.requests.total,
      });
    });
    instance.on('response', (_client, _status, _bytes, ms: number) => latencies.push(ms));
  });
}

const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : -1);

import type { ModuleAccessMatrix } from './access-matrix.ts';

/** Routes the app itself registers (not a module): API docs, health and metrics. */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'core',
  setup: async () => ({ values: {}, markers: [] }),
  routes: {
    'GET /api/docs': { kind: 'public', why: 'API documentation UI: the route shapes, no data' },
    'GET /api/docs/static/index.html': { kind: 'public', why: 'API documentation UI asset' },
    'GET /api/docs/static/swagger-initializer.js': { kind: 'public', why: 'API documentation UI asset' },
    'GET /api/docs/json': { kind: 'public', why: 'OpenAPI description: the route shapes, no data' },
    'GET /api/docs/yaml': { kind: 'public', why: 'OpenAPI description: the route shapes, no data' },
    'GET /api/docs/static/*': { kind: 'public', why: 'API documentation UI assets' },
    'GET /api/openapi.json': { kind: 'public', why: 'OpenAPI description: the route shapes, no data' },
    'GET /metrics': {
      kind: 'public',
      why: 'Prometheus scrape: counts by route pattern, never ids or people; operators keep it off the public proxy',
    },
    'GET /healthz': { kind: 'public', why: 'liveness probe' },
    'GET /readyz': { kind: 'public', why: 'readiness probe: database reachable or not' },
  },
};

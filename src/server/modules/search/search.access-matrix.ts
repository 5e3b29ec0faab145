import type { ModuleAccessMatrix } from '../../test/access-matrix.ts';

/**
 * How search's routes answer outsiders (issue #12; format in src/server/test/access-matrix.ts). Searching is
 * open to every signed-in user; the library's private draft (its markers) must never surface.
 */
export const accessMatrix: ModuleAccessMatrix = {
  module: 'search',
  setup: async () => ({ values: {}, markers: [] }),
  routes: {
    'GET /api/v1/resources/search': { kind: 'scoped-list', query: () => ({ q: 'AI' }) },
    'GET /api/v1/resources/suggest': { kind: 'scoped-list', query: () => ({ q: 'A' }) },
  },
};

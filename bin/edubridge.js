#!/usr/bin/env node
// The `edubridge` command. TypeScript runs through tsx's loader: one source of truth, no build step for
// the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

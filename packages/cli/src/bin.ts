#!/usr/bin/env node
import { main } from './main.js';

// `pnpm ladder ...` runs in the repository root; relative paths the user typed are relative to
// where they typed them.
if (process.env.npm_lifecycle_event === 'ladder' && process.env.INIT_CWD !== undefined) process.chdir(process.env.INIT_CWD);

process.exitCode = await main(process.argv.slice(2));

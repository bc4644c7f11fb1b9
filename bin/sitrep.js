#!/usr/bin/env node
// The sources are TypeScript run through tsx, so there is no build step to forget or go stale.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");

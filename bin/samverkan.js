#!/usr/bin/env node
// The command-line entry: runs the TypeScript CLI through tsx, so `npx samverkan …` needs no build step.
import {register} from "tsx/esm/api";
register();
const {main} = await import("../loaders/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));

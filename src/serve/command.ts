/** `sitrep serve`: the API and web page over a store, until interrupted. */
import { DEFAULT_DB } from "../store/index.ts";
import { SERVE_DEFAULTS, startServer } from "./api.ts";

export interface ServeCommandOptions {
  db?: string;
  port?: string | number;
  host?: string;
}

export async function serveCommand(opts: ServeCommandOptions): Promise<void> {
  const port = Number(opts.port ?? SERVE_DEFAULTS.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${opts.port}`);
  const server = await startServer({ db: opts.db ?? DEFAULT_DB, port, host: opts.host ?? SERVE_DEFAULTS.host });
  process.stderr.write(`sitrep: serving ${opts.db ?? DEFAULT_DB} at ${server.url} (API: ${server.url}/openapi.json); Ctrl-C stops\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

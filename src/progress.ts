/**
 * Progress for long work: a bar with items, rate, ETA and errors on an interactive terminal
 * (stderr is a TTY and stdout is not, so the bar never interleaves with records), silent in pipes and CI.
 */
import cliProgress from "cli-progress";

export interface Progress {
  tick(ok: boolean): void;
  stop(): void;
}

const SILENT: Progress = { tick() {}, stop() {} };

export function startProgress(total: number, label: string): Progress {
  const interactive = process.stderr.isTTY && !process.stdout.isTTY && !process.env.CI;
  if (!interactive || total < 2) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | errors {errors}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  let errors = 0;
  bar.start(total, 0, { rate: "0.0", errors: 0 });
  return {
    tick(ok) {
      done++;
      if (!ok) errors++;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(done, { rate: (done / seconds).toFixed(1), errors });
    },
    stop() {
      bar.stop();
    },
  };
}

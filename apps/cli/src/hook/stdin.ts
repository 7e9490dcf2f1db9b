import { read } from "node:fs";

/** Result of reading the hook input */
export type TStdinResult = { kind: "ok"; text: string } | { kind: "oversize" } | { kind: "timeout" } | { kind: "error"; message: string };

/**
 * Reads fd 0 to EOF with plain fs reads (no stream machinery: faster start-up), bounded in size
 * and time. Never rejects
 */
export function readStdinBounded(opts: { maxBytes: number; timeoutMs: number }): Promise<TStdinResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (result: TStdinResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => finish({ kind: "timeout" }), opts.timeoutMs);
    const next = (): void => {
      const buffer = Buffer.allocUnsafe(64 * 1024);
      read(0, buffer, 0, buffer.length, null, (error, bytes) => {
        if (settled) return;
        if (error) {
          if (error.code === "EAGAIN") {
            setTimeout(next, 2);

            return;
          }
          if (error.code === "EOF") {
            finish({ kind: "ok", text: Buffer.concat(chunks, total).toString("utf8") });

            return;
          }
          finish({ kind: "error", message: error.code ?? error.message });

          return;
        }
        if (bytes === 0) {
          finish({ kind: "ok", text: Buffer.concat(chunks, total).toString("utf8") });

          return;
        }
        total += bytes;
        if (total > opts.maxBytes) {
          finish({ kind: "oversize" });

          return;
        }
        chunks.push(buffer.subarray(0, bytes));
        next();
      });
    };
    next();
  });
}

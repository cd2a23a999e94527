/**
 * Structured logs with pino: JSON lines on stderr (journald keeps them; stdout stays free for the
 * results of stdin/CLI commands). Synchronous writes so nothing is lost when the process exits.
 */
import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

export function createLogger(level: LogLevel = 'info', destinationFd = 2): Logger {
  return pino(
    { name: 'needle-agent', level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: destinationFd, sync: true }),
  );
}

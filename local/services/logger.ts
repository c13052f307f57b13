/**
 * Logger and the sandbox console, both writing to one list of entries that tests read.
 * Logger.log(format, ...values) formats like Utilities.formatString, as Apps Script does.
 */
import type { ExecutionContext } from '../context';
import type { Clock } from './clock';
import { formatString } from './utilities';

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
  at: Date;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (value instanceof Date) return value.toString();
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export class FakeLogger implements GoogleAppsScript.Base.Logger {
  readonly entries: LogEntry[] = [];
  /** Echo to the Node console as well (for the demo); tests keep it quiet. */
  echo = false;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly clock: Clock,
  ) {}

  record(source: LogEntry['source'], level: LogEntry['level'], message: string): void {
    this.entries.push({ source, level, message, at: this.clock.date() });
    if (this.echo) console[level === 'log' ? 'log' : level](`[${source}] ${message}`);
  }

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.ctx.call('Logger.log', 'free');
    const message =
      values.length > 0 && typeof data === 'string' ? formatString(data, ...values) : show(data);
    this.record('Logger', 'log', message);
    return this;
  }

  getLog(): string {
    this.ctx.call('Logger.getLog', 'free');
    return this.entries
      .filter((e) => e.source === 'Logger')
      .map((e) => `${e.message}\n`)
      .join('');
  }

  clear(): void {
    this.ctx.call('Logger.clear', 'free');
    for (let i = this.entries.length - 1; i >= 0; i--) {
      if (this.entries[i].source === 'Logger') this.entries.splice(i, 1);
    }
  }

  /** Messages only, for assertions. */
  messages(source?: LogEntry['source']): string[] {
    return this.entries.filter((e) => !source || e.source === source).map((e) => e.message);
  }

  /** A console for the sandbox (Apps Script V8 has console.* writing to the execution log). */
  createConsole(): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
    const write =
      (level: LogEntry['level']) =>
      (...args: unknown[]): void =>
        this.record('console', level, args.map(show).join(' '));
    return {
      log: write('log'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      debug: write('debug'),
    };
  }
}

// One supervised child process: a bundle (.mjs) run by Node, or a TypeScript entry run through tsx;
// output appended to its own log file,
// restarted with backoff when it exits unexpectedly, stopped with SIGTERM (SIGKILL after a grace period).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import {
  DEFAULT_RESTART_POLICY,
  initialRestartState,
  onCrash,
  type RestartPolicy,
  type RestartState,
} from '../core/restart-policy';

export type ProcessState = 'starting' | 'running' | 'backoff' | 'stopping' | 'stopped';

export interface ManagedProcessOptions {
  name: string;
  /** Script to run: a bundle (.mjs/.js) with plain `node`, a .ts file with `node --import tsx`. */
  entry: string;
  args?: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  policy?: RestartPolicy;
  /** Grace period between SIGTERM and SIGKILL. */
  stopTimeoutMs?: number;
  onEvent?: (event: { name: string; kind: 'started' | 'exited' | 'restarting'; detail: string }) => void;
}

export interface ProcessStatus {
  name: string;
  state: ProcessState;
  pid: number | null;
  restarts: number;
  lastExit: string | null;
  startedAt: number | null;
}

export class ManagedProcess {
  private child: ChildProcess | null = null;
  private log: WriteStream;
  private state: ProcessState = 'stopped';
  private restart: RestartState = initialRestartState();
  private startedAt: number | null = null;
  private lastExit: string | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private exitWaiters: (() => void)[] = [];

  constructor(private readonly opts: ManagedProcessOptions) {
    this.log = createWriteStream(opts.logFile, { flags: 'a' });
  }

  status(): ProcessStatus {
    return {
      name: this.opts.name,
      state: this.state,
      pid: this.child?.pid ?? null,
      restarts: this.restart.totalRestarts,
      lastExit: this.lastExit,
      startedAt: this.startedAt,
    };
  }

  start(): void {
    if (this.state === 'stopping') return;
    this.state = 'starting';
    const loader = this.opts.entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const child = spawn(process.execPath, [...loader, this.opts.entry, ...(this.opts.args ?? [])], {
      cwd: this.opts.cwd,
      env: this.opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.startedAt = Date.now();
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    child.once('spawn', () => {
      this.state = 'running';
      this.opts.onEvent?.({ name: this.opts.name, kind: 'started', detail: `pid ${child.pid}` });
    });
    child.once('error', (err) => this.log.write(`[supervisor] spawn error: ${err.message}\n`));
    child.once('exit', (code, signal) => this.onExit(code, signal));
  }

  /** Kills the process the hard way (tests and fault drills). The supervisor restarts it. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    this.child?.kill(signal);
  }

  async stop(): Promise<void> {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    this.state = 'stopping';
    if (child === null || child.exitCode !== null || child.signalCode !== null) {
      this.state = 'stopped';
      this.log.end();
      return;
    }
    const exited = new Promise<void>((resolve) => this.exitWaiters.push(resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      this.log.write(
        `[supervisor] ${this.opts.name} did not stop within ${this.stopTimeoutMs()} ms: SIGKILL\n`,
      );
      child.kill('SIGKILL');
    }, this.stopTimeoutMs());
    await exited;
    clearTimeout(timer);
    this.log.end();
  }

  private stopTimeoutMs(): number {
    return this.opts.stopTimeoutMs ?? 12_000;
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    const ranMs = Date.now() - (this.startedAt ?? Date.now());
    this.child = null;
    this.lastExit = signal !== null ? `signal ${signal}` : `code ${code}`;
    this.log.write(`[supervisor] ${this.opts.name} exited (${this.lastExit}) after ${ranMs} ms\n`);
    this.opts.onEvent?.({ name: this.opts.name, kind: 'exited', detail: this.lastExit });
    if (this.state === 'stopping') {
      this.state = 'stopped';
      for (const w of this.exitWaiters.splice(0)) w();
      return;
    }
    const { state, delayMs } = onCrash(this.restart, ranMs, this.opts.policy ?? DEFAULT_RESTART_POLICY);
    this.restart = state;
    this.state = 'backoff';
    this.opts.onEvent?.({ name: this.opts.name, kind: 'restarting', detail: `in ${delayMs} ms` });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start();
    }, delayMs);
  }
}

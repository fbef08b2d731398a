import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A child process whose stdout is read line by line, with a way to wait for a line. */
export interface Child {
  process: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
  /** Resolves when a line matches (true), or the child exits first (false). */
  waitFor(test: (line: string) => boolean, timeoutMs?: number): Promise<boolean>;
  kill(): Promise<void>;
}

export function startChild(script: string, args: string[]): Child {
  const path = fileURLToPath(new URL(`./children/${script}`, import.meta.url));
  const child = spawn(process.execPath, [path, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let rest = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() as string;
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (code !== 0 && code !== null && stderr) process.stderr.write(`${script}: ${stderr}\n`);
      for (const wake of waiters) wake();
      resolve(code);
    }),
  );
  let done = false;
  void exited.then(() => (done = true));
  return {
    process: child,
    lines,
    exited,
    waitFor(test, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${script}: no matching line in ${timeoutMs} ms; stderr: ${stderr}`));
        }, timeoutMs);
        const check = () => {
          for (; seen < lines.length; seen++) {
            if (test(lines[seen] as string)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(true);
              return;
            }
          }
          if (done) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(false);
          }
        };
        waiters.add(check);
        check();
      });
    },
    async kill() {
      if (!done) child.kill('SIGKILL');
      await exited;
    },
  };
}

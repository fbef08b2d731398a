import { useEffect, useState } from 'react';

/** How often a running job (an import, a bundle being written) is asked how far it is. */
const POLL_MS = 300;

export interface PolledJob<T> {
  /** The latest answer, null until the first. */
  job: T | null;
  cancelling: boolean;
  error: unknown;
  /** Asks the job to stop; the polling goes on until it says it has ended. */
  cancel: () => void;
}

/**
 * Polls a background job until it is no longer running, then hands its last state on. `read` and
 * `stop` are called with the job's id; `onEnded` once, with the ended job.
 */
export function usePolledJob<T extends { state: string }>(
  jobId: number,
  read: (jobId: number) => Promise<T>,
  stop: (jobId: number) => Promise<unknown>,
  onEnded: (job: T) => void,
): PolledJob<T> {
  const [job, setJob] = useState<T | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await read(jobId);
        if (stopped) return;
        setJob(next);
        if (next.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
        else onEnded(next);
      } catch (caught) {
        if (!stopped) setError(caught);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, read, onEnded]);

  const cancel = () => {
    setCancelling(true);
    stop(jobId).catch((caught: unknown) => {
      setCancelling(false);
      setError(caught);
    });
  };
  return { job, cancelling, error, cancel };
}

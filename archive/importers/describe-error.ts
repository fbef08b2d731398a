/** An error as a report line says it: file-system codes in words, else the error's own message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file or folder';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    return error.message;
  }
  return String(error);
}

/** The archive file was written by a newer Archive Reader: opening it could damage it. */
export class ArchiveTooNewError extends Error {
  readonly fileVersion: number;
  readonly appVersion: number;
  constructor(path: string, fileVersion: number, appVersion: number) {
    super(
      `The archive ${path} was created by a newer version of Archive Reader (schema ${fileVersion}; ` +
        `this version understands up to ${appVersion}). Update Archive Reader to open it.`,
    );
    this.name = 'ArchiveTooNewError';
    this.fileVersion = fileVersion;
    this.appVersion = appVersion;
  }
}

/** The file exists but is not an archive (not SQLite, or damaged). */
export class NotAnArchiveError extends Error {
  constructor(path: string, cause: unknown) {
    super(`${path} is not an Archive Reader archive: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'NotAnArchiveError';
  }
}

/** The archive is damaged and could not be repaired (no sound backup); it has been left as it was. */
export class ArchiveDamagedError extends Error {
  readonly problems: string[];
  constructor(path: string, problems: string[], detail: string) {
    super(
      `The archive ${path} is damaged (${problems.slice(0, 3).join('; ')}) and ${detail}. ` +
        'It has been left as it is: copy it somewhere safe before trying anything else.',
    );
    this.name = 'ArchiveDamagedError';
    this.problems = problems;
  }
}

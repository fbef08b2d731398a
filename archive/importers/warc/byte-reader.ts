const EMPTY = Buffer.alloc(0);

/**
 * Pulls bytes from a stream of chunks: lines, exact lengths, skips and searches, without ever
 * holding more than what the caller asked for plus one chunk. `offset` counts the bytes consumed.
 */
export class ByteReader {
  /** Bytes consumed so far (read, skipped or searched past); bytes pushed back are uncounted. */
  offset = 0;
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  private readonly source: AsyncIterator<Buffer>;
  private ended = false;

  constructor(source: AsyncIterable<Buffer | Uint8Array | string>) {
    const iterator = source[Symbol.asyncIterator]();
    this.source = {
      async next() {
        const { done, value } = await iterator.next();
        if (done) return { done: true, value: undefined };
        const bytes =
          typeof value === 'string'
            ? Buffer.from(value)
            : Buffer.isBuffer(value)
              ? value
              : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        return { done: false, value: bytes };
      },
    };
  }

  /** Makes at least `count` bytes available, unless the stream ends first; returns how many are. */
  private async fill(count: number): Promise<number> {
    while (this.buffered < count && !this.ended) {
      const { done, value } = await this.source.next();
      if (done) this.ended = true;
      else if (value.length) {
        this.chunks.push(value);
        this.buffered += value.length;
      }
    }
    return this.buffered;
  }

  /** Takes up to `count` buffered bytes off the front (all of them must be buffered). */
  private take(count: number): Buffer {
    if (count === 0) return EMPTY;
    const first = this.chunks[0] as Buffer;
    let result: Buffer;
    if (first.length >= count) {
      result = first.subarray(0, count);
      if (first.length === count) this.chunks.shift();
      else this.chunks[0] = first.subarray(count);
    } else {
      const parts: Buffer[] = [];
      let needed = count;
      while (needed > 0) {
        const chunk = this.chunks[0] as Buffer;
        if (chunk.length <= needed) {
          parts.push(chunk);
          this.chunks.shift();
          needed -= chunk.length;
        } else {
          parts.push(chunk.subarray(0, needed));
          this.chunks[0] = chunk.subarray(needed);
          needed = 0;
        }
      }
      result = Buffer.concat(parts, count);
    }
    this.buffered -= count;
    this.offset += count;
    return result;
  }

  /** True when every byte has been consumed. */
  async atEnd(): Promise<boolean> {
    return (await this.fill(1)) === 0;
  }

  /** The next `count` bytes (fewer at the end of the stream), left unread. */
  async peek(count: number): Promise<Buffer> {
    const available = Math.min(await this.fill(count), count);
    const bytes = this.take(available);
    this.unread(bytes);
    return bytes;
  }

  /** Up to `max` bytes: what is buffered, or else the next chunk; empty at the end of the stream. */
  async readSome(max: number): Promise<Buffer> {
    if (this.buffered === 0 && (await this.fill(1)) === 0) return EMPTY;
    return this.take(Math.min(max, (this.chunks[0] as Buffer).length));
  }

  /** Exactly `count` bytes, or fewer when the stream ends first. */
  async read(count: number): Promise<Buffer> {
    return this.take(Math.min(await this.fill(count), count));
  }

  /** Discards `count` bytes without holding them; returns how many there were. */
  async skip(count: number): Promise<number> {
    let skipped = 0;
    while (skipped < count) {
      if (this.buffered === 0 && (await this.fill(1)) === 0) break;
      skipped += this.take(Math.min(count - skipped, (this.chunks[0] as Buffer).length)).length;
    }
    return skipped;
  }

  /**
   * The next line with its end (`\n`), or what is left when the stream ends first; null at the end.
   * A line longer than `max` bytes is cut there: the caller sees a line without its `\n`.
   */
  async readLine(max: number): Promise<Buffer | null> {
    let searched = 0;
    for (;;) {
      let position = 0;
      for (const chunk of this.chunks) {
        const end = position + chunk.length;
        if (end > searched) {
          const index = chunk.indexOf(10, Math.max(0, searched - position));
          if (index !== -1) return this.take(Math.min(position + index + 1, max));
        }
        position = end;
        if (position >= max) break;
      }
      searched = this.buffered;
      if (searched >= max) return this.take(max);
      if ((await this.fill(searched + 1)) === searched) return searched ? this.take(searched) : null;
    }
  }

  /**
   * Consumes bytes up to the next place where `pattern` starts (left unread); true when found,
   * false when the stream ended without it (everything is then consumed).
   */
  async skipTo(pattern: Buffer): Promise<boolean> {
    for (;;) {
      await this.fill(pattern.length);
      const head = this.chunks.length > 1 ? Buffer.concat(this.chunks) : (this.chunks[0] ?? EMPTY);
      if (this.chunks.length > 1) this.chunks.splice(0, this.chunks.length, head);
      const index = head.indexOf(pattern);
      if (index !== -1) {
        this.take(index);
        return true;
      }
      if (this.ended) {
        this.take(this.buffered);
        return false;
      }
      // Keep the tail that could be the start of the pattern, and read on.
      this.take(Math.max(0, this.buffered - pattern.length + 1));
      await this.fill(this.buffered + 1);
    }
  }

  /** Puts bytes back in front of the stream, to be read again. */
  unread(bytes: Buffer): void {
    if (!bytes.length) return;
    this.chunks.unshift(bytes);
    this.buffered += bytes.length;
    this.offset -= bytes.length;
  }
}

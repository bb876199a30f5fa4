// One line per host, redrawn in place on a terminal; plain appended lines elsewhere.

/** A block of per-host status lines on stderr. */
export class LiveLines {
  private readonly lines = new Map<string, string>();
  private drawn = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly interactive: boolean,
  ) {}

  /** Set a host's line (redrawn on a terminal; printed only when `final` elsewhere). */
  set(key: string, text: string, final = false): void {
    this.lines.set(key, text);
    if (this.interactive) this.redraw();
    else if (final) this.stream.write(`${text}\n`);
  }

  /** Stop redrawing: the last state stays on screen. */
  done(): void {
    this.drawn = 0;
  }

  private redraw(): void {
    const width = this.stream.columns || 120;
    let out = this.drawn > 0 ? `\x1b[${this.drawn}A` : '';
    for (const text of this.lines.values()) out += `\x1b[2K${text.slice(0, width - 1)}\n`;
    this.drawn = this.lines.size;
    this.stream.write(out);
  }
}

/** A one-line progress bar for terminals, redrawn at most ten times a second. */
export class ProgressBar {
  private lastDraw = 0;

  constructor(
    private readonly out: { write(text: string): unknown },
    private readonly total: number,
    private readonly width = 30,
  ) {}

  update(done: number): void {
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.draw(done);
  }

  finish(): void {
    this.draw(this.total);
    this.out.write('\n');
  }

  private draw(done: number): void {
    const ratio = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const filled = Math.round(ratio * this.width);
    this.out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%`);
  }
}

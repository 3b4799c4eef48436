import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Flips `started` to true, once, when the host comes within about one viewport of
 * being visible, so a widget at the bottom of a long article costs nothing until the
 * reader gets near it. `active` is `started` while the host is in the document: work
 * keyed on it stops when the host is removed and resumes when it is put back.
 */
export class LazyStartController implements ReactiveController {
  started = false;
  private _observer?: IntersectionObserver;

  constructor(private readonly _host: ReactiveControllerHost & Element) {
    _host.addController(this);
  }

  get active(): boolean {
    return this.started && this._host.isConnected;
  }

  hostConnected(): void {
    // Already started: an update re-reads `active`.
    if (this.started) return this._host.requestUpdate();
    this._observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.start();
      },
      { rootMargin: '100% 0px' },
    );
    this._observer.observe(this._host);
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observer = undefined;
    this._host.requestUpdate();
  }

  /** Starts now, without waiting to be seen near the viewport. */
  start(): void {
    this.started = true;
    // Stops observing and asks for the update that reads `active`.
    this.hostDisconnected();
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Flips `started` to true, once, when the host comes within about one viewport of
 * being visible, so a widget at the bottom of a long article costs nothing until the
 * reader gets near it.
 */
export class LazyStartController implements ReactiveController {
  started = false;
  private _observer?: IntersectionObserver;

  constructor(private readonly _host: ReactiveControllerHost & Element) {
    _host.addController(this);
  }

  hostConnected(): void {
    if (this.started) return;
    if (typeof IntersectionObserver !== 'function') {
      this._start();
      return;
    }
    this._observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this._start();
      },
      { rootMargin: '100% 0px' },
    );
    this._observer.observe(this._host);
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observer = undefined;
  }

  private _start(): void {
    this.hostDisconnected();
    this.started = true;
    this._host.requestUpdate();
  }
}

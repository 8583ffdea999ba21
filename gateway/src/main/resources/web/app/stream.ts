// The live stream (GET /api/v1/stream) read with fetch, because EventSource cannot send the bearer token.
// Reconnects after a drop with Last-Event-ID, so the gateway replays what was missed; "reset" means refetch.
import { authorization } from "./api";

export type StreamState = "connecting" | "live" | "reconnecting";

export interface StreamHandlers {
  onEvent(type: string, data: unknown): void;
  onReset(): void;
  onState(state: StreamState): void;
}

export class LiveStream {
  private lastEventId: string | null = null;
  private abort: AbortController | null = null;
  private stopped = false;
  private retryMs = 3000;

  constructor(private readonly handlers: StreamHandlers) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
  }

  private async connect(): Promise<void> {
    while (!this.stopped) {
      this.abort = new AbortController();
      try {
        const headers: Record<string, string> = { Accept: "text/event-stream", ...authorization() };
        if (this.lastEventId) {
          headers["Last-Event-ID"] = this.lastEventId;
        }
        const response = await fetch("/api/v1/stream", { headers, signal: this.abort.signal, cache: "no-store" });
        if (!response.ok || !response.body) {
          throw new Error(`stream answered ${response.status}`);
        }
        this.handlers.onState("live");
        await this.read(response.body);
      } catch {
        // dropped, refused or aborted: fall through to the reconnect below
      }
      if (this.stopped) {
        return;
      }
      this.handlers.onState("reconnecting");
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
        this.dispatch(block);
      }
    }
  }

  private dispatch(block: string): void {
    let type = "message";
    let data = "";
    let id: string | null = null;
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(":")) {
        continue; // heartbeat comment
      }
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") type = value;
      else if (field === "data") data += (data ? "\n" : "") + value;
      else if (field === "id") id = value;
      else if (field === "retry" && /^\d+$/.test(value)) this.retryMs = Number(value);
    }
    if (id) {
      this.lastEventId = id;
    }
    if (type === "reset") {
      this.handlers.onReset();
    } else if (data) {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(data);
      } catch {
        // not JSON: still a change worth a refresh
      }
      this.handlers.onEvent(type, parsed);
    }
  }
}

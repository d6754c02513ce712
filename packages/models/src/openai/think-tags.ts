const OPEN = '<think>';
const CLOSE = '</think>';

export interface SplitPiece {
  type: 'text' | 'reasoning';
  delta: string;
}

/**
 * Splits streamed content that may begin with `<think>...</think>` (reasoning models served
 * without a reasoning parser: DeepSeek-R1, QwQ, Qwen3 on vLLM, llama.cpp, Ollama) into
 * reasoning and answer. Only a block at the very start counts (after whitespace); a tag may
 * be split across chunks anywhere. Whitespace around the reasoning and between the block and
 * the answer is dropped. Content that does not start with `<think>` passes through untouched.
 */
export class ThinkTagSplitter {
  private state: 'start' | 'thinking' | 'after-think' | 'answer' = 'start';
  /** Text held back until the next chunk says what it is. */
  private held = '';
  /** Inside the block, whether non-whitespace reasoning has begun. */
  private reasoningStarted = false;

  push(content: string): SplitPiece[] {
    const pieces: SplitPiece[] = [];
    this.feed(content, pieces);
    return pieces;
  }

  /** The end of the content: whatever was held back (an unclosed block is all reasoning). */
  flush(): SplitPiece[] {
    const held = this.held;
    this.held = '';
    if (held === '') return [];
    if (this.state === 'start') return [{ type: 'text', delta: held }];
    if (this.state === 'thinking') return [{ type: 'reasoning', delta: held }];
    return [];
  }

  private feed(content: string, pieces: SplitPiece[]): void {
    if (content === '') return;
    if (this.state === 'answer') {
      pieces.push({ type: 'text', delta: content });
    } else if (this.state === 'after-think') {
      const answer = content.trimStart();
      if (answer === '') return;
      this.state = 'answer';
      pieces.push({ type: 'text', delta: answer });
    } else if (this.state === 'start') {
      this.held += content;
      const trimmed = this.held.trimStart();
      if (trimmed.startsWith(OPEN)) {
        this.state = 'thinking';
        this.held = '';
        this.feed(trimmed.slice(OPEN.length), pieces);
      } else if (!OPEN.startsWith(trimmed)) {
        // Not a think block: everything so far, as it came, is the answer.
        this.state = 'answer';
        const answer = this.held;
        this.held = '';
        pieces.push({ type: 'text', delta: answer });
      }
      // Otherwise whitespace or a partial `<think>`: wait for more.
    } else {
      let text = this.held + content;
      this.held = '';
      if (!this.reasoningStarted) {
        text = text.trimStart();
        if (text === '') return;
        this.reasoningStarted = true;
      }
      const close = text.indexOf(CLOSE);
      if (close !== -1) {
        const reasoning = text.slice(0, close).trimEnd();
        if (reasoning !== '') pieces.push({ type: 'reasoning', delta: reasoning });
        this.state = 'after-think';
        this.feed(text.slice(close + CLOSE.length), pieces);
        return;
      }
      const keep = heldBack(text);
      const ready = text.slice(0, text.length - keep);
      this.held = text.slice(text.length - keep);
      if (ready !== '') pieces.push({ type: 'reasoning', delta: ready });
    }
  }
}

/**
 * How many characters at the end of the reasoning must wait for the next chunk: a partial
 * `</think>`, and the whitespace before it (dropped if the block ends there).
 */
function heldBack(text: string): number {
  let keep = 0;
  for (let length = Math.min(CLOSE.length - 1, text.length); length > 0; length -= 1) {
    if (text.endsWith(CLOSE.slice(0, length))) {
      keep = length;
      break;
    }
  }
  while (keep < text.length && isSpace(text.charCodeAt(text.length - keep - 1))) keep += 1;
  return keep;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

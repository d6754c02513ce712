import type { ChatMessage } from '@ladder/core';
import type { ChatHistoryItem, LlamaModel } from 'node-llama-cpp';

/**
 * How a chat prompt reaches the model.
 * - `chat`: the model's own chat template (LlamaChat with the chat wrapper node-llama-cpp
 *   resolves from the template), so instruction-tuned models see the turns they were trained on.
 * - `completion`: base models have no template, and wrapping their input in a made-up one
 *   (`### Human` ...) only confuses them. Their messages become plain text and the model
 *   continues it (LlamaCompletion).
 */
export type PromptFormat = 'chat' | 'completion';

/**
 * `chat` when the GGUF file carries `tokenizer.chat_template`, `completion` otherwise. The
 * metadata is the only reliable signal: node-llama-cpp's own resolver falls back to a
 * generic template for any model, which is wrong for base models.
 */
export function detectPromptFormat(model: LlamaModel): PromptFormat {
  const template = model.fileInfo.metadata.tokenizer?.chat_template;
  return typeof template === 'string' && template.trim() !== '' ? 'chat' : 'completion';
}

/**
 * The completion text of a chat prompt: every message's content, in order, separated by a
 * blank line, without role labels. The model writes what comes next.
 */
export function renderCompletionText(prompt: ChatMessage[]): string {
  return prompt.map((message) => message.content).join('\n\n');
}

/** The chat history LlamaChat renders with the model's template; it ends with the turn to write. */
export function toChatHistory(prompt: ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = prompt.map((message): ChatHistoryItem => {
    if (message.role === 'system') return { type: 'system', text: message.content };
    if (message.role === 'user') return { type: 'user', text: message.content };
    return { type: 'model', response: [message.content] };
  });
  // A trailing assistant message is a prefill: the model continues it.
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}

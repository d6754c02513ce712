/** One chat message. Ladder speaks chat; a plain text prompt is a single user message. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * One item of a dataset. `id` is stable across versions of the file: resume, caching,
 * sharding and the CI gate all key on it.
 */
export interface Sample {
  id: string;
  /** Text (rendered into the suite's prompt template) or ready-made chat messages. */
  input: string | ChatMessage[];
  /** The reference answer(s). A scorer decides how several targets combine. */
  targets: string[];
  /** For multiple choice: the options, in order (A, B, C, ...). */
  choices?: string[];
  /** Everything else the item carries (subject, difficulty, tests, source fields ...). */
  metadata: Record<string, unknown>;
}

import type { ChatMessage } from '@ladder/core';
import type { Language } from './languages.js';

/** The zero-shot prompt of every translation suite (one user message; documented in README.md). */
export function translationPrompt(source: Language, target: Language, text: string): ChatMessage[] {
  return [
    {
      role: 'user',
      content:
        `Translate the following ${source.name} text into ${target.targetName}. ` +
        `Reply with the ${target.targetName} translation only: no explanations, notes, labels or quotation marks.\n\n` +
        text,
    },
  ];
}

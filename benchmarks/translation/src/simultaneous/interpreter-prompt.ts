import type { ChatMessage } from '@ladder/core';
import type { SpokenLanguage } from './languages.js';
import type { Policy } from './policy.js';

/** Ends the last piece of the speech in the user message. */
export const END_OF_SPEECH = '[end of speech]';

/**
 * The system message of a simultaneous session. The speech then comes as user messages, one per
 * call (pieces the model answered nothing to are merged into the next), and each reply is what
 * the model committed at that call (cut to what the policy allows).
 */
export function interpreterInstructions(options: { from: SpokenLanguage; to: SpokenLanguage; policy: Policy; ratio: number }): string {
  const { from, to, policy } = options;
  const targetUnit = to.unit === 'word' ? 'word' : 'character';
  const sourceUnit = from.script === 'spaced' ? 'word' : 'character';
  const pace =
    policy.kind === 'wait'
      ? ` Keep close behind the speaker: only the start of each reply is kept, about ${options.ratio === 1 ? 'one' : options.ratio} ${targetUnit}${options.ratio === 1 ? '' : 's'} for each new ${sourceUnit} you hear, so begin with what you are sure of.`
      : policy.kind === 'lag'
        ? ` You hear about ${policy.seconds} seconds of speech at a time.`
        : '';
  return (
    `You are a simultaneous interpreter, translating ${/^[AEIOU]/.test(from.name) ? 'an' : 'a'} ${from.name} speech into ${to.targetName} while it is spoken. ` +
    'The speech reaches you a piece at a time, each piece in a message, and what you write goes to the listeners at once: it cannot be changed. ' +
    `Reply to each piece with the next words of your ${to.targetName} translation only: continue where you stopped, do not repeat what you have written, ` +
    'and translate only what you have heard (reply with nothing if you need to hear more first).' +
    pace +
    ` When a piece ends with ${END_OF_SPEECH}, the speech is over: finish the translation. ` +
    'Write the translation only: no notes, labels or quotation marks.'
  );
}

/** The manifest's prompt of a sample: the instructions and the whole speech, as a single call would see it. */
export function fullSpeechPrompt(instructions: string, source: string): ChatMessage[] {
  return [
    { role: 'system', content: instructions },
    { role: 'user', content: `${source}\n\n${END_OF_SPEECH}` },
  ];
}

import type { Sample } from '@ladder/core';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * CircularEval (MMBench; OpenCompass `circular`): the n rotations of a sample's options. Rotation
 * k moves option i to position (i - k) mod n, so rotation 1 of [w, x, y, z] is [x, y, z, w], and
 * each target letter follows its option. Ids are `${id}#rot${k}`; rotation 0 is the original
 * order. `metadata.circular` records `{ of: id, rotation: k }` so results can be regrouped.
 * A sample without choices comes back unchanged, alone.
 */
export function circularVariants(sample: Sample): Sample[] {
  const choices = sample.choices;
  if (!choices || choices.length === 0) return [sample];
  const count = choices.length;
  return Array.from({ length: count }, (_, rotation) => {
    const rotated = choices.map((_, position) => choices[(position + rotation) % count] as string);
    const targets = sample.targets.map((target) => {
      const index = LETTERS.indexOf(target.trim().toUpperCase());
      if (index < 0 || index >= count) return target;
      return LETTERS[(index - rotation + count) % count] as string;
    });
    return {
      ...sample,
      id: `${sample.id}#rot${rotation}`,
      choices: rotated,
      targets,
      metadata: { ...sample.metadata, circular: { of: sample.id, rotation } },
    };
  });
}

/** The original id of a `circularVariants` id (`q1#rot2` → `q1`); other ids are returned as they are. */
export function circularBaseId(id: string): string {
  return id.replace(/#rot\d+$/u, '');
}

/**
 * CircularEval scoring: an item is correct only if it is right under every rotation. Takes the
 * per-variant scores keyed by variant id (`${id}#rot${k}`, value 1 = right) and returns one 0/1
 * per original id. A variant with a value below 1, or a missing value (undefined), makes the
 * item wrong; ids without a `#rot` suffix count as their own single rotation.
 */
export function circularCorrect(scoresBySample: Readonly<Record<string, number | undefined>>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [id, value] of Object.entries(scoresBySample)) {
    const base = circularBaseId(id);
    const right = value !== undefined && value >= 1;
    result[base] = (result[base] ?? 1) === 1 && right ? 1 : 0;
  }
  return result;
}

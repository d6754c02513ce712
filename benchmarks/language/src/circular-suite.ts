import type { Suite } from '@ladder/core';
import { circularVariants } from '@ladder/scorers';

/**
 * CircularEval (MMBench; OpenCompass): the suite with every question asked once per rotation of
 * its options (ids `<id>#rot<k>`, the target letter moved with its option). The report's
 * `circularValue` counts a question right only when every rotation was; `value` stays the
 * per-rotation accuracy.
 */
export function circularSuite(base: Suite): Suite {
  return {
    ...base,
    id: `${base.id}-circular`,
    description: `${base.description ?? base.id}; CircularEval: asked under every rotation of the options`,
    async load(context) {
      const loaded = await base.load(context);
      return { ...loaded, samples: loaded.samples.flatMap((sample) => circularVariants(sample)) };
    },
  };
}

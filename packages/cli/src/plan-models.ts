import { parseModelId, type LadderConfig } from '@ladder/core';
import { priceOf, resolveModel } from '@ladder/models';
import { RateLimiter, type PlannedModel } from '@ladder/runner';

/**
 * Resolves the `--model` ids into planned models: concurrency (the flag, else the provider's
 * in the config, else the model's own default), one shared rate limiter per provider that has
 * requests- or tokens-per-minute limits in the config, and the price per million tokens.
 */
export async function planModels(options: { ids: string[]; config: LadderConfig; concurrency: number | undefined }): Promise<PlannedModel[]> {
  const { config } = options;
  const limiters = new Map<string, RateLimiter>();
  const planned: PlannedModel[] = [];
  for (const id of options.ids) {
    const model = await resolveModel(id, { configured: config.models ?? {}, providers: config.providers ?? {} });
    const provider = parseModelId(id)?.provider ?? id;
    const settings = config.providers?.[provider];
    let limiter = limiters.get(provider);
    if (limiter === undefined && (settings?.requestsPerMinute !== undefined || settings?.tokensPerMinute !== undefined)) {
      limiter = new RateLimiter({ requestsPerMinute: settings.requestsPerMinute, tokensPerMinute: settings.tokensPerMinute });
      limiters.set(provider, limiter);
    }
    const price = priceOf(id, config.prices ?? {});
    planned.push({
      id,
      model,
      concurrency: options.concurrency ?? settings?.concurrency ?? model.defaultConcurrency ?? 4,
      ...(limiter === undefined ? {} : { limiter }),
      ...(price === undefined ? {} : { price }),
    });
  }
  return planned;
}

/** The streaming chat request both load generators send. */
export function chatRequestBody(index: number): string {
  return JSON.stringify({
    model: 'bench',
    messages: [{ role: 'user', content: `Repeat after me: item number ${index}.` }],
    stream: true,
    stream_options: { include_usage: true },
    max_tokens: 64,
  });
}
